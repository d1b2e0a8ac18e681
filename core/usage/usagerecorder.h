// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/usage/usagerecord.h"

#include <QAbstractEventDispatcher>
#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QPointer>
#include <QWaitCondition>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

class QThread;

namespace AiHub::Storage {
class Database;
class WalCheckpointer;
}

namespace AiHub::Usage {

class UsageCommitNotifier;
class UsageInsertStatement;

struct UsageRecorderOptions {
    std::chrono::milliseconds batchInterval { 50 }; // a row waits at most this long before its batch is written
    int maxBatchRows = 500;                          // ...or until this many rows are waiting
    std::chrono::milliseconds retryDelay { 1000 };   // after a failed batch (e.g. the database stayed locked)
    std::chrono::milliseconds stopTimeout { 30000 }; // how long stop() keeps retrying a failing database
    qsizetype maxPendingRows = 1000000;              // memory guard while the database is unusable; see dropped
};

struct UsageRecorderCounters {
    qint64 written = 0;       // rows committed
    qint64 failedBatches = 0; // batch writes that failed (their rows were kept and retried)
    qint64 pending = 0;       // rows waiting, including a batch being written
    qint64 dropped = 0;       // rows refused because maxPendingRows were already waiting (each one is logged)
};

// Records every call through the hub without slowing the request down: record() only appends to a queue under a
// mutex; a dedicated writer thread (with its own connection) commits the queue in batches, one transaction and one
// prepared statement per batch. A failed batch stays queued, in order, and is retried after retryDelay with a
// warning in the log. stop() writes everything still queued before it returns.
class UsageRecorder final {
public:
    explicit UsageRecorder(std::shared_ptr<Storage::Database> database, UsageRecorderOptions options = {});
    ~UsageRecorder(); // stop(); logs loudly if rows could not be written
    Q_DISABLE_COPY_MOVE(UsageRecorder)

    void start();
    // Writes all queued rows, then ends the writer thread. Fails (and keeps the rows) if the database stayed
    // unusable for stopTimeout. Without a running writer it writes the queue on the calling thread.
    [[nodiscard]] Status stop();
    bool isRunning() const;

    // Thread-safe and cheap; createdAtMs 0 is replaced by the current time.
    void record(UsageRecord record);
    // Group commit: records and asks for the batch to be written now (rows that arrive meanwhile join the next
    // batch). Returns the row's sequence number: it is committed once committedCount() > it (see
    // commitNotifier()). -1 when the row was dropped.
    qint64 recordAndTrack(UsageRecord record);
    qint64 committedCount() const;
    bool isFailing() const;
    UsageCommitNotifier *commitNotifier() const { return m_notifier.get(); }

    // Waits until the rows queued so far are written; fails if a batch fails meanwhile. For tests and shutdown.
    [[nodiscard]] Status flush();

    UsageRecorderCounters counters() const;

    // The newest `limit` rows in the database, newest first (rows still queued are not included).
    [[nodiscard]] Result<QList<UsageRecord>> recent(int limit) const;

private:
    // Appends under the lock; the row's sequence number, or -1 when dropped. *wake: the writer needs waking.
    qint64 enqueue(UsageRecord &&record, bool dueNow, bool *wake);
    // Arranges for the writer to be woken when the calling thread's event loop is next idle; false when the
    // thread runs no event loop (then the caller wakes it at once).
    bool wakeWhenIdle();
    void writerLoop();
    [[nodiscard]] Status drainOnThisThread();
    // insert: the writer thread's INSERT, reused across batches (prepared here on first use, reset after a
    // failure); nullptr prepares one for this batch only.
    [[nodiscard]] Status writeBatch(const QList<UsageRecord> &batch, UsageInsertStatement *insert) const;
    QList<UsageRecord> takeBatch();
    void restoreBatch(QList<UsageRecord> batch, const Error &error);

    std::shared_ptr<Storage::Database> m_database;
    const UsageRecorderOptions m_options;

    mutable QMutex m_mutex;
    // The writer waits here for rows, a flush or stop. Shared with the event-loop hooks of answering threads
    // (see wakeWhenIdle()), which may still fire while this object is being destroyed.
    struct WakeSignal {
        QWaitCondition condition;
        std::atomic<bool> pending { false }; // a row waits for the next idle event loop to wake the writer
    };
    const std::shared_ptr<WakeSignal> m_wakeSignal = std::make_shared<WakeSignal>();
    QWaitCondition m_progress; // flush() and stop() wait here for the writer
    QList<UsageRecord> m_pending;
    qsizetype m_inFlight = 0;
    QDeadlineTimer m_batchDue;
    QDeadlineTimer m_retryAt;
    QDeadlineTimer m_stopDeadline;
    bool m_running = false;
    bool m_stopping = false;
    int m_flushRequests = 0;
    qint64 m_written = 0;
    qint64 m_failedBatches = 0;
    qint64 m_dropped = 0;
    qint64 m_appended = 0; // rows ever queued: the next row's sequence number
    std::unique_ptr<UsageCommitNotifier> m_notifier;
    std::unique_ptr<Storage::WalCheckpointer> m_checkpointer; // the writer thread's checkpoints
    std::optional<Error> m_lastError;
    std::unique_ptr<QThread> m_thread;
    QMutex m_hookMutex; // guards the two below
    QHash<QThread *, QPointer<QAbstractEventDispatcher>> m_hooked; // threads whose loop wakes the writer
    const quint64 m_serial; // unique per recorder in this process
    QList<QMetaObject::Connection> m_hooks;
};

} // namespace AiHub::Usage
