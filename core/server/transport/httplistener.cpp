// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/transport/httplistener.h"

#include "core/server/transport/httpconnection.h"
#include "core/server/transport/transportlog.h"

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace AiHub::Server {

namespace {
// Connections refused with 503 still linger briefly; beyond this many they are dropped at once.
constexpr int kMaxRefusedLingering = 64;
constexpr int kListenBacklog = 1024;

#ifdef Q_OS_UNIX
QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
#endif
} // namespace

HttpListener::HttpListener(QObject *parent)
    : QTcpServer(parent)
    , m_sweepTimer(new QTimer(this))
{
    m_clock.start();
    m_sweepTimer->setTimerType(Qt::CoarseTimer);
    connect(m_sweepTimer, &QTimer::timeout, this, &HttpListener::sweep);
    updateSweepInterval();
}

HttpListener::~HttpListener()
{
    m_sweepTimer->stop();
    // Before the members go: each connection forgets itself here when it is deleted.
    const auto all = connections();
    for (HttpConnection *connection : all)
        delete connection;
}

void HttpListener::setLimits(const TransportLimits &limits)
{
    m_limits = limits;
    updateSweepInterval();
}

void HttpListener::setTransport(HttpTransport *transport)
{
    m_transport = transport;
}

void HttpListener::updateSweepInterval()
{
    // A quarter of the idle timeout keeps the overshoot small; one wake-up a second at most for the default.
    const int interval = qBound(10, m_limits.idleTimeoutMs / 4, 1000);
    m_sweepTimer->setInterval(interval);
}

Result<quint16> HttpListener::listenOn(const QHostAddress &address, quint16 port, bool reusePort)
{
    if (isListening())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The HTTP server is already listening."));
#ifdef Q_OS_UNIX
    sockaddr_storage storage {};
    socklen_t length = 0;
    int family = AF_INET;
    bool dualStack = false;
    if (address == QHostAddress(QHostAddress::Any) || address == QHostAddress(QHostAddress::AnyIPv6)) {
        auto *sa = reinterpret_cast<sockaddr_in6 *>(&storage);
        sa->sin6_family = AF_INET6;
        sa->sin6_addr = in6addr_any;
        sa->sin6_port = htons(port);
        family = AF_INET6;
        length = sizeof(sockaddr_in6);
        dualStack = address == QHostAddress(QHostAddress::Any);
    } else if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *sa = reinterpret_cast<sockaddr_in *>(&storage);
        sa->sin_family = AF_INET;
        sa->sin_addr.s_addr = htonl(address.toIPv4Address());
        sa->sin_port = htons(port);
        length = sizeof(sockaddr_in);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *sa = reinterpret_cast<sockaddr_in6 *>(&storage);
        sa->sin6_family = AF_INET6;
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&sa->sin6_addr, &bytes, sizeof(bytes));
        sa->sin6_port = htons(port);
        if (!address.scopeId().isEmpty()) {
            bool numeric = false;
            const uint id = address.scopeId().toUInt(&numeric);
            sa->sin6_scope_id = numeric ? id : if_nametoindex(address.scopeId().toLocal8Bit().constData());
        }
        family = AF_INET6;
        length = sizeof(sockaddr_in6);
    } else {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Cannot listen on '%1': not an IPv4 or IPv6 address.").arg(address.toString()));
    }

    const int fd = ::socket(family, SOCK_STREAM, 0);
    if (fd < 0)
        return fail(ErrorCode::Internal, QStringLiteral("Cannot create a socket: %1.").arg(errnoText(errno)));
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    const int one = 1;
    const int zero = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (reusePort) {
#ifdef SO_REUSEPORT
        if (::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)) != 0) {
            const int error = errno;
            ::close(fd);
            return fail(ErrorCode::Internal, QStringLiteral("Cannot share the port between threads (SO_REUSEPORT): %1. "
                                                            "Run the server with one thread.").arg(errnoText(error)));
        }
#else
        ::close(fd);
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("This system cannot share a port between threads; run the server with one thread."));
#endif
    }
    if (family == AF_INET6)
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, dualStack ? &zero : &one, sizeof(int));
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EADDRINUSE)
            return fail(ErrorCode::AlreadyExists,
                        QStringLiteral("Port %1 on %2 is already in use. Stop the other program or choose another port.")
                            .arg(port).arg(address.toString()));
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Cannot listen on %1 port %2: %3.")
                                                    .arg(address.toString()).arg(port).arg(errnoText(error)));
    }
    if (::listen(fd, kListenBacklog) != 0) {
        const int error = errno;
        ::close(fd);
        return fail(ErrorCode::Internal, QStringLiteral("Cannot listen on %1 port %2: %3.")
                                             .arg(address.toString()).arg(port).arg(errnoText(error)));
    }
    if (!setSocketDescriptor(fd)) {
        ::close(fd);
        return fail(ErrorCode::Internal, QStringLiteral("Cannot use the listening socket: %1.").arg(errorString()));
    }
#else
    if (reusePort)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("This system cannot share a port between threads; run the server with one thread."));
    if (!listen(address, port))
        return fail(ErrorCode::AlreadyExists, QStringLiteral("Cannot listen on %1 port %2: %3.")
                                                  .arg(address.toString()).arg(port).arg(errorString()));
#endif
    m_sweepTimer->start();
    return serverPort();
}

void HttpListener::incomingConnection(qintptr socketDescriptor)
{
    auto *connection = new HttpConnection(this, socketDescriptor, m_limits);
    m_connections.insert(connection);
    if (!m_sweepTimer->isActive())
        m_sweepTimer->start();
    if (m_transport && m_active < m_limits.maxConnections) {
        ++m_active;
        connection->attach(m_transport);
        return;
    }
    if (m_connections.size() - m_active > kMaxRefusedLingering)
        connection->abort();
    else
        connection->rejectAndClose(503, "The server is at its connection limit; retry shortly.");
}

void HttpListener::forget(HttpConnection *connection)
{
    if (m_connections.remove(connection) && connection->isAdmitted())
        --m_active;
}

QList<HttpConnection *> HttpListener::connections() const
{
    return m_connections.values();
}

void HttpListener::closeIdleConnections()
{
    const auto all = connections();
    for (HttpConnection *connection : all) {
        if (!connection->isBusy())
            connection->closeGracefully();
    }
}

void HttpListener::sweep()
{
    const qint64 now = nowMs();
    const auto all = connections();
    for (HttpConnection *connection : all)
        connection->sweep(now, m_limits.idleTimeoutMs);
    Q_EMIT swept(now);
}

} // namespace AiHub::Server
