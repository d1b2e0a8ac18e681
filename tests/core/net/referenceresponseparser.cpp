// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/core/net/referenceresponseparser.h"

#include <QString>

using namespace Qt::StringLiterals;

namespace AiHub::Testing {

using namespace AiHub;

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

QByteArrayView trimOws(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
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

void ReferenceResponseParser::reset(bool headRequest)
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
    m_headers.clear();
    m_trailers.clear();
    m_headerBytes = 0;
    m_framing = Framing::None;
    m_contentLength = -1;
    m_remaining = 0;
    m_error.clear();
}

void ReferenceResponseParser::feed(const QByteArray &data)
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

ReferenceResponseParser::HeaderList ReferenceResponseParser::takeHeaders()
{
    return std::exchange(m_headers, {});
}

QByteArray ReferenceResponseParser::header(QByteArrayView name) const
{
    for (const auto &h : m_headers) {
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QList<QByteArray> ReferenceResponseParser::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const auto &h : m_headers) {
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            values.append(h.second);
    }
    return values;
}

std::unexpected<Error> ReferenceResponseParser::failWith(const QString &message)
{
    m_state = State::Failed;
    m_error = message;
    m_keepAlive = false;
    return fail(ErrorCode::UpstreamProtocol, message);
}

ReferenceResponseParser::LineResult ReferenceResponseParser::takeLine(qsizetype limit, qsizetype used, QByteArrayView *line)
{
    const qsizetype from = std::max(m_scan, m_pos);
    const qsizetype nl = m_buffer.indexOf('\n', from);
    if (nl < 0) {
        m_scan = m_buffer.size();
        return (m_buffer.size() - m_pos) + used > limit ? LineResult::TooLong : LineResult::NeedMore;
    }
    const qsizetype consumed = nl + 1 - m_pos;
    if (consumed + used > limit)
        return LineResult::TooLong;
    QByteArrayView v(m_buffer.constData() + m_pos, nl - m_pos);
    if (!v.isEmpty() && v.back() == '\r')
        v.chop(1);
    *line = v;
    m_pos = nl + 1;
    m_scan = m_pos;
    m_headerBytes += consumed;
    return LineResult::Ok;
}

Status ReferenceResponseParser::parseStatusLine(QByteArrayView line)
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
    m_reason = line.size() > 13 ? line.sliced(13).toByteArray() : QByteArray();
    return {};
}

