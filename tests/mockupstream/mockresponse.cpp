// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/mockupstream/mockresponse.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace AiHub::Testing {

namespace {

Result<QByteArray> readWholeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotFound,
            u"Cannot open fixture %1: %2. Check the path (fixtures live in tests/data/fixtures)."_s.arg(
                path, file.errorString()));
    return file.readAll();
}

bool isFramingHeader(QByteArrayView name)
{
    return name.compare("content-length", Qt::CaseInsensitive) == 0
        || name.compare("transfer-encoding", Qt::CaseInsensitive) == 0
        || name.compare("connection", Qt::CaseInsensitive) == 0
        || name.compare("keep-alive", Qt::CaseInsensitive) == 0;
}

} // namespace

MockResponse::MockResponse()
    : m_reason(QByteArrayLiteral("OK"))
{
}

Result<MockResponse> MockResponse::fromHttpFile(const QString &path)
{
    auto bytes = readWholeFile(path);
    if (!bytes)
        return fail(bytes.error());
    const QByteArray &data = *bytes;

    // The header block ends at the first empty line; everything after it is the body, byte for byte.
    qsizetype pos = 0;
    QList<QByteArray> lines;
    qsizetype bodyStart = -1;
    while (pos < data.size()) {
        qsizetype eol = data.indexOf('\n', pos);
        if (eol < 0)
            break;
        QByteArray line = data.mid(pos, eol - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = eol + 1;
        if (line.isEmpty()) {
            bodyStart = pos;
            break;
        }
        lines.append(line);
    }
    if (bodyStart < 0 || lines.isEmpty())
        return fail(ErrorCode::InvalidArgument,
            u"%1 is not a recorded HTTP response: expected a status line, headers and a blank line."_s.arg(
                path));

    // "HTTP/1.1 200 OK" or "HTTP/2 200" (reason optional).
    const QByteArray statusLine = lines.takeFirst();
    const QList<QByteArray> parts = statusLine.split(' ');
    bool ok = false;
    const int status = parts.size() >= 2 ? parts.at(1).toInt(&ok) : 0;
    if (!statusLine.startsWith("HTTP/") || !ok || status < 100 || status > 999)
        return fail(ErrorCode::InvalidArgument,
            u"%1 has no valid status line (found \"%2\")."_s.arg(path, QString::fromLatin1(statusLine)));
    const qsizetype reasonStart = statusLine.indexOf(' ', statusLine.indexOf(' ') + 1);
    const QByteArray reason = reasonStart > 0 ? statusLine.mid(reasonStart + 1) : QByteArray();

    MockResponse response;
    response.setStatus(status, reason);
    for (const QByteArray &line : std::as_const(lines)) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(ErrorCode::InvalidArgument,
                u"%1 has a malformed header line \"%2\"."_s.arg(path, QString::fromLatin1(line)));
        const QByteArray name = line.left(colon).trimmed();
        if (isFramingHeader(name))
            continue; // recomputed when served: the recorder's values need not match the stored body
        response.m_headers.append({ name, line.mid(colon + 1).trimmed() });
    }
    response.setBody(data.mid(bodyStart));
    return response;
}

Result<MockResponse> MockResponse::fromSseFile(const QString &path, int status)
{
    auto bytes = readWholeFile(path);
    if (!bytes)
        return fail(bytes.error());
    return stream(status, QByteArrayLiteral("text/event-stream"), splitSseEvents(*bytes));
}

Result<MockResponse> MockResponse::fromNdjsonFile(const QString &path, int status)
{
    auto bytes = readWholeFile(path);
    if (!bytes)
        return fail(bytes.error());
    return stream(status, QByteArrayLiteral("application/x-ndjson"), splitLines(*bytes));
}

