// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/transport/httpexchange.h"

#include "core/common/httpsyntax.h"
#include "core/server/transport/httpconnection.h"
#include "core/server/transport/httptransport.h"
#include "core/server/transport/httpwire.h"
#include "core/server/transport/transportlog.h"

namespace AiHub::Server {

namespace {
const QByteArray kLastChunk = QByteArrayLiteral("0\r\n\r\n");
} // namespace

HttpExchange::HttpExchange(HttpRequest &&request, HttpConnection *connection, HttpTransport *transport)
    : QObject(transport)
    , m_request(std::move(request))
    , m_connection(connection)
    , m_transport(transport)
{
}

HttpExchange::~HttpExchange()
{
    if (m_transport)
        m_transport->exchangeDestroyed(this);
}

bool HttpExchange::wantsClose(const Headers &headers) const
{
    if (!m_transport || m_transport->mustClose(this))
        return true;
    for (const auto &h : headers) {
        if (HttpWire::asksToClose(h.first, h.second))
            return true;
    }
    return false;
}

void HttpExchange::appendHeaders(ByteBuilder &out, const Headers &headers) const
{
    for (const auto &h : headers) {
        if (!HttpWire::isPassThroughHeader(h.first, h.second)) {
            if (!HttpSyntax::equalsLowercase(h.first, "connection"))
                qCWarning(lcHttpTransport) << "dropping response header" << h.first;
            continue;
        }
        out << h.first << ": " << h.second << "\r\n";
    }
}

void HttpExchange::respond(int status, const Headers &headers, const QByteArray &body)
{
    if (m_state != State::Dispatched) {
        qCWarning(lcHttpTransport) << "respond() on an exchange that is already answered or streaming; ignored";
        return;
    }
    if (status < 200 || status > 999) {
        qCWarning(lcHttpTransport) << "respond() with status" << status << "sent as 500";
        status = 500;
    }
    const bool close = wantsClose(headers);
    if (!m_clientGone && m_connection) {
        const bool noBody = HttpWire::statusForbidsBody(status);
        const bool sendBody = !noBody && m_request.method != HttpRequest::Method::Head;
        qsizetype estimate = 160 + (sendBody ? body.size() : 0);
        for (const auto &h : headers)
            estimate += h.first.size() + h.second.size() + 4;
        ByteBuilder out(estimate);
        HttpWire::appendStatusLine(out, status);
        appendHeaders(out, headers);
        if (!noBody) {
            out << "Content-Length: ";
            out.appendNumber(body.size()) << "\r\n";
        }
        out << (close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n");
        if (sendBody)
            out << body;
        m_connection->writeResponse(out.take());
    }
    finish(close);
}

void HttpExchange::beginStream(int status, const Headers &headers)
{
    if (m_state != State::Dispatched) {
        qCWarning(lcHttpTransport) << "beginStream() on an exchange that is already answered or streaming; ignored";
        return;
    }
    if (status < 200 || status > 999)
        status = 500;
    // An HTTP/1.0 client learns where the body ends only when the connection closes.
    m_closeAfter = m_request.http10 || wantsClose(headers);
    m_discardBody = m_request.method == HttpRequest::Method::Head || HttpWire::statusForbidsBody(status);
    m_chunked = !m_request.http10 && !m_discardBody;
    m_state = State::Streaming;
    if (m_clientGone || !m_connection)
        return;
    qsizetype estimate = 200;
    for (const auto &h : headers)
        estimate += h.first.size() + h.second.size() + 4;
    ByteBuilder out(estimate);
    HttpWire::appendStatusLine(out, status);
    appendHeaders(out, headers);
    if (!m_request.http10 && !HttpWire::statusForbidsBody(status))
        out << "Transfer-Encoding: chunked\r\n";
    out << (m_closeAfter ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n");
    connect(m_connection.data(), &HttpConnection::bytesWritten, this, &HttpExchange::bytesWritten);
    m_connection->writeResponse(out.take());
}

bool HttpExchange::writeChunk(const QByteArray &data)
{
    if (m_state != State::Streaming || !isClientConnected())
        return false;
    if (data.isEmpty() || m_discardBody)
        return true; // an empty chunk would end the body
    m_connection->writeResponse(m_chunked ? HttpWire::chunk(data) : data);
    return true;
}

void HttpExchange::endStream()
{
    if (m_state == State::Finished)
        return;
    if (m_state != State::Streaming) {
        qCWarning(lcHttpTransport) << "endStream() without beginStream(); answering 500";
        respond(500, {}, {});
        return;
    }
    if (m_chunked && isClientConnected())
        m_connection->writeResponse(kLastChunk);
    finish(m_closeAfter);
}

bool HttpExchange::isClientConnected() const
{
    return !m_clientGone && m_connection && m_connection->isConnected();
}

qint64 HttpExchange::bytesPending() const
{
    return m_connection ? m_connection->bytesToWrite() : 0;
}

void HttpExchange::finish(bool closeConnection)
{
    m_state = State::Finished;
    if (m_connection)
        QObject::disconnect(m_connection.data(), &HttpConnection::bytesWritten, this, &HttpExchange::bytesWritten);
    QPointer<HttpExchange> self(this);
    Q_EMIT finished();
    if (!self)
        return;
    if (m_transport) {
        m_transport->exchangeFinished(this, closeConnection);
        m_transport->bury(this);
    } else {
        deleteLater();
    }
}

} // namespace AiHub::Server
