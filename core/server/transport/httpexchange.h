// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/bytebuilder.h"
#include "core/server/transport/httprequest.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

namespace AiHub::Server {

class HttpConnection;
class HttpTransport;

// One request and its response. The transport owns it and hands it to the handler, which answers at once or
// later (keep a QPointer: the transport deletes the exchange after it finished). Exactly one of respond() or
// beginStream()...endStream() answers it. Pipelined requests behind it on the same connection wait until it
// finished, so nothing is ever written into the middle of a stream.
//
// If the client disconnects first, clientGone() is emitted once; writes then do nothing (writeChunk returns
// false) and respond()/endStream() just release the exchange. A handler that never finishes an exchange whose
// client is gone loses it about a minute later.
class HttpExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpExchange)

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    ~HttpExchange() override;

    [[nodiscard]] const HttpRequest &request() const { return m_request; }

    // A complete response in one socket write. Content-Length, Connection and Date are set here (handler copies
    // of them and of Transfer-Encoding are dropped; a handler's "Connection: close" closes the connection after
    // the response); a HEAD request gets the headers only.
    void respond(int status, const Headers &headers, const QByteArray &body);

    // A streamed response: chunked for HTTP/1.1 (the connection stays usable afterwards), close-delimited for
    // HTTP/1.0 clients.
    void beginStream(int status, const Headers &headers);
    // False once the client is gone or the stream is not open.
    bool writeChunk(const QByteArray &data);
    void endStream();

    [[nodiscard]] bool isClientConnected() const;
    // Bytes written but not yet taken by the kernel: stop producing while this is large (back-pressure).
    [[nodiscard]] qint64 bytesPending() const;
    [[nodiscard]] bool isStreaming() const { return m_state == State::Streaming; }
    [[nodiscard]] bool isFinished() const { return m_state == State::Finished; }

Q_SIGNALS:
    void clientGone();
    void finished();
    // While streaming: the socket handed bytes to the kernel (see bytesPending).
    void bytesWritten(qint64 bytes);

private:
    friend class HttpTransport;
    enum class State { Queued, Dispatched, Streaming, Finished };

    HttpExchange(HttpRequest &&request, HttpConnection *connection, HttpTransport *transport);
    bool wantsClose(const Headers &headers) const;
    void appendHeaders(ByteBuilder &out, const Headers &headers) const;
    void finish(bool closeConnection);

    HttpRequest m_request;
    QPointer<HttpConnection> m_connection;
    HttpTransport *m_transport;
    State m_state = State::Queued;
    bool m_clientGone = false;
    bool m_chunked = false;      // HTTP/1.1 chunk framing on the wire
    bool m_discardBody = false;  // HEAD, or a status that has no body
    bool m_closeAfter = false;
};

} // namespace AiHub::Server
