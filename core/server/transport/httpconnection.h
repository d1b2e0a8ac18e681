// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/server/transport/requestparser.h"
#include "core/server/transport/transportlimits.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSocketNotifier>

namespace AiHub::Server {

class HttpListener;
class HttpExchange;
class HttpTransport;

// One client connection: a non-blocking socket read and written directly (no QTcpSocket: its buffers and
// signal chain cost more than the whole request otherwise), the request parser, and the queue of exchanges
// answered on it in order. Internal to the transport.
//
// Input is read as it arrives and parsed at once; each complete request is handed to the transport. A refused
// request stops the parsing: the requests before it are answered first, then the error response is written and
// the connection closes. Output goes straight to the kernel; what it cannot take yet waits here, in order.
// The peer hanging up (or a socket error) is reported once to the transport, then the object deletes itself.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    // Takes ownership of the accepted socket descriptor.
    HttpConnection(HttpListener *server, qintptr socketDescriptor, const TransportLimits &limits);
    ~HttpConnection() override;

    // Wiring done by HttpListener: requests are parsed once a transport is attached.
    void attach(HttpTransport *transport);
    void detachTransport();
    [[nodiscard]] bool isAdmitted() const { return m_admitted; }
    // Answers a connection that will never be served (e.g. 503 over the connection limit) and closes it.
    void rejectAndClose(int status, QByteArrayView message);
    // Idle timeout and linger deadline, called by the server's one sweep timer.
    void sweep(qint64 nowMs, int idleTimeoutMs);

    [[nodiscard]] const QHostAddress &peerAddress() const { return m_peer; }
    [[nodiscard]] quint16 peerPort() const { return m_peerPort; }
    // The socket is open and the peer has not gone.
    [[nodiscard]] bool isConnected() const { return m_fd >= 0 && !m_gone; }
    // Bytes written but not yet taken by the kernel.
    [[nodiscard]] qint64 bytesToWrite() const { return m_queuedBytes; }

    // Used by HttpTransport and HttpExchange.
    QList<HttpExchange *> &exchanges() { return m_exchanges; }
    bool isBusy() const { return !m_exchanges.isEmpty(); }
    bool isClosing() const { return m_closing; }
    bool isPumping() const { return m_pumping; }
    void setPumping(bool pumping) { m_pumping = pumping; }
    void writeResponse(const QByteArray &bytes);
    // The last exchange finished: write what waited for it (100 Continue, a refused request's error).
    void onIdle();
    // Stops reading requests, flushes what is queued for writing, then half-closes and waits for the peer.
    void closeGracefully();
    // Closes at once; the transport hears that the peer is gone before this returns.
    void abort();

Q_SIGNALS:
    // Queued output was handed to the kernel (not emitted for writes the kernel took at once).
    void bytesWritten(qint64 bytes);

private:
    void onReadable();
    void onWritable();
    void parse(const char *data, qsizetype size);
    void dispatch(RequestParser::Request &&parsed);
    void refuse(const RequestParser::Failure &failure);
    void maybeSendContinue();
    void sendPendingErrorAndClose();
    void shutdownWrite();
    void closeSocket();
    void reportGone();
    void touch();

    HttpListener *m_server;
    HttpTransport *m_transport = nullptr;
    int m_fd;
    QSocketNotifier m_readNotifier;
    QSocketNotifier *m_writeNotifier = nullptr;   // only while output waits for the kernel
    RequestParser m_parser;
    QList<HttpExchange *> m_exchanges;             // front is the one being answered
    QList<QByteArray> m_output;                    // not yet taken by the kernel; front partly sent
    qsizetype m_outputOffset = 0;                  // bytes of m_output.front() already sent
    qint64 m_queuedBytes = 0;
    QByteArray m_pendingError;                     // complete response for a refused request
    QHostAddress m_peer;
    quint16 m_peerPort = 0;
    qint64 m_lastActivityMs = 0;
    qint64 m_lingerDeadlineMs = 0;
    bool m_admitted = false;
    bool m_parsing = false;    // input is parsed as requests (off when refused, closing or after the last one)
    bool m_continueDue = false; // the request being read waits for "100 Continue"
    bool m_closing = false;
    bool m_writeShut = false;
    bool m_pumping = false;    // the transport is dispatching this connection's queue
    bool m_gone = false;
};

} // namespace AiHub::Server
