// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/httpresponseparser.h"

#include <QByteArrayView>

#include <algorithm>
#include <cstring>

namespace AiHub::Bench {

namespace {

constexpr qsizetype maxHeaderBytes = 64 * 1024;
constexpr qsizetype maxLineBytes = 4096;

QByteArrayView trimmedView(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '\r'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
        v.chop(1);
    return v;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c; }

// lowerName is lower case already.
bool equalsNoCase(QByteArrayView name, QByteArrayView lowerName)
{
    if (name.size() != lowerName.size())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i)
        if (lower(name.at(i)) != lowerName.at(i))
            return false;
    return true;
}

bool containsNoCase(QByteArrayView haystack, QByteArrayView lowerNeedle)
{
    for (qsizetype i = 0; i + lowerNeedle.size() <= haystack.size(); ++i)
        if (equalsNoCase(haystack.sliced(i, lowerNeedle.size()), lowerNeedle))
            return true;
    return false;
}

} // namespace

void HttpResponseParser::reset()
{
    m_state = State::Headers;
    m_head.clear();
    m_line.clear();
    m_error.clear();
    m_status = 0;
    m_keepAlive = true;
    m_chunked = false;
    m_sawBodyData = false;
    m_remaining = 0;
    m_bodyBytes = 0;
}

void HttpResponseParser::setError(const char *message)
{
    m_state = State::Error;
    m_error = message;
}

bool HttpResponseParser::takeLine(const char *data, qsizetype size, qsizetype &pos)
{
    const char *start = data + pos;
    const void *lf = std::memchr(start, '\n', size_t(size - pos));
    const qsizetype len = lf ? static_cast<const char *>(lf) - start + 1 : size - pos;
    m_line.append(start, len);
    pos += len;
    if (m_line.size() > maxLineBytes) {
        setError("chunk-size or trailer line too long");
        return false;
    }
    return lf != nullptr;
}

void HttpResponseParser::bodyData(const char *data, qsizetype size, std::string *body)
{
    if (size <= 0)
        return;
    m_sawBodyData = true;
    m_bodyBytes += size;
    if (body)
        body->append(data, size_t(size));
}

bool HttpResponseParser::parseHeaderBlock(const char *begin, const char *end)
{
    // Runs once per response: no allocation, only the headers that frame the body are looked at.
    const char *lineEnd = static_cast<const char *>(std::memchr(begin, '\n', std::size_t(end - begin)));
    if (!lineEnd)
        lineEnd = end;
    const QByteArrayView statusLine(begin, lineEnd - begin);
    if (!statusLine.startsWith("HTTP/1.") || statusLine.size() < 12 || statusLine.at(8) != ' ') {
        setError("not an HTTP/1.x response");
        return false;
    }
    m_status = 0;
    for (qsizetype i = 9; i < 12; ++i) {
        const char digit = statusLine.at(i);
        if (digit < '0' || digit > '9') {
            setError("bad status line");
            return false;
        }
        m_status = m_status * 10 + (digit - '0');
    }
    m_keepAlive = statusLine.at(7) == '1';
    qint64 contentLength = -1;
    for (const char *line = lineEnd + 1; line < end;) {
        const char *next = static_cast<const char *>(std::memchr(line, '\n', std::size_t(end - line)));
        if (!next)
            next = end;
        const QByteArrayView text = trimmedView(QByteArrayView(line, next - line));
        line = next + 1;
        const qsizetype colon = text.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = text.first(colon);
        const QByteArrayView value = trimmedView(text.sliced(colon + 1));
        if (equalsNoCase(name, "content-length")) {
            contentLength = 0;
            if (value.isEmpty() || value.size() > 18) {
                setError("bad Content-Length");
                return false;
            }
            for (char digit : value) {
                if (digit < '0' || digit > '9') {
                    setError("bad Content-Length");
                    return false;
                }
                contentLength = contentLength * 10 + (digit - '0');
            }
        } else if (equalsNoCase(name, "transfer-encoding")) {
            m_chunked = containsNoCase(value, "chunked");
        } else if (equalsNoCase(name, "connection")) {
            if (containsNoCase(value, "close"))
                m_keepAlive = false;
            else if (containsNoCase(value, "keep-alive"))
                m_keepAlive = true;
        }
    }
    if (m_status < 200 || m_status == 204 || m_status == 304) {
        m_state = State::Done;
    } else if (m_chunked) {
        m_state = State::ChunkSize;
    } else if (contentLength >= 0) {
        m_remaining = contentLength;
        m_state = contentLength == 0 ? State::Done : State::FixedBody;
    } else {
        m_keepAlive = false;
        m_state = State::UntilClose;
    }
    return true;
}

