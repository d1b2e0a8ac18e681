// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// ProviderAdmin's ordering guarantees: no credential row without its secret, no secret left when the database refuses.
#include "core/hub/provideradmin.h"
#include "core/secrets/memorysecretstore.h"
#include "core/storage/database.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace AiHub;
using Hub::ProviderAdmin;

namespace {
template<typename T>
T waitFor(std::function<void(std::function<void(T)>)> start)
{
    std::optional<T> result;
    start([&result](T r) { result = std::move(r); });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 5000))
        qFatal("no answer");
    return *result;
}

ProviderAdmin::NewCredential apiKey(const QString &key, const QString &label = QStringLiteral("default"))
{
    ProviderAdmin::NewCredential c;
    c.info.label = label;
    c.secret.apiKey = key;
    return c;
}

Providers::ProviderConfig openai(const QString &name)
{
    Providers::ProviderConfig config;
    config.kind = Providers::ProviderKind::OpenAI;
    config.name = name;
    return config;
}
} // namespace

class TestProviderAdmin : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Storage::Database> m_db;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto db = Storage::Database::open(m_dir.filePath(QStringLiteral("hub-%1.db").arg(QDateTime::currentMSecsSinceEpoch())));
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        m_db = *db;
        m_secrets = std::make_shared<Secrets::MemorySecretStore>();
    }

    void addProvider_writesSecretThenRow()
    {
        ProviderAdmin admin(m_db, m_secrets);
        auto added = waitFor<Result<Providers::ProviderConfig>>([&](auto done) {
            admin.addProvider(openai(QStringLiteral("openai")), apiKey(QStringLiteral("sk-abcdefghijklmnop")), done);
        });
        QVERIFY(added);
        QCOMPARE(added->credentials.size(), 1);
        QCOMPARE(added->credentials.constFirst().masked, QStringLiteral("sk-a…mnop"));
        QVERIFY(m_secrets->contains(added->credentials.constFirst().secretRef));
    }

    void addProvider_withoutSecret_isRefusedAndSavesNothing()
    {
        ProviderAdmin admin(m_db, m_secrets);
        auto added = waitFor<Result<Providers::ProviderConfig>>(
            [&](auto done) { admin.addProvider(openai(QStringLiteral("openai")), std::nullopt, done); });
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::InvalidArgument);
        QVERIFY(admin.list()->isEmpty());
        QVERIFY(m_secrets->names().isEmpty());
    }

    void addProvider_needingNoCredential_savesTheRowOnly()
    {
        ProviderAdmin admin(m_db, m_secrets);
        Providers::ProviderConfig ollama;
        ollama.kind = Providers::ProviderKind::Ollama;
        ollama.name = QStringLiteral("local");
        auto added = waitFor<Result<Providers::ProviderConfig>>(
            [&](auto done) { admin.addProvider(ollama, std::nullopt, done); });
        QVERIFY(added);
        QVERIFY(m_secrets->names().isEmpty());
    }

    void addCredential_refusedByTheDatabase_takesTheSecretBackOut()
    {
        ProviderAdmin admin(m_db, m_secrets);
        QVERIFY((waitFor<Result<Providers::ProviderConfig>>([&](auto done) {
            admin.addProvider(openai(QStringLiteral("openai")), apiKey(QStringLiteral("sk-first-key-000000")), done);
        })));
        // Same label twice: the UNIQUE constraint refuses the row after the secret was written.
        auto second = waitFor<Result<Providers::CredentialInfo>>([&](auto done) {
            admin.addCredential(QStringLiteral("openai"), apiKey(QStringLiteral("sk-second-key-11111")), done);
        });
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(m_secrets->names().size(), 1); // only the first credential's secret
    }

    void secretStoreFailure_leavesNoRow()
    {
        m_secrets->setUnavailable(true);
        ProviderAdmin admin(m_db, m_secrets);
        auto added = waitFor<Result<Providers::ProviderConfig>>([&](auto done) {
            admin.addProvider(openai(QStringLiteral("openai")), apiKey(QStringLiteral("sk-abcdefghijklmnop")), done);
        });
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::SecretStoreUnavailable);
        QVERIFY(admin.list()->isEmpty());
    }

    void replaceAndRemoveCredential_deleteOldSecrets()
    {
        ProviderAdmin admin(m_db, m_secrets);
        QVERIFY((waitFor<Result<Providers::ProviderConfig>>([&](auto done) {
            admin.addProvider(openai(QStringLiteral("openai")), apiKey(QStringLiteral("sk-first-key-000000")), done);
        })));
        const QString oldRef = admin.find(QStringLiteral("openai"))->credentials.constFirst().secretRef;
        auto replaced = waitFor<Result<Providers::CredentialInfo>>([&](auto done) {
            admin.replaceCredential(QStringLiteral("openai"), apiKey(QStringLiteral("sk-second-key-11111")), done);
        });
        QVERIFY(replaced);
        QVERIFY(!m_secrets->contains(oldRef));
        QCOMPARE(m_secrets->names(), QStringList { replaced->secretRef });

        auto removed = waitFor<Result<QStringList>>(
            [&](auto done) { admin.removeCredential(QStringLiteral("openai"), QStringLiteral("default"), done); });
        QVERIFY(removed);
        QVERIFY(m_secrets->names().isEmpty());
        auto missing = waitFor<Result<QStringList>>(
            [&](auto done) { admin.removeCredential(QStringLiteral("openai"), QStringLiteral("nope"), done); });
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void updateProvider_validatesAndSaves()
    {
        ProviderAdmin admin(m_db, m_secrets);
        QVERIFY((waitFor<Result<Providers::ProviderConfig>>([&](auto done) {
            admin.addProvider(openai(QStringLiteral("openai")), apiKey(QStringLiteral("sk-first-key-000000")), done);
        })));
        Providers::ProviderConfig changed = openai(QStringLiteral("openai"));
        changed.baseUrl = QStringLiteral("ftp://nope");
        QVERIFY(!admin.updateProvider(changed));
        changed.baseUrl = QStringLiteral("http://127.0.0.1:9/v1");
        changed.enabled = false;
        QVERIFY(admin.updateProvider(changed));
        QCOMPARE(admin.find(QStringLiteral("openai"))->baseUrl, QStringLiteral("http://127.0.0.1:9/v1"));
        QVERIFY(!admin.find(QStringLiteral("openai"))->enabled);
        QVERIFY(!admin.updateProvider(openai(QStringLiteral("ghost"))));
    }

    void test_unknownProvider_saysSo()
    {
        ProviderAdmin admin(m_db, m_secrets);
        auto tested = waitFor<Result<ProviderAdmin::TestOutcome>>(
            [&](auto done) { admin.test(QStringLiteral("ghost"), QString(), done); });
        QVERIFY(!tested);
        QCOMPARE(tested.error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestProviderAdmin)
#include "tst_provideradmin.moc"
