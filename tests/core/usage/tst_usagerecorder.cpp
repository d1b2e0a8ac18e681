// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/database.h"
#include "core/usage/usagecommitnotifier.h"
#include "core/usage/usageinsertstatement.h"
#include "core/usage/usagerecorder.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace AiHub;
using namespace AiHub::Usage;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

UsageRecord sample(const QString &requestId)
{
    UsageRecord r;
    r.requestId = requestId;
    r.api = Api::OpenAi;
    r.type = CallType::Chat;
    r.provider = u"openai"_s;
    r.model = u"gpt-4o-mini"_s;
    r.httpStatus = 200;
    r.durationMs = 12.5;
    return r;
}

} // namespace

class TestUsageRecorder final : public QObject {
    Q_OBJECT

private:
    qint64 rowCount() const
    {
        QSqlQuery query(m_db->connection());
        if (!query.exec(u"SELECT count(*) FROM usage_records"_s) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Storage::Database> m_db;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Storage::DatabaseOptions options;
        options.busyTimeoutMs = 50;
        auto db = Storage::Database::open(m_dir->filePath(u"hub.db"_s), options);
        QVERIFY(db.has_value());
        m_db = *db;
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void record_fromFourThreads_allRowsAreWritten()
    {
        UsageRecorder recorder(m_db);
        recorder.start();
        QVERIFY(recorder.isRunning());
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&recorder, t] {
                for (int i = 0; i < 250; ++i)
                    recorder.record(sample(u"t%1-%2"_s.arg(t).arg(i)));
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(10000));
        QVERIFY(recorder.flush().has_value());
        QCOMPARE(recorder.counters().written, 1000);
        QCOMPARE(recorder.counters().pending, 0);
        QCOMPARE(recorder.counters().failedBatches, 0);
        QCOMPARE(rowCount(), 1000);

        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(u"SELECT count(DISTINCT request_id) FROM usage_records"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 1000);
        QVERIFY(recorder.stop().has_value());
        QVERIFY(!recorder.isRunning());
    }

    void record_isWrittenWithinTheBatchIntervalWithoutFlush()
    {
        UsageRecorderOptions options;
        options.batchInterval = 20ms;
        UsageRecorder recorder(m_db, options);
        recorder.start();
        recorder.record(sample(u"one"_s));
        QTRY_COMPARE_WITH_TIMEOUT(rowCount(), 1, 5000);
        QCOMPARE(recorder.counters().written, 1);
    }

    void stop_writesEverythingStillQueued()
    {
        UsageRecorderOptions options;
        options.batchInterval = 60s; // nothing would be written before stop() without it
        options.maxBatchRows = 100000;
        UsageRecorder recorder(m_db, options);
        recorder.start();
        for (int i = 0; i < 1000; ++i)
            recorder.record(sample(u"r%1"_s.arg(i)));
        QThread::msleep(50);
        QCOMPARE(rowCount(), 0);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(recorder.stop().has_value());
        QVERIFY(timer.elapsed() < 10000);
        QCOMPARE(rowCount(), 1000);
        QCOMPARE(recorder.counters().pending, 0);
    }

    void destructor_writesEverythingStillQueued()
    {
        {
            UsageRecorderOptions options;
            options.batchInterval = 60s;
            UsageRecorder recorder(m_db, options);
            recorder.start();
            for (int i = 0; i < 10; ++i)
                recorder.record(sample(u"r%1"_s.arg(i)));
        }
        QCOMPARE(rowCount(), 10);
    }

    void recordBeforeStart_isWrittenByFlushOnTheCallingThread()
    {
        UsageRecorder recorder(m_db);
        recorder.record(sample(u"early"_s));
        QCOMPARE(recorder.counters().pending, 1);
        QVERIFY(recorder.flush().has_value());
        QCOMPARE(rowCount(), 1);
        QCOMPARE(recorder.counters().written, 1);
    }

    void batches_respectMaxBatchRows()
    {
        UsageRecorderOptions options;
        options.maxBatchRows = 7;
        options.batchInterval = 60s; // only full batches (and flush) trigger writes
        UsageRecorder recorder(m_db, options);
        recorder.start();
        for (int i = 0; i < 21; ++i)
            recorder.record(sample(u"r%1"_s.arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.counters().written, 21, 5000);
        recorder.record(sample(u"tail"_s));
        QThread::msleep(50);
        QCOMPARE(recorder.counters().written, 21); // a lone row waits for its interval...
        QVERIFY(recorder.flush().has_value());      // ...or a flush
        QCOMPARE(rowCount(), 22);
    }

    void recent_roundTripsEveryColumnAndStoresMissingTokensAsNull()
    {
        UsageRecorder recorder(m_db);
        recorder.start();
        UsageRecord full;
        full.requestId = u"req-full"_s;
        full.createdAtMs = 1'700'000'000'000;
        full.accessKeyId = 42;
        full.keyName = u"alice"_s;
        full.account = u"acme"_s;
        full.appDid = u"z1appdid"_s;
        full.api = Api::Aigne;
        full.type = CallType::Embedding;
        full.provider = u"openai"_s;
        full.model = u"text-embedding-3-small"_s;
        full.stream = true;
        full.inputTokens = 100;
        full.outputTokens = 0;
        full.cacheReadTokens = 30;
        full.cacheWriteTokens = 7;
        full.usageSource = UsageSource::Counted;
        full.httpStatus = 502;
        full.errorCode = u"upstream_unavailable"_s;
        full.errorMessage = u"connexion refusée — 连接被拒绝"_s; // stored as UTF-8
        full.durationMs = 123.25;
        full.timeToFirstTokenMs = 45.5;
        full.creditsNanos = 5'000;
        full.billingReason = u"usage"_s;
        recorder.record(full);

        UsageRecord bare;
        bare.requestId = u"req-bare"_s;
        bare.createdAtMs = 1'700'000'000'001;
        bare.type = CallType::Image;
        bare.httpStatus = 200;
        recorder.record(bare);
        QVERIFY(recorder.flush().has_value());

        auto recent = recorder.recent(10);
        QVERIFY(recent.has_value());
        QCOMPARE(recent->size(), 2);
        UsageRecord gotBare = recent->at(0); // newest first
        UsageRecord gotFull = recent->at(1);
        QVERIFY(gotFull.id > 0);
        full.id = gotFull.id;
        QCOMPARE(gotFull, full);
        bare.id = gotBare.id;
        QCOMPARE(gotBare, bare);
        QCOMPARE(recorder.recent(1)->size(), 1);
        QCOMPARE(recorder.recent(0).error().code, ErrorCode::InvalidArgument);

        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(u"SELECT input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, ttft_ms, "
                           "access_key_id, key_name, usage_source FROM usage_records WHERE request_id = 'req-bare'"_s));
        QVERIFY(query.next());
        for (int column = 0; column < 7; ++column)
            QVERIFY2(query.value(column).isNull(), qPrintable(QString::number(column)));
        QCOMPARE(query.value(7).toString(), u"none"_s);
        query.finish();
        QVERIFY(query.exec(u"SELECT output_tokens FROM usage_records WHERE request_id = 'req-full'"_s));
        QVERIFY(query.next());
        QVERIFY(!query.value(0).isNull()); // zero tokens are not "none reported"
        QCOMPARE(query.value(0).toInt(), 0);
    }

    void rowsOfVeryDifferentTextSizes_eachKeepTheirOwnValues()
    {
        // Rows are written several per statement (UsageInsertStatement::RowsPerStatement) from one reused text
        // buffer: in a batch of two full groups and a rest, long, short, empty and non-ASCII texts and missing
        // values must each come back on their own row.
        UsageRecorder recorder(m_db);
        const int rows = 2 * UsageInsertStatement::RowsPerStatement + 5;
        QStringList messages;
        for (int i = 0; i < rows; ++i) {
            switch (i % 4) {
            case 0: messages << QString(20000 + i, u'界') + u"end"_s; break;
            case 1: messages << u"short %1"_s.arg(i); break;
            case 2: messages << QString(); break;
            default: messages << u"é"_s.repeated(3000 + i); break;
            }
        }
        for (int i = 0; i < rows; ++i) {
            UsageRecord r;
            r.requestId = u"req-%1"_s.arg(i, 3, 10, QLatin1Char('0'));
            r.createdAtMs = 1'700'000'000'000 + i;
            r.httpStatus = 500 + i;
            r.errorMessage = messages.at(i);
            r.model = u"模型-%1"_s.arg(i);
            if (i % 3 == 0)
                r.inputTokens = i * 10;
            r.stream = i % 2 == 0;
            recorder.record(r);
        }
        QVERIFY(recorder.flush().has_value()); // not started: one batch written on this thread
        auto recent = recorder.recent(rows + 1);
        QVERIFY(recent.has_value());
        QCOMPARE(recent->size(), rows);
        for (int i = 0; i < rows; ++i) {
            const UsageRecord &got = recent->at(rows - 1 - i); // newest first
            QCOMPARE(got.requestId, u"req-%1"_s.arg(i, 3, 10, QLatin1Char('0')));
            QCOMPARE(got.errorMessage, messages.at(i));
            QCOMPARE(got.model, u"模型-%1"_s.arg(i));
            QCOMPARE(got.httpStatus, 500 + i);
            QCOMPARE(got.stream, i % 2 == 0);
            QCOMPARE(got.inputTokens, i % 3 == 0 ? std::optional<qint64>(i * 10) : std::nullopt);
        }
    }

    void record_withoutTime_getsTheCurrentTime()
    {
        UsageRecorder recorder(m_db);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        recorder.record(sample(u"now"_s));
        QVERIFY(recorder.flush().has_value());
        const qint64 stored = recorder.recent(1)->first().createdAtMs;
        QVERIFY(stored >= before);
        QVERIFY(stored <= QDateTime::currentMSecsSinceEpoch());
    }

    void batchFailsWhileLocked_rowsAreKeptAndRetried()
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
        other.setDatabaseName(m_db->filePath());
        QVERIFY(other.open());
        {
            QSqlQuery lock(other);
            QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));
            QVERIFY(lock.exec(u"INSERT INTO settings (key, value) VALUES ('held', 'by another program')"_s));

