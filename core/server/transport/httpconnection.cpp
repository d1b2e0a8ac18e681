// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/transport/httpconnection.h"

#include "core/server/transport/httplistener.h"
#include "core/server/transport/httprequest.h"
#include "core/server/transport/httptransport.h"
#include "core/server/transport/httpwire.h"
#include "core/server/transport/transportlog.h"

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace AiHub::Server {

namespace {
// How long a closing connection may take to read our last bytes and hang up before it is aborted.
constexpr qint64 kLingerMs = 2000;
// One read takes at most this much; the buffer is shared by every connection of a thread.
constexpr qsizetype kReadBufferBytes = 64 * 1024;
// Queued output sent with one system call.
constexpr int kMaxIovecs = 64;
const QByteArray kContinue = QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");

std::atomic<quint64> g_nextRequestId { 1 };

bool wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK;
}
} // namespace

HttpConnection::HttpConnection(HttpListener *server, qintptr socketDescriptor, const TransportLimits &limits)
    : QObject(server)
    , m_server(server)
    , m_fd(int(socketDescriptor))
    , m_readNotifier(socketDescriptor, QSocketNotifier::Read)
{
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    ::fcntl(m_fd, F_SETFD, FD_CLOEXEC);
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)); // responses leave at once
    sockaddr_storage address {};
    socklen_t length = sizeof(address);
    if (::getpeername(m_fd, reinterpret_cast<sockaddr *>(&address), &length) == 0) {
        m_peer.setAddress(reinterpret_cast<const sockaddr *>(&address));
        if (address.ss_family == AF_INET)
            m_peerPort = ntohs(reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
        else if (address.ss_family == AF_INET6)
            m_peerPort = ntohs(reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port);
    }
    m_parser.setLimits(limits.maxHeaderBytes, limits.maxBodyBytes);
    connect(&m_readNotifier, &QSocketNotifier::activated, this, &HttpConnection::onReadable);
    touch();
}

HttpConnection::~HttpConnection()
{
    closeSocket();
    m_server->forget(this);
}

void HttpConnection::attach(HttpTransport *transport)
{
    m_transport = transport;
    m_admitted = true;
    m_parsing = true;
}

void HttpConnection::detachTransport()
{
    m_transport = nullptr;
}

void HttpConnection::touch()
{
    m_lastActivityMs = m_server->nowMs();
}

void HttpConnection::onReadable()
{
    // Straight from the event loop: no handler is on the stack, so finished exchanges can be freed.
    if (m_transport)
        m_transport->emptyGraveyard();
    thread_local QByteArray buffer;
    if (buffer.size() != kReadBufferBytes)
        buffer.resize(kReadBufferBytes);
    while (m_fd >= 0 && !m_gone) {
        const ssize_t got = ::recv(m_fd, buffer.data(), size_t(buffer.size()), MSG_DONTWAIT);
        if (got > 0) {
            touch();
            if (m_parsing)
                parse(buffer.constData(), qsizetype(got));
            if (got < buffer.size())
                return; // drained: the next readiness brings more
            continue;
        }
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && wouldBlock(errno))
            return;
        reportGone(); // end of stream or a socket error
        return;
    }
}

void HttpConnection::parse(const char *data, qsizetype size)
{
    while (size > 0 && m_parsing) {
        RequestParser::Event event = RequestParser::Event::None;
        const qsizetype used = m_parser.feed(data, size, &event);
        data += used;
        size -= used;
        switch (event) {
        case RequestParser::Event::None:
            break;
        case RequestParser::Event::Head:
            if (m_parser.pendingRequest().expectContinue) {
                m_continueDue = true;
                maybeSendContinue();
            }
            break;
        case RequestParser::Event::Request:
            m_continueDue = false;
            dispatch(m_parser.takeRequest());
            break;
        case RequestParser::Event::Failed:
            refuse(m_parser.failure());
            return;
        }
        if (m_parser.isStopped())
            m_parsing = false; // a request without keep-alive was the last one; later bytes are ignored
    }
}

void HttpConnection::dispatch(RequestParser::Request &&parsed)
{
    if (!m_transport || m_closing)
        return;
    HttpRequest r(m_peer, m_peerPort);
    r.methodToken = std::move(parsed.methodToken);
    r.method = HttpRequest::methodFromToken(r.methodToken);
    r.target = std::move(parsed.target);
    HttpRequest::splitTarget(r.target, &r.path, &r.query);
    r.headers = std::move(parsed.headers);
    r.body = std::move(parsed.body);
    r.keepAlive = parsed.keepAlive;
    r.http10 = parsed.http10;
    r.id = g_nextRequestId.fetch_add(1, std::memory_order_relaxed);
    m_transport->dispatch(this, std::move(r));
}

void HttpConnection::refuse(const RequestParser::Failure &failure)
{
    qCDebug(lcHttpTransport) << "refusing request:" << failure.status << failure.message;
    m_parsing = false;
    m_continueDue = false;
    m_pendingError = HttpWire::errorResponse(failure.status, failure.message, true);
    if (m_exchanges.isEmpty())
        sendPendingErrorAndClose(); // otherwise after the requests before it (onIdle)
}

void HttpConnection::maybeSendContinue()
{
    // The interim response must not land inside an earlier response, so it waits until every earlier request
    // is answered.
    if (!m_continueDue || m_closing || !m_exchanges.isEmpty())
        return;
    m_continueDue = false;
    writeResponse(kContinue);
}