Status ReferenceResponseParser::parseHeaderLine(QByteArrayView line, HeaderList *into)
{
    for (const char c : line) {
        if (c == '\0' || c == '\r' || c == '\n')
            return failWith(u"header line contains a control character: \""_s + excerpt(line) + u"\""_s);
    }
    if (line.front() == ' ' || line.front() == '\t') {
        // obs-fold: a continuation of the previous header's value.
        if (into->isEmpty())
            return failWith(u"header continuation line without a header before it"_s);
        const QByteArrayView more = trimOws(line);
        if (!more.isEmpty()) {
            QByteArray &value = into->last().second;
            if (!value.isEmpty())
                value += ' ';
            value += more;
        }
        return {};
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return failWith(u"malformed header line \""_s + excerpt(line) + u"\""_s);
    const QByteArrayView name = line.first(colon);
    for (const char c : name) {
        if (!isTokenChar(c))
            return failWith(u"invalid header name \""_s + excerpt(name) + u"\""_s);
    }
    into->append({ name.toByteArray(), trimOws(line.sliced(colon + 1)).toByteArray() });
    return {};
}

bool ReferenceResponseParser::connectionHasToken(QByteArrayView token) const
{
    bool found = false;
    for (const auto &h : m_headers) {
        if (QByteArrayView("connection").compare(h.first, Qt::CaseInsensitive) != 0)
            continue;
        forEachListElement(h.second, [&](QByteArrayView element) {
            if (element.compare(token, Qt::CaseInsensitive) == 0)
                found = true;
        });
    }
    return found;
}

Status ReferenceResponseParser::finishHeaders()
{
    m_keepAlive = m_minorVersion >= 1 ? !connectionHasToken("close") : connectionHasToken("keep-alive");

    bool chunked = false;
    bool hasTransferEncoding = false;
    bool hasContentLength = false;
    qint64 contentLength = -1;
    for (const auto &h : m_headers) {
        if (QByteArrayView("transfer-encoding").compare(h.first, Qt::CaseInsensitive) == 0) {
            hasTransferEncoding = true;
            QString problem;
            forEachListElement(h.second, [&](QByteArrayView coding) {
                if (coding.compare("chunked", Qt::CaseInsensitive) != 0 || chunked) {
                    if (problem.isEmpty())
                        problem = excerpt(coding);
                }
                chunked = true;
            });
            if (!problem.isEmpty())
                return failWith(u"unsupported Transfer-Encoding \""_s + problem
                                + u"\"; the hub only accepts chunked or identity bodies"_s);
        } else if (QByteArrayView("content-length").compare(h.first, Qt::CaseInsensitive) == 0) {
            bool bad = h.second.isEmpty();
            forEachListElement(h.second, [&](QByteArrayView digits) {
                if (digits.size() > 18) {
                    bad = true;
                    return;
                }
                qint64 value = 0;
                for (const char c : digits) {
                    if (!isDigit(c)) {
                        bad = true;
                        return;
                    }
                    value = value * 10 + (c - '0');
                }
                if (hasContentLength && value != contentLength)
                    bad = true;
                hasContentLength = true;
                contentLength = value;
            });
            if (bad || !hasContentLength)
                return failWith(u"invalid Content-Length \""_s + excerpt(h.second) + u"\""_s);
        }
    }
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

Status ReferenceResponseParser::parseChunkSize(QByteArrayView line)
{
    qint64 size = 0;
    qsizetype i = 0;
    for (; i < line.size(); ++i) {
        const int d = hexValue(line[i]);
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

void ReferenceResponseParser::takeBody(qsizetype n, QByteArray *body, bool *haveBody)
{
    if (!*haveBody) {
        *body = (m_pos == 0 && n == m_buffer.size()) ? m_buffer : m_buffer.mid(m_pos, n);
        *haveBody = true;
    } else {
        body->append(m_buffer.constData() + m_pos, n);
    }
    m_pos += n;
}

Result<ReferenceResponseParser::Event> ReferenceResponseParser::next(QByteArray *body)
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
            switch (takeLine(MaxHeaderBytes, m_headerBytes, &line)) {
            case LineResult::NeedMore: return needMore();
            case LineResult::TooLong:
                return failWith(u"the response headers are larger than 64 KiB"_s);
            case LineResult::Ok: break;
            }
            if (!line.isEmpty()) {
                if (auto s = parseHeaderLine(line, &m_headers); !s)
                    return std::unexpected(s.error());
                break;
            }
            if (m_status < 200) {
                if (m_status == 101)
                    return failWith(u"the upstream switched protocols (101), which the hub does not support"_s);
                // An interim response (100 Continue, 103 Early Hints): the real one follows.
                m_headers.clear();
                m_headerBytes = 0;
                m_state = State::StatusLine;
                break;
            }
            if (auto s = finishHeaders(); !s)
                return std::unexpected(s.error());
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
            if (auto s = parseHeaderLine(line, &m_trailers); !s)
                return std::unexpected(s.error());
            break;
        case State::Complete:
            if (haveBody)
                return Event::BodyData;
            m_state = State::Reported;
            return Event::MessageComplete;
        case State::Reported:
            return needMore();
        case State::Failed:
            return fail(ErrorCode::UpstreamProtocol, m_error);
        }
    }
}

Result<ReferenceResponseParser::Event> ReferenceResponseParser::finishInput()
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
    if (m_state == State::StatusLine && m_headers.isEmpty() && m_status == 0 && m_buffer.size() == m_pos
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

} // namespace AiHub::Testing
