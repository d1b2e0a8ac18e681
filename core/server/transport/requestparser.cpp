// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/transport/requestparser.h"

#include "core/common/httpsyntax.h"

#include <QByteArrayView>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace AiHub::Server {

namespace {

constexpr int kMaxHeaderFields = 100;
constexpr qint64 kMaxHeaderBlock = 96 * 1024;
constexpr qint64 kMaxBodyReserve = 1024 * 1024;
constexpr qsizetype kMaxChunkLine = 1024;
constexpr qsizetype kMaxMethod = 32;
constexpr qsizetype kMaxContentLengthDigits = 18;
constexpr qsizetype kMaxChunkSizeDigits = 15;

using HttpSyntax::isToken;
using HttpSyntax::isTokenChar;

bool isOws(char c) { return c == ' ' || c == '\t'; }

QByteArrayView trimOws(QByteArrayView v)
{
    qsizetype b = 0;
    qsizetype e = v.size();
    while (b < e && isOws(v[b]))
        ++b;
    while (e > b && isOws(v[e - 1]))
        --e;
    return v.sliced(b, e - b);
}

// Sixteen bytes at a time while none is below 0x20 or DEL (a tab among them sends that block to the byte loop):
// header values are most of a request head, and the Authorization value alone is some 70 bytes.
bool hasControlChars(QByteArrayView v)
{
    const auto *p = reinterpret_cast<const unsigned char *>(v.data());
    const unsigned char *const end = p + v.size();
#if defined(__SSE2__)
    const __m128i floor = _mm_set1_epi8(0x20);
    const __m128i del = _mm_set1_epi8(0x7f);
    while (end - p >= 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i bad = _mm_or_si128(_mm_cmpeq_epi8(x, del),
                                         _mm_xor_si128(_mm_cmpeq_epi8(_mm_max_epu8(x, floor), x), _mm_set1_epi8(-1)));
        if (_mm_movemask_epi8(bad) != 0)
            break;
        p += 16;
    }
#endif
    for (; p != end; ++p) {
        if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
            return true;
    }
    return false;
}

// Sizes first: most header names differ in length from the ones looked for. b is always a lower-case literal.
bool equalsCi(QByteArrayView a, QByteArrayView b)
{
    return HttpSyntax::equalsLowercase(a, b);
}

bool validTarget(QByteArrayView t)
{
    if (t.isEmpty())
        return false;
    for (char c : t) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f)
            return false;
    }
    if (t.front() == '/' || t == "*")
        return true;
    return t.size() > 8 && (t.first(7).compare("http://", Qt::CaseInsensitive) == 0
                            || t.first(8).compare("https://", Qt::CaseInsensitive) == 0);
}

} // namespace

void RequestParser::setLimits(qint64 maxHeaderBytes, qint64 maxBodyBytes)
{
    m_maxHeaderBytes = qMin(maxHeaderBytes, kMaxHeaderBlock);
    m_maxBodyBytes = maxBodyBytes;
}

RequestParser::Request RequestParser::takeRequest()
{
    Request r = std::move(m_request);
    m_request = Request {};
    return r;
}

bool RequestParser::isBetweenRequests() const
{
    return (m_state == State::RequestLine && m_line.isEmpty() && m_headerBytes == 0) || m_state == State::Stopped;
}

bool RequestParser::fail(int status, const char *message)
{
    m_state = State::Failed;
    m_failure = Failure { status, QByteArray(message), m_requestStart };
    m_line.resize(0);
    m_request = Request {};
    return false;
}

void RequestParser::appendBody(const char *data, qint64 size)
{
    m_request.body.append(data, qsizetype(size));
}

