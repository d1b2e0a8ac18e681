// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/net/httpresponseparser.h"

#include "core/common/httpsyntax.h"
#include "core/net/headerlinescan.h"

#include <QString>

using namespace Qt::StringLiterals;

namespace AiHub::Net {

using namespace HeaderLineScan;

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

QByteArrayView trimOws(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

// `size` bytes of `block` from `from`, sharing its storage (no allocation, no copy). The byte after the slice
// must be NUL, as QByteArray promises; an empty slice is an empty, non-null array of its own.
inline QByteArray sliceOf(QByteArray &block, qsizetype from, qsizetype size)
{
    if (size == 0)
        return QByteArray("", 0);
    Q_ASSERT(block.constData()[from + size] == '\0');
    QByteArray::DataPointer d = block.data_ptr(); // a copy takes a reference to the shared block
    d.ptr += from;
    d.size = size;
    return QByteArray(std::move(d));
}

// A short, printable piece of untrusted input for an error message.
QString excerpt(QByteArrayView v)
{
    constexpr qsizetype max = 60;
    QString out;
    const qsizetype n = std::min(v.size(), max);
    out.reserve(n + 3);
    for (qsizetype i = 0; i < n; ++i) {
        const char c = v[i];
        out += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QChar(u'?');
    }
    if (v.size() > max)
        out += u"...";
    return out;
}

// Each comma-separated element of a list-valued header, trimmed, empty ones skipped.
template<typename F>
void forEachListElement(QByteArrayView value, F &&f)
{
    while (!value.isEmpty()) {
        const qsizetype comma = value.indexOf(',');
        const QByteArrayView element = trimOws(comma < 0 ? value : value.first(comma));
        if (!element.isEmpty())
            f(element);
        if (comma < 0)
            break;
        value = value.sliced(comma + 1);
    }
}

} // namespace

void HttpResponseParser::reset(bool headRequest)
{
    m_buffer.clear();
    m_pos = 0;
    m_scan = 0;
    m_state = State::StatusLine;
    m_head = headRequest;
    m_started = false;
    m_keepAlive = false;
    m_status = 0;
    m_minorVersion = 1;
    m_reason.clear();
    m_headersDone = false;
    m_trailers.clear();
    m_headerBlock.clear(); // shared with the previous response's headers: let go of it, never write into it
    m_blockUsed = 0;
    m_spans.clear();
    m_headerBytes = 0;
    m_framing = Framing::None;
    m_contentLength = -1;
    m_remaining = 0;
    m_error.clear();
}

void HttpResponseParser::feed(const QByteArray &data)
{
    if (data.isEmpty())
        return;
    m_started = true;
    if (m_pos >= m_buffer.size()) {
        m_buffer = data; // shares, no copy: a body that spans the whole read goes out without copying
        m_pos = 0;
        m_scan = 0;
        return;
    }
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_scan = std::max<qsizetype>(0, m_scan - m_pos);
        m_pos = 0;
    }
    m_buffer.append(data);
}

std::vector<ResponseHeaders::Span> HttpResponseParser::headerSpans() const
{
    std::vector<ResponseHeaders::Span> spans;
    spans.reserve(m_spans.size());
    for (const HeaderSpan &s : m_spans)
        spans.push_back({ s.nameAt, s.nameSize, s.valueAt, s.valueSize });
    return spans;
}

ResponseHeaders HttpResponseParser::currentHeaders() const
{
    // Shares the block: it is complete, and the next response starts a block of its own.
    return m_headersDone ? ResponseHeaders(m_headerBlock, headerSpans()) : ResponseHeaders();
}

ResponseHeaders HttpResponseParser::takeHeaders()
{
    if (!m_headersDone)
        return {};
    m_headersDone = false;
    m_headerBlock.resize(m_blockUsed);
    if (m_headerBlock.capacity() - m_blockUsed > m_blockUsed / 4 + 64)
        m_headerBlock.squeeze(); // grown by doubling: give back the room the block will never use
    ResponseHeaders out(std::exchange(m_headerBlock, {}), headerSpans());
    m_blockUsed = 0;
    m_spans.clear();
    return out;
}

std::unexpected<Error> HttpResponseParser::failWith(const QString &message)
{
    m_state = State::Failed;
    m_error = message;
    m_keepAlive = false;
    return fail(ErrorCode::UpstreamProtocol, message);
}

