// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/loadgenerator.h"

#include "tests/bench/httpresponseparser.h"
#include "tests/bench/systeminfo.h"

#include <cerrno>
#include <cstring>
#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace AiHub::Bench {

namespace {

QString errnoText(int error) { return QString::fromLocal8Bit(std::strerror(error)); }

struct Connection {
    int fd = -1;
    HttpResponseParser parser;
    qint64 sentAtNs = 0;
    qint64 firstByteAtNs = 0;
    qsizetype sendOffset = 0;
    bool inFlight = false;
    bool measured = false;
    bool watchingWrite = false;
};

class Loop final {
public:
    explicit Loop(const LoadGenerator::Config &config)
        : m_config(config)
        , m_total(config.warmupRequests + config.requests)
        , m_connections(std::size_t(config.connections))
    {
        m_outcome.latencyUs.reserve(std::size_t(config.requests));
        if (config.measureFirstByte)
            m_outcome.firstByteUs.reserve(std::size_t(config.requests));
    }
    ~Loop()
    {
        for (Connection &c : m_connections)
            if (c.fd >= 0)
                ::close(c.fd);
        if (m_epoll >= 0)
            ::close(m_epoll);
    }
    Loop(const Loop &) = delete;
    Loop &operator=(const Loop &) = delete;

    Result<LoadGenerator::Outcome> run();

private:
    Status open(std::size_t index);
    void issue(std::size_t index);
    void send(std::size_t index);
    void readable(std::size_t index);
    void complete(std::size_t index);
    void broken(std::size_t index, const QString &why);
    void watchWrite(Connection &c, bool on);
    void noteFailure(const QString &why);

    const LoadGenerator::Config &m_config;
    const qint64 m_total;
    std::vector<Connection> m_connections;
    LoadGenerator::Outcome m_outcome;
    int m_epoll = -1;
    qint64 m_issued = 0;
    qint64 m_finished = 0;
    qint64 m_windowStartNs = 0;
    qint64 m_lastAnswerNs = 0;
    QString m_fatal;
    char m_buffer[65536];
};

Status Loop::open(std::size_t index)
{
    Connection &c = m_connections[index];
    if (c.fd >= 0)
        ::close(c.fd);
    c.fd = -1;
    auto fd = LoadGenerator::connectNonBlocking(m_config.port);
    if (!fd)
        return fail(fd.error());
    c.fd = *fd;
    c.parser.reset();
    c.inFlight = false;
    c.watchingWrite = false;
    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.u64 = index;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev) != 0)
        return fail(ErrorCode::Internal, QStringLiteral("epoll_ctl: %1").arg(errnoText(errno)));
    return {};
}

void Loop::watchWrite(Connection &c, bool on)
{
    if (c.watchingWrite == on)
        return;
    c.watchingWrite = on;
    epoll_event ev {};
    ev.events = EPOLLIN | (on ? EPOLLOUT : 0u);
    ev.data.u64 = std::size_t(&c - m_connections.data());
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
}

void Loop::issue(std::size_t index)
{
    if (m_issued >= m_total)
        return;
    Connection &c = m_connections[index];
    c.measured = m_issued >= m_config.warmupRequests;
    ++m_issued;
    c.inFlight = true;
    c.sendOffset = 0;
    c.firstByteAtNs = 0;
    c.parser.reset();
    c.sentAtNs = SystemInfo::nowNs();
    if (c.measured && m_windowStartNs == 0)
        m_windowStartNs = c.sentAtNs;
    send(index);
}

void Loop::send(std::size_t index)
{
    Connection &c = m_connections[index];
    const QByteArray &request = m_config.request;
    while (c.sendOffset < request.size()) {
        const ssize_t n = ::send(c.fd, request.constData() + c.sendOffset, std::size_t(request.size() - c.sendOffset),
                                 MSG_NOSIGNAL);
        if (n > 0) {
            c.sendOffset += n;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
            if (errno != EINTR) {
                watchWrite(c, true);
                return;
            }
            continue;
        }
        broken(index, QStringLiteral("send failed: %1").arg(errnoText(errno)));
        return;
    }
    watchWrite(c, false);
}

void Loop::noteFailure(const QString &why)
{
    ++m_outcome.failed;
    if (m_outcome.firstFailure.isEmpty())
        m_outcome.firstFailure = why;
}

void Loop::broken(std::size_t index, const QString &why)
{
    Connection &c = m_connections[index];
    const bool wasInFlight = c.inFlight;
    if (wasInFlight) {
        noteFailure(why);
        ++m_finished;
    }
    ++m_outcome.reconnects;
    if (m_issued >= m_total) {
        ::close(c.fd);
        c.fd = -1;
        c.inFlight = false;
        return;
    }
    if (auto opened = open(index); !opened) {
        m_fatal = opened.error().message;
        return;
    }
    issue(index);
}

