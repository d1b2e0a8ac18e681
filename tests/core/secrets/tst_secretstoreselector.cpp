// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/secrets/encryptedfilesecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/secretstoreselector.h"

#include "storewait.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace AiHub;
using namespace AiHub::Secrets;
using AiHub::SecretsTest::failureCode;
using AiHub::SecretsTest::failureMessage;
using AiHub::SecretsTest::StoreWait;
using namespace Qt::StringLiterals;
using Mode = SecretStoreSelector::Mode;

// Runs without any D-Bus session: the keychain must be found unusable and `auto` must fall back to the file.
// (The probe against a working keychain is in tst_keychainsecretstore, run under packaging/with-keyring.sh.)
class TestSecretStoreSelector final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_runtimeDir;

    SecretStoreSelector::Options options(Mode mode) const
    {
        SecretStoreSelector::Options o;
        o.mode = mode;
        o.dataDir = m_dir->path();
        o.keychainService = u"aigne-hub-test-selector"_s;
        o.kdfIterations = 1000;
        o.probeTimeout = std::chrono::seconds(15);
        return o;
    }

    static Result<SecretStoreSelector::Selection> select(const SecretStoreSelector::Options &o)
    {
        QObject context;
        std::optional<Result<SecretStoreSelector::Selection>> result;
        bool inside = true;
        bool calledInside = false;
        SecretStoreSelector::select(o, &context, [&](Result<SecretStoreSelector::Selection> r) {
            calledInside = inside;
            result = std::move(r);
        });
        inside = false;
        if (calledInside)
            return fail(ErrorCode::Internal, u"select() answered inside the call"_s);
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
            return fail(ErrorCode::Internal, u"select() did not answer"_s);
        return std::move(*result);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No session bus anywhere: not in the environment, not at $XDG_RUNTIME_DIR/bus, no X11 to autolaunch
        // one. This must happen before the first keychain call; QtKeychain and GDBus remember their first
        // answer.
        QVERIFY(m_runtimeDir.isValid());
        for (const char *name : { "DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY",
                 "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "KDE_SESSION_VERSION",
                 "AIHUB_SECRET_STORE", "AIHUB_SECRET_PASSPHRASE", "AIHUB_SECRET_KEY_FILE" })
            qunsetenv(name);
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtimeDir.path()));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        for (const char *name : { "AIHUB_SECRET_STORE", "AIHUB_SECRET_PASSPHRASE", "AIHUB_SECRET_KEY_FILE" })
            qunsetenv(name);
    }

    void parseMode_acceptsKnownNamesOnly()
    {
        QCOMPARE(SecretStoreSelector::parseMode(u"auto"_s).value(), Mode::Auto);
        QCOMPARE(SecretStoreSelector::parseMode(u" Keychain "_s).value(), Mode::Keychain);
        QCOMPARE(SecretStoreSelector::parseMode(u"FILE"_s).value(), Mode::File);
        QCOMPARE(SecretStoreSelector::parseMode(u"memory"_s).value(), Mode::Memory);
        auto bad = SecretStoreSelector::parseMode(u"vault"_s);
        QVERIFY(!bad.has_value());
        QCOMPARE(failureCode(bad), ErrorCode::InvalidArgument);
        QVERIFY(failureMessage(bad).contains(u"vault"_s));
        QCOMPARE(SecretStoreSelector::modeName(Mode::File), u"file"_s);
    }

    void resolve_defaultsKeyFileIntoDataDir()
    {
        auto resolved = SecretStoreSelector::resolve(options(Mode::Auto));
        QVERIFY(resolved.has_value());
        QCOMPARE(resolved->keyFile, m_dir->filePath(u"secret.key"_s));
        QCOMPARE(SecretStoreSelector::secretsFilePath(*resolved), m_dir->filePath(u"secrets.enc"_s));
        QVERIFY(!resolved->modeFromEnvironment);
        QVERIFY(resolved->passphrase.isEmpty());
    }

    void resolve_environmentOverridesModeAndFillsKeySettings()
    {
        qputenv("AIHUB_SECRET_STORE", "file");
        qputenv("AIHUB_SECRET_PASSPHRASE", "from-env");
        qputenv("AIHUB_SECRET_KEY_FILE", QFile::encodeName(m_dir->filePath(u"elsewhere.key"_s)));
        auto resolved = SecretStoreSelector::resolve(options(Mode::Keychain));
        QVERIFY(resolved.has_value());
        QCOMPARE(resolved->mode, Mode::File);
        QVERIFY(resolved->modeFromEnvironment);
        QCOMPARE(resolved->passphrase, QByteArray("from-env"));
        QVERIFY(resolved->passphraseFromEnvironment);
        QCOMPARE(resolved->keyFile, m_dir->filePath(u"elsewhere.key"_s));

        // Explicit options win over the key settings in the environment (only the mode is overridden).
        auto explicitOptions = options(Mode::Auto);
        explicitOptions.passphrase = "explicit";
        explicitOptions.keyFile = m_dir->filePath(u"mine.key"_s);
        auto resolvedExplicit = SecretStoreSelector::resolve(explicitOptions);
        QVERIFY(resolvedExplicit.has_value());
        QCOMPARE(resolvedExplicit->passphrase, QByteArray("explicit"));
        QVERIFY(!resolvedExplicit->passphraseFromEnvironment);
        QCOMPARE(resolvedExplicit->keyFile, m_dir->filePath(u"mine.key"_s));
    }

    void resolve_emptyEnvironmentModeIsIgnored()
    {
        qputenv("AIHUB_SECRET_STORE", "");
        auto resolved = SecretStoreSelector::resolve(options(Mode::Memory));
        QVERIFY(resolved.has_value());
        QCOMPARE(resolved->mode, Mode::Memory);
        QVERIFY(!resolved->modeFromEnvironment);
    }

    void select_badEnvironmentMode_failsWithInvalidArgument()
    {
        qputenv("AIHUB_SECRET_STORE", "plaintext");
        auto selected = select(options(Mode::Auto));
        QVERIFY(!selected.has_value());
        QCOMPARE(failureCode(selected), ErrorCode::InvalidArgument);
        QVERIFY2(
            failureMessage(selected).contains(u"AIHUB_SECRET_STORE"_s), qPrintable(failureMessage(selected)));
    }

    void select_fileMode_usesEncryptedFileAndSaysWhere()
    {
        auto selected = select(options(Mode::File));
        QVERIFY2(selected.has_value(), qPrintable(failureMessage(selected)));
        QCOMPARE(selected->store->id(), u"file"_s);
        QCOMPARE(selected->summary,
            u"Secrets are kept in the encrypted file %1, key from %2 (mode 0600)."_s.arg(
                m_dir->filePath(u"secrets.enc"_s), m_dir->filePath(u"secret.key"_s)));
        QVERIFY(selected->keychainProblem.isEmpty());
        QVERIFY(QFile::exists(m_dir->filePath(u"secret.key"_s)));
        QCOMPARE(failureMessage(StoreWait::write(*selected->store, u"k"_s, "v")), QString());
        QCOMPARE(StoreWait::readOrError(*selected->store, u"k"_s), QByteArray("v"));
    }

    void select_fileModeFromEnvironmentWithPassphrase_saysSo()
    {
        qputenv("AIHUB_SECRET_STORE", "file");
        qputenv("AIHUB_SECRET_PASSPHRASE", "hunter2-but-longer");
        auto selected = select(options(Mode::Keychain));
        QVERIFY2(selected.has_value(), qPrintable(failureMessage(selected)));
        QCOMPARE(selected->store->id(), u"file"_s);
        QCOMPARE(selected->summary,
            u"Secrets are kept in the encrypted file %1, key derived from the passphrase in "
            u"AIHUB_SECRET_PASSPHRASE, as chosen by AIHUB_SECRET_STORE=file."_s.arg(
                m_dir->filePath(u"secrets.enc"_s)));
        QVERIFY(!selected->summary.contains(u"hunter2"_s));
        QVERIFY(!QFile::exists(m_dir->filePath(u"secret.key"_s)));
    }

    void select_fileMode_wrongPassphrase_fails()
    {
        auto first = options(Mode::File);
        first.passphrase = "one";
        auto selected = select(first);
        QVERIFY(selected.has_value());
        QCOMPARE(failureMessage(StoreWait::write(*selected->store, u"k"_s, "v")), QString());
        auto second = options(Mode::File);
        second.passphrase = "two";
        auto refused = select(second);
        QVERIFY(!refused.has_value());
        QCOMPARE(failureCode(refused), ErrorCode::SecretStoreUnavailable);
        QVERIFY(failureMessage(refused).contains(u"does not match"_s));
    }

    void select_fileMode_laxKeyFile_failsWithChmodAdvice()
    {
        QFile key(m_dir->filePath(u"secret.key"_s));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(QByteArray(32, 'k').toBase64());
        key.close();
        QVERIFY(
            key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
        auto selected = select(options(Mode::File));
        QVERIFY(!selected.has_value());
        QCOMPARE(failureCode(selected), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(failureMessage(selected).contains(u"chmod 600"_s), qPrintable(failureMessage(selected)));
    }

    void select_memoryMode_isEphemeralAndSaysSo()
    {
        auto selected = select(options(Mode::Memory));
        QVERIFY(selected.has_value());
        QCOMPARE(selected->store->id(), u"memory"_s);
        QVERIFY(selected->summary.contains(u"lost when the hub stops"_s));
        QVERIFY(QDir(m_dir->path()).isEmpty());
    }

    void keychainStore_withoutDBus_reportsUnavailableNotNotFound()
    {
        KeychainSecretStore store(u"aigne-hub-test-selector"_s);
        auto write = StoreWait::write(store, u"k"_s, "v");
        QVERIFY(!write.has_value());
        QCOMPARE(failureCode(write), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(failureMessage(write).contains(u"OS keychain could not store"_s),
            qPrintable(failureMessage(write)));
        auto read = StoreWait::read(store, u"k"_s);
        QVERIFY(!read.has_value());
        QCOMPARE(failureCode(read), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(failureCode(StoreWait::remove(store, u"k"_s)), ErrorCode::SecretStoreUnavailable);
    }

    void select_autoWithoutDBus_fallsBackToFileAndSaysWhy()
    {
        auto selected = select(options(Mode::Auto));
        QVERIFY2(selected.has_value(), qPrintable(failureMessage(selected)));
        QCOMPARE(selected->store->id(), u"file"_s);
        QVERIFY(!selected->keychainProblem.isEmpty());
        qInfo("%s", qPrintable(selected->summary));
        QCOMPARE(selected->summary,
            u"Secrets are kept in the encrypted file %1, key from %2 (mode 0600): the OS keychain is not "
            u"available (%3)."_s.arg(m_dir->filePath(u"secrets.enc"_s), m_dir->filePath(u"secret.key"_s),
                selected->keychainProblem));
        QCOMPARE(failureMessage(StoreWait::write(*selected->store, u"k"_s, "v")), QString());
    }

    void select_keychainModeWithoutDBus_failsInsteadOfFallingBack()
    {
        auto selected = select(options(Mode::Keychain));
        QVERIFY(!selected.has_value());
        QCOMPARE(failureCode(selected), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(failureMessage(selected).contains(u"AIHUB_SECRET_STORE=file"_s),
            qPrintable(failureMessage(selected)));
        QVERIFY(!QFile::exists(m_dir->filePath(u"secrets.enc"_s)));
    }

    void select_autoWithoutDBusAndWithoutDataDir_failsWithBothReasons()
    {
        auto o = options(Mode::Auto);
        o.dataDir.clear();
        auto selected = select(o);
        QVERIFY(!selected.has_value());
        QCOMPARE(failureCode(selected), ErrorCode::SecretStoreUnavailable);
        QVERIFY(failureMessage(selected).contains(u"No data folder"_s));
        QVERIFY(failureMessage(selected).contains(u"OS keychain is not available either"_s));
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreSelector)
#include "tst_secretstoreselector.moc"
