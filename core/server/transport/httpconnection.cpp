// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/transport/httpconnection.h"

#include "core/server/transport/guardedtcpserver.h"
#include "core/server/transport/httptransport.h"
#include "core/server/transport/httpwire.h"
#include "core/server/transport/transportlog.h"

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <cerrno>
#include <sys/socket.h>
#endif

namespace AiHub::Server {

namespace {
// How long a closing connection may take to read our last bytes and hang up before it is aborted.
constexpr qint64 kLingerMs = 2000;
// The peek scratch buffer gives memory back after a large request.
constexpr qint64 kScratchKeepBytes = 256 * 1024;
const QByteArray kContinue = QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
} // namespace

HttpConnection::HttpConnection(GuardedTcpServer *server, const TransportLimits &limits)
    : QTcpSocket(server)
    , m_server(server)
{
    m_framer.setLimits(limits.maxHeaderBytes, limits.maxBodyBytes);
    connect(this, &QAbstractSocket::disconnected, this, &HttpConnection::onDisconnected);
    touch();
}

HttpConnection::~HttpConnection()
{
    // ~QAbstractSocket aborts and emits disconnected(), which must not reach this half-destroyed object. Only
    // this slot: Qt HTTP Server frees its per-socket request object from a destroyed() connection of its own.
    QObject::disconnect(this, &QAbstractSocket::disconnected, this, &HttpConnection::onDisconnected);
}

void HttpConnection::attach(HttpTransport *transport)
{
    m_transport = transport;
}

void HttpConnection::detachTransport()
{
    m_transport = nullptr;
}

void HttpConnection::touch()
{
    m_lastActivityMs = m_server->nowMs();
}

void HttpConnection::beforeParse()
{
    touch();
    const qint64 available = bytesAvailable();
    if (m_cut) {
        discardInput();
        return;
    }
    qint64 fresh = available - m_unread;
    if (fresh < 0) { // something consumed bytes behind our back; never expected
        qCWarning(lcHttpTransport) << "connection byte accounting lost step; closing";
        m_unread = available;
        fresh = 0;
        closeGracefully();
        return;
    }
    if (fresh > 0)
        scan(available, fresh);
    m_unread = available;
    checkCutoff();
}

void HttpConnection::afterParse()
{
    // Qt HTTP Server 6.4 parses one request per readyRead and re-emits readyRead (queued) while unread bytes
    // remain, so this runs between any two requests: the place to stop Qt before a refused one.
    if (m_cut)
        return;
    m_unread = bytesAvailable();
    checkCutoff();
}

void HttpConnection::scan(qint64 available, qint64 fresh)
{
    m_scanned += fresh;
    if (m_framer.isFailed() || m_framer.isStopped())
        return;
    // Inside a Content-Length body there is nothing to look at.
    const qint64 skippable = m_framer.fixedBodyRemaining();
    if (fresh <= skippable) {
        m_framer.skipFixedBody(fresh);
        return;
    }
    // One scratch buffer per thread: every connection of a transport lives on the same thread.
    thread_local QByteArray scratch;
    if (scratch.capacity() > kScratchKeepBytes && available <= kScratchKeepBytes)
        scratch = QByteArray();
    scratch.resize(available);
    const qint64 got = peek(scratch.data(), available);
    if (got != available) {
        qCWarning(lcHttpTransport) << "could not peek the unread request bytes; closing";
        closeGracefully();
        return;
    }
    const char *p = scratch.constData() + (available - fresh);
    qsizetype left = fresh;
    while (left > 0) {
        RequestFramer::Event event = RequestFramer::Event::None;
        const qsizetype used = m_framer.feed(p, left, &event);
        p += used;
        left -= used;
        if (event == RequestFramer::Event::Head) {
            onHead(m_framer.takeHead());
        } else if (event == RequestFramer::Event::Failed) {
            const auto &failure = m_framer.failure();
            m_cutoffAt = failure.requestStart;
            m_pendingError = HttpWire::errorResponse(failure.status, failure.message, true);
            qCDebug(lcHttpTransport) << "refusing request:" << failure.status << failure.message;
            return;
        }
        if (m_framer.isStopped()) {
            // A request without keep-alive was framed completely; nothing after it is parsed.
            m_cutoffAt = m_framer.requestStart();
            return;
        }
    }
}

void HttpConnection::onHead(RequestFramer::Head head)
{
    const bool expect = head.expectContinue;
    m_heads.push_back(std::move(head));
    if (expect)
        maybeSendContinue();
}

void HttpConnection::maybeSendContinue()
{
    // The interim response must not land inside an earlier response, so it waits until this request is the
    // only one not yet answered.
    if (m_cut || m_closing || !m_exchanges.empty() || m_heads.size() != 1)
        return;
    auto &head = m_heads.front();
    if (!head.expectContinue || head.interimSent)
        return;
    head.interimSent = true;
    writeResponse(kContinue);
}

void HttpConnection::checkCutoff()
{
    if (m_cut || m_cutoffAt < 0)
        return;
    const qint64 consumed = m_scanned - m_unread;
    if (consumed >= m_cutoffAt)
        cutOff();
}

void HttpConnection::cutOff()
{
    if (m_cut)
        return;
    detachParser();
    discardInput();
    if (!m_pendingError.isEmpty() && m_exchanges.empty())
        sendPendingErrorAndClose();
}

void HttpConnection::detachParser()
{
    if (m_cut)
        return;
    m_cut = true;
    m_heads.clear();
    if (m_transport && !QObject::disconnect(this, &QTcpSocket::readyRead, m_transport, nullptr))
        qCWarning(lcHttpTransport) << "could not detach Qt HTTP Server from a connection";
}

void HttpConnection::discardInput()
{
    if (isTransactionStarted())
        commitTransaction();
    const qint64 n = bytesAvailable();
    if (n > 0)
        skip(n);
    m_unread = 0;
}

void HttpConnection::sendPendingErrorAndClose()
{
    if (m_closing)
        return;
    const QByteArray error = std::exchange(m_pendingError, {});
    writeResponse(error);
    closeGracefully();
}

std::optional<RequestFramer::Head> HttpConnection::takeHead()
{
    if (m_heads.empty())
        return std::nullopt;
    RequestFramer::Head head = std::move(m_heads.front());
    m_heads.pop_front();
    return head;
}

void HttpConnection::writeResponse(const QByteArray &bytes)
{
    if (m_writeShut || state() != QAbstractSocket::ConnectedState || bytes.isEmpty())
        return;
#if defined(Q_OS_UNIX) && defined(MSG_NOSIGNAL)
    // Send at once with one syscall when nothing is queued: QAbstractSocket would arm and disarm a write
    // notifier for every response, and leaving on the next loop iteration adds latency.
    if (bytesToWrite() == 0) {
        const qintptr fd = socketDescriptor();
        const ssize_t sent = fd < 0 ? -1 : ::send(int(fd), bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent == bytes.size())
            return;
        if (sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            return; // the peer is gone; the read side reports the disconnect
        const qsizetype done = sent > 0 ? qsizetype(sent) : 0;
        write(bytes.constData() + done, bytes.size() - done); // the rest when the kernel has room
        return;
    }
#endif
    write(bytes);
    flush();
}

void HttpConnection::onIdle()
{
    touch();
    if (m_closing)
        return;
    if (m_cut && !m_pendingError.isEmpty()) {
        sendPendingErrorAndClose();
        return;
    }
    maybeSendContinue();
}

void HttpConnection::rejectAndClose(int status, QByteArrayView message)
{
    detachParser();
    // Never handed to Qt HTTP Server: only drain what the client still sends.
    connect(this, &QTcpSocket::readyRead, this, &HttpConnection::discardInput);
    writeResponse(HttpWire::errorResponse(status, message, true));
    closeGracefully();
}

void HttpConnection::closeGracefully()
{
    if (m_closing)
        return;
    m_closing = true;
    detachParser();
    discardInput();
    m_lingerDeadlineMs = m_server->nowMs() + kLingerMs;
    if (state() != QAbstractSocket::ConnectedState)
        return;
    // Half-close once our bytes are out, then keep reading until the peer hangs up: closing with unread
    // input would send a reset that can destroy the response we just wrote.
    if (bytesToWrite() == 0)
        shutdownWrite();
    else
        connect(this, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWrittenWhileClosing);
}

void HttpConnection::onBytesWrittenWhileClosing()
{
    if (bytesToWrite() == 0)
        shutdownWrite();
}

void HttpConnection::shutdownWrite()
{
    if (m_writeShut)
        return;
    m_writeShut = true;
    const qintptr fd = socketDescriptor();
    if (fd < 0)
        return;
#ifdef Q_OS_WIN
    ::shutdown(SOCKET(fd), SD_SEND);
#else
    ::shutdown(int(fd), SHUT_WR);
#endif
}

void HttpConnection::sweep(qint64 nowMs, int idleTimeoutMs)
{
    if (m_closing) {
        if (nowMs >= m_lingerDeadlineMs)
            abort();
        return;
    }
    if (isBusy() || nowMs - m_lastActivityMs < idleTimeoutMs)
        return;
    const bool partial = !m_framer.isBetweenRequests() || !m_heads.empty();
    if (partial && !m_cut && m_transport) {
        detachParser();
        writeResponse(HttpWire::errorResponse(408, "The request was not completed in time.", true));
    }
    closeGracefully();
}

void HttpConnection::onDisconnected()
{
    detachParser();
    m_closing = true;
    if (m_transport)
        m_transport->connectionGone(this);
    deleteLater();
}

} // namespace AiHub::Server