qsizetype RequestParser::feed(const char *data, qsizetype size, Event *event)
{
    *event = Event::None;
    qsizetype pos = 0;
    while (pos < size) {
        switch (m_state) {
        case State::Failed:
        case State::Stopped:
            m_offset += size - pos;
            return size;
        case State::Body:
        case State::ChunkData: {
            const qint64 n = qMin<qint64>(m_remaining, size - pos);
            appendBody(data + pos, n);
            pos += n;
            m_offset += n;
            m_remaining -= n;
            if (m_remaining == 0) {
                if (m_state == State::Body) {
                    finishRequest();
                    *event = Event::Request;
                    return pos;
                }
                m_state = State::ChunkDataEnd;
                m_crlfSeen = 0;
            }
            break;
        }
        case State::ChunkDataEnd:
        case State::LastChunkEnd: {
            // Exactly CRLF: a parser that reads two bytes here without looking would be desynchronised by a bare LF.
            const char c = data[pos++];
            ++m_offset;
            if (m_crlfSeen == 0 && c == '\r') {
                m_crlfSeen = 1;
            } else if (m_crlfSeen == 1 && c == '\n') {
                if (m_state == State::ChunkDataEnd) {
                    m_state = State::ChunkSize;
                } else {
                    finishRequest();
                    *event = Event::Request;
                    return pos;
                }
            } else {
                if (m_state == State::LastChunkEnd)
                    fail(400, "Chunked request bodies with trailer fields are not supported; send the body "
                              "without trailers.");
                else
                    fail(400, "Malformed chunked request body: a chunk must end with CRLF.");
                *event = Event::Failed;
                return pos;
            }
            break;
        }
        case State::RequestLine:
        case State::Headers:
        case State::ChunkSize: {
            const char *start = data + pos;
            const auto *nl = static_cast<const char *>(std::memchr(start, '\n', size_t(size - pos)));
            const qsizetype take = nl ? (nl - start) + 1 : size - pos;
            if (m_state == State::ChunkSize) {
                if (m_line.size() + take > kMaxChunkLine) {
                    *event = Event::Failed;
                    fail(400, "Malformed chunked request body: chunk size line too long.");
                    return pos + take;
                }
            } else {
                m_headerBytes += take;
                if (m_headerBytes > m_maxHeaderBytes) {
                    *event = Event::Failed;
                    fail(431, "The request header block is too large.");
                    return pos + take;
                }
            }
            pos += take;
            m_offset += take;
            if (!nl) {
                m_line.append(start, take);
                if (m_state == State::RequestLine && !checkPartialRequestLine()) {
                    *event = Event::Failed;
                    return pos;
                }
                break;
            }
            // A line that arrived whole is parsed where it lies; only a line split across reads is copied.
            QByteArrayView line(start, take - 1);
            if (!m_line.isEmpty()) {
                m_line.append(line.data(), line.size());
                line = m_line;
            }
            const bool ok = parseLine(line, event);
            if (!m_line.isEmpty())
                m_line.resize(0);
            if (!ok) {
                *event = Event::Failed;
                return pos;
            }
            if (*event != Event::None)
                return pos;
            break;
        }
        }
    }
    return pos;
}

bool RequestParser::parseLine(QByteArrayView line, Event *event)
{
    if (m_state == State::ChunkSize) {
        if (!line.endsWith('\r'))
            return fail(400, "Malformed chunked request body: chunk size line must end with CRLF.");
        return parseChunkSize(line.chopped(1));
    }
    if (line.endsWith('\r'))
        line.chop(1);
    if (m_state == State::RequestLine)
        return line.isEmpty() || parseRequestLine(line); // blank lines between requests are allowed
    if (line.isEmpty())
        return finishHead(event);
    return parseHeaderLine(line);
}

bool RequestParser::checkPartialRequestLine()
{
    // Fail fast on binary or TLS bytes instead of waiting for a newline that may never come.
    const qsizetype n = qMin(m_line.size(), kMaxMethod + 1);
    for (qsizetype i = 0; i < n; ++i) {
        const char c = m_line.at(i);
        if (c == ' ')
            return i > 0 || fail(400, "Malformed request line.");
        if (!isTokenChar(c) && !(c == '\r' && i == m_line.size() - 1))
            return fail(400, "Malformed request line: this server speaks plain HTTP/1.1.");
    }
    if (m_line.size() > kMaxMethod)
        return fail(400, "Malformed request line: method too long.");
    return true;
}

bool RequestParser::parseRequestLine(QByteArrayView line)
{
    m_request = Request {};
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, "Malformed request line: expected 'METHOD target HTTP/1.1'.");
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method) || method.size() > kMaxMethod)
        return fail(400, "Malformed request line: invalid method.");
    if (!validTarget(target))
        return fail(400, "Malformed request line: invalid request target.");
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' || version[5] < '0'
        || version[5] > '9' || version[7] < '0' || version[7] > '9')
        return fail(400, "Malformed request line: invalid HTTP version.");
    if (version == "HTTP/1.1") {
        m_request.http10 = false;
    } else if (version == "HTTP/1.0") {
        m_request.http10 = true;
    } else {
        return fail(505, "Only HTTP/1.0 and HTTP/1.1 are supported.");
    }
    // The usual methods share one array each instead of allocating per request.
    static const QByteArray post = QByteArrayLiteral("POST");
    static const QByteArray get = QByteArrayLiteral("GET");
    m_request.methodToken = method == "POST" ? post : method == "GET" ? get : method.toByteArray();
    m_request.target = target.toByteArray();
    m_request.startOffset = m_requestStart;
    m_state = State::Headers;
    return true;
}

