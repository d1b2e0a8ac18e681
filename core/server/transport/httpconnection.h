// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/server/transport/requestframer.h"
#include "core/server/transport/transportlimits.h"

#include <QTcpSocket>

#include <deque>
#include <optional>

namespace AiHub::Server {

class GuardedTcpServer;
class HttpExchange;
class HttpTransport;

// One client connection: the socket Qt HTTP Server reads from, plus the guard that sees every byte first and
// the queue of exchanges answered on it in order. Internal to the transport.
//
// How the guard stays in step with Qt HTTP Server 6.4, which parses one request per readyRead and keeps
// partial requests inside a socket transaction: beforeParse() runs before Qt's readyRead slot and frames the
// bytes that arrived since the last call (the unread bytes minus those already seen); afterParse() runs after
// Qt's slot and notes how many bytes Qt left unread, so "bytes consumed by Qt" is always known. When a request
// is refused, Qt is cut off once it has consumed everything before that request, the earlier requests are
// answered, then the error response is written and the connection closes.
class HttpConnection final : public QTcpSocket
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    HttpConnection(GuardedTcpServer *server, const TransportLimits &limits);
    ~HttpConnection() override;

    // Wiring done by GuardedTcpServer.
    void attach(HttpTransport *transport);
    void detachTransport();
    void beforeParse();
    void afterParse();
    // Answers a connection that will never be served (e.g. 503 over the connection limit) and closes it.
    void rejectAndClose(int status, QByteArrayView message);
    // Idle timeout and linger deadline, called by the server's one sweep timer.
    void sweep(qint64 nowMs, int idleTimeoutMs);

    // Used by HttpTransport and HttpExchange.
    std::optional<RequestFramer::Head> takeHead();
    std::deque<HttpExchange *> &exchanges() { return m_exchanges; }
    bool isBusy() const { return !m_exchanges.empty(); }
    bool isClosing() const { return m_closing; }
    bool isPumping() const { return m_pumping; }
    void setPumping(bool pumping) { m_pumping = pumping; }
    void writeResponse(const QByteArray &bytes);
    // The last exchange finished: write what waited for it (100 Continue, a refused request's error).
    void onIdle();
    // Stops reading requests, flushes what is queued for writing, then half-closes and waits for the peer.
    void closeGracefully();

private:
    void scan(qint64 available, qint64 fresh);
    void onHead(RequestFramer::Head head);
    void maybeSendContinue();
    void checkCutoff();
    void cutOff();
    void discardInput();
    void sendPendingErrorAndClose();
    void shutdownWrite();
    void onBytesWrittenWhileClosing();
    void onDisconnected();
    void detachParser();
    void touch();

    GuardedTcpServer *m_server;
    HttpTransport *m_transport = nullptr;
    RequestFramer m_framer;
    std::deque<RequestFramer::Head> m_heads;       // framed, not yet handed to the transport
    std::deque<HttpExchange *> m_exchanges;        // front is the one being answered
    QByteArray m_pendingError;                     // complete response for a refused request
    qint64 m_scanned = 0;      // bytes received and framed so far
    qint64 m_unread = 0;       // of those, bytes Qt HTTP Server has not consumed yet
    qint64 m_cutoffAt = -1;    // stream offset where Qt must stop parsing
    qint64 m_lastActivityMs = 0;
    qint64 m_lingerDeadlineMs = 0;
    bool m_cut = false;        // Qt HTTP Server no longer reads this socket
    bool m_closing = false;
    bool m_writeShut = false;
    bool m_pumping = false;    // the transport is dispatching this connection's queue
};

} // namespace AiHub::Server
