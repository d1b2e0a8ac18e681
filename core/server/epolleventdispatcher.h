// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QAbstractEventDispatcher>

#include <atomic>
#include <map>
#include <memory>
#include <unordered_map>

namespace AiHub::Server {

// The event loop of the server's worker threads, on Linux's epoll. Qt's own loops (glib's, or Qt's poll() one)
// hand the kernel every socket of the thread on each pass and then look at every socket again for what is
// ready, so a pass costs more the more connections are open (1,024 streams: 2,048 sockets). epoll keeps the set
// in the kernel and returns only what is ready, so a pass costs what it delivers.
//
// It behaves as Qt's dispatchers do: level-triggered socket notifiers, timers in milliseconds, posted events
// first on each pass, awake() at the start of each pass. Handlers may add, remove and restart notifiers and
// timers, and delete objects, from inside any event. aboutToBlock() comes when the thread has nothing ready (Qt's
// loops say it on every pass) and, while the thread stays busy, at least every millisecond: the usage recorder
// wakes its writer then, so under load one commit holds the rows of every request answered in between.
//
// create() returns nullptr where epoll or eventfd is not available (then the thread keeps Qt's default).
class EpollEventDispatcher final : public QAbstractEventDispatcher {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EpollEventDispatcher)

public:
    static std::unique_ptr<EpollEventDispatcher> create();
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    EpollEventDispatcher(int epollFd, int wakeFd);

    // The notifiers of one descriptor. `generation` tells a watch apart from an earlier one on the same number,
    // so an event read for a descriptor closed (and reused) by an earlier handler of the same pass is dropped.
    struct Watch {
        QSocketNotifier *notifiers[3] = {}; // QSocketNotifier::Read, Write, Exception
        quint32 events = 0;                 // what epoll watches now
        quint32 generation = 0;
    };
    struct Timer {
        QObject *object = nullptr;
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        std::multimap<qint64, int>::iterator due; // in m_deadlines
        bool inTimerEvent = false;                // no nested activation from a loop the handler runs
    };

    bool updateWatch(int fd, Watch &watch);
    int wait(int timeoutMs); // epoll_wait into m_events; the number ready
    int waitTimeoutMs() const;
    int dispatchSocketEvents(int ready, bool deliver);
    int fireTimers();
    void schedule(int timerId, Timer &timer, qint64 deadlineNs);
    void drainWakeFd();

    const int m_epollFd;
    const int m_wakeFd; // an eventfd: wakeUp() writes it, the loop reads it
    std::atomic<bool> m_wakePending { false };
    std::atomic<bool> m_interrupted { false };
    qint64 m_lastAboutToBlockNs = 0; // monotonic
    std::unordered_map<int, Watch> m_watches;
    quint32 m_nextGeneration = 0;
    std::unordered_map<int, Timer> m_timers;
    std::multimap<qint64, int> m_deadlines; // monotonic ns -> timer id
    static constexpr int MaxEventsPerPass = 256;
    struct Events;
    std::unique_ptr<Events> m_events;
};

} // namespace AiHub::Server
