// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/usage/usagerecorder.h"

#include "core/storage/database.h"
#include "core/storage/walcheckpointer.h"
#include "core/usage/usagecommitnotifier.h"
#include "core/usage/usageinsertstatement.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>

using namespace Qt::StringLiterals;

namespace AiHub::Usage {

namespace {

Q_LOGGING_CATEGORY(lcUsage, "aihub.usage")

const QString Columns = u"request_id, created_at, access_key_id, key_name, account, app_did, api, type, provider, "
                        "model, stream, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, "
                        "usage_source, status, error_code, error_message, duration_ms, ttft_ms, credits, rate_id, "
                        "billing_reason"_s;

// Tells recorders apart even when one is created where another was freed (see wakeWhenIdle()).
quint64 nextSerial()
{
    static std::atomic<quint64> serial { 0 };
    return ++serial;
}

std::optional<qint64> integerOrNull(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

} // namespace

UsageRecorder::UsageRecorder(std::shared_ptr<Storage::Database> database, UsageRecorderOptions options)
    : m_database(std::move(database))
    , m_options(options)
    , m_notifier(std::make_unique<UsageCommitNotifier>())
    , m_checkpointer(std::make_unique<Storage::WalCheckpointer>(m_database))
    , m_serial(nextSerial())
{
}

UsageRecorder::~UsageRecorder()
{
    {
        QMutexLocker lock(&m_hookMutex);
        for (const QMetaObject::Connection &hook : std::as_const(m_hooks))
            QObject::disconnect(hook);
        m_hooks.clear();
    }
    if (Status stopped = stop(); !stopped)
        qCCritical(lcUsage).noquote() << "Usage records are lost at shutdown:" << stopped.error().message;
}

void UsageRecorder::start()
{
    QMutexLocker lock(&m_mutex);
    if (m_running)
        return;
    m_running = true;
    m_stopping = false;
    m_checkpointer->start();
    m_thread.reset(QThread::create([this] { writerLoop(); }));
    m_thread->setObjectName(u"aihub-usage-writer"_s);
    m_thread->start();
}

bool UsageRecorder::isRunning() const
{
    QMutexLocker lock(&m_mutex);
    return m_running;
}

Status UsageRecorder::stop()
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_running) {
            lock.unlock();
            return drainOnThisThread();
        }
        m_stopping = true;
        m_stopDeadline = QDeadlineTimer(m_options.stopTimeout);
        m_retryAt = QDeadlineTimer(); // one more attempt right away
    }
    m_wakeSignal->condition.wakeAll();
    m_thread->wait();
    m_thread.reset();
    m_checkpointer->stop(); // the writer's connection, the only one it served, is gone

    QMutexLocker lock(&m_mutex);
    m_running = false;
    m_stopping = false;
    if (m_pending.isEmpty())
        return {};
    const Error cause = m_lastError.value_or(Error::make(ErrorCode::StorageError, u"unknown error"_s));
    return fail(cause.code, u"%1 usage records could not be written within %2 s and are still only in memory: %3"_s
                                .arg(m_pending.size())
                                .arg(m_options.stopTimeout.count() / 1000.0)
                                .arg(cause.message));
}

qint64 UsageRecorder::enqueue(UsageRecord &&record, bool dueNow, bool *wake)
{
    if (record.createdAtMs == 0)
        record.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    if (m_pending.size() >= m_options.maxPendingRows) {
        ++m_dropped;
        if (m_dropped == 1 || m_dropped % 1000 == 0)
            qCCritical(lcUsage) << "Dropping usage records:" << m_pending.size()
                                << "are already waiting for the database; dropped so far:" << m_dropped;
        *wake = false;
        return -1;
    }
    const qint64 sequence = m_appended++;
    m_pending.append(std::move(record));
    const qsizetype size = m_pending.size();
    if (dueNow)
        m_batchDue = QDeadlineTimer(0); // the writer commits it with whatever else is waiting
    else if (size == 1)
        m_batchDue = QDeadlineTimer(m_options.batchInterval);
    *wake = dueNow || size == 1 || size == m_options.maxBatchRows;
    return sequence;
}

void UsageRecorder::record(UsageRecord record)
{
    bool wake = false;
    enqueue(std::move(record), false, &wake);
    if (wake)
        m_wakeSignal->condition.wakeOne();
}

