// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/transport/httptransport.h"

#include "core/server/transport/httpconnection.h"
#include "core/server/transport/httpexchange.h"
#include "core/server/transport/httplistener.h"
#include "core/server/transport/httpwire.h"
#include "core/server/transport/transportlog.h"

#include <algorithm>

namespace AiHub::Server {

namespace {

// Pipelined requests waiting behind an open exchange: more than this is abuse, not a client.
constexpr qsizetype kMaxQueuedRequests = 32;
// An exchange whose client left and whose handler never finished it is dropped after this long.
constexpr qint64 kOrphanLifetimeMs = 60 * 1000;

} // namespace

HttpTransport::HttpTransport(QObject *parent)
    : QObject(parent)
{
}

HttpTransport::~HttpTransport()
{
    m_tearingDown = true;
    m_graveyard.clear(); // children: deleted with this object
    const auto exchanges = findChildren<HttpExchange *>(Qt::FindDirectChildrenOnly);
    for (HttpExchange *exchange : exchanges)
        exchange->m_transport = nullptr;
    if (m_server) {
        const auto connections = m_server->connections();
        for (HttpConnection *connection : connections)
            connection->detachTransport();
        delete m_server.data();
    }
}

void HttpTransport::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void HttpTransport::setLimits(const TransportLimits &limits)
{
    m_limits = limits;
    if (m_server)
        m_server->setLimits(limits);
}

Result<quint16> HttpTransport::listen(const QHostAddress &address, quint16 port, bool reusePort)
{
    if (m_server)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("This HTTP transport is already listening."));
    auto *server = new HttpListener(this);
    server->setLimits(m_limits);
    server->setTransport(this);
    auto bound = server->listenOn(address, port, reusePort);
    if (!bound) {
        delete server;
        return bound;
    }
    connect(server, &HttpListener::swept, this, &HttpTransport::reapOrphans);
    m_server = server;
    m_stopping = false;
    m_drainedEmitted = false;
    return bound;
}

quint16 HttpTransport::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

bool HttpTransport::isListening() const
{
    return m_server && m_server->isListening();
}

int HttpTransport::openConnections() const
{
    return m_server ? m_server->activeConnections() : 0;
}

void HttpTransport::closeIdleConnections()
{
    if (m_server)
        m_server->closeIdleConnections();
}

void HttpTransport::stopAccepting()
{
    m_stopping = true;
    if (m_server) {
        m_server->close();
        m_server->closeIdleConnections();
    }
    if (m_open == 0)
        QMetaObject::invokeMethod(this, &HttpTransport::maybeDrained, Qt::QueuedConnection);
}

void HttpTransport::dispatch(HttpConnection *connection, HttpRequest &&request)
{
    auto &queue = connection->exchanges();
    if (!queue.isEmpty()) {
        qint64 queuedBytes = request.body.size();
        for (const HttpExchange *queued : std::as_const(queue))
            queuedBytes += queued->request().body.size();
        if (queue.size() >= kMaxQueuedRequests || queuedBytes > m_limits.maxBodyBytes) {
            qCWarning(lcHttpTransport) << "too many pipelined requests from" << connection->peerAddress() << "; closing";
            connection->abort();
            return;
        }
    }
    auto *exchange = new HttpExchange(std::move(request), connection, this);
    queue.push_back(exchange);
    ++m_open;
    pump(connection);
}