bool RequestParser::parseHeaderLine(QByteArrayView line)
{
    if (isOws(line.front()))
        return fail(400, "Folded header lines are not allowed.");
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)))
        return fail(400, "Malformed header line.");
    if (++m_fieldCount > kMaxHeaderFields)
        return fail(431, "Too many request header fields.");
    const QByteArrayView name = line.first(colon);
    const QByteArrayView value = trimOws(line.sliced(colon + 1));
    if (hasControlChars(value))
        return fail(400, "Control characters in a header value.");
    m_request.headers.append(name, value);

    if (equalsCi(name, "content-length")) {
        if (value.isEmpty() || value.size() > kMaxContentLengthDigits)
            return fail(400, "Invalid Content-Length.");
        qint64 length = 0;
        for (char c : value) {
            if (c < '0' || c > '9')
                return fail(400, "Invalid Content-Length.");
            length = length * 10 + (c - '0');
        }
        if (m_sawContentLength && length != m_request.contentLength)
            return fail(400, "Conflicting Content-Length headers.");
        m_sawContentLength = true;
        m_request.contentLength = length;
    } else if (equalsCi(name, "transfer-encoding")) {
        if (m_sawTransferEncoding)
            return fail(400, "Repeated Transfer-Encoding header.");
        m_sawTransferEncoding = true;
        if (!equalsCi(value, "chunked"))
            return fail(501, "Only 'Transfer-Encoding: chunked' is supported for request bodies.");
        m_request.chunked = true;
    } else if (equalsCi(name, "connection")) {
        qsizetype from = 0;
        while (from <= value.size()) {
            qsizetype comma = value.indexOf(',', from);
            if (comma < 0)
                comma = value.size();
            const QByteArrayView token = trimOws(value.sliced(from, comma - from));
            if (equalsCi(token, "close"))
                m_connectionClose = true;
            else if (equalsCi(token, "keep-alive"))
                m_connectionKeepAlive = true;
            from = comma + 1;
        }
        // Qt 6.4 treats any Connection value containing "upgrade" as an upgrade attempt.
        if (value.toByteArray().toLower().contains("upgrade"))
            m_connectionUpgrade = true;
    } else if (equalsCi(name, "expect")) {
        if (!equalsCi(value, "100-continue"))
            return fail(417, "Only 'Expect: 100-continue' is supported.");
        m_expect = true;
    } else if (equalsCi(name, "upgrade")) {
        if (equalsCi(value, "websocket"))
            m_upgradeWebSocket = true;
    } else if (equalsCi(name, "host")) {
        ++m_hostCount;
    }
    return true;
}

bool RequestParser::finishHead(Event *event)
{
    if (!m_request.http10 && m_hostCount == 0)
        return fail(400, "HTTP/1.1 requests need a Host header.");
    if (m_hostCount > 1)
        return fail(400, "More than one Host header.");
    if (m_request.chunked && m_sawContentLength)
        return fail(400, "A request cannot have both Content-Length and Transfer-Encoding.");
    if (m_connectionUpgrade && m_upgradeWebSocket)
        return fail(501, "WebSocket upgrades are not supported.");
    if (m_request.contentLength > m_maxBodyBytes)
        return fail(413, "The request body is larger than this server accepts.");

    m_request.keepAlive = m_request.http10 ? (m_connectionKeepAlive && !m_connectionClose) : !m_connectionClose;
    m_lastKeepAlive = m_request.keepAlive;
    // HTTP/1.0 clients cannot ask for 100 Continue (RFC 9110 10.1.1), and without a body there is nothing to wait for.
    m_request.expectContinue = m_expect && !m_request.http10 && (m_request.chunked || m_request.contentLength > 0);
    if (m_request.chunked) {
        m_state = State::ChunkSize;
        *event = Event::Head;
    } else if (m_request.contentLength > 0) {
        m_state = State::Body;
        m_remaining = m_request.contentLength;
        // The declared size, but not more than a modest amount before the bytes are really there.
        m_request.body.reserve(qsizetype(qMin<qint64>(m_remaining, kMaxBodyReserve)));
        *event = Event::Head;
    } else {
        finishRequest();
        *event = Event::Request;
    }
    return true;
}

bool RequestParser::parseChunkSize(QByteArrayView line)
{
    const qsizetype semicolon = line.indexOf(';');
    if (semicolon >= 0)
        line = line.first(semicolon);
    line = trimOws(line);
    if (line.isEmpty() || line.size() > kMaxChunkSizeDigits)
        return fail(400, "Malformed chunked request body: invalid chunk size.");
    qint64 chunk = 0;
    for (char c : line) {
        const int v = HttpSyntax::hexDigitValue(c);
        if (v < 0)
            return fail(400, "Malformed chunked request body: invalid chunk size.");
        chunk = chunk * 16 + v;
    }
    if (chunk == 0) {
        m_state = State::LastChunkEnd;
        m_crlfSeen = 0;
        return true;
    }
    m_bodyTotal += chunk;
    if (m_bodyTotal > m_maxBodyBytes)
        return fail(413, "The request body is larger than this server accepts.");
    m_remaining = chunk;
    m_state = State::ChunkData;
    return true;
}

void RequestParser::finishRequest()
{
    // The request stays in m_request until it is taken.
    const bool keepAlive = m_lastKeepAlive;
    resetRequest();
    m_state = keepAlive ? State::RequestLine : State::Stopped;
}

void RequestParser::resetRequest()
{
    m_requestStart = m_offset;
    m_headerBytes = 0;
    m_remaining = 0;
    m_bodyTotal = 0;
    m_fieldCount = 0;
    m_hostCount = 0;
    m_crlfSeen = 0;
    m_sawContentLength = false;
    m_sawTransferEncoding = false;
    m_connectionClose = false;
    m_connectionKeepAlive = false;
    m_connectionUpgrade = false;
    m_upgradeWebSocket = false;
    m_expect = false;
    m_line.resize(0);
}

} // namespace AiHub::Server
