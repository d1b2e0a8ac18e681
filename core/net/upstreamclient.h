// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/net/upstreamconnection.h"
#include "core/net/upstreamrequest.h"

#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

namespace AiHub::Net {

class UpstreamCall;

// The idle keep-alive connections to one origin (scheme, host, port), oldest first. Endpoints and connections
// point at their pool, so no request looks it up by name.
struct IdlePool {
    QString key; // "scheme://host:port"
    QList<UpstreamConnection *> connections;
};

// A lean HTTP/1.1 client for AI provider APIs. Unlike QNetworkAccessManager it has no per-host connection cap:
// every request gets a connection at once (a pooled keep-alive one when available, LIFO), up to a total cap.
// One client per thread, used only from that thread. Timeouts are checked by one sweep timer per client.
class UpstreamClient final : public QObject, private UpstreamConnection::Listener {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamClient)

public:
    static constexpr int DefaultIdleTimeoutMs = 30000;
    static constexpr int DefaultMaxIdlePerHost = 256;
    static constexpr int DefaultMaxOpenConnections = 8192;

    explicit UpstreamClient(QObject *parent = nullptr);
    ~UpstreamClient() override;

    // Starts the request. The caller owns the returned call and deletes it (deleteLater) after finished() or
    // failed(); signals are only emitted once control is back in the event loop. Invalid requests fail with
    // ErrorCode::InvalidArgument.
    [[nodiscard]] UpstreamCall *send(UpstreamRequest request);

    // TLS settings for https (CA certificates etc.). ALPN is always limited to http/1.1.
    void setTlsConfiguration(const QSslConfiguration &configuration);
    const QSslConfiguration &tlsConfiguration();

    void setIdleTimeoutMs(int ms);             // how long a pooled connection may stay unused (0: no expiry)
    int idleTimeoutMs() const { return m_idleTimeoutMs; }
    void setMaxIdlePerHost(int count);         // pooled connections kept per (scheme, host, port)
    int maxIdlePerHost() const { return m_maxIdlePerHost; }
    void setMaxOpenConnections(int count);     // all connections, busy and idle; beyond it calls fail
    int maxOpenConnections() const { return m_maxOpenConnections; }

    int openConnectionCount() const { return m_openCount; } // connecting, busy and idle
    int idleConnectionCount() const { return m_idleCount; }
    int activeCallCount() const { return int(m_calls.size()); }
    void closeIdleConnections();

private:
    friend class UpstreamCall;

    // What send() derives from a URL that can be used. Providers send the same few URLs (the same shared QUrl)
    // every time; the entry holds a reference to it, so an equal data pointer means the same URL.
    struct Endpoint {
        QUrl url;
        QString host;
        IdlePool *pool = nullptr;
        QByteArray target;     // path and query, as the request line carries it
        QByteArray hostHeader; // the Host value
        quint16 port = 0;
        bool tls = false;
    };
    static constexpr int EndpointCacheSize = 8;

    Result<UpstreamConnection *> acquire(IdlePool *pool, bool tls, const QString &host, quint16 port,
                                         bool allowReuse);
    // The pool for an origin, made on first use. Kept for the client's life: a hub talks to a few origins.
    IdlePool *pool(const QString &key);
    void release(UpstreamConnection *connection);
    void discard(UpstreamConnection *connection);
    void registerCall(UpstreamCall *call);
    void unregisterCall(UpstreamCall *call);
    bool evictOldestIdle();
    void removeIdle(UpstreamConnection *connection);
    void sweep();
    void updateSweepTimer();

    // Events of pooled (idle) connections: any of them means the connection is no longer usable.
    void upstreamResponseStarted(UpstreamConnection *connection) override;
    void upstreamBodyData(UpstreamConnection *connection, const QByteArray &data) override;
    void upstreamFinished(UpstreamConnection *connection) override;
    void upstreamFailed(UpstreamConnection *connection, const AiHub::Error &error) override;

    Endpoint m_endpoints[EndpointCacheSize];
    int m_nextEndpoint = 0;
    std::vector<std::unique_ptr<IdlePool>> m_pools;
    QList<UpstreamCall *> m_calls;                      // running calls, for the deadline sweep
    QSslConfiguration m_tlsConfiguration;
    QTimer m_sweepTimer;
    int m_idleTimeoutMs = DefaultIdleTimeoutMs;
    int m_maxIdlePerHost = DefaultMaxIdlePerHost;
    int m_maxOpenConnections = DefaultMaxOpenConnections;
    int m_openCount = 0;
    int m_idleCount = 0;
    bool m_tlsConfigured = false;
};

} // namespace AiHub::Net
