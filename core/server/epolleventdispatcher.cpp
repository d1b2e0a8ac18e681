// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/epolleventdispatcher.h"

#include "core/common/monotonicclock.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QVarLengthArray>

#include <cerrno>
#include <climits>
#include <cstring>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace AiHub::Server {

namespace {
Q_LOGGING_CATEGORY(lcDispatcher, "aihub.server.dispatcher")

constexpr qint64 NsPerMs = 1000 * 1000;
constexpr qint64 BusyAboutToBlockNs = 1 * NsPerMs;

// What wakes each kind of notifier. A hang-up or an error wakes readers and writers alike: their next read or
// write reports it, and a level-triggered hang-up that no one handles would otherwise wake every pass.
constexpr quint32 ReadEvents = EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR;
constexpr quint32 WriteEvents = EPOLLOUT | EPOLLHUP | EPOLLERR;
constexpr quint32 ExceptionEvents = EPOLLPRI;
constexpr quint32 Requested[3] = { EPOLLIN | EPOLLRDHUP, EPOLLOUT, EPOLLPRI };
constexpr quint32 Wakes[3] = { ReadEvents, WriteEvents, ExceptionEvents };

// Qt rounds very coarse timers to whole seconds.
qint64 effectiveInterval(qint64 intervalMs, Qt::TimerType type)
{
    if (type != Qt::VeryCoarseTimer || intervalMs <= 0)
        return qMax<qint64>(0, intervalMs);
    return qMax<qint64>(1000, (intervalMs + 500) / 1000 * 1000);
}

quint64 eventKey(int fd, quint32 generation) { return (quint64(generation) << 32) | quint32(fd); }
} // namespace

struct EpollEventDispatcher::Events {
    epoll_event ready[MaxEventsPerPass];
};

std::unique_ptr<EpollEventDispatcher> EpollEventDispatcher::create()
{
    const int epollFd = epoll_create1(EPOLL_CLOEXEC);
    if (epollFd < 0) {
        qCWarning(lcDispatcher) << "epoll is not available:" << std::strerror(errno);
        return nullptr;
    }
    const int wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event wake {};
    wake.events = EPOLLIN;
    wake.data.u64 = eventKey(wakeFd, 0);
    if (wakeFd < 0 || epoll_ctl(epollFd, EPOLL_CTL_ADD, wakeFd, &wake) != 0) {
        qCWarning(lcDispatcher) << "eventfd is not available:" << std::strerror(errno);
        if (wakeFd >= 0)
            ::close(wakeFd);
        ::close(epollFd);
        return nullptr;
    }
    return std::unique_ptr<EpollEventDispatcher>(new EpollEventDispatcher(epollFd, wakeFd));
}

EpollEventDispatcher::EpollEventDispatcher(int epollFd, int wakeFd)
    : m_epollFd(epollFd)
    , m_wakeFd(wakeFd)
    , m_events(std::make_unique<Events>())
{
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_epollFd);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false, std::memory_order_relaxed);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();

    // Anything posted from now on writes the eventfd, so the wait below cannot miss it.
    const bool mayWait = flags.testFlag(QEventLoop::WaitForMoreEvents)
        && !m_interrupted.load(std::memory_order_relaxed);
    const bool withTimers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
    // What is ready first, without waiting: aboutToBlock() is for a thread that has nothing to do, and, while it
    // stays busy, at least every BusyAboutToBlockNs. The usage recorder wakes its writer then: under load the rows
    // of every request answered in that time share one commit (a third as many commits as waking it every pass),
    // and none waits long for its commit however busy the thread stays.
    int ready = wait(0);
    const qint64 now = monotonicNowNs();
    const bool idle = ready == 0 && mayWait;
    if (idle || (ready > 0 && now - m_lastAboutToBlockNs >= BusyAboutToBlockNs)) {
        m_lastAboutToBlockNs = now;
        Q_EMIT aboutToBlock();
        if (m_interrupted.load(std::memory_order_relaxed))
            return false;
        if (idle)
            ready = wait(withTimers ? waitTimeoutMs() : -1);
    }

    int delivered = dispatchSocketEvents(ready, !flags.testFlag(QEventLoop::ExcludeSocketNotifiers));
    if (withTimers && !m_interrupted.load(std::memory_order_relaxed))
        delivered += fireTimers();
    return delivered > 0;
}

