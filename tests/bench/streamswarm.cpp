// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/streamswarm.h"

#include "tests/bench/httpresponseparser.h"
#include "tests/bench/loadgenerator.h"
#include "tests/bench/ssecounter.h"
#include "tests/bench/systeminfo.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace AiHub::Bench {

namespace {

constexpr int maxProblems = 5;

struct Stream {
    int fd = -1;
    HttpResponseParser parser;
    std::string body;
    qsizetype sendOffset = 0;
    qint64 firstDataNs = 0;
    bool finished = false;
    QString failure;
};

class Swarm final {
public:
    explicit Swarm(const StreamSwarm::Config &config)
        : m_config(config)
        , m_streams(std::size_t(config.streams))
    {
    }
    ~Swarm()
    {
        for (Stream &s : m_streams)
            if (s.fd >= 0)
                ::close(s.fd);
        if (m_epoll >= 0)
            ::close(m_epoll);
    }
    Swarm(const Swarm &) = delete;
    Swarm &operator=(const Swarm &) = delete;

    Result<StreamSwarm::Outcome> run();

private:
    void send(std::size_t index);
    void readable(std::size_t index);
    void finish(std::size_t index, const QString &failure = {});
    void note(const QString &problem);

    const StreamSwarm::Config &m_config;
    std::vector<Stream> m_streams;
    StreamSwarm::Outcome m_outcome;
    int m_epoll = -1;
    int m_streaming = 0; // first event received, not finished
    int m_finished = 0;
    int m_started = 0;
    qint64 m_startNs = 0;
    char m_buffer[65536];
};

void Swarm::note(const QString &problem)
{
    if (m_outcome.problems.size() < maxProblems)
        m_outcome.problems.append(problem);
}

void Swarm::send(std::size_t index)
{
    Stream &s = m_streams[index];
    const QByteArray &request = m_config.request;
    while (s.sendOffset < request.size()) {
        const ssize_t n = ::send(s.fd, request.constData() + s.sendOffset, std::size_t(request.size() - s.sendOffset),
                                 MSG_NOSIGNAL);
        if (n > 0) {
            s.sendOffset += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // EPOLLOUT is still being watched
        finish(index, QStringLiteral("send failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.u64 = index;
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, s.fd, &ev);
}

void Swarm::finish(std::size_t index, const QString &failure)
{
    Stream &s = m_streams[index];
    if (s.finished)
        return;
    s.finished = true;
    s.failure = failure;
    ::close(s.fd);
    s.fd = -1;
    if (s.firstDataNs)
        --m_streaming;
    ++m_finished;
}

void Swarm::readable(std::size_t index)
{
    Stream &s = m_streams[index];
    for (;;) {
        const ssize_t n = ::recv(s.fd, m_buffer, sizeof m_buffer, 0);
        if (n > 0) {
            s.parser.feed(m_buffer, n, &s.body);
            if (s.firstDataNs == 0 && s.parser.sawBodyData()) {
                s.firstDataNs = SystemInfo::nowNs();
                m_outcome.peakStreaming = std::max(m_outcome.peakStreaming, ++m_streaming);
                if (++m_started == m_config.streams)
                    m_outcome.allStartedMs = double(s.firstDataNs - m_startNs) / 1e6;
            }
            if (s.parser.hasError()) {
                finish(index, QString::fromLatin1(s.parser.errorString()));
                return;
            }
            if (s.parser.isDone()) {
                finish(index);
                return;
            }
            continue;
        }
        if (n == 0) {
            s.parser.finishOnClose();
            finish(index, s.parser.isDone() ? QString() : QStringLiteral("the server closed the stream early"));
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            finish(index, QStringLiteral("recv failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
}

Result<StreamSwarm::Outcome> Swarm::run()
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0)
        return fail(ErrorCode::Internal, QStringLiteral("epoll_create1 failed."));
    m_startNs = SystemInfo::nowNs();
    for (std::size_t i = 0; i < m_streams.size(); ++i) {
        auto fd = LoadGenerator::connectNonBlocking(m_config.port);
        if (!fd)
            return fail(fd.error().code, fd.error().message + QStringLiteral(" (stream %1; raise the open file limit?)")
                                                                  .arg(i + 1));
        m_streams[i].fd = *fd;
        epoll_event ev {};
        ev.events = EPOLLIN | EPOLLOUT;
        ev.data.u64 = i;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, *fd, &ev);
    }

    std::vector<epoll_event> events(1024);
    const qint64 deadline = m_startNs + qint64(m_config.timeoutMs) * 1000000;
    qint64 nextTick = m_startNs;
    while (m_finished < m_config.streams) {
        const qint64 now = SystemInfo::nowNs();
        if (now >= nextTick) {
            if (m_config.tick)
                m_config.tick();
            nextTick = now + qint64(m_config.tickMs) * 1000000;
        }
        if (now > deadline)
            break;
        const int wait = int(std::max<qint64>(1, (nextTick - now) / 1000000));
        const int n = ::epoll_wait(m_epoll, events.data(), int(events.size()), wait);
        if (n < 0 && errno != EINTR)
            return fail(ErrorCode::Internal, QStringLiteral("epoll_wait failed."));
        for (int i = 0; i < n; ++i) {
            const auto index = std::size_t(events[std::size_t(i)].data.u64);
            const uint32_t what = events[std::size_t(i)].events;
            if (m_streams[index].finished)
                continue;
            if (what & EPOLLOUT)
                send(index);
            if (!m_streams[index].finished && (what & (EPOLLIN | EPOLLERR | EPOLLHUP)))
                readable(index);
        }
    }
    if (m_config.tick)
        m_config.tick();
    m_outcome.seconds = double(SystemInfo::nowNs() - m_startNs) / 1e9;

    m_outcome.streams = m_config.streams;
    m_outcome.eventsExpected = qint64(m_config.streams) * m_config.expectedEvents;
    for (std::size_t i = 0; i < m_streams.size(); ++i) {
        Stream &s = m_streams[i];
        if (!s.finished)
            s.failure = QStringLiteral("not finished after %1 ms").arg(m_config.timeoutMs);
        if (i == 0) {
            m_outcome.firstStatus = s.parser.status();
            m_outcome.firstBody = QByteArray::fromStdString(s.body.substr(0, 400));
        }
        const SseCounter::Counts counts = SseCounter::count(s.body);
        m_outcome.eventsReceived += counts.dataEvents;
        m_outcome.eventsLost += std::max(0, m_config.expectedEvents - counts.dataEvents);
        if (counts.done)
            ++m_outcome.sawDone;
        QString problem = s.failure;
        if (problem.isEmpty() && s.parser.status() != 200)
            problem = QStringLiteral("HTTP status %1: %2")
                          .arg(s.parser.status())
                          .arg(QString::fromUtf8(s.body.substr(0, 200)));
        if (problem.isEmpty() && counts.dataEvents != m_config.expectedEvents)
            problem = QStringLiteral("%1 of %2 events").arg(counts.dataEvents).arg(m_config.expectedEvents);
        if (problem.isEmpty() && !counts.done)
            problem = QStringLiteral("no [DONE]");
        if (problem.isEmpty() && (counts.malformed || counts.errorEvents || counts.eventsAfterDone))
            problem = QStringLiteral("%1 malformed, %2 error and %3 late events")
                          .arg(counts.malformed)
                          .arg(counts.errorEvents)
                          .arg(counts.eventsAfterDone);
        if (problem.isEmpty())
            ++m_outcome.completed;
        else
            note(QStringLiteral("stream %1: %2").arg(i + 1).arg(problem));
        std::string().swap(s.body);
    }
    return std::move(m_outcome);
}

} // namespace

Result<StreamSwarm::Outcome> StreamSwarm::run(const Config &config)
{
    if (config.streams < 1 || config.request.isEmpty() || config.port == 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The swarm needs a port, a request and streams."));
    auto swarm = std::make_unique<Swarm>(config);
    return swarm->run();
}

} // namespace AiHub::Bench
