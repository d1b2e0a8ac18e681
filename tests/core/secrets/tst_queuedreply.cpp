// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/secrets/queuedreply.h"

#include <QTest>
#include <QThread>

#include <optional>
#include <thread>

using namespace AiHub;
using namespace AiHub::Secrets;
using namespace Qt::StringLiterals;

class TestQueuedReply final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reply_fromWorkerThread_runsLaterOnContextThread()
    {
        QObject context;
        std::optional<Result<QByteArray>> got;
        QThread *ranOn = nullptr;
        auto reply = QueuedReply::wrap(&context, ISecretStore::ReadCallback([&](Result<QByteArray> r) {
            ranOn = QThread::currentThread();
            got = std::move(r);
        }));
        std::thread worker([reply] { reply(QByteArray("from worker")); });
        worker.join();
        QVERIFY(!got.has_value()); // not before the context's event loop runs
        QVERIFY(QTest::qWaitFor([&] { return got.has_value(); }, 5000));
        QVERIFY(got->has_value());
        QCOMPARE(**got, QByteArray("from worker"));
        QCOMPARE(ranOn, context.thread());
    }

    void reply_onlyTheFirstCallCounts()
    {
        QObject context;
        int calls = 0;
        Status last;
        auto reply = QueuedReply::wrap(&context, ISecretStore::DoneCallback([&](Status s) {
            ++calls;
            last = s;
        }));
        reply({});
        reply(fail(ErrorCode::Internal, u"second"_s));
        QVERIFY(QTest::qWaitFor([&] { return calls > 0; }, 5000));
        QTest::qWait(20);
        QCOMPARE(calls, 1);
        QVERIFY(last.has_value());
    }

    void reply_droppedUncalled_tellsTheCallerTheStoreClosed()
    {
        QObject context;
        std::optional<Status> got;
        {
            auto reply = QueuedReply::wrap(&context, ISecretStore::DoneCallback([&](Status s) { got = s; }));
            auto copy = reply; // copies share one reply
        }
        QVERIFY(QTest::qWaitFor([&] { return got.has_value(); }, 5000));
        QVERIFY(!got->has_value());
        QCOMPARE(got->error().code, ErrorCode::SecretStoreUnavailable);
    }

    void reply_afterContextDestroyed_isDropped()
    {
        bool called = false;
        auto *context = new QObject;
        auto reply = QueuedReply::wrap(context, ISecretStore::DoneCallback([&](Status) { called = true; }));
        delete context;
        std::thread worker([reply] { reply({}); });
        worker.join();
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void reply_pendingWhenContextDestroyed_isDropped()
    {
        bool called = false;
        auto *context = new QObject;
        auto reply = QueuedReply::wrap(context, ISecretStore::DoneCallback([&](Status) { called = true; }));
        reply({});
        delete context; // the event is already posted
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void reply_withoutContext_doesNothing()
    {
        bool called = false;
        auto reply = QueuedReply::wrap(nullptr, ISecretStore::DoneCallback([&](Status) { called = true; }));
        reply({});
        QTest::qWait(20);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestQueuedReply)
#include "tst_queuedreply.moc"