int EpollEventDispatcher::wait(int timeoutMs)
{
    const int ready = epoll_wait(m_epollFd, m_events->ready, MaxEventsPerPass, timeoutMs);
    if (ready >= 0)
        return ready;
    if (errno != EINTR)
        qCWarning(lcDispatcher) << "epoll_wait failed:" << std::strerror(errno);
    return 0;
}

int EpollEventDispatcher::dispatchSocketEvents(int ready, bool deliver)
{
    int delivered = 0;
    for (int i = 0; i < ready; ++i) {
        const epoll_event &event = m_events->ready[i];
        const int fd = int(quint32(event.data.u64));
        const quint32 generation = quint32(event.data.u64 >> 32);
        if (fd == m_wakeFd && generation == 0) {
            drainWakeFd();
            continue;
        }
        if (!deliver)
            continue; // level-triggered: they are reported again once notifiers may run
        for (int type = QSocketNotifier::Read; type <= QSocketNotifier::Exception; ++type) {
            if (!(event.events & Wakes[type]))
                continue;
            // Looked up again each time: the previous handler may have removed or replaced it.
            const auto watch = m_watches.find(fd);
            if (watch == m_watches.end() || watch->second.generation != generation)
                break;
            QSocketNotifier *notifier = watch->second.notifiers[type];
            if (!notifier)
                continue;
            QEvent activation(QEvent::SockAct);
            QCoreApplication::sendEvent(notifier, &activation);
            ++delivered;
        }
    }
    return delivered;
}

void EpollEventDispatcher::drainWakeFd()
{
    // Read first, cleared after: a wakeUp() between the two writes nothing, and its event is sent at the start of
    // the next pass, which this one no longer waits for. Cleared first, such a write could be read here and leave
    // the flag set with nothing to read: every later wakeUp() would then be skipped.
    quint64 count = 0;
    while (::read(m_wakeFd, &count, sizeof count) < 0 && errno == EINTR) {
    }
    m_wakePending.store(false, std::memory_order_release);
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    if (fd < 0 || type < 0 || type > 2)
        return;
    auto [it, added] = m_watches.try_emplace(fd);
    Watch &watch = it->second;
    if (added)
        watch.generation = ++m_nextGeneration == 0 ? ++m_nextGeneration : m_nextGeneration; // 0 is the wake fd's
    if (watch.notifiers[type] && watch.notifiers[type] != notifier)
        qCWarning(lcDispatcher) << "Several socket notifiers of one type for socket" << fd << "; the last one wins";
    watch.notifiers[type] = notifier;
    if (!updateWatch(fd, watch) && watch.events == 0)
        m_watches.erase(it);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    const auto it = m_watches.find(fd);
    if (it == m_watches.end() || type < 0 || type > 2 || it->second.notifiers[type] != notifier)
        return;
    it->second.notifiers[type] = nullptr;
    updateWatch(fd, it->second);
    if (it->second.events == 0)
        m_watches.erase(it);
}