void HttpConnection::sendPendingErrorAndClose()
{
    if (m_closing)
        return;
    const QByteArray error = std::exchange(m_pendingError, {});
    writeResponse(error);
    closeGracefully();
}

void HttpConnection::writeResponse(const QByteArray &bytes)
{
    if (m_writeShut || !isConnected() || bytes.isEmpty())
        return;
    if (!m_output.isEmpty()) { // keep the order: behind what waits already
        m_output.append(bytes);
        m_queuedBytes += bytes.size();
        return;
    }
    const ssize_t sent = ::send(m_fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent == bytes.size())
        return;
    if (sent < 0 && !wouldBlock(errno) && errno != EINTR) {
        // The peer is gone. Report it from the event loop: the caller may be in the middle of an exchange.
        QMetaObject::invokeMethod(this, &HttpConnection::reportGone, Qt::QueuedConnection);
        return;
    }
    const qsizetype done = sent > 0 ? qsizetype(sent) : 0;
    m_output.append(bytes);
    m_outputOffset = done;
    m_queuedBytes += bytes.size() - done;
    if (!m_writeNotifier) {
        m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &HttpConnection::onWritable);
    }
    m_writeNotifier->setEnabled(true);
}

void HttpConnection::onWritable()
{
    qint64 written = 0;
    while (!m_output.isEmpty() && m_fd >= 0) {
        iovec vectors[kMaxIovecs];
        int count = 0;
        qint64 offered = 0;
        for (const QByteArray &part : std::as_const(m_output)) {
            if (count == kMaxIovecs)
                break;
            const qsizetype skip = count == 0 ? m_outputOffset : 0;
            vectors[count].iov_base = const_cast<char *>(part.constData() + skip);
            vectors[count].iov_len = size_t(part.size() - skip);
            offered += part.size() - skip;
            ++count;
        }
        msghdr message {};
        message.msg_iov = vectors;
        message.msg_iovlen = size_t(count);
        const ssize_t sent = ::sendmsg(m_fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent < 0) {
            if (errno == EINTR)
                continue;
            if (wouldBlock(errno))
                break;
            reportGone();
            return;
        }
        written += sent;
        m_queuedBytes -= sent;
        qsizetype left = qsizetype(sent);
        while (left > 0) {
            const qsizetype rest = m_output.first().size() - m_outputOffset;
            if (left < rest) {
                m_outputOffset += left;
                break;
            }
            left -= rest;
            m_output.removeFirst();
            m_outputOffset = 0;
        }
        if (sent < offered)
            break; // the kernel is full; the notifier says when it has room again
    }
    if (m_output.isEmpty()) {
        m_output = QList<QByteArray>(); // give the queue's memory back
        if (m_writeNotifier)
            m_writeNotifier->setEnabled(false);
        if (m_closing)
            shutdownWrite();
    }
    if (written > 0)
        Q_EMIT bytesWritten(written);
}

void HttpConnection::onIdle()
{
    touch();
    if (m_closing)
        return;
    if (!m_pendingError.isEmpty()) {
        sendPendingErrorAndClose();
        return;
    }
    maybeSendContinue();
}

void HttpConnection::rejectAndClose(int status, QByteArrayView message)
{
    m_parsing = false;
    writeResponse(HttpWire::errorResponse(status, message, true));
    closeGracefully();
}

void HttpConnection::closeGracefully()
{
    if (m_closing)
        return;
    m_closing = true;
    m_parsing = false;
    m_continueDue = false;
    m_lingerDeadlineMs = m_server->nowMs() + kLingerMs;
    if (!isConnected())
        return;
    // Half-close once our bytes are out, then keep reading (and dropping) until the peer hangs up: closing with
    // unread input would send a reset that can destroy the response we just wrote.
    if (m_output.isEmpty())
        shutdownWrite();
}

void HttpConnection::shutdownWrite()
{
    if (m_writeShut || m_fd < 0)
        return;
    m_writeShut = true;
    ::shutdown(m_fd, SHUT_WR);
}

void HttpConnection::abort()
{
    closeSocket();
    reportGone();
}

void HttpConnection::closeSocket()
{
    if (m_fd < 0)
        return;
    // Notifiers go before the descriptor: the event loop must never poll a closed (or reused) descriptor.
    m_readNotifier.setEnabled(false);
    if (m_writeNotifier) {
        // Later, not now: this may run inside the write notifier's own activated() signal.
        m_writeNotifier->setEnabled(false);
        m_writeNotifier->deleteLater();
        m_writeNotifier = nullptr;
    }
    ::close(m_fd);
    m_fd = -1;
    m_output.clear();
    m_queuedBytes = 0;
}

void HttpConnection::reportGone()
{
    if (m_gone)
        return;
    m_gone = true;
    m_parsing = false;
    m_closing = true;
    closeSocket();
    if (m_transport)
        m_transport->connectionGone(this);
    deleteLater();
}

void HttpConnection::sweep(qint64 nowMs, int idleTimeoutMs)
{
    if (m_gone)
        return;
    if (m_closing) {
        if (nowMs >= m_lingerDeadlineMs)
            abort();
        return;
    }
    if (isBusy() || nowMs - m_lastActivityMs < idleTimeoutMs)
        return;
    if (m_parsing && !m_parser.isBetweenRequests()) {
        m_parsing = false;
        writeResponse(HttpWire::errorResponse(408, "The request was not completed in time.", true));
    }
    closeGracefully();
}

} // namespace AiHub::Server
