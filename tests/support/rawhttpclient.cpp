// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/support/rawhttpclient.h"

#include <QTest>

namespace AiHub::Testing {

QByteArray RawHttpClient::Response::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

RawHttpClient::RawHttpClient(quint16 port)
    : m_port(port)
{
}

bool RawHttpClient::connectToServer(int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, m_port);
    return m_socket.waitForConnected(timeoutMs);
}

void RawHttpClient::send(const QByteArray &bytes)
{
    m_sent.start();
    m_socket.write(bytes);
    m_socket.flush();
}

void RawHttpClient::sendRequest(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray req = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    bool hasType = false;
    for (const auto &h : headers) {
        req += h.first + ": " + h.second + "\r\n";
        hasType = hasType || h.first.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() || method == "POST") {
        if (!hasType)
            req += "Content-Type: application/json\r\n";
        req += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    req += "\r\n" + body;
    send(req);
}

bool RawHttpClient::waitFor(const QByteArray &marker, int timeoutMs)
{
    return QTest::qWaitFor(
        [this, &marker] {
            m_buffer += m_socket.readAll();
            return m_buffer.contains(marker);
        },
        timeoutMs);
}

bool RawHttpClient::tryParse(Response &out, bool closed)
{
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    out = Response {};
    out.raw = m_buffer;
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    const QList<QByteArray> statusParts = lines.value(0).trimmed().split(' ');
    out.status = statusParts.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            out.headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }
    const QByteArray rest = m_buffer.mid(headerEnd + 4);
    if (out.header("transfer-encoding").toLower() == "chunked") {
        qsizetype pos = 0;
        while (true) {
            const qsizetype lineEnd = rest.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return false;
            bool ok = false;
            const qsizetype size = rest.mid(pos, lineEnd - pos).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok)
                return false;
            if (size == 0) {
                out.complete = rest.indexOf("\r\n", lineEnd + 2) >= 0;
                return out.complete;
            }
            if (rest.size() < lineEnd + 2 + size + 2)
                return false;
            out.body += rest.mid(lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
    }
    bool hasLength = false;
    const qsizetype length = out.header("content-length").toLongLong(&hasLength);
    if (hasLength) {
        out.body = rest.left(length);
        out.complete = rest.size() >= length;
        return out.complete;
    }
    out.body = rest;
    out.complete = closed;
    return closed;
}

RawHttpClient::Response RawHttpClient::readResponse(int timeoutMs)
{
    Response response;
    (void)QTest::qWaitFor(
        [this, &response] {
            m_buffer += m_socket.readAll();
            const bool closed = m_socket.state() != QAbstractSocket::ConnectedState;
            return tryParse(response, closed) || (closed && m_socket.bytesAvailable() == 0);
        },
        timeoutMs);
    if (!response.complete)
        tryParse(response, m_socket.state() != QAbstractSocket::ConnectedState);
    m_buffer.clear();
    return response;
}

RawHttpClient::Response RawHttpClient::request(quint16 port, const QByteArray &method, const QByteArray &path,
                                               const QByteArray &body,
                                               const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    RawHttpClient client(port);
    if (!client.connectToServer())
        return {};
    client.sendRequest(method, path, body, headers);
    return client.readResponse(timeoutMs);
}

} // namespace AiHub::Testing