HttpResponseParser::LineResult HttpResponseParser::takeLine(qsizetype limit, qsizetype used, QByteArrayView *line)
{
    const qsizetype from = std::max(m_scan, m_pos);
    const char *const data = m_buffer.constData();
    const auto *found = static_cast<const char *>(std::memchr(data + from, '\n', size_t(m_buffer.size() - from)));
    const qsizetype nl = found ? found - data : -1;
    if (nl < 0) {
        m_scan = m_buffer.size();
        return (m_buffer.size() - m_pos) + used > limit ? LineResult::TooLong : LineResult::NeedMore;
    }
    const qsizetype consumed = nl + 1 - m_pos;
    if (consumed + used > limit)
        return LineResult::TooLong;
    QByteArrayView v(data + m_pos, nl - m_pos);
    if (!v.isEmpty() && v.back() == '\r')
        v.chop(1);
    *line = v;
    m_pos = nl + 1;
    m_scan = m_pos;
    m_headerBytes += consumed;
    return LineResult::Ok;
}

Status HttpResponseParser::parseStatusLine(QByteArrayView line)
{
    if (!line.startsWith("HTTP/"))
        return failWith(u"the upstream did not answer with HTTP (status line \""_s + excerpt(line) + u"\")"_s);
    if (line.size() < 12 || line[6] != '.' || !isDigit(line[5]) || !isDigit(line[7]) || line[8] != ' ')
        return failWith(u"malformed status line \""_s + excerpt(line) + u"\""_s);
    if (line[5] != '1')
        return failWith(u"unsupported HTTP version in status line \""_s + excerpt(line) + u"\"; the hub speaks HTTP/1.1"_s);
    if (!isDigit(line[9]) || !isDigit(line[10]) || !isDigit(line[11]) || (line.size() > 12 && line[12] != ' '))
        return failWith(u"malformed status code in status line \""_s + excerpt(line) + u"\""_s);
    const int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    if (status < 100 || status > 599)
        return failWith(u"invalid status code %1 in status line"_s.arg(status));
    m_minorVersion = line[7] - '0';
    m_status = status;
    if (line.size() <= 13)
        m_reason = QByteArray();
    else if (line.sliced(13) == "OK")
        m_reason = QByteArrayLiteral("OK"); // static data: nearly every answer says this, so no allocation
    else
        m_reason = line.sliced(13).toByteArray();
    // A new header block: the previous one may still be shared with headers handed out before.
    if (!m_headerBlock.isDetached())
        m_headerBlock = QByteArray();
    m_blockUsed = 0;
    m_spans.clear();
    return {};
}

