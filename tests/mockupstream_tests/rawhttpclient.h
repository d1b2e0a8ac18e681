// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QTcpSocket>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

// A deliberately dumb HTTP/1.1 client on a raw QTcpSocket: the tests check the mock's framing byte by byte,
// which QNetworkAccessManager would hide. Waits by spinning the event loop (QTest::qWaitFor), so the server
// may live in the same thread.
class RawHttpClient final {
public:
    struct Response {
        QByteArray statusLine;
        int status = 0;
        QList<std::pair<QByteArray, QByteArray>> headers;
        bool chunked = false;
        QList<QByteArray> chunks; // HTTP chunk payloads, in order, when chunked
        QByteArray body; // de-chunked
        qsizetype wireSize = 0;

        QByteArray header(const QByteArray &name) const;
        bool hasHeader(const QByteArray &name) const;
    };
    enum class Parse { Incomplete, Complete, Invalid };
    // Parses one response from the front of data; close-delimited bodies complete only when closed is true.
    static Parse parse(QByteArrayView data, bool closed, Response &out);

    RawHttpClient();
    bool connectTo(quint16 port, int timeoutMs = 5000);
    void send(const QByteArray &bytes);
    // Waits for one complete response and consumes it from the buffer.
    std::optional<Response> readResponse(int timeoutMs = 5000);
    bool waitFor(const std::function<bool(const QByteArray &buffer)> &predicate, int timeoutMs);
    bool waitForDisconnected(int timeoutMs = 5000);
    void close();

    bool isConnected() const;
    bool wasDisconnected() const { return m_disconnected; }
    const QByteArray &buffer() const { return m_buffer; }
    // Milliseconds since connectTo() at which the buffer first reached at least `size` bytes; -1 if never.
    qint64 arrivalMsOfByte(qsizetype size) const;
    QTcpSocket *socket() const { return m_socket.get(); }

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
    qsizetype m_consumed = 0; // bytes of earlier responses already handed out (for arrival offsets)
    QList<std::pair<qint64, qsizetype>> m_arrivals; // (ms, total bytes received so far)
    QElapsedTimer m_clock;
    bool m_disconnected = false;
};
