// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "rawhttpclient.h"

#include <QHostAddress>
#include <QTest>

QByteArray RawHttpClient::Response::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool RawHttpClient::Response::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

RawHttpClient::Parse RawHttpClient::parse(QByteArrayView data, bool closed, Response &out)
{
    out = Response {};
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return Parse::Incomplete;
    const QList<QByteArray> lines = data.first(headEnd).toByteArray().split('\n');
    out.statusLine = lines.first().chopped(lines.first().endsWith('\r') ? 1 : 0);
    if (!out.statusLine.startsWith("HTTP/1.1 ") || out.statusLine.size() < 12)
        return Parse::Invalid;
    bool ok = false;
    out.status = out.statusLine.mid(9, 3).toInt(&ok);
    if (!ok)
        return Parse::Invalid;
    qint64 contentLength = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (!line.endsWith('\r') && i + 1 < lines.size())
            return Parse::Invalid; // every header line must end in CRLF
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Parse::Invalid;
        out.headers.append({ line.left(colon), line.mid(colon + 1).trimmed() });
    }
    if (out.header("transfer-encoding").compare("chunked", Qt::CaseInsensitive) == 0)
        out.chunked = true;
    else if (out.hasHeader("content-length"))
        contentLength = out.header("content-length").toLongLong(&ok);

    qsizetype pos = headEnd + 4;
    if (out.chunked) {
        for (;;) {
            const qsizetype eol = data.indexOf("\r\n", pos);
            if (eol < 0)
                return Parse::Incomplete;
            const qint64 size = data.sliced(pos, eol - pos).toByteArray().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return Parse::Invalid;
            pos = eol + 2;
            if (data.size() < pos + size + 2)
                return Parse::Incomplete;
            if (data.sliced(pos + size, 2) != "\r\n")
                return Parse::Invalid;
            if (size == 0) {
                out.wireSize = pos + 2;
                return Parse::Complete;
            }
            const QByteArray chunk = data.sliced(pos, size).toByteArray();
            out.chunks.append(chunk);
            out.body += chunk;
            pos += size + 2;
        }
    }
    if (contentLength >= 0) {
        if (data.size() < pos + contentLength)
            return Parse::Incomplete;
        out.body = data.sliced(pos, contentLength).toByteArray();
        out.wireSize = pos + contentLength;
        return Parse::Complete;
    }
    if (!closed)
        return Parse::Incomplete;
    out.body = data.sliced(pos).toByteArray();
    out.wireSize = data.size();
    return Parse::Complete;
}

RawHttpClient::RawHttpClient()
    : m_socket(std::make_unique<QTcpSocket>())
{
    QObject::connect(m_socket.get(), &QTcpSocket::readyRead, m_socket.get(), [this] {
        m_buffer += m_socket->readAll();
        m_arrivals.append({ m_clock.elapsed(), m_consumed + m_buffer.size() });
    });
    QObject::connect(m_socket.get(), &QTcpSocket::disconnected, m_socket.get(), [this] {
        if (m_socket->isOpen() && m_socket->bytesAvailable() > 0)
            m_buffer += m_socket->readAll();
        m_disconnected = true;
    });
}

bool RawHttpClient::connectTo(quint16 port, int timeoutMs)
{
    m_clock.start();
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    return QTest::qWaitFor(
        [this] { return m_socket->state() == QAbstractSocket::ConnectedState; }, timeoutMs);
}

void RawHttpClient::send(const QByteArray &bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
}

std::optional<RawHttpClient::Response> RawHttpClient::readResponse(int timeoutMs)
{
    Response response;
    Parse result = Parse::Incomplete;
    [[maybe_unused]] const bool finished = QTest::qWaitFor(
        [&] {
            result = parse(m_buffer, m_disconnected, response);
            return result != Parse::Incomplete;
        },
        timeoutMs);
    if (result != Parse::Complete)
        return std::nullopt;
    m_buffer.remove(0, response.wireSize);
    m_consumed += response.wireSize;
    return response;
}

bool RawHttpClient::waitFor(const std::function<bool(const QByteArray &)> &predicate, int timeoutMs)
{
    return QTest::qWaitFor([&] { return predicate(m_buffer); }, timeoutMs);
}

bool RawHttpClient::waitForDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_disconnected; }, timeoutMs);
}

void RawHttpClient::close()
{
    m_socket->abort();
}

bool RawHttpClient::isConnected() const
{
    return !m_disconnected && m_socket->state() == QAbstractSocket::ConnectedState;
}

qint64 RawHttpClient::arrivalMsOfByte(qsizetype size) const
{
    for (const auto &a : m_arrivals) {
        if (a.second >= size)
            return a.first;
    }
    return -1;
}
