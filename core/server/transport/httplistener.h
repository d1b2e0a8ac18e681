// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/server/transport/transportlimits.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QTcpServer>
#include <QTimer>

namespace AiHub::Server {

class HttpConnection;
class HttpTransport;

// The listening socket of one transport. It turns every accepted socket into an HttpConnection, refuses
// connections over the limit with 503, and runs the one sweep timer that closes idle keep-alive connections (no
// timer per socket).
class HttpListener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpListener)

public:
    explicit HttpListener(QObject *parent = nullptr);
    ~HttpListener() override;

    // Binds and listens on a socket it creates itself, so SO_REUSEPORT can be set: several transports (one per
    // worker thread) may then listen on the same port and the kernel spreads connections between them.
    [[nodiscard]] Result<quint16> listenOn(const QHostAddress &address, quint16 port, bool reusePort);

    void setLimits(const TransportLimits &limits);
    [[nodiscard]] const TransportLimits &limits() const { return m_limits; }
    void setTransport(HttpTransport *transport);

    [[nodiscard]] int activeConnections() const { return m_active; }
    [[nodiscard]] QList<HttpConnection *> connections() const;
    // Closes every connection that has no exchange in flight.
    void closeIdleConnections();
    [[nodiscard]] qint64 nowMs() const { return m_clock.elapsed(); }
    // Called by a connection as it is deleted.
    void forget(HttpConnection *connection);

Q_SIGNALS:
    void swept(qint64 nowMs);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void sweep();
    void updateSweepInterval();

    TransportLimits m_limits;
    HttpTransport *m_transport = nullptr;
    QSet<HttpConnection *> m_connections;
    int m_active = 0;
    QTimer *m_sweepTimer;   // a child, so it follows moveToThread()
    QElapsedTimer m_clock;
};

} // namespace AiHub::Server