bool EpollEventDispatcher::updateWatch(int fd, Watch &watch)
{
    quint32 wanted = 0;
    for (int type = 0; type < 3; ++type)
        if (watch.notifiers[type])
            wanted |= Requested[type];
    if (wanted == watch.events)
        return true;
    epoll_event event {};
    event.events = wanted;
    event.data.u64 = eventKey(fd, watch.generation);
    int op = wanted == 0 ? EPOLL_CTL_DEL : watch.events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
    int result = epoll_ctl(m_epollFd, op, fd, &event);
    if (result != 0 && op == EPOLL_CTL_ADD && errno == EEXIST) // a descriptor reused before its removal ran
        result = epoll_ctl(m_epollFd, op = EPOLL_CTL_MOD, fd, &event);
    if (result != 0 && op == EPOLL_CTL_MOD && errno == ENOENT) // closed, then reused under the same number
        result = epoll_ctl(m_epollFd, op = EPOLL_CTL_ADD, fd, &event);
    if (result != 0 && op == EPOLL_CTL_DEL) // a closed descriptor left the set by itself
        result = 0;
    if (result != 0) {
        qCWarning(lcDispatcher) << "Cannot watch socket" << fd << ":" << std::strerror(errno);
        return false;
    }
    watch.events = wanted;
    return true;
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerId <= 0 || !object)
        return;
    unregisterTimer(timerId);
    Timer timer;
    timer.object = object;
    timer.type = timerType;
    timer.intervalMs = effectiveInterval(interval, timerType);
    timer.due = m_deadlines.end();
    Timer &stored = m_timers.emplace(timerId, timer).first->second;
    schedule(timerId, stored, monotonicNowNs() + stored.intervalMs * NsPerMs);
}

void EpollEventDispatcher::schedule(int timerId, Timer &timer, qint64 deadlineNs)
{
    if (timer.due != m_deadlines.end())
        m_deadlines.erase(timer.due);
    timer.due = m_deadlines.emplace(deadlineNs, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    if (it->second.due != m_deadlines.end())
        m_deadlines.erase(it->second.due);
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->second.object != object) {
            ++it;
            continue;
        }
        if (it->second.due != m_deadlines.end())
            m_deadlines.erase(it->second.due);
        it = m_timers.erase(it);
        any = true;
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> out;
    for (const auto &[id, timer] : m_timers)
        if (timer.object == object)
            out.append(TimerInfo(id, int(qMin<qint64>(timer.intervalMs, INT_MAX)), timer.type));
    return out;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    const qint64 leftNs = it->second.due->first - monotonicNowNs();
    return leftNs <= 0 ? 0 : int(qMin<qint64>((leftNs + NsPerMs - 1) / NsPerMs, INT_MAX));
}

int EpollEventDispatcher::waitTimeoutMs() const
{
    if (m_deadlines.empty())
        return -1;
    const qint64 leftNs = m_deadlines.begin()->first - monotonicNowNs();
    if (leftNs <= 0)
        return 0;
    return int(qMin<qint64>((leftNs + NsPerMs - 1) / NsPerMs, INT_MAX)); // rounded up: never wake too early
}

int EpollEventDispatcher::fireTimers()
{
    if (m_deadlines.empty())
        return 0;
    const qint64 now = monotonicNowNs();
    // The due ones are taken first: handlers start, stop and restart timers. Each fires at most once a pass, so
    // a zero-interval timer cannot keep the loop from its sockets.
    QVarLengthArray<int, 16> due;
    for (auto it = m_deadlines.begin(); it != m_deadlines.end() && it->first <= now; ++it)
        due.append(it->second);
    int fired = 0;
    for (const int id : due) {
        auto it = m_timers.find(id);
        if (it == m_timers.end() || it->second.due->first > now || it->second.inTimerEvent)
            continue;
        Timer &timer = it->second;
        // Rescheduled before delivery; ticks missed while the thread was busy are skipped, not bunched.
        const qint64 intervalNs = timer.intervalMs * NsPerMs;
        qint64 next = timer.due->first + intervalNs;
        if (next <= now)
            next = now + intervalNs;
        schedule(id, timer, next);
        timer.inTimerEvent = true;
        QObject *object = timer.object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        // The handler may have killed the timer (and the id may even be registered again).
        if (const auto after = m_timers.find(id); after != m_timers.end())
            after->second.inTimerEvent = false;
    }
    return fired;
}

void EpollEventDispatcher::wakeUp()
{
    if (m_wakePending.exchange(true, std::memory_order_acq_rel))
        return; // already on its way
    const quint64 one = 1;
    while (::write(m_wakeFd, &one, sizeof one) < 0 && errno == EINTR) {
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true, std::memory_order_relaxed);
    wakeUp();
}

} // namespace AiHub::Server
