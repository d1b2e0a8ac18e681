// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QTcpSocket>

namespace AiHub::Testing {

// A deliberately plain HTTP/1.1 client for tests: exact bytes on the wire, incremental reads with arrival times,
// and the freedom to hang up mid-response. Waits by spinning the event loop (tests only).
class RawHttpClient final {
public:
    struct Response {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;       // de-chunked
        QByteArray raw;        // everything received
        bool complete = false; // the body ended as framed (or the server closed a close-delimited body)
        QByteArray header(const QByteArray &name) const;
    };

    explicit RawHttpClient(quint16 port);

    bool connectToServer(int timeoutMs = 3000);
    void send(const QByteArray &bytes);
    void sendRequest(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                     const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // Reads until the response is complete or the timeout passes.
    Response readResponse(int timeoutMs = 10000);
    // Reads until `marker` appears in the (raw) bytes received so far.
    bool waitFor(const QByteArray &marker, int timeoutMs = 10000);
    QByteArray received() const { return m_buffer; }
    qint64 msSinceSend() const { return m_sent.elapsed(); }
    void close() { m_socket.abort(); }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    // One request on a fresh connection, the whole response back.
    static Response request(quint16 port, const QByteArray &method, const QByteArray &path,
                            const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                            int timeoutMs = 10000);

private:
    bool tryParse(Response &out, bool closed);

    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QElapsedTimer m_sent;
};

} // namespace AiHub::Testing