            UsageRecorderOptions options;
            options.batchInterval = 10ms;
            options.retryDelay = 20ms;
            UsageRecorder recorder(m_db, options);
            recorder.start();
            for (int i = 0; i < 25; ++i)
                recorder.record(sample(u"r%1"_s.arg(i)));
            QTRY_VERIFY_WITH_TIMEOUT(recorder.counters().failedBatches >= 2, 5000);
            QCOMPARE(recorder.counters().written, 0);
            QCOMPARE(recorder.counters().pending, 25);
            const Status flushed = recorder.flush(); // fails while the lock is held
            QVERIFY(!flushed.has_value());
            QCOMPARE(flushed.error().code, ErrorCode::StorageLocked);

            QVERIFY(lock.exec(u"COMMIT"_s));
            QTRY_COMPARE_WITH_TIMEOUT(recorder.counters().written, 25, 5000);
            QVERIFY(recorder.flush().has_value());
            QCOMPARE(recorder.counters().pending, 0);
            QCOMPARE(rowCount(), 25);
            QSqlQuery query(m_db->connection());
            QVERIFY(query.exec(u"SELECT request_id FROM usage_records ORDER BY id"_s));
            QStringList order;
            while (query.next())
                order.append(query.value(0).toString());
            QCOMPARE(order.first(), u"r0"_s); // retried rows keep their order
            QCOMPARE(order.last(), u"r24"_s);
        }
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"locker"_s);
    }

    void stop_whileTheDatabaseStaysLocked_failsAndKeepsTheRows()
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
        other.setDatabaseName(m_db->filePath());
        QVERIFY(other.open());
        {
            QSqlQuery lock(other);
            QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));
            UsageRecorderOptions options;
            options.retryDelay = 20ms;
            options.stopTimeout = 300ms;
            UsageRecorder recorder(m_db, options);
            recorder.start();
            recorder.record(sample(u"stuck"_s));
            const Status stopped = recorder.stop();
            QVERIFY(!stopped.has_value());
            QCOMPARE(stopped.error().code, ErrorCode::StorageLocked);
            QVERIFY(stopped.error().message.contains(u"1 usage records"_s));
            QCOMPARE(recorder.counters().pending, 1);

            QVERIFY(lock.exec(u"ROLLBACK"_s));
            QVERIFY(recorder.flush().has_value()); // still there, written once the lock is gone
            QCOMPARE(rowCount(), 1);
        }
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"locker"_s);
    }

    void record_overTheMemoryGuard_isCountedAsDropped()
    {
        UsageRecorderOptions options;
        options.maxPendingRows = 5;
        UsageRecorder recorder(m_db, options); // not started: rows only queue
        for (int i = 0; i < 8; ++i)
            recorder.record(sample(u"r%1"_s.arg(i)));
        QCOMPARE(recorder.counters().pending, 5);
        QCOMPARE(recorder.counters().dropped, 3);
        QVERIFY(recorder.flush().has_value());
        QCOMPARE(rowCount(), 5);
    }

    void recordAndTrack_onAnEventLoopThread_onePassIsOneCommit()
    {
        UsageRecorderOptions options;
        options.batchInterval = 60s; // only the loop going idle can have the rows written
        UsageRecorder recorder(m_db, options);
        recorder.start();
        std::atomic<int> batches { 0 };
        QObject::connect(
            recorder.commitNotifier(), &UsageCommitNotifier::progressed, recorder.commitNotifier(),
            [&batches](qint64, bool) { ++batches; }, Qt::DirectConnection);
        QThread loop; // runs an event loop, as the server's worker threads do
        loop.start();
        auto *context = new QObject;
        context->moveToThread(&loop);
        QList<qint64> sequences;
        QMetaObject::invokeMethod(
            context,
            [&] {
                for (int i = 0; i < 5; ++i)
                    sequences.append(recorder.recordAndTrack(sample(u"pass-%1"_s.arg(i))));
            },
            Qt::BlockingQueuedConnection);
        QCOMPARE(sequences, (QList<qint64> { 0, 1, 2, 3, 4 }));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.committedCount(), 5, 5000);
        QCOMPARE(batches.load(), 1); // the five requests of one pass share one commit
        QCOMPARE(rowCount(), 5);
        context->deleteLater();
        loop.quit();
        QVERIFY(loop.wait(5000));
    }

    void recordAndTrack_withoutAnEventLoop_isCommittedAtOnce()
    {
        UsageRecorderOptions options;
        options.batchInterval = 60s;
        UsageRecorder recorder(m_db, options);
        recorder.start();
        const qint64 sequence = recorder.recordAndTrack(sample(u"no-loop"_s));
        QCOMPARE(sequence, 0);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.committedCount() > sequence, 5000);
    }

    void restart_afterStop_keepsRecording()
    {
        UsageRecorder recorder(m_db);
        recorder.start();
        recorder.record(sample(u"a"_s));
        QVERIFY(recorder.stop().has_value());
        recorder.start();
        recorder.record(sample(u"b"_s));
        QVERIFY(recorder.stop().has_value());
        QCOMPARE(rowCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestUsageRecorder)
#include "tst_usagerecorder.moc"