Status UsageRecorder::flush()
{
    QMutexLocker lock(&m_mutex);
    if (!m_running) {
        lock.unlock();
        return drainOnThisThread();
    }
    const qint64 target = m_written + m_pending.size() + m_inFlight;
    const qint64 failuresBefore = m_failedBatches;
    ++m_flushRequests;
    m_retryAt = QDeadlineTimer();
    m_wakeSignal->condition.wakeOne();
    while (m_written < target && m_failedBatches == failuresBefore && (!m_pending.isEmpty() || m_inFlight > 0))
        m_progress.wait(&m_mutex);
    --m_flushRequests;
    if (m_failedBatches != failuresBefore && m_lastError)
        return fail(*m_lastError);
    return {};
}

qint64 UsageRecorder::recordAndTrack(UsageRecord record)
{
    bool wake = false;
    const qint64 sequence = enqueue(std::move(record), true, &wake);
    if (sequence >= 0 && !wakeWhenIdle())
        m_wakeSignal->condition.wakeOne();
    return sequence;
}

bool UsageRecorder::wakeWhenIdle()
{
    // Waking the writer at once, on a busy core, switched to it for a one-row commit per request (and back for
    // its notification). Instead the calling thread wakes it at its loop's aboutToBlock(), so the rows of all
    // requests answered before that share one commit: Qt's loops say it on every pass, the server workers' epoll
    // loop when nothing is ready or every millisecond while busy. Only a thread running an event loop can promise
    // that; any other wakes the writer at once.
    QThread *thread = QThread::currentThread();
    QAbstractEventDispatcher *dispatcher = thread->eventDispatcher();
    if (!dispatcher || thread->loopLevel() == 0)
        return false;
    m_wakeSignal->pending.store(true, std::memory_order_release);
    // The hook of this thread's loop is in place after the first row: skip the lock and the look-up then.
    thread_local quint64 hookedRecorder = 0; // its serial
    thread_local const QAbstractEventDispatcher *hookedDispatcher = nullptr;
    if (hookedRecorder == m_serial && hookedDispatcher == dispatcher)
        return true;
    QMutexLocker lock(&m_hookMutex);
    QPointer<QAbstractEventDispatcher> &hooked = m_hooked[thread];
    if (hooked != dispatcher) {
        hooked = dispatcher;
        const auto wake = [signal = m_wakeSignal] {
            if (signal->pending.exchange(false, std::memory_order_acq_rel))
                signal->condition.wakeOne();
        };
        m_hooks.append(QObject::connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, dispatcher, wake));
    }
    hookedRecorder = m_serial;
    hookedDispatcher = dispatcher;
    return true;
}

qint64 UsageRecorder::committedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_written;
}

bool UsageRecorder::isFailing() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastError.has_value();
}

UsageRecorderCounters UsageRecorder::counters() const
{
    QMutexLocker lock(&m_mutex);
    return UsageRecorderCounters { m_written, m_failedBatches, qint64(m_pending.size() + m_inFlight), m_dropped };
}

QList<UsageRecord> UsageRecorder::takeBatch()
{
    const qsizetype count = qMin(m_pending.size(), qsizetype(qMax(1, m_options.maxBatchRows)));
    QList<UsageRecord> batch;
    batch.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        batch.append(std::move(m_pending[i]));
    m_pending.remove(0, count);
    m_inFlight = count;
    return batch;
}

void UsageRecorder::restoreBatch(QList<UsageRecord> batch, const Error &error)
{
    m_inFlight = 0;
    ++m_failedBatches;
    m_lastError = error;
    qCWarning(lcUsage).noquote() << u"Could not write %1 usage records; keeping them and retrying in %2 ms: %3"_s
                                        .arg(batch.size())
                                        .arg(m_options.retryDelay.count())
                                        .arg(error.message);
    batch.append(std::move(m_pending)); // the failed rows go back in front, in their original order
    m_pending = std::move(batch);
}

Status UsageRecorder::drainOnThisThread()
{
    QMutexLocker lock(&m_mutex);
    while (!m_pending.isEmpty()) {
        QList<UsageRecord> batch = takeBatch();
        lock.unlock();
        const Status written = writeBatch(batch, nullptr);
        lock.relock();
        if (!written) {
            restoreBatch(std::move(batch), written.error());
            return written;
        }
        m_inFlight = 0;
        m_written += batch.size();
        const qint64 writtenNow = m_written;
        lock.unlock();
        Q_EMIT m_notifier->progressed(writtenNow, false);
        lock.relock();
    }
    return {};
}