void HttpTransport::pump(HttpConnection *connection)
{
    if (connection->isPumping())
        return;
    connection->setPumping(true);
    QPointer<HttpConnection> guard(connection);
    while (guard && !connection->exchanges().empty()) {
        HttpExchange *front = connection->exchanges().front();
        if (front->m_state != HttpExchange::State::Queued)
            break; // answering is in progress; the rest waits
        front->m_state = HttpExchange::State::Dispatched;
        if (m_handler) {
            m_handler(front->request(), front);
        } else {
            front->respond(503, { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") } },
                           QByteArrayLiteral(R"({"error":{"message":"No request handler is installed.","type":"server_error","code":"server_error"}})"));
        }
    }
    if (guard)
        connection->setPumping(false);
}

bool HttpTransport::mustClose(const HttpExchange *exchange) const
{
    if (!exchange->m_request.keepAlive)
        return true;
    HttpConnection *connection = exchange->m_connection.data();
    if (!connection || connection->isClosing())
        return true;
    // While shutting down, the last queued response closes its connection.
    return m_stopping && connection->exchanges().size() <= 1;
}

void HttpTransport::exchangeFinished(HttpExchange *exchange, bool closeConnection)
{
    if (m_orphans.remove(exchange))
        return; // accounted for when the client went away
    HttpConnection *connection = exchange->m_connection.data();
    --m_open;
    if (connection) {
        auto &queue = connection->exchanges();
        const auto it = std::find(queue.begin(), queue.end(), exchange);
        if (it != queue.end())
            queue.erase(it);
        if (closeConnection) {
            dropQueued(connection);
            connection->closeGracefully();
        } else if (queue.empty()) {
            if (m_stopping)
                connection->closeGracefully();
            else
                connection->onIdle();
        } else {
            pump(connection);
        }
    }
    maybeDrained();
}

void HttpTransport::dropQueued(HttpConnection *connection)
{
    auto queue = std::exchange(connection->exchanges(), {});
    for (HttpExchange *exchange : queue) {
        --m_open;
        exchange->m_state = HttpExchange::State::Finished;
        bury(exchange);
    }
}

void HttpTransport::bury(HttpExchange *exchange)
{
    m_graveyard.push_back(exchange);
}

void HttpTransport::emptyGraveyard()
{
    if (m_graveyard.empty())
        return;
    auto dead = std::exchange(m_graveyard, {});
    for (HttpExchange *exchange : dead) {
        exchange->m_transport = nullptr;
        delete exchange;
    }
}

void HttpTransport::exchangeDestroyed(HttpExchange *exchange)
{
    if (m_tearingDown)
        return;
    const auto buried = std::find(m_graveyard.begin(), m_graveyard.end(), exchange);
    if (buried != m_graveyard.end()) {
        m_graveyard.erase(buried);
        return;
    }
    if (m_orphans.remove(exchange))
        return;
    HttpConnection *connection = exchange->m_connection.data();
    if (!connection)
        return;
    auto &queue = connection->exchanges();
    const auto it = std::find(queue.begin(), queue.end(), exchange);
    if (it == queue.end())
        return; // finished normally
    // Deleted by someone else while still queued or unanswered: the client would wait forever.
    qCWarning(lcHttpTransport) << "an exchange was deleted before it was answered; closing its connection";
    queue.erase(it);
    --m_open;
    dropQueued(connection);
    connection->closeGracefully();
    maybeDrained();
}

void HttpTransport::connectionGone(HttpConnection *connection)
{
    if (m_tearingDown)
        return;
    auto queue = std::exchange(connection->exchanges(), {});
    const qint64 now = m_server ? m_server->nowMs() : 0;
    QList<QPointer<HttpExchange>> gone;
    for (HttpExchange *exchange : queue) {
        --m_open;
        if (exchange->m_state == HttpExchange::State::Queued) {
            // never handed to the handler
            exchange->m_state = HttpExchange::State::Finished;
            bury(exchange);
            continue;
        }
        exchange->m_clientGone = true;
        m_orphans.insert(exchange, now);
        gone.append(exchange);
    }
    for (const auto &exchange : gone) {
        if (exchange)
            Q_EMIT exchange->clientGone();
    }
    maybeDrained();
}

void HttpTransport::reapOrphans(qint64 nowMs)
{
    for (auto it = m_orphans.begin(); it != m_orphans.end();) {
        if (nowMs - it.value() < kOrphanLifetimeMs) {
            ++it;
            continue;
        }
        HttpExchange *exchange = it.key();
        it = m_orphans.erase(it);
        exchange->m_state = HttpExchange::State::Finished;
        bury(exchange);
    }
    // Also frees what finished since the last request when no request came in since.
    emptyGraveyard();
}

void HttpTransport::maybeDrained()
{
    if (m_stopping && m_open == 0 && !m_drainedEmitted) {
        m_drainedEmitted = true;
        Q_EMIT drained();
    }
}

} // namespace AiHub::Server
