// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/crypto/securerandom.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/secretstoreselector.h"

#include "storewait.h"

#include <QTest>

#include <memory>
#include <optional>

using namespace AiHub;
using namespace AiHub::Secrets;
using AiHub::SecretsTest::failureCode;
using AiHub::SecretsTest::failureMessage;
using AiHub::SecretsTest::StoreWait;
using namespace Qt::StringLiterals;

// Talks to the real OS keychain. Locally it skips when no keychain works; under CI
// (packaging/with-keyring.sh with AIHUB_REQUIRE_KEYCHAIN=1) a missing keychain is a failure.
class TestKeychainSecretStore final : public QObject {
    Q_OBJECT

private:
    QString m_service = u"aigne-hub-test-"_s + QString::fromLatin1(Crypto::SecureRandom::bytes(6).toHex());
    std::unique_ptr<KeychainSecretStore> m_store;
    QStringList m_written;

    Status writeTracked(const QString &name, const QByteArray &secret)
    {
        m_written << name;
        return StoreWait::write(*m_store, name, secret);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_store = std::make_unique<KeychainSecretStore>(m_service);
        QObject context;
        std::optional<Status> probed;
        m_store->probe(std::chrono::seconds(20), &context, [&](Status s) { probed = s; });
        QVERIFY(QTest::qWaitFor([&] { return probed.has_value(); }, 30000));
        if (!*probed) {
            const QByteArray why = "no usable OS keychain: " + failureMessage(*probed).toUtf8();
            if (qgetenv("AIHUB_REQUIRE_KEYCHAIN") == "1")
                QFAIL(why.constData());
            QSKIP(why.constData());
        }
    }

    void cleanupTestCase()
    {
        if (!m_store)
            return;
        for (const QString &name : std::as_const(m_written))
            (void)StoreWait::remove(*m_store, name);
    }

    void identity_isKeychain()
    {
        QCOMPARE(m_store->id(), u"keychain"_s);
        QVERIFY(m_store->description().startsWith(u"OS keychain ("_s));
        QCOMPARE(m_store->service(), m_service);
    }

    void writeReadOverwriteRemove_roundTrips()
    {
        const QString name = u"aihub:provider:1:api_key"_s;
        QCOMPARE(failureMessage(writeTracked(name, "sk-test-keychain-0123456789")), QString());
        QCOMPARE(StoreWait::readOrError(*m_store, name), QByteArray("sk-test-keychain-0123456789"));
        QCOMPARE(failureMessage(writeTracked(name, "sk-test-keychain-replaced")), QString());
        QCOMPARE(StoreWait::readOrError(*m_store, name), QByteArray("sk-test-keychain-replaced"));
        QCOMPARE(failureMessage(StoreWait::remove(*m_store, name)), QString());
        auto gone = StoreWait::read(*m_store, name);
        QVERIFY(!gone.has_value());
        QCOMPARE(failureCode(gone), ErrorCode::SecretNotFound);
    }

    void read_missingName_reportsNotFound()
    {
        auto missing = StoreWait::read(*m_store, u"never-written"_s);
        QVERIFY(!missing.has_value());
        QCOMPARE(failureCode(missing), ErrorCode::SecretNotFound);
    }

    void remove_missingName_succeeds()
    {
        QCOMPARE(failureMessage(StoreWait::remove(*m_store, u"never-written-either"_s)), QString());
    }

    void binaryValue_roundTrips()
    {
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(char(i));
        QCOMPARE(failureMessage(writeTracked(u"bedrock:2:secret_access_key"_s, all)), QString());
        QCOMPARE(StoreWait::readOrError(*m_store, u"bedrock:2:secret_access_key"_s), all);
    }

    void entries_areSeparatedByNameAndService()
    {
        QCOMPARE(failureMessage(writeTracked(u"a"_s, "value-a")), QString());
        QCOMPARE(failureMessage(writeTracked(u"b"_s, "value-b")), QString());
        QCOMPARE(StoreWait::readOrError(*m_store, u"a"_s), QByteArray("value-a"));
        QCOMPARE(StoreWait::readOrError(*m_store, u"b"_s), QByteArray("value-b"));
        KeychainSecretStore otherService(m_service + u"-other"_s);
        QCOMPARE(failureCode(StoreWait::read(otherService, u"a"_s)), ErrorCode::SecretNotFound);
    }

    void invalidInput_isRejectedBeforeTheKeychain()
    {
        QCOMPARE(failureCode(StoreWait::write(*m_store, QString(), "v")), ErrorCode::InvalidArgument);
        QCOMPARE(failureCode(StoreWait::write(*m_store, u"k"_s, QByteArray())), ErrorCode::InvalidArgument);
    }

    void callback_isDroppedWhenContextIsDestroyed()
    {
        bool called = false;
        auto *context = new QObject;
        m_written << u"dropped"_s;
        m_store->write(u"dropped"_s, "v", context, [&](Status) { called = true; });
        delete context;
        QTest::qWait(300);
        QVERIFY(!called);
    }

    void selector_autoPicksTheWorkingKeychain()
    {
        qunsetenv("AIHUB_SECRET_STORE");
        SecretStoreSelector::Options options;
        options.keychainService = m_service;
        QObject context;
        std::optional<Result<SecretStoreSelector::Selection>> selected;
        SecretStoreSelector::select(options, &context, [&](auto r) { selected = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return selected.has_value(); }, 30000));
        QVERIFY2(selected->has_value(), qPrintable(failureMessage(*selected)));
        QCOMPARE(selected->value().store->id(), u"keychain"_s);
        QCOMPARE(selected->value().summary, u"Secrets are kept in the "_s + m_store->description() + u"."_s);
        QVERIFY(selected->value().keychainProblem.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