void Loop::complete(std::size_t index)
{
    Connection &c = m_connections[index];
    const qint64 now = SystemInfo::nowNs();
    c.inFlight = false;
    ++m_finished;
    if (c.parser.status() != 200) {
        noteFailure(QStringLiteral("HTTP status %1").arg(c.parser.status()));
    } else if (c.measured) {
        ++m_outcome.answered;
        m_outcome.latencyUs.push_back(double(now - c.sentAtNs) / 1000.0);
        if (m_config.measureFirstByte)
            m_outcome.firstByteUs.push_back(double((c.firstByteAtNs ? c.firstByteAtNs : now) - c.sentAtNs) / 1000.0);
        m_lastAnswerNs = now;
    }
    if (!c.parser.keepAlive()) {
        ++m_outcome.reconnects;
        if (m_issued >= m_total) {
            ::close(c.fd);
            c.fd = -1;
            return;
        }
        if (auto opened = open(index); !opened) {
            m_fatal = opened.error().message;
            return;
        }
    }
    issue(index);
}

void Loop::readable(std::size_t index)
{
    Connection &c = m_connections[index];
    for (;;) {
        const ssize_t n = ::recv(c.fd, m_buffer, sizeof m_buffer, 0);
        if (n > 0) {
            if (!c.inFlight) {
                broken(index, QStringLiteral("bytes arrived with no request in flight"));
                return;
            }
            const qsizetype used = c.parser.feed(m_buffer, n);
            if (m_config.measureFirstByte && c.firstByteAtNs == 0 && c.parser.sawBodyData())
                c.firstByteAtNs = SystemInfo::nowNs();
            if (c.parser.hasError()) {
                broken(index, QString::fromLatin1(c.parser.errorString()));
                return;
            }
            if (c.parser.isDone()) {
                if (used != n) {
                    broken(index, QStringLiteral("%1 bytes after the end of a response").arg(n - used));
                    return;
                }
                complete(index);
                return; // the next answer is not there yet
            }
            continue;
        }
        if (n == 0) {
            if (c.inFlight) {
                c.parser.finishOnClose();
                if (c.parser.isDone()) {
                    complete(index);
                    return;
                }
            }
            broken(index, QStringLiteral("the server closed the connection mid-response"));
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            broken(index, QStringLiteral("recv failed: %1").arg(errnoText(errno)));
        return;
    }
}

Result<LoadGenerator::Outcome> Loop::run()
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0)
        return fail(ErrorCode::Internal, QStringLiteral("epoll_create1: %1").arg(errnoText(errno)));
    for (std::size_t i = 0; i < m_connections.size(); ++i)
        if (auto opened = open(i); !opened)
            return fail(opened.error());
    for (std::size_t i = 0; i < m_connections.size(); ++i)
        issue(i);

    std::vector<epoll_event> events(m_connections.size() + 1);
    qint64 lastProgressNs = SystemInfo::nowNs();
    qint64 lastFinished = 0;
    while (m_finished < m_total && m_fatal.isEmpty()) {
        const int n = ::epoll_wait(m_epoll, events.data(), int(events.size()), 100);
        if (n < 0 && errno != EINTR)
            return fail(ErrorCode::Internal, QStringLiteral("epoll_wait: %1").arg(errnoText(errno)));
        for (int i = 0; i < n; ++i) {
            const auto index = std::size_t(events[std::size_t(i)].data.u64);
            const uint32_t what = events[std::size_t(i)].events;
            if (m_connections[index].fd < 0)
                continue;
            if (what & EPOLLOUT)
                send(index);
            if (m_connections[index].fd >= 0 && (what & (EPOLLIN | EPOLLERR | EPOLLHUP)))
                readable(index);
        }
        if (m_finished != lastFinished) {
            lastFinished = m_finished;
            lastProgressNs = SystemInfo::nowNs();
        } else if (SystemInfo::nowNs() - lastProgressNs > qint64(m_config.stallTimeoutMs) * 1000000) {
            return fail(ErrorCode::Internal, QStringLiteral("No answer for %1 ms after %2 of %3 requests.")
                                                 .arg(m_config.stallTimeoutMs)
                                                 .arg(m_finished)
                                                 .arg(m_total));
        }
    }
    if (!m_fatal.isEmpty())
        return fail(ErrorCode::Internal, m_fatal);
    if (m_windowStartNs && m_lastAnswerNs > m_windowStartNs)
        m_outcome.seconds = double(m_lastAnswerNs - m_windowStartNs) / 1e9;
    return std::move(m_outcome);
}

} // namespace

Result<int> LoadGenerator::connectNonBlocking(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return fail(ErrorCode::Internal, QStringLiteral("Cannot open a socket: %1.").arg(errnoText(errno)));
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 && errno != EINPROGRESS) {
        const int error = errno;
        ::close(fd);
        return fail(ErrorCode::UpstreamUnavailable,
                    QStringLiteral("Cannot connect to 127.0.0.1:%1: %2.").arg(port).arg(errnoText(error)));
    }
    return fd;
}

Result<LoadGenerator::Outcome> LoadGenerator::run(const Config &config)
{
    if (config.connections < 1 || config.requests < 1 || config.request.isEmpty() || config.port == 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The load needs a port, a request, at least one "
                                                               "connection and at least one request."));
    auto loop = std::make_unique<Loop>(config);
    return loop->run();
}

} // namespace AiHub::Bench
