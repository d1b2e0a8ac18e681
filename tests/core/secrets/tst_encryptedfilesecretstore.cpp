// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/secrets/encryptedfilesecretstore.h"

#include "storewait.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace AiHub;
using namespace AiHub::Secrets;
using AiHub::SecretsTest::failureCode;
using AiHub::SecretsTest::failureMessage;
using AiHub::SecretsTest::StoreWait;
using namespace Qt::StringLiterals;

namespace {

constexpr int FastIterations = 1000; // the default 600k would make every test take seconds

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

QFileDevice::Permissions groupOrOther()
{
    return QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
        | QFileDevice::WriteOther | QFileDevice::ExeOther;
}

} // namespace

class TestEncryptedFileSecretStore final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString secretsFile() const { return path(u"secrets.enc"_s); }
    QString keyFile() const { return path(u"secret.key"_s); }

    std::unique_ptr<EncryptedFileSecretStore> keyFileStore(const QString &key = {}) const
    {
        return std::make_unique<EncryptedFileSecretStore>(EncryptedFileSecretStore::Options {
            secretsFile(), {}, key.isEmpty() ? keyFile() : key, FastIterations });
    }
    std::unique_ptr<EncryptedFileSecretStore> passphraseStore(const QByteArray &passphrase) const
    {
        return std::make_unique<EncryptedFileSecretStore>(
            EncryptedFileSecretStore::Options { secretsFile(), passphrase, keyFile(), FastIterations });
    }
    QJsonObject fileJson() const { return QJsonDocument::fromJson(fileBytes(secretsFile())).object(); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void roundTrip_keyFile_readsBackWhatWasWritten()
    {
        auto store = keyFileStore();
        QCOMPARE(store->id(), u"file"_s);
        QVERIFY(store->description().contains(secretsFile()));
        QVERIFY(store->description().contains(keyFile()));
        QCOMPARE(failureMessage(
                     StoreWait::write(*store, u"aihub:provider:1:api_key"_s, "sk-live-abcdefghijklmnop")),
            QString());
        QCOMPARE(StoreWait::readOrError(*store, u"aihub:provider:1:api_key"_s),
            QByteArray("sk-live-abcdefghijklmnop"));
        QCOMPARE(failureMessage(StoreWait::write(*store, u"aihub:provider:1:api_key"_s, "sk-live-replaced")),
            QString());
        QCOMPARE(
            StoreWait::readOrError(*store, u"aihub:provider:1:api_key"_s), QByteArray("sk-live-replaced"));

        const QByteArray raw = fileBytes(secretsFile());
        QVERIFY(!raw.contains("sk-live"));
        QVERIFY(!raw.contains(fileBytes(keyFile()).trimmed()));
        const QJsonObject json = fileJson();
        QCOMPARE(json.value("format"_L1).toString(), u"aigne-hub-secrets"_s);
        QCOMPARE(json.value("version"_L1).toInt(), EncryptedFileSecretStore::FormatVersion);
        QCOMPARE(json.value("keySource"_L1).toString(), u"keyFile"_s);
        QVERIFY(json.value("entries"_L1).toObject().contains("aihub:provider:1:api_key"_L1));
        QCOMPARE(QFile::permissions(secretsFile()) & groupOrOther(), QFileDevice::Permissions());
        QVERIFY(QFile::permissions(secretsFile()) & QFileDevice::ReadOwner);
    }

    void roundTrip_passphrase_readsBackAndStoresKdfParameters()
    {
        auto store = passphraseStore("correct horse battery staple");
        QVERIFY(store->usesPassphrase());
        QVERIFY(store->description().contains(u"passphrase"_s));
        QCOMPARE(failureMessage(StoreWait::write(*store, u"bedrock:secret"_s, "wJalrXUtnFEMI/K7MDENG")),
            QString());
        QCOMPARE(StoreWait::readOrError(*store, u"bedrock:secret"_s), QByteArray("wJalrXUtnFEMI/K7MDENG"));
        QVERIFY(!QFile::exists(keyFile())); // a passphrase store needs no key file

        const QJsonObject json = fileJson();
        QCOMPARE(json.value("keySource"_L1).toString(), u"passphrase"_s);
        const QJsonObject kdf = json.value("kdf"_L1).toObject();
        QCOMPARE(kdf.value("algorithm"_L1).toString(), u"PBKDF2-HMAC-SHA256"_s);
        QCOMPARE(kdf.value("iterations"_L1).toInt(), FastIterations);
        QCOMPARE(QByteArray::fromBase64(kdf.value("salt"_L1).toString().toLatin1()).size(), 16);
        QVERIFY(!fileBytes(secretsFile()).contains("correct horse"));

        // A second instance (another process, in effect) derives the same key from the salt in the file.
        auto again = passphraseStore("correct horse battery staple");
        QCOMPARE(StoreWait::readOrError(*again, u"bedrock:secret"_s), QByteArray("wJalrXUtnFEMI/K7MDENG"));
    }

    void binaryValue_roundTripsEveryByte()
    {
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(char(i));
        all.append(all); // NULs and high bytes in the middle too
        auto store = keyFileStore();
        QCOMPARE(failureMessage(StoreWait::write(*store, u"binary"_s, all)), QString());
        QCOMPARE(StoreWait::readOrError(*store, u"binary"_s), all);
    }

    void read_missingName_reportsNotFound()
    {
        auto store = keyFileStore();
        auto none = StoreWait::read(*store, u"nothing-yet"_s);
        QVERIFY(!none.has_value());
        QCOMPARE(failureCode(none), ErrorCode::SecretNotFound);

        QCOMPARE(failureMessage(StoreWait::write(*store, u"other"_s, "value")), QString());
        auto missing = StoreWait::read(*store, u"nothing-yet"_s);
        QVERIFY(!missing.has_value());
        QCOMPARE(failureCode(missing), ErrorCode::SecretNotFound);
        QVERIFY(failureMessage(missing).contains(u"nothing-yet"_s));
    }

    void remove_missingName_succeeds()
    {
        auto store = keyFileStore();
        QCOMPARE(failureMessage(StoreWait::remove(*store, u"never-written"_s)), QString()); // no file at all
        QVERIFY(!QFile::exists(secretsFile()));
        QCOMPARE(failureMessage(StoreWait::write(*store, u"kept"_s, "value")), QString());
        const QByteArray before = fileBytes(secretsFile());
        QCOMPARE(failureMessage(StoreWait::remove(*store, u"never-written"_s)),
            QString()); // file without that name
        QCOMPARE(fileBytes(secretsFile()), before);
    }

    void remove_existingName_thenReadReportsNotFound()
    {
        auto store = keyFileStore();
        QCOMPARE(failureMessage(StoreWait::write(*store, u"a"_s, "value-a")), QString());
        QCOMPARE(failureMessage(StoreWait::write(*store, u"b"_s, "value-b")), QString());
        QCOMPARE(failureMessage(StoreWait::remove(*store, u"a"_s)), QString());
        QCOMPARE(failureCode(StoreWait::read(*store, u"a"_s)), ErrorCode::SecretNotFound);
        QCOMPARE(StoreWait::readOrError(*store, u"b"_s), QByteArray("value-b"));
        QVERIFY(!fileJson().value("entries"_L1).toObject().contains("a"_L1));
    }

    void wrongPassphrase_reportsKeyMismatchAndChangesNothing()
    {
        auto store = passphraseStore("right passphrase");
        QCOMPARE(failureMessage(StoreWait::write(*store, u"k"_s, "secret")), QString());
        const QByteArray before = fileBytes(secretsFile());

        auto wrong = passphraseStore("wrong passphrase");
        auto read = StoreWait::read(*wrong, u"k"_s);
        QVERIFY(!read.has_value());
        QCOMPARE(failureCode(read), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(failureMessage(read).contains(u"does not match the one these secrets were saved with"_s),
            qPrintable(failureMessage(read)));
        auto write = StoreWait::write(*wrong, u"other"_s, "x");
        QCOMPARE(failureCode(write), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(failureCode(StoreWait::remove(*wrong, u"k"_s)), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(failureCode(StoreWait::open(*wrong)), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(fileBytes(secretsFile()), before);
    }

    void wrongKeyFile_reportsKeyMismatch()
    {
        auto store = keyFileStore();
        QCOMPARE(failureMessage(StoreWait::write(*store, u"k"_s, "secret")), QString());
        const QString otherKey = path(u"other.key"_s);
        auto other = keyFileStore(otherKey);
        // The secrets file exists, so a missing key file is an error, not a reason to make a new key.
        auto read = StoreWait::read(*other, u"k"_s);
        QVERIFY(!read.has_value());
        QCOMPARE(failureCode(read), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(failureMessage(read).contains(u"missing"_s), qPrintable(failureMessage(read)));
        QVERIFY(!QFile::exists(otherKey));

        QFile key(otherKey);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(QByteArray(32, 'k').toBase64());
        key.close();
        QVERIFY(key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        auto mismatch = StoreWait::read(*other, u"k"_s);
        QCOMPARE(failureCode(mismatch), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(
            failureMessage(mismatch).contains(u"does not match"_s), qPrintable(failureMessage(mismatch)));
    }

    void keySourceMismatch_explainsWhatToProvide()
    {
        auto byPassphrase = passphraseStore("p");
        QCOMPARE(failureMessage(StoreWait::write(*byPassphrase, u"k"_s, "v")), QString());
        auto byKeyFile = keyFileStore();
        auto read = StoreWait::read(*byKeyFile, u"k"_s);
        QCOMPARE(failureCode(read), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(
            failureMessage(read).contains(u"AIHUB_SECRET_PASSPHRASE"_s), qPrintable(failureMessage(read)));
    }

    void keyFile_isCreatedOnOpenWithMode0600()
    {
        auto store = keyFileStore();
        QVERIFY(!QFile::exists(keyFile()));
        QCOMPARE(failureMessage(StoreWait::open(*store)), QString());
        QVERIFY(QFile::exists(keyFile()));
        QVERIFY(QFile::exists(secretsFile()));
        QCOMPARE(QFile::permissions(keyFile()) & groupOrOther(), QFileDevice::Permissions());
        const auto key = QByteArray::fromBase64Encoding(
            fileBytes(keyFile()).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(bool(key));
        QCOMPARE(key.decoded.size(), 32);
        QVERIFY(fileJson().value("entries"_L1).toObject().isEmpty());

        // Opening again keeps the key.
        const QByteArray keyBytes = fileBytes(keyFile());
        QCOMPARE(failureMessage(StoreWait::open(*keyFileStore())), QString());
        QCOMPARE(fileBytes(keyFile()), keyBytes);
    }

    void keyFile_readableByOthers_isRefusedWithChmodAdvice()
    {
        auto store = keyFileStore();
        QCOMPARE(failureMessage(StoreWait::write(*store, u"k"_s, "v")), QString());
        QVERIFY(QFile::setPermissions(keyFile(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                | QFileDevice::ReadOther));
        auto read = StoreWait::read(*store, u"k"_s);
        QVERIFY(!read.has_value());
        QCOMPARE(failureCode(read), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(
            failureMessage(read).contains(u"chmod 600 "_s + keyFile()), qPrintable(failureMessage(read)));
        QVERIFY2(failureMessage(read).contains(u"0644"_s), qPrintable(failureMessage(read)));
        QCOMPARE(failureCode(StoreWait::write(*store, u"k2"_s, "v")), ErrorCode::SecretStoreUnavailable);

        QVERIFY(QFile::setPermissions(keyFile(), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(StoreWait::readOrError(*store, u"k"_s), QByteArray("v"));
    }

    void keyFile_laxBeforeFirstUse_isRefusedAndNoFileWritten()
    {
        QFile key(keyFile());
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(QByteArray(32, 'x').toBase64());
        key.close();
        QVERIFY(
            key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        auto opened = StoreWait::open(*keyFileStore());
        QCOMPARE(failureCode(opened), ErrorCode::SecretStoreUnavailable);
        QVERIFY(failureMessage(opened).contains(u"chmod 600"_s));
        QVERIFY(!QFile::exists(secretsFile()));
    }

    void keyFile_withGarbage_isRefused()
    {
        QFile key(keyFile());
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("this is not a key\n");
        key.close();
        QVERIFY(key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        auto opened = StoreWait::open(*keyFileStore());
        QCOMPARE(failureCode(opened), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(
            failureMessage(opened).contains(u"does not hold a key"_s), qPrintable(failureMessage(opened)));
    }

    void tamperedEntry_failsClearlyAndFileIsNotOverwritten()
    {
        auto store = keyFileStore();
        QCOMPARE(failureMessage(StoreWait::write(*store, u"good"_s, "good-value")), QString());
        QCOMPARE(failureMessage(StoreWait::write(*store, u"victim"_s, "victim-value")), QString());
        QJsonObject json = fileJson();
        QJsonObject entries = json.value("entries"_L1).toObject();
        QByteArray sealed = QByteArray::fromBase64(entries.value("victim"_L1).toString().toLatin1());
        sealed[sealed.size() - 20] = char(sealed[sealed.size() - 20] ^ 0x01);
        entries.insert(u"victim"_s, QString::fromLatin1(sealed.toBase64()));
        json.insert(u"entries"_s, entries);
        QVERIFY(writeBytes(secretsFile(), QJsonDocument(json).toJson()));
        const QByteArray tampered = fileBytes(secretsFile());

        auto read = StoreWait::read(*store, u"victim"_s);
        QVERIFY(!read.has_value());
        QCOMPARE(failureCode(read), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(failureMessage(read).contains(u"altered or damaged"_s), qPrintable(failureMessage(read)));
        QCOMPARE(StoreWait::readOrError(*store, u"good"_s), QByteArray("good-value"));

        auto write = StoreWait::write(*store, u"new"_s, "new-value");
        QCOMPARE(failureCode(write), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(failureMessage(write).contains(u"victim"_s), qPrintable(failureMessage(write)));
        QCOMPARE(failureCode(StoreWait::remove(*store, u"good"_s)), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(fileBytes(secretsFile()), tampered);

        // Replacing or removing the damaged entry itself is the way out.
        QCOMPARE(failureMessage(StoreWait::write(*store, u"victim"_s, "fresh-value")), QString());
        QCOMPARE(StoreWait::readOrError(*store, u"victim"_s), QByteArray("fresh-value"));
        QCOMPARE(StoreWait::readOrError(*store, u"good"_s), QByteArray("good-value"));
    }

    void swappedEntries_areDetectedByTheirNames()
    {
        auto store = keyFileStore();
        QCOMPARE(failureMessage(StoreWait::write(*store, u"openai"_s, "sk-openai")), QString());
        QCOMPARE(failureMessage(StoreWait::write(*store, u"anthropic"_s, "sk-ant")), QString());
        QJsonObject json = fileJson();
        QJsonObject entries = json.value("entries"_L1).toObject();
        const QJsonValue first = entries.value("openai"_L1);
        entries.insert(u"openai"_s, entries.value("anthropic"_L1));
        entries.insert(u"anthropic"_s, first);
        json.insert(u"entries"_s, entries);
        QVERIFY(writeBytes(secretsFile(), QJsonDocument(json).toJson()));
        QCOMPARE(failureCode(StoreWait::read(*store, u"openai"_s)), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(failureCode(StoreWait::read(*store, u"anthropic"_s)), ErrorCode::SecretStoreUnavailable);
    }

    void corruptFile_givesClearErrorAndIsLeftUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage") << QByteArray("\x00\x01not json at all", 17);
        QTest::newRow("truncated") << QByteArray("{\"format\":\"aigne-hub-secrets\",\"version\":1,\"entr");
        QTest::newRow("other json") << QByteArray("{\"hello\":\"world\"}");
        QTest::newRow("bad entry") << QByteArray(
            "{\"format\":\"aigne-hub-secrets\",\"version\":1,\"keySource\":\"keyFile\",\"keyCheck\":"
            "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"entries\":{\"x\":\"***\"}}");
        QTest::newRow("empty") << QByteArray();
    }
    void corruptFile_givesClearErrorAndIsLeftUntouched()
    {
        QFETCH(QByteArray, content);
        QVERIFY(writeBytes(secretsFile(), content));
        auto store = keyFileStore();
        auto read = StoreWait::read(*store, u"x"_s);
        QVERIFY(!read.has_value());
        QCOMPARE(failureCode(read), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(failureMessage(read).contains(u"is damaged"_s), qPrintable(failureMessage(read)));
        QVERIFY(failureMessage(read).contains(secretsFile()));
        QCOMPARE(failureCode(StoreWait::write(*store, u"x"_s, "v")), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(failureCode(StoreWait::remove(*store, u"x"_s)), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(failureCode(StoreWait::open(*store)), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(fileBytes(secretsFile()), content);
    }

    void newerFormatVersion_isRefusedAndLeftUntouched()
    {
        auto store = keyFileStore();
        QCOMPARE(failureMessage(StoreWait::write(*store, u"k"_s, "v")), QString());
        QJsonObject json = fileJson();
        json.insert(u"version"_s, 2);
        const QByteArray newer = QJsonDocument(json).toJson();
        QVERIFY(writeBytes(secretsFile(), newer));
        auto read = StoreWait::read(*store, u"k"_s);
        QCOMPARE(failureCode(read), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(failureMessage(read).contains(u"newer version"_s), qPrintable(failureMessage(read)));
        QCOMPARE(failureCode(StoreWait::write(*store, u"k"_s, "v2")), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(fileBytes(secretsFile()), newer);
    }

    void twoInstances_writingDifferentNames_loseNothing()
    {
        QCOMPARE(failureMessage(StoreWait::open(*keyFileStore())), QString()); // one key file for both
        auto first = keyFileStore();
        auto second = keyFileStore();
        constexpr int PerStore = 15;
        QObject context;
        int pending = 2 * PerStore;
        QStringList errors;
        for (int i = 0; i < PerStore; ++i) {
            for (auto *store : { first.get(), second.get() }) {
                const QString name = u"%1-%2"_s.arg(store == first.get() ? u"first"_s : u"second"_s).arg(i);
                store->write(name, name.toUtf8() + "-value", &context, [&](Status done) {
                    if (!done)
                        errors << failureMessage(done);
                    --pending;
                });
            }
        }
        QVERIFY(QTest::qWaitFor([&] { return pending == 0; }, 30000));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        auto third = keyFileStore();
        for (int i = 0; i < PerStore; ++i) {
            for (const QString &prefix : { u"first"_s, u"second"_s }) {
                const QString name = u"%1-%2"_s.arg(prefix).arg(i);
                QCOMPARE(StoreWait::readOrError(*third, name), name.toUtf8() + "-value");
            }
        }
        QCOMPARE(fileJson().value("entries"_L1).toObject().size(), 2 * PerStore);
    }

    void read_seesWhatAnotherInstanceJustWrote()
    {
        auto server = keyFileStore();
        auto cli = keyFileStore();
        QCOMPARE(failureMessage(StoreWait::write(*server, u"k"_s, "old")), QString());
        QCOMPARE(StoreWait::readOrError(*server, u"k"_s), QByteArray("old"));
        QCOMPARE(failureMessage(StoreWait::write(*cli, u"k"_s, "new")), QString());
        QCOMPARE(StoreWait::readOrError(*server, u"k"_s), QByteArray("new"));
        QCOMPARE(failureMessage(StoreWait::remove(*cli, u"k"_s)), QString());
        QCOMPARE(failureCode(StoreWait::read(*server, u"k"_s)), ErrorCode::SecretNotFound);
    }

    void staleLockFromDeadProcess_doesNotBlockWrites()
    {
        // QLockFile's format: pid, application name, host name. PID 0x3fffffff cannot be running.
        QVERIFY(writeBytes(
            secretsFile() + u".lock"_s, "1073741823\nghost\n" + QSysInfo::machineHostName().toUtf8() + "\n"));
        auto store = keyFileStore();
        QCOMPARE(failureMessage(StoreWait::write(*store, u"k"_s, "v")), QString());
        QCOMPARE(StoreWait::readOrError(*store, u"k"_s), QByteArray("v"));
    }

    void unwritableFolder_reportsUnavailableNotNotFound()
    {
        // A folder below a regular file cannot be created, even by root (tests may run as root).
        QVERIFY(writeBytes(path(u"plain-file"_s), "x"));
        const QString folder = path(u"plain-file/data"_s);
        EncryptedFileSecretStore store(EncryptedFileSecretStore::Options {
            folder + u"/secrets.enc"_s, {}, folder + u"/secret.key"_s, FastIterations });
        auto read = StoreWait::read(store, u"k"_s);
        QVERIFY(!read.has_value());
        QCOMPARE(failureCode(read), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(failureMessage(read).contains(u"writable"_s), qPrintable(failureMessage(read)));
        QCOMPARE(failureCode(StoreWait::write(store, u"k"_s, "v")), ErrorCode::SecretStoreUnavailable);
        QCOMPARE(failureCode(StoreWait::open(store)), ErrorCode::SecretStoreUnavailable);

        EncryptedFileSecretStore withPassphrase(
            EncryptedFileSecretStore::Options { folder + u"/secrets.enc"_s, "pass", {}, FastIterations });
        auto write = StoreWait::write(withPassphrase, u"k"_s, "v");
        QCOMPARE(failureCode(write), ErrorCode::SecretStoreUnavailable);
        QVERIFY2(failureMessage(write).contains(u"writable"_s), qPrintable(failureMessage(write)));
    }

    void invalidInput_isRejected()
    {
        auto store = keyFileStore();
        QCOMPARE(failureCode(StoreWait::write(*store, QString(), "v")), ErrorCode::InvalidArgument);
        QCOMPARE(failureCode(StoreWait::write(*store, u"k"_s, QByteArray())), ErrorCode::InvalidArgument);
        QCOMPARE(failureCode(StoreWait::write(*store, u"bad\nname"_s, "v")), ErrorCode::InvalidArgument);
        QCOMPARE(failureCode(StoreWait::write(*store, QString(300, u'n'), "v")), ErrorCode::InvalidArgument);
        QCOMPARE(failureCode(StoreWait::write(*store, u"k"_s, QByteArray(64 * 1024 + 1, 'x'))),
            ErrorCode::InvalidArgument);
        QCOMPARE(failureCode(StoreWait::read(*store, QString())), ErrorCode::InvalidArgument);
        QCOMPARE(failureCode(StoreWait::remove(*store, QString())), ErrorCode::InvalidArgument);
        QVERIFY(!QFile::exists(secretsFile()));
    }

    void callback_isDroppedWhenContextIsDestroyed()
    {
        auto store = keyFileStore();
        bool called = false;
        auto *context = new QObject;
        store->write(u"k"_s, "v", context, [&](Status) { called = true; });
        delete context;
        // The write itself still happens; only the answer has nobody to go to.
        QVERIFY(QTest::qWaitFor([&] { return QFile::exists(secretsFile()); }, 10000));
        QTest::qWait(100);
        QVERIFY(!called);
        QCOMPARE(StoreWait::readOrError(*store, u"k"_s), QByteArray("v"));
    }

    void storeDestroyedWhileBusy_stillAnswers()
    {
        auto store = passphraseStore("slow");
        QObject context;
        std::optional<Status> result;
        store->write(u"k"_s, "v", &context, [&](Status done) { result = done; });
        store.reset();
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QVERIFY(result->has_value());
    }
};

QTEST_GUILESS_MAIN(TestEncryptedFileSecretStore)
#include "tst_encryptedfilesecretstore.moc"