Result<MockResponse> MockResponse::fromEventStreamFile(const QString &path, int status)
{
    auto text = readWholeFile(path);
    if (!text)
        return fail(text.error());
    QByteArray raw;
    if (path.endsWith(u".b64"_s)) {
        auto decoded = QByteArray::fromBase64Encoding(
            text->simplified().replace(' ', QByteArray()), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return fail(ErrorCode::InvalidArgument, u"%1 is not valid base64."_s.arg(path));
        raw = *decoded;
    } else if (path.endsWith(u".hex"_s)) {
        const QByteArray hex = text->trimmed();
        raw = QByteArray::fromHex(hex);
        if (raw.size() * 2 != hex.size())
            return fail(ErrorCode::InvalidArgument, u"%1 is not a single line of hex digits."_s.arg(path));
    } else {
        return fail(ErrorCode::InvalidArgument,
            u"%1: event-stream fixtures are stored as .b64 or .hex files."_s.arg(path));
    }
    auto frames = splitEventStreamFrames(raw);
    if (!frames)
        return fail(ErrorCode::InvalidArgument, path + u": "_s + frames.error().message);
    return stream(status, QByteArrayLiteral("application/vnd.amazon.eventstream"), *frames);
}

Result<MockResponse> MockResponse::fromFixture(const QString &path)
{
    const QString full = QFileInfo(path).isAbsolute() ? path : QDir(fixturesDir()).filePath(path);
    if (full.endsWith(u".http"_s))
        return fromHttpFile(full);
    if (full.endsWith(u".sse"_s))
        return fromSseFile(full);
    if (full.endsWith(u".ndjson"_s))
        return fromNdjsonFile(full);
    if (full.endsWith(u".b64"_s) || full.endsWith(u".hex"_s))
        return fromEventStreamFile(full);
    if (full.endsWith(u".json"_s)) {
        auto bytes = readWholeFile(full);
        if (!bytes)
            return fail(bytes.error());
        return json(200, *bytes);
    }
    return fail(ErrorCode::InvalidArgument,
        u"%1: unknown fixture kind; use .http, .sse, .ndjson, .b64, .hex or .json."_s.arg(path));
}

MockResponse MockResponse::json(int status, const QByteArray &body)
{
    MockResponse response;
    response.setStatus(status).setHeader("Content-Type", "application/json").setBody(body);
    return response;
}

MockResponse MockResponse::stream(int status, const QByteArray &contentType, const QList<QByteArray> &chunks)
{
    MockResponse response;
    response.setStatus(status).setHeader("Content-Type", contentType).setChunks(chunks);
    response.setFraming(Framing::Chunked);
    return response;
}

QString MockResponse::fixturesDir()
{
    return QStringLiteral(AIHUB_MOCK_FIXTURES_DIR);
}

QList<QByteArray> MockResponse::splitSseEvents(const QByteArray &body)
{
    QList<QByteArray> events;
    qsizetype eventStart = 0;
    qsizetype lineStart = 0;
    bool eventHasContent = false;
    const qsizetype n = body.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = body.at(i);
        if (c != '\n' && c != '\r') {
            ++i;
            continue;
        }
        // A line ends with CRLF, LF or CR (the SSE grammar allows all three).
        const qsizetype lineEnd = (c == '\r' && i + 1 < n && body.at(i + 1) == '\n') ? i + 2 : i + 1;
        const bool emptyLine = (i == lineStart);
        if (emptyLine && eventHasContent) {
            events.append(body.mid(eventStart, lineEnd - eventStart));
            eventStart = lineEnd;
            eventHasContent = false;
        } else if (!emptyLine) {
            eventHasContent = true;
        }
        i = lineEnd;
        lineStart = lineEnd;
    }
    if (eventStart < n)
        events.append(body.mid(eventStart)); // last event without its blank line, or stray blank lines
    return events;
}

QList<QByteArray> MockResponse::splitLines(const QByteArray &body)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < body.size()) {
        const qsizetype eol = body.indexOf('\n', start);
        const qsizetype end = eol < 0 ? body.size() : eol + 1;
        lines.append(body.mid(start, end - start));
        start = end;
    }
    return lines;
}

