// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/server/transport/httprequest.h"
#include "core/server/transport/transportlimits.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <functional>
#include <vector>

namespace AiHub::Server {

class HttpListener;
class HttpConnection;
class HttpExchange;

// The hub's HTTP/1.1 server. Each request becomes an HttpRequest value and an HttpExchange passed to the
// handler; responses on one connection go out strictly in request order. Its own parser and socket handling
// (HttpConnection) replace Qt HTTP Server 6.4, whose gaps (no limits, no Connection: close, no idle timeout,
// injected responses inside streams) needed a guard around it and whose per-byte request reading cost more than
// the rest of a relayed request; see README "HTTP transport".
//
// Run one transport per thread; with reusePort several transports share a port.
class HttpTransport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpTransport)

public:
    using Handler = std::function<void(const HttpRequest &, HttpExchange *)>;

    explicit HttpTransport(QObject *parent = nullptr);
    ~HttpTransport() override;

    void setHandler(Handler handler);
    // Body and header limits apply to connections accepted afterwards; idle timeout and connection cap at once.
    void setLimits(const TransportLimits &limits);
    [[nodiscard]] TransportLimits limits() const { return m_limits; }

    // Port 0 picks a free port; the bound port is returned. With reusePort, other transports may bind the
    // same port (pass the port the first one got).
    [[nodiscard]] Result<quint16> listen(const QHostAddress &address, quint16 port, bool reusePort = false);
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] bool isListening() const;

    // Graceful shutdown: stop accepting, close idle connections, let the exchanges in flight finish (their
    // connections close afterwards), then emit drained().
    void stopAccepting();
    [[nodiscard]] bool isStopping() const { return m_stopping; }
    [[nodiscard]] int openExchanges() const { return m_open; }
    [[nodiscard]] int openConnections() const;
    void closeIdleConnections();

Q_SIGNALS:
    void drained();

private:
    friend class HttpExchange;
    friend class HttpConnection;

    void dispatch(HttpConnection *connection, HttpRequest &&request);
    bool mustClose(const HttpExchange *exchange) const;
    void exchangeFinished(HttpExchange *exchange, bool closeConnection);
    void exchangeDestroyed(HttpExchange *exchange);
    void connectionGone(HttpConnection *connection);
    void dropQueued(HttpConnection *connection);
    void pump(HttpConnection *connection);
    void reapOrphans(qint64 nowMs);
    void maybeDrained();
    void bury(HttpExchange *exchange);
    void emptyGraveyard();

    Handler m_handler;
    TransportLimits m_limits;
    QPointer<HttpListener> m_server;
    QHash<HttpExchange *, qint64> m_orphans;   // client gone, handler not finished: exchange -> when
    // Finished exchanges, deleted when control is next back from the event loop (a cheaper deleteLater:
    // no posted event and no event-loop wake-up per request).
    std::vector<HttpExchange *> m_graveyard;
    int m_open = 0;
    bool m_stopping = false;
    bool m_drainedEmitted = false;
    bool m_tearingDown = false;
};

} // namespace AiHub::Server
