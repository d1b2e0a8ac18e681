// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/usagecommitwaiter.h"
#include "core/storage/database.h"
#include "core/usage/usagerecorder.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace AiHub;
using namespace AiHub::Hub;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
Usage::UsageRecord sample(const QString &requestId)
{
    Usage::UsageRecord r;
    r.requestId = requestId;
    r.api = Usage::Api::OpenAi;
    r.type = Usage::CallType::Chat;
    r.provider = u"openai"_s;
    r.model = u"gpt-4o-mini"_s;
    r.httpStatus = 200;
    return r;
}

// Notes when it was told, and what the recorder had committed by then.
class Waiter final : public UsageCommitWaiter::Client {
public:
    explicit Waiter(const Usage::UsageRecorder &recorder)
        : m_recorder(recorder)
    {
    }
    void usageCommitted() override
    {
        ++calls;
        committedThen = m_recorder.committedCount();
    }

    int calls = 0;
    qint64 committedThen = -1;

private:
    const Usage::UsageRecorder &m_recorder;
};
} // namespace

class TestUsageCommitWaiter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto db = Storage::Database::open(m_dir->filePath(u"hub.db"_s), {});
        QVERIFY(db.has_value());
        m_db = *db;
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void waiting_clientsAreToldOnceTheirRowIsCommitted_andCancelledOnesNever()
    {
        Usage::UsageRecorderOptions options;
        options.batchInterval = 100ms;
        Usage::UsageRecorder recorder(m_db, options);
        recorder.start();
        UsageCommitWaiter *waiter = UsageCommitWaiter::forRecorder(&recorder);
        QCOMPARE(UsageCommitWaiter::forRecorder(&recorder), waiter); // one per thread and recorder
        Waiter first(recorder);
        Waiter second(recorder);
        Waiter cancelled(recorder);
        const qint64 a = recorder.recordAndTrack(sample(u"a"_s));
        waiter->wait(a, &first);
        const qint64 b = recorder.recordAndTrack(sample(u"b"_s));
        waiter->wait(b, &cancelled);
        waiter->wait(b, &second);
        waiter->cancel(&cancelled);
        QCOMPARE(first.calls, 0); // never from inside wait()
        QTRY_COMPARE_WITH_TIMEOUT(second.calls, 1, 5000);
        QCOMPARE(first.calls, 1);
        QVERIFY(first.committedThen > a);
        QVERIFY(second.committedThen > b);
        QTest::qWait(250); // more commits, no second call
        const qint64 c = recorder.recordAndTrack(sample(u"c"_s));
        Waiter later(recorder);
        waiter->wait(c, &later);
        QTRY_COMPARE_WITH_TIMEOUT(later.calls, 1, 5000);
        QCOMPARE(first.calls, 1);
        QCOMPARE(second.calls, 1);
        QCOMPARE(cancelled.calls, 0);
    }

    void anotherThread_hasItsOwnWaiter_andAGoneRecorderLeavesNoStaleOne()
    {
        auto recorder = std::make_unique<Usage::UsageRecorder>(m_db);
        recorder->start();
        UsageCommitWaiter *here = UsageCommitWaiter::forRecorder(recorder.get());
        UsageCommitWaiter *there = nullptr;
        std::unique_ptr<QThread> thread(QThread::create([&] { there = UsageCommitWaiter::forRecorder(recorder.get()); }));
        thread->start();
        QVERIFY(thread->wait(5000));
        QVERIFY(there);
        QVERIFY(there != here);
        recorder.reset();
        // A new recorder (possibly at the same address) gets a waiter that listens to it, and works.
        Usage::UsageRecorder again(m_db);
        again.start();
        UsageCommitWaiter *fresh = UsageCommitWaiter::forRecorder(&again);
        Waiter client(again);
        fresh->wait(again.recordAndTrack(sample(u"d"_s)), &client);
        QTRY_COMPARE_WITH_TIMEOUT(client.calls, 1, 5000);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Storage::Database> m_db;
};

QTEST_GUILESS_MAIN(TestUsageCommitWaiter)
#include "tst_usagecommitwaiter.moc"
