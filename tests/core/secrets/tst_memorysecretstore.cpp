// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/secrets/memorysecretstore.h"

#include "storewait.h"

#include <QTest>

using namespace AiHub;
using namespace AiHub::Secrets;
using AiHub::SecretsTest::failureCode;
using AiHub::SecretsTest::failureMessage;
using AiHub::SecretsTest::StoreWait;
using namespace Qt::StringLiterals;

class TestMemorySecretStore final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_writeReadOverwriteRemove()
    {
        MemorySecretStore store;
        QCOMPARE(store.id(), u"memory"_s);
        QCOMPARE(failureMessage(StoreWait::write(store, u"k"_s, QByteArray("a\0b", 3))), QString());
        QCOMPARE(StoreWait::readOrError(store, u"k"_s), QByteArray("a\0b", 3));
        QCOMPARE(failureMessage(StoreWait::write(store, u"k"_s, "second")), QString());
        QCOMPARE(StoreWait::readOrError(store, u"k"_s), QByteArray("second"));
        QCOMPARE(store.names(), QStringList { u"k"_s });
        QCOMPARE(failureMessage(StoreWait::remove(store, u"k"_s)), QString());
        QVERIFY(!store.contains(u"k"_s));
        QCOMPARE(failureCode(StoreWait::read(store, u"k"_s)), ErrorCode::SecretNotFound);
    }

    void remove_missingName_succeeds()
    {
        MemorySecretStore store;
        QCOMPARE(failureMessage(StoreWait::remove(store, u"never"_s)), QString());
    }

    void unavailable_failsEveryCallWithUnavailableNotNotFound()
    {
        MemorySecretStore store;
        QCOMPARE(failureMessage(StoreWait::write(store, u"k"_s, "v")), QString());
        store.setUnavailable(true, u"backend exploded"_s);
        QVERIFY(store.isUnavailable());
        auto read = StoreWait::read(store, u"k"_s);
        QCOMPARE(failureCode(read), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(failureMessage(read), u"backend exploded"_s);
        QCOMPARE(failureCode(StoreWait::read(store, u"missing"_s)), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(failureCode(StoreWait::write(store, u"k"_s, "x")), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(failureCode(StoreWait::remove(store, u"k"_s)), ErrorCode::SecretStoreUnavailable);
        store.setUnavailable(false);
        QCOMPARE(StoreWait::readOrError(store, u"k"_s), QByteArray("v")); // nothing changed while broken
    }

    void invalidInput_isRejected()
    {
        MemorySecretStore store;
        QCOMPARE(failureCode(StoreWait::write(store, QString(), "v")), ErrorCode::InvalidArgument);
        QCOMPARE(failureCode(StoreWait::write(store, u"k"_s, QByteArray())), ErrorCode::InvalidArgument);
        QCOMPARE(failureCode(StoreWait::read(store, u"tab\there"_s)), ErrorCode::InvalidArgument);
        QVERIFY(store.names().isEmpty());
    }

    void callback_isDroppedWhenContextIsDestroyed()
    {
        MemorySecretStore store;
        bool called = false;
        auto *context = new QObject;
        store.write(u"k"_s, "v", context, [&](Status) { called = true; });
        QVERIFY(!called); // queued, never inside the call
        delete context;
        QTest::qWait(50);
        QVERIFY(!called);
        QVERIFY(store.contains(u"k"_s));
    }
};

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "tst_memorysecretstore.moc"