qsizetype HttpResponseParser::feed(const char *data, qsizetype size, std::string *body)
{
    qsizetype pos = 0;
    while (pos < size || m_state == State::Done) {
        switch (m_state) {
        case State::Headers: {
            if (m_head.isEmpty()) {
                // Usually the whole header block is in this read: parse it where it lies.
                const QByteArrayView rest(data + pos, size - pos);
                const void *blank = ::memmem(rest.data(), std::size_t(rest.size()), "\r\n\r\n", 4);
                if (blank) {
                    const qsizetype end = static_cast<const char *>(blank) - rest.data();
                    parseHeaderBlock(rest.data(), rest.data() + end + 2);
                    pos += end + 4;
                    break;
                }
                m_head.append(rest.data(), rest.size());
                pos = size;
                if (m_head.size() > maxHeaderBytes)
                    setError("header block too large");
                break;
            }
            const qsizetype searchFrom = std::max<qsizetype>(0, m_head.size() - 3);
            m_head.append(data + pos, size - pos);
            const qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
            if (end < 0) {
                pos = size;
                if (m_head.size() > maxHeaderBytes)
                    setError("header block too large");
                break;
            }
            // Give back what follows the header block.
            const qsizetype extra = m_head.size() - (end + 4);
            pos = size - extra;
            parseHeaderBlock(m_head.constData(), m_head.constData() + end + 2);
            m_head.clear();
            break;
        }
        case State::FixedBody: {
            const qsizetype take = qsizetype(std::min<qint64>(m_remaining, size - pos));
            bodyData(data + pos, take, body);
            pos += take;
            m_remaining -= take;
            if (m_remaining == 0)
                m_state = State::Done;
            break;
        }
        case State::ChunkSize: {
            if (!takeLine(data, size, pos))
                break;
            const qsizetype semicolon = m_line.indexOf(';');
            const QByteArray hex = (semicolon >= 0 ? m_line.left(semicolon) : m_line).trimmed();
            bool ok = false;
            const qint64 chunk = hex.toLongLong(&ok, 16);
            m_line.clear();
            if (!ok || chunk < 0) {
                setError("bad chunk size");
                break;
            }
            m_remaining = chunk;
            m_state = chunk == 0 ? State::Trailers : State::ChunkData;
            break;
        }
        case State::ChunkData: {
            const qsizetype take = qsizetype(std::min<qint64>(m_remaining, size - pos));
            bodyData(data + pos, take, body);
            pos += take;
            m_remaining -= take;
            if (m_remaining == 0)
                m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd:
        case State::Trailers: {
            if (!takeLine(data, size, pos))
                break;
            const bool empty = m_line.trimmed().isEmpty();
            m_line.clear();
            if (m_state == State::ChunkDataEnd) {
                if (!empty)
                    setError("chunk not followed by CRLF");
                else
                    m_state = State::ChunkSize;
            } else if (empty) {
                m_state = State::Done;
            }
            break;
        }
        case State::UntilClose:
            bodyData(data + pos, size - pos, body);
            pos = size;
            break;
        case State::Done:
        case State::Error:
            return pos;
        }
    }
    return pos;
}

void HttpResponseParser::finishOnClose()
{
    if (m_state == State::UntilClose)
        m_state = State::Done;
    else if (m_state != State::Done && m_state != State::Error)
        setError("connection closed mid-response");
}

} // namespace AiHub::Bench
