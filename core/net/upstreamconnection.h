// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"
#include "core/net/httpresponseparser.h"

#include <QAbstractSocket>
#include <QObject>
#include <QSslConfiguration>
#include <QString>

class QTcpSocket;

namespace AiHub::Net {

struct IdlePool; // UpstreamClient's pooled connections to one origin

// One TCP or TLS connection to an upstream host that carries one request at a time. It writes a request in a
// single write, parses the response and reports progress to its current Listener (the call using it, or the
// client while it sits idle in the pool). It knows when it can be reused. Owned by UpstreamClient.
class UpstreamConnection final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamConnection)

public:
    // Receives the connection's events. A listener may detach (setListener) or close the connection from any
    // callback; the connection then stops reporting at once.
    class Listener {
    public:
        virtual void upstreamResponseStarted(UpstreamConnection *connection) = 0;
        virtual void upstreamBodyData(UpstreamConnection *connection, const QByteArray &data) = 0;
        virtual void upstreamFinished(UpstreamConnection *connection) = 0;
        virtual void upstreamFailed(UpstreamConnection *connection, const AiHub::Error &error) = 0;

    protected:
        ~Listener() = default;
    };

    enum class State { Unconnected, Connecting, Ready, Busy, Closed };

    UpstreamConnection(bool tls, const QString &host, quint16 port, QObject *parent = nullptr);
    ~UpstreamConnection() override;

    // Starts connecting (TLS handshake included for https). Requests sent before that completes wait for it.
    void open(const QSslConfiguration &tlsConfiguration);
    void setListener(Listener *listener) { m_listener = listener; }
    Listener *listener() const { return m_listener; }
    // Writes a complete serialized request (one write) and expects its response.
    void sendRequest(const QByteArray &wire, bool headRequest, bool closeAfter);
    // Aborts the socket now (the peer sees the close at once); no callbacks after this.
    void close();

    State state() const { return m_state; }
    bool isTls() const { return m_tls; }
    const QString &host() const { return m_host; }
    // The pool this connection belongs to ("https://host:port"), set by the client.
    IdlePool *pool() const { return m_pool; }
    void setPool(IdlePool *pool) { m_pool = pool; }
    quint16 port() const { return m_port; }
    QString endpoint() const; // "host:port" for messages
    bool isReusable() const;
    int requestCount() const { return m_requestCount; }
    bool responseStarted() const { return m_firstByteNs != 0; } // a byte of the current response arrived
    const HttpResponseParser &parser() const { return m_parser; }
    HttpResponseParser &parser() { return m_parser; }

    // Monotonic timestamps in ns (0 = not yet) for deadlines and timing.
    qint64 openedNs() const { return m_openedNs; }
    qint64 connectedNs() const { return m_connectedNs; }
    qint64 requestSentNs() const { return m_requestSentNs; }
    qint64 firstByteNs() const { return m_firstByteNs; }
    qint64 lastReadNs() const { return m_lastReadNs; }
    qint64 idleSinceNs() const { return m_idleSinceNs; }
    void setIdleSinceNs(qint64 ns) { m_idleSinceNs = ns; }

    static qint64 nowNs();

private:
    enum class ReadResult { Data, Nothing, End, Failed };
    static constexpr qint64 ReadChunkBytes = 64 * 1024;

    ReadResult readChunk(QByteArray *out);
    void onConnected();
    void onReadyRead();
    void onError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void writePending();
    void process(const QByteArray &data);
    void handleEndOfStream();
    void reportFailure(const AiHub::Error &error);
    AiHub::Error transportError(QAbstractSocket::SocketError error) const;

    QTcpSocket *m_socket = nullptr;
    Listener *m_listener = nullptr;
    HttpResponseParser m_parser;
    QByteArray m_pending; // request waiting for the connection to come up
    QString m_host;
    IdlePool *m_pool = nullptr;
    quint16 m_port = 0;
    bool m_tls = false;
    bool m_pendingHead = false;
    bool m_closeAfter = false;
    bool m_reusable = false;
    State m_state = State::Unconnected;
    int m_requestCount = 0;
    qint64 m_openedNs = 0;
    qint64 m_connectedNs = 0;
    qint64 m_requestSentNs = 0;
    qint64 m_firstByteNs = 0;
    qint64 m_lastReadNs = 0;
    qint64 m_idleSinceNs = 0;
};

} // namespace AiHub::Net