Status HttpResponseParser::checkHeaderLine(QByteArrayView line, bool haveHeader, HeaderLine *out)
{
    // Everything splitHeaderLine() does not take, in the order the checks have always been made (the error
    // names the first problem).
    const char *const p = line.data();
    if (std::memchr(p, '\0', size_t(line.size())) || std::memchr(p, '\r', size_t(line.size())))
        return failWith(u"header line contains a control character: \""_s + excerpt(line) + u"\""_s);
    if (line.front() == ' ' || line.front() == '\t') {
        // obs-fold: a continuation of the previous header's value.
        if (!haveHeader)
            return failWith(u"header continuation line without a header before it"_s);
        *out = { QByteArrayView(), trimOws(line) };
        return {};
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return failWith(u"malformed header line \""_s + excerpt(line) + u"\""_s);
    for (const char c : line.first(colon)) {
        if (!HttpSyntax::isTokenChar(c))
            return failWith(u"invalid header name \""_s + excerpt(line.first(colon)) + u"\""_s);
    }
    *out = { line.first(colon), trimOws(line.sliced(colon + 1)) }; // not reached: splitHeaderLine() takes it
    return {};
}

void HttpResponseParser::growBlock(qsizetype n)
{
    // The block lives as long as the caller keeps the headers (a stream's whole life): the first allocation is
    // exactly what is asked (takePlainHeaderLines() asks for the whole run of lines it found), later ones double
    // and takeHeaders() gives back what was not used.
    const qsizetype want = std::max(m_blockUsed + n, m_headerBlock.capacity() == 0 ? 0 : 2 * m_headerBlock.size());
    m_headerBlock.reserve(want); // exactly this much, unlike resize()'s own growth
    m_headerBlock.resize(want);
}

inline char *HttpResponseParser::blockSpace(qsizetype n)
{
    if (m_blockUsed + n > m_headerBlock.size()) [[unlikely]]
        growBlock(n);
    // Never shared while it is written (each response starts a block of its own): no detach check needed.
    Q_ASSERT(!m_headerBlock.data_ptr().needsDetach());
    return m_headerBlock.data_ptr().data() + m_blockUsed;
}

Status HttpResponseParser::addHeader(QByteArrayView line)
{
    HeaderLine h;
    if (!splitHeaderLine(line, &h.name, &h.value)) {
        if (auto s = checkHeaderLine(line, !m_spans.empty(), &h); !s)
            return s;
    }
    if (h.name.isEmpty()) {
        if (h.value.isEmpty())
            return {};
        // obs-fold: the joined value goes to the end of the block ("old more"), the old bytes stay unused.
        HeaderSpan &last = m_spans.back();
        const qsizetype oldSize = last.valueSize;
        const qsizetype newSize = oldSize + (oldSize > 0 ? 1 : 0) + h.value.size();
        char *p = blockSpace(newSize + 1);
        const char *const block = m_headerBlock.constData();
        std::memmove(p, block + last.valueAt, size_t(oldSize));
        if (oldSize > 0)
            p[oldSize] = ' ';
        std::memcpy(p + newSize - h.value.size(), h.value.data(), size_t(h.value.size()));
        p[newSize] = '\0';
        last.valueAt = quint32(p - block);
        last.valueSize = quint32(newSize);
        m_blockUsed += newSize + 1;
        return {};
    }
    storeHeader(line.data(), h.name.size(), h.value);
    return {};
}

inline HttpResponseParser::HeaderKind HttpResponseParser::headerKind(QByteArrayView name)
{
    // Length and first letter rule out nearly every other name before a full comparison.
    const qsizetype size = name.size();
    const char first = char(name.front() | 0x20);
    if (size == 10 && first == 'c' && name.compare("connection", Qt::CaseInsensitive) == 0)
        return HeaderKind::Connection;
    if (size == 14 && first == 'c' && name.compare("content-length", Qt::CaseInsensitive) == 0)
        return HeaderKind::ContentLength;
    if (size == 17 && first == 't' && name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
        return HeaderKind::TransferEncoding;
    return HeaderKind::Other;
}

void HttpResponseParser::storeHeader(const char *line, qsizetype nameSize, QByteArrayView value)
{
    // One copy of the line up to the end of the value, then a NUL over the colon and one after the value.
    const qsizetype valueSize = value.size();
    const qsizetype valueOffset = value.data() - line;
    const qsizetype copied = valueOffset + valueSize;
    char *p = blockSpace(copied + 1);
    std::memcpy(p, line, size_t(copied));
    p[nameSize] = '\0';
    p[copied] = '\0';
    m_spans.push_back({ quint32(m_blockUsed), quint32(nameSize), quint32(m_blockUsed + valueOffset),
                        quint32(valueSize), headerKind(QByteArrayView(line, nameSize)) });
    m_blockUsed += copied + 1;
}

void HttpResponseParser::takePlainHeaderLines()
{
    // Needs the NUL every QByteArray with storage of its own keeps after its bytes: it stops the scans below.
    if (!m_buffer.data_ptr().isMutable())
        return;
    const auto *const data = reinterpret_cast<const unsigned char *>(m_buffer.constData());
    const unsigned char *const end = data + m_buffer.size();
    const unsigned char *const run = data + m_pos; // the lines taken here are copied at once, as they are
    const size_t firstSpan = m_spans.size();
    const bool *const token = HttpSyntax::Detail::tokenTable.data();
    for (;;) {
        const unsigned char *const p = data + m_pos;
        const unsigned char *q = skipCommonNameBytes(p, end);
        while (token[*q])
            ++q;
        // The blank line, a fold, a bad name, the end of the buffer: the careful way.
        if (q == p || *q != ':')
            break;
        const unsigned char *v = q + 1;
        const unsigned char *e = skipPlainValueBytes(v, end);
        while (*e > '\r' || (*e != '\r' && *e != '\n' && *e != '\0'))
            ++e;
        const unsigned char *lineEnd;
        if (*e == '\n')
            lineEnd = e + 1;
        else if (*e == '\r' && e[1] == '\n')
            lineEnd = e + 2;
        else
            break; // a NUL (maybe the end of the buffer) or a CR inside the line: the careful way
        const qsizetype consumed = lineEnd - p;
        if (consumed + m_headerBytes > MaxHeaderBytes)
            break; // over the limit: takeLine() says so
        while (v < e && (*v == ' ' || *v == '\t'))
            ++v;
        while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
            --e;
        // Offsets from the start of the run for now; made block offsets below.
        m_spans.push_back({ quint32(p - run), quint32(q - p), quint32(v - run), quint32(e - v),
                            headerKind(QByteArrayView(reinterpret_cast<const char *>(p), q - p)) });
        m_pos += consumed;
        m_scan = m_pos;
        m_headerBytes += consumed;
    }
    const qsizetype runSize = (data + m_pos) - run;
    if (runSize == 0)
        return;
    // The lines as they came (CR LF and all: no line is shorter in the block than on the wire), with a NUL
    // written over each name's colon and after each value.
    char *const p = blockSpace(runSize);
    std::memcpy(p, run, size_t(runSize));
    const auto base = quint32(m_blockUsed);
    for (size_t i = firstSpan; i < m_spans.size(); ++i) {
        HeaderSpan &span = m_spans[i];
        p[span.nameAt + span.nameSize] = '\0';
        p[span.valueAt + span.valueSize] = '\0';
        span.nameAt += base;
        span.valueAt += base;
    }
    m_blockUsed += runSize;
}

Status HttpResponseParser::addTrailer(QByteArrayView line)
{
    // Trailers are rare: each name and value is a copy of its own.
    HeaderLine h;
    if (!splitHeaderLine(line, &h.name, &h.value)) {
        if (auto s = checkHeaderLine(line, !m_trailers.isEmpty(), &h); !s)
            return s;
    }
    if (h.name.isEmpty()) {
        if (!h.value.isEmpty()) {
            QByteArray &value = m_trailers.last().second;
            if (!value.isEmpty())
                value += ' ';
            value += h.value;
        }
        return {};
    }
    m_trailers.append({ h.name.toByteArray(), h.value.toByteArray() });
    return {};
}

Status HttpResponseParser::finishHeaders()
{
    m_headersDone = true; // handed out as they are, split into arrays only if someone asks (ResponseHeaders)

    bool connectionClose = false;
    bool connectionKeepAlive = false;
    bool chunked = false;
    bool hasTransferEncoding = false;
    bool hasContentLength = false;
    qint64 contentLength = -1;
    const char *const block = m_headerBlock.constData();
    for (const HeaderSpan &span : m_spans) {
        if (span.kind == HeaderKind::Other)
            continue;
        const QByteArrayView value(block + span.valueAt, span.valueSize);
        if (span.kind == HeaderKind::Connection) {
            forEachListElement(value, [&](QByteArrayView element) {
                if (element.compare("close", Qt::CaseInsensitive) == 0)
                    connectionClose = true;
                else if (element.compare("keep-alive", Qt::CaseInsensitive) == 0)
                    connectionKeepAlive = true;
            });
        } else if (span.kind == HeaderKind::TransferEncoding) {
            hasTransferEncoding = true;
            QString problem;
            forEachListElement(value, [&](QByteArrayView coding) {
                if (coding.compare("chunked", Qt::CaseInsensitive) != 0 || chunked) {
                    if (problem.isEmpty())
                        problem = excerpt(coding);
                }
                chunked = true;
            });
            if (!problem.isEmpty())
                return failWith(u"unsupported Transfer-Encoding \""_s + problem
                                + u"\"; the hub only accepts chunked or identity bodies"_s);
        } else {
            bool bad = value.isEmpty();
            forEachListElement(value, [&](QByteArrayView digits) {
                if (digits.size() > 18) {
                    bad = true;
                    return;
                }
                qint64 length = 0;
                for (const char c : digits) {
                    if (!isDigit(c)) {
                        bad = true;
                        return;
                    }
                    length = length * 10 + (c - '0');
                }
                if (hasContentLength && length != contentLength)
                    bad = true;
                hasContentLength = true;
                contentLength = length;
            });
            if (bad || !hasContentLength)
                return failWith(u"invalid Content-Length \""_s + excerpt(value) + u"\""_s);
        }
    }
    m_keepAlive = m_minorVersion >= 1 ? !connectionClose : connectionKeepAlive;
    if (hasTransferEncoding && !chunked)
        return failWith(u"empty Transfer-Encoding header"_s);

    if (m_head || m_status == 204 || m_status == 304) {
        m_framing = Framing::None;
        m_state = State::Complete;
        return {};
    }
    if (chunked) {
        // Both framings at once is a smuggling pattern: honour chunked, but never reuse the connection.
        if (hasContentLength)
            m_keepAlive = false;
        m_framing = Framing::Chunked;
        m_state = State::ChunkSize;
        return {};
    }
    if (hasContentLength) {
        m_framing = Framing::ContentLength;
        m_contentLength = contentLength;
        m_remaining = contentLength;
        m_state = contentLength > 0 ? State::FixedBody : State::Complete;
        return {};
    }
    m_framing = Framing::UntilClose;
    m_keepAlive = false;
    m_state = State::UntilCloseBody;
    return {};
}

Status HttpResponseParser::parseChunkSize(QByteArrayView line)
{
    qint64 size = 0;
    qsizetype i = 0;
    for (; i < line.size(); ++i) {
        const int d = HttpSyntax::hexDigitValue(line[i]);
        if (d < 0)
            break;
        if (i >= 15)
            return failWith(u"chunk size \""_s + excerpt(line) + u"\" is too large"_s);
        size = size * 16 + d;
    }
    if (i == 0)
        return failWith(u"malformed chunk size line \""_s + excerpt(line) + u"\""_s);
    const QByteArrayView rest = trimOws(line.sliced(i));
    if (!rest.isEmpty() && rest.front() != ';')
        return failWith(u"malformed chunk size line \""_s + excerpt(line) + u"\""_s);
    for (const char c : rest) { // chunk extensions are ignored, but must not smuggle control bytes
        if (c == '\0' || c == '\r')
            return failWith(u"chunk extension contains a control character"_s);
    }
    if (size == 0) {
        m_state = State::Trailers;
        m_headerBytes = 0;
    } else {
        m_remaining = size;
        m_state = State::ChunkData;
    }
    return {};
}

void HttpResponseParser::takeBody(qsizetype n, QByteArray *body, bool *haveBody)
{
    if (!*haveBody) {
        if (m_pos == 0 && n == m_buffer.size())
            *body = m_buffer;
        else if (m_pos + n == m_buffer.size() && m_buffer.data_ptr().isMutable())
            *body = sliceOf(m_buffer, m_pos, n); // the rest of the read: shared, NUL-terminated like it
        else
            *body = m_buffer.mid(m_pos, n);
        *haveBody = true;
    } else {
        body->append(m_buffer.constData() + m_pos, n);
    }
    m_pos += n;
}

Result<HttpResponseParser::Event> HttpResponseParser::next(QByteArray *body)
{
    body->clear();
    bool haveBody = false;
    // Out of input: hand over what was decoded, and let go of a fully consumed read buffer.
    const auto needMore = [&]() -> Event {
        if (m_pos >= m_buffer.size()) {
            m_buffer.clear();
            m_pos = 0;
            m_scan = 0;
        }
        return haveBody ? Event::BodyData : Event::NeedMoreData;
    };

    for (;;) {
        QByteArrayView line;
        switch (m_state) {
        case State::StatusLine:
            switch (takeLine(MaxHeaderBytes, m_headerBytes, &line)) {
            case LineResult::NeedMore: return needMore();
            case LineResult::TooLong:
                return failWith(u"the response headers are larger than 64 KiB"_s);
            case LineResult::Ok: break;
            }
            if (line.isEmpty())
                break; // tolerate stray blank lines before the status line
            if (auto s = parseStatusLine(line); !s)
                return std::unexpected(s.error());
            m_state = State::Headers;
            break;
        case State::Headers:
            takePlainHeaderLines(); // the common lines in one pass; the rest line by line below
            switch (takeLine(MaxHeaderBytes, m_headerBytes, &line)) {
            case LineResult::NeedMore: return needMore();
            case LineResult::TooLong:
                return failWith(u"the response headers are larger than 64 KiB"_s);
            case LineResult::Ok: break;
            }
            if (!line.isEmpty()) {
                if (auto s = addHeader(line); !s)
                    return std::unexpected(s.error());
                break;
            }
            if (m_status < 200) {
                if (m_status == 101)
                    return failWith(u"the upstream switched protocols (101), which the hub does not support"_s);
                // An interim response (100 Continue, 103 Early Hints): the real one follows.
                m_headerBytes = 0;
                m_state = State::StatusLine;
                break;
            }
            if (auto s = finishHeaders(); !s)
                return std::unexpected(s.error());
            // The block stays until takeHeaders() hands it over, or the next response starts one of its own.
            return Event::HeadersComplete;
        case State::FixedBody: {
            const qsizetype available = m_buffer.size() - m_pos;
            if (available == 0)
                return needMore();
            const qsizetype n = static_cast<qsizetype>(std::min<qint64>(available, m_remaining));
            takeBody(n, body, &haveBody);
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = State::Complete;
            break;
        }
        case State::UntilCloseBody: {
            const qsizetype available = m_buffer.size() - m_pos;
            if (available == 0)
                return needMore();
            takeBody(available, body, &haveBody);
            break;
        }
        case State::ChunkSize:
            switch (takeLine(MaxChunkLineBytes, 0, &line)) {
            case LineResult::NeedMore: return needMore();
            case LineResult::TooLong:
                return failWith(u"a chunk size line is longer than 4096 bytes"_s);
            case LineResult::Ok: break;
            }
            if (auto s = parseChunkSize(line); !s)
                return std::unexpected(s.error());
            break;
        case State::ChunkData: {
            const qsizetype available = m_buffer.size() - m_pos;
            if (available == 0)
                return needMore();
            const qsizetype n = static_cast<qsizetype>(std::min<qint64>(available, m_remaining));
            takeBody(n, body, &haveBody);
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd: {
            const qsizetype available = m_buffer.size() - m_pos;
            if (available == 0)
                return needMore();
            const char c = m_buffer.at(m_pos);
            if (c == '\n') {
                m_pos += 1;
            } else if (c == '\r') {
                if (available < 2)
                    return needMore();
                if (m_buffer.at(m_pos + 1) != '\n')
                    return failWith(u"chunk data is not followed by CRLF"_s);
                m_pos += 2;
            } else {
                return failWith(u"chunk data is not followed by CRLF (the chunk is longer than its size line says)"_s);
            }
            m_state = State::ChunkSize;
            break;
        }
        case State::Trailers:
            switch (takeLine(MaxHeaderBytes, m_headerBytes, &line)) {
            case LineResult::NeedMore: return needMore();
            case LineResult::TooLong:
                return failWith(u"the response trailers are larger than 64 KiB"_s);
            case LineResult::Ok: break;
            }
            if (line.isEmpty()) {
                m_state = State::Complete;
                break;
            }
            if (auto s = addTrailer(line); !s)
                return std::unexpected(s.error());
            break;
        case State::Complete:
            if (haveBody)
                return Event::BodyData;
            m_state = State::Reported;
            if (m_pos >= m_buffer.size()) {
                // An idle connection keeps nothing of the last read alive (a body handed out may share it).
                m_buffer.clear();
                m_pos = 0;
                m_scan = 0;
            }
            return Event::MessageComplete;
        case State::Reported:
            return needMore();
        case State::Failed:
            return fail(ErrorCode::UpstreamProtocol, m_error);
        }
    }
}

Result<HttpResponseParser::Event> HttpResponseParser::finishInput()
{
    switch (m_state) {
    case State::UntilCloseBody:
        if (bufferedBytes() > 0)
            break; // not drained yet: a caller bug, reported as incomplete below
        m_state = State::Reported;
        return Event::MessageComplete;
    case State::Complete:
    case State::Reported:
        return Event::NeedMoreData;
    case State::Failed:
        return fail(ErrorCode::UpstreamProtocol, m_error);
    default:
        break;
    }
    QString where;
    if (m_state == State::StatusLine && m_status == 0 && m_buffer.size() == m_pos
        && !m_started)
        where = u"closed the connection without sending a response"_s;
    else if (m_state == State::StatusLine || m_state == State::Headers)
        where = u"closed the connection in the middle of the response headers"_s;
    else if (m_state == State::FixedBody)
        where = u"closed the connection after %1 of %2 body bytes"_s.arg(m_contentLength - m_remaining).arg(m_contentLength);
    else
        where = u"closed the connection in the middle of a chunked body"_s;
    m_state = State::Failed;
    m_error = where;
    m_keepAlive = false;
    return fail(ErrorCode::UpstreamUnavailable, where);
}

} // namespace AiHub::Net