void UsageRecorder::writerLoop()
{
    // Preparing the INSERT cost more than executing it; this thread keeps one for its whole life. Its commits
    // leave checkpoints to the checkpointer's thread (the answers waiting for them would wait for the disk).
    UsageInsertStatement insert;
    insert.setCheckpointer(m_checkpointer.get());
    QMutexLocker lock(&m_mutex);
    for (;;) {
        if (m_pending.isEmpty()) {
            m_progress.wakeAll();
            if (m_stopping)
                break;
            m_wakeSignal->condition.wait(&m_mutex);
            continue;
        }
        if (!m_retryAt.hasExpired()) {
            if (m_stopping && m_stopDeadline.hasExpired())
                break;
            m_wakeSignal->condition.wait(&m_mutex, m_stopping ? qMin(m_retryAt, m_stopDeadline) : m_retryAt);
            continue;
        }
        const bool urgent = m_stopping || m_flushRequests > 0;
        if (!urgent && m_pending.size() < m_options.maxBatchRows && !m_batchDue.hasExpired()) {
            m_wakeSignal->condition.wait(&m_mutex, m_batchDue);
            continue;
        }

        QList<UsageRecord> batch = takeBatch();
        lock.unlock();
        const Status written = writeBatch(batch, &insert);
        lock.relock();
        if (written) {
            if (m_failedBatches > 0 && m_lastError)
                qCInfo(lcUsage) << "Writing usage records works again";
            m_lastError.reset();
            m_inFlight = 0;
            m_written += batch.size();
        } else {
            restoreBatch(std::move(batch), written.error());
            m_retryAt = QDeadlineTimer(m_options.retryDelay);
            if (m_stopping && m_stopDeadline.hasExpired())
                break;
        }
        m_progress.wakeAll();
        // Queued to every waiting call's own thread; safe while receivers come and go.
        const qint64 writtenNow = m_written;
        const bool failing = !written;
        lock.unlock();
        Q_EMIT m_notifier->progressed(writtenNow, failing);
        lock.relock();
    }
    m_progress.wakeAll();
}

Status UsageRecorder::writeBatch(const QList<UsageRecord> &batch, UsageInsertStatement *cached) const
{
    UsageInsertStatement local;
    UsageInsertStatement &statements = cached ? *cached : local;
    const QSqlDatabase connection = m_database->connection();
    Status ok = statements.prepare(connection, *m_database);
    if (ok)
        ok = statements.begin(*m_database);
    if (ok)
        ok = statements.insertAll(batch, *m_database);
    if (ok)
        ok = statements.commit(*m_database);
    if (!ok) {
        statements.rollback();
        statements.reset(); // the connection may be in trouble; prepare afresh next time
    }
    return ok;
}

Result<QList<UsageRecord>> UsageRecorder::recent(int limit) const
{
    if (limit <= 0)
        return fail(ErrorCode::InvalidArgument, u"The number of usage records to show must be positive."_s);
    QSqlQuery query(m_database->connection());
    query.prepare(u"SELECT id, "_s % Columns % u" FROM usage_records ORDER BY created_at DESC, id DESC LIMIT ?"_s);
    query.addBindValue(limit);
    if (!query.exec())
        return fail(m_database->error(query.lastError(), u"read the usage records"_s));
    QList<UsageRecord> records;
    while (query.next()) {
        UsageRecord r;
        r.id = query.value(0).toLongLong();
        r.requestId = query.value(1).toString();
        r.createdAtMs = query.value(2).toLongLong();
        r.accessKeyId = integerOrNull(query.value(3));
        r.keyName = query.value(4).toString();
        r.account = query.value(5).toString();
        r.appDid = query.value(6).toString();
        r.api = parseApi(query.value(7).toString()).value_or(Api::OpenAi);
        r.type = parseCallType(query.value(8).toString()).value_or(CallType::Chat);
        r.provider = query.value(9).toString();
        r.model = query.value(10).toString();
        r.stream = query.value(11).toInt() != 0;
        r.inputTokens = integerOrNull(query.value(12));
        r.outputTokens = integerOrNull(query.value(13));
        r.cacheReadTokens = integerOrNull(query.value(14));
        r.cacheWriteTokens = integerOrNull(query.value(15));
        r.usageSource = parseUsageSource(query.value(16).toString()).value_or(UsageSource::None);
        r.httpStatus = query.value(17).toInt();
        r.errorCode = query.value(18).toString();
        r.errorMessage = query.value(19).toString();
        r.durationMs = query.value(20).toDouble();
        if (!query.value(21).isNull())
            r.timeToFirstTokenMs = query.value(21).toDouble();
        r.creditsNanos = integerOrNull(query.value(22));
        r.rateId = integerOrNull(query.value(23));
        r.billingReason = query.value(24).toString();
        records.append(std::move(r));
    }
    if (query.lastError().isValid())
        return fail(m_database->error(query.lastError(), u"read the usage records"_s));
    return records;
}

} // namespace AiHub::Usage