Result<QList<QByteArray>> MockResponse::splitEventStreamFrames(const QByteArray &bytes)
{
    // Frame prelude: 4-byte big-endian total length, 4-byte headers length, 4-byte prelude CRC.
    constexpr qsizetype minimumFrame = 16;
    QList<QByteArray> frames;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        if (bytes.size() - pos < minimumFrame)
            return fail(ErrorCode::InvalidArgument,
                u"event-stream data ends with %1 stray bytes."_s.arg(bytes.size() - pos));
        const auto *p = reinterpret_cast<const uchar *>(bytes.constData() + pos);
        const quint32 total
            = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
        if (total < minimumFrame || qsizetype(total) > bytes.size() - pos)
            return fail(ErrorCode::InvalidArgument,
                u"event-stream frame at byte %1 claims %2 bytes; the data is truncated or not an "
                u"event stream."_s.arg(pos)
                    .arg(total));
        frames.append(bytes.mid(pos, total));
        pos += total;
    }
    return frames;
}

QByteArray MockResponse::standardReason(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 204:
        return QByteArrayLiteral("No Content");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 402:
        return QByteArrayLiteral("Payment Required");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    case 529:
        return QByteArrayLiteral("Site Overloaded");
    default:
        return {};
    }
}

MockResponse &MockResponse::setStatus(int status, const QByteArray &reason)
{
    m_status = status;
    m_reason = reason.isEmpty() ? standardReason(status) : reason;
    return *this;
}

MockResponse &MockResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    removeHeader(name);
    return addHeader(name, value);
}

MockResponse &MockResponse::addHeader(const QByteArray &name, const QByteArray &value)
{
    if (!isFramingHeader(name))
        m_headers.append({ name, value });
    return *this;
}

MockResponse &MockResponse::removeHeader(const QByteArray &name)
{
    m_headers.removeIf([&name](const Header &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    return *this;
}

MockResponse &MockResponse::setBody(const QByteArray &body)
{
    m_chunks.clear();
    if (!body.isEmpty())
        m_chunks.append(body);
    return *this;
}

MockResponse &MockResponse::setChunks(const QList<QByteArray> &chunks)
{
    m_chunks = chunks;
    // An empty HTTP chunk would end a chunked body early.
    m_chunks.removeIf([](const QByteArray &c) { return c.isEmpty(); });
    return *this;
}

MockResponse &MockResponse::setFraming(Framing framing)
{
    m_framing = framing;
    return *this;
}

MockResponse &MockResponse::setDelayBeforeHeadersMs(int ms)
{
    m_delayBeforeHeadersMs = qMax(0, ms);
    return *this;
}

MockResponse &MockResponse::setDelayBetweenChunksMs(int ms)
{
    m_delayBetweenChunksMs = qMax(0, ms);
    return *this;
}

MockResponse &MockResponse::closeAfterChunks(int n)
{
    m_fault = Fault::Close;
    m_faultAfterChunks = qMax(0, n);
    return *this;
}

MockResponse &MockResponse::resetAfterChunks(int n)
{
    m_fault = Fault::Reset;
    m_faultAfterChunks = qMax(0, n);
    return *this;
}

MockResponse &MockResponse::hangAfterChunks(int n, int resumeAfterMs)
{
    m_fault = Fault::Hang;
    m_faultAfterChunks = qMax(0, n);
    m_hangResumeAfterMs = resumeAfterMs;
    return *this;
}

MockResponse &MockResponse::neverRespond()
{
    m_fault = Fault::NeverRespond;
    m_faultAfterChunks = 0;
    return *this;
}

QByteArray MockResponse::header(const QByteArray &name) const
{
    for (const Header &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray MockResponse::body() const
{
    QByteArray out;
    qsizetype total = 0;
    for (const QByteArray &c : m_chunks)
        total += c.size();
    out.reserve(total);
    for (const QByteArray &c : m_chunks)
        out += c;
    return out;
}

} // namespace AiHub::Testing
