// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/secrets/encryptedfilesecretstore.h"

#include "core/crypto/aesgcm.h"
#include "core/crypto/digest.h"
#include "core/crypto/securerandom.h"
#include "core/secrets/queuedreply.h"
#include "core/secrets/secretname.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMap>
#include <QMutex>
#include <QSaveFile>
#include <QThreadPool>

#include <algorithm>
#include <optional>

namespace AiHub::Secrets {

namespace {

using namespace Qt::StringLiterals;

constexpr auto FormatName = "aigne-hub-secrets";
constexpr auto KdfName = "PBKDF2-HMAC-SHA256";
constexpr qint64 MaxFileSize = 16 * 1024 * 1024;
constexpr int SaltSize = 16;
constexpr int LockWaitMs = 10000;
const QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// File work is short, but PBKDF2 and a held lock are not: keep it off the callers' threads and the global
// pool.
Q_GLOBAL_STATIC(QThreadPool, s_workers)

QString octalMode(QFileDevice::Permissions p)
{
    const int owner = (int(p) >> 12) & 7;
    const int group = (int(p) >> 4) & 7;
    const int other = int(p) & 7;
    return u"0%1%2%3"_s.arg(owner).arg(group).arg(other);
}

Error unavailable(const QString &message)
{
    return Error::make(ErrorCode::SecretStoreUnavailable, message);
}

std::optional<QByteArray> strictBase64(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(
        value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

} // namespace

// Does the file work on a worker thread; one call at a time per store (the mutex), one writer at a time
// across stores and processes (the lock file).
class EncryptedFileSecretStore::Engine final {
public:
    explicit Engine(const Options &options)
        : m_options(options)
    {
    }

    Status open();
    Result<QByteArray> read(const QString &name);
    Status write(const QString &name, const QByteArray &secret);
    Status remove(const QString &name);

private:
    struct Document {
        bool usesPassphrase = false;
        QByteArray salt;
        int iterations = 0;
        QByteArray keyCheck;
        QMap<QString, QByteArray> entries;
    };
    struct Keys {
        QByteArray encryption;
        QByteArray check;
    };

    bool usesPassphrase() const { return !m_options.passphrase.isEmpty(); }
    Error damaged(const QString &why) const;
    Result<std::optional<Document>> load() const;
    Status save(const Document &document) const;
    Result<QByteArray> loadKeyFile() const;
    Status createKeyFileIfMissing() const;
    Result<Keys> keysFor(const Document &document);
    Result<Document> newDocument();
    Result<Keys> checkedKeys(const Document &document);
    Status checkOtherEntries(const Document &document, const Keys &keys, const QString &except) const;
    Result<std::unique_ptr<QLockFile>> lock() const;

    QMutex m_mutex;
    const Options m_options;
    QByteArray m_cachedSalt; // the last PBKDF2 result, so the slow derivation runs once per file
    int m_cachedIterations = 0;
    QByteArray m_cachedKey;
};

Error EncryptedFileSecretStore::Engine::damaged(const QString &why) const
{
    return unavailable(
        u"The secrets file %1 is damaged (%2). It was left untouched: restore it from a backup, or "
        u"move it aside to start with an empty store (the secrets in it are then lost)."_s.arg(
            QDir::toNativeSeparators(m_options.filePath), why));
}

auto EncryptedFileSecretStore::Engine::load() const -> Result<std::optional<Document>>
{
    QFile file(m_options.filePath);
    if (!file.exists())
        return std::optional<Document>();
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            unavailable(u"The secrets file %1 cannot be read: %2. Check its owner and permissions."_s.arg(
                QDir::toNativeSeparators(m_options.filePath), file.errorString())));
    if (file.size() > MaxFileSize)
        return fail(damaged(u"it is larger than any secrets file could be"_s));
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(damaged(u"not valid JSON: "_s + parseError.errorString()));
    const QJsonObject root = json.object();
    if (root.value("format"_L1).toString() != QLatin1StringView(FormatName))
        return fail(damaged(u"it is not an AIGNE Hub secrets file"_s));
    const QJsonValue version = root.value("version"_L1);
    if (!version.isDouble() || version.toInt() < 1)
        return fail(damaged(u"no valid format version"_s));
    if (version.toInt() > FormatVersion)
        return fail(
            unavailable(u"The secrets file %1 was written by a newer version of AIGNE Hub (format version "
                        u"%2; this version reads %3). Update AIGNE Hub; the file was left untouched."_s
                            .arg(QDir::toNativeSeparators(m_options.filePath))
                            .arg(version.toInt())
                            .arg(FormatVersion)));

    Document doc;
    const QString keySource = root.value("keySource"_L1).toString();
    if (keySource != "passphrase"_L1 && keySource != "keyFile"_L1)
        return fail(damaged(u"unknown key source"_s));
    doc.usesPassphrase = keySource == "passphrase"_L1;
    if (doc.usesPassphrase) {
        const QJsonObject kdf = root.value("kdf"_L1).toObject();
        const auto salt = strictBase64(kdf.value("salt"_L1));
        const int iterations = kdf.value("iterations"_L1).toInt();
        if (kdf.value("algorithm"_L1).toString() != QLatin1StringView(KdfName) || !salt
            || salt->size() < SaltSize || iterations < MinKdfIterations || iterations > MaxKdfIterations)
            return fail(damaged(u"invalid key derivation parameters"_s));
        doc.salt = *salt;
        doc.iterations = iterations;
    }
    const auto keyCheck = strictBase64(root.value("keyCheck"_L1));
    if (!keyCheck || keyCheck->size() != 32)
        return fail(damaged(u"invalid key check value"_s));
    doc.keyCheck = *keyCheck;
    const QJsonValue entries = root.value("entries"_L1);
    if (!entries.isObject())
        return fail(damaged(u"no entry list"_s));
    const QJsonObject entryObject = entries.toObject();
    for (auto it = entryObject.begin(); it != entryObject.end(); ++it) {
        const auto sealed = strictBase64(it.value());
        if (!sealed || sealed->size() <= Crypto::AesGcm::IvSize + Crypto::AesGcm::TagSize)
            return fail(damaged(u"the entry \"%1\" is not an encrypted value"_s.arg(it.key())));
        doc.entries.insert(it.key(), *sealed);
    }
    return std::optional<Document>(std::move(doc));
}

Status EncryptedFileSecretStore::Engine::save(const Document &document) const
{
    QJsonObject entries;
    for (auto it = document.entries.cbegin(); it != document.entries.cend(); ++it)
        entries.insert(it.key(), b64(it.value()));
    QJsonObject root {
        { u"format"_s, QString::fromLatin1(FormatName) },
        { u"version"_s, FormatVersion },
        { u"keySource"_s, document.usesPassphrase ? u"passphrase"_s : u"keyFile"_s },
        { u"keyCheck"_s, b64(document.keyCheck) },
        { u"entries"_s, entries },
    };
    if (document.usesPassphrase)
        root.insert(u"kdf"_s,
            QJsonObject { { u"algorithm"_s, QString::fromLatin1(KdfName) },
                { u"iterations"_s, document.iterations }, { u"salt"_s, b64(document.salt) } });
    QSaveFile file(m_options.filePath);
    const bool ok = file.open(QIODevice::WriteOnly) && file.setPermissions(OwnerOnly)
        && file.write(QJsonDocument(root).toJson()) >= 0 && file.commit();
    if (!ok)
        return fail(unavailable(
            u"The secrets file %1 cannot be written: %2. Make sure its folder exists and is "
            u"writable."_s.arg(QDir::toNativeSeparators(m_options.filePath), file.errorString())));
    return {};
}

Result<QByteArray> EncryptedFileSecretStore::Engine::loadKeyFile() const
{
    const QString path = QDir::toNativeSeparators(m_options.keyFilePath);
    QFile file(m_options.keyFilePath);
    if (!file.exists())
        return fail(
            unavailable(u"The key file %1 is missing, but the secrets in %2 were saved with a key file. "
                        u"Put the original key file back (or point AIHUB_SECRET_KEY_FILE at it)."_s.arg(
                            path, QDir::toNativeSeparators(m_options.filePath))));
#ifdef Q_OS_UNIX
    const QFileDevice::Permissions lax = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (file.permissions() & lax)
        return fail(unavailable(
            u"The key file %1 can be read or changed by other users (mode %2). Run `chmod 600 %1` "
            u"and start again."_s.arg(path, octalMode(file.permissions()))));
#endif
    if (!file.open(QIODevice::ReadOnly))
        return fail(unavailable(u"The key file %1 cannot be read: %2."_s.arg(path, file.errorString())));
    const auto key
        = QByteArray::fromBase64Encoding(file.read(1024).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!key || key.decoded.size() != Crypto::AesGcm::KeySize)
        return fail(
            unavailable(u"The key file %1 does not hold a key (32 bytes, base64). Restore the original key "
                        u"file."_s.arg(path)));
    return *key;
}

Status EncryptedFileSecretStore::Engine::createKeyFileIfMissing() const
{
    if (QFileInfo::exists(m_options.keyFilePath))
        return {};
    const QString path = QDir::toNativeSeparators(m_options.keyFilePath);
    if (!QDir().mkpath(QFileInfo(m_options.keyFilePath).absolutePath()))
        return fail(unavailable(
            u"The folder for the key file %1 cannot be created. Make sure it is writable."_s.arg(path)));
    QSaveFile file(m_options.keyFilePath);
    const bool ok = file.open(QIODevice::WriteOnly) && file.setPermissions(OwnerOnly)
        && file.write(Crypto::SecureRandom::bytes(Crypto::AesGcm::KeySize).toBase64() + '\n') >= 0
        && file.commit();
    if (!ok)
        return fail(
            unavailable(u"The key file %1 cannot be created: %2. Make sure its folder is writable."_s.arg(
                path, file.errorString())));
    return {};
}

auto EncryptedFileSecretStore::Engine::keysFor(const Document &document) -> Result<Keys>
{
    QByteArray master;
    if (document.usesPassphrase) {
        if (m_cachedKey.isEmpty() || m_cachedSalt != document.salt
            || m_cachedIterations != document.iterations) {
            m_cachedKey = Crypto::KeyDerivation::pbkdf2Sha256(
                m_options.passphrase, document.salt, document.iterations);
            m_cachedSalt = document.salt;
            m_cachedIterations = document.iterations;
        }
        master = m_cachedKey;
    } else {
        auto key = loadKeyFile();
        if (!key)
            return fail(key.error());
        master = *key;
    }
    // Separate keys for sealing and for the check value, so the check value says nothing about the sealing
    // key.
    return Keys { Crypto::Digest::hmacSha256(master, "aigne-hub secrets v1 encryption"),
        Crypto::Digest::hmacSha256(master, "aigne-hub secrets v1 key check") };
}

auto EncryptedFileSecretStore::Engine::checkedKeys(const Document &document) -> Result<Keys>
{
    const QString file = QDir::toNativeSeparators(m_options.filePath);
    if (document.usesPassphrase && !usesPassphrase())
        return fail(unavailable(u"The secrets in %1 were saved with a passphrase, but none was given. Set "
                                u"AIHUB_SECRET_PASSPHRASE to that passphrase."_s.arg(file)));
    if (!document.usesPassphrase && usesPassphrase())
        return fail(
            unavailable(u"The secrets in %1 were saved with a key file, but a passphrase was given. Unset "
                        u"AIHUB_SECRET_PASSPHRASE and provide the original key file."_s.arg(file)));
    auto keys = keysFor(document);
    if (!keys)
        return keys;
    if (!Crypto::Digest::constantTimeEquals(keys->check, document.keyCheck)) {
        const QString hint = usesPassphrase()
            ? u"Use the passphrase the file was created with."_s
            : u"Use the key file the file was created with (%1 holds a different key)."_s.arg(
                QDir::toNativeSeparators(m_options.keyFilePath));
        return fail(unavailable(
            u"The key does not match the one these secrets were saved with (%1). "_s.arg(file) + hint));
    }
    return keys;
}

auto EncryptedFileSecretStore::Engine::newDocument() -> Result<Document>
{
    Document doc;
    doc.usesPassphrase = usesPassphrase();
    if (doc.usesPassphrase) {
        doc.salt = Crypto::SecureRandom::bytes(SaltSize);
        doc.iterations = std::clamp(m_options.kdfIterations, MinKdfIterations, MaxKdfIterations);
    } else if (auto created = createKeyFileIfMissing(); !created) {
        return fail(created.error());
    }
    auto keys = keysFor(doc);
    if (!keys)
        return fail(keys.error());
    doc.keyCheck = keys->check;
    return doc;
}

Status EncryptedFileSecretStore::Engine::checkOtherEntries(
    const Document &document, const Keys &keys, const QString &except) const
{
    for (auto it = document.entries.cbegin(); it != document.entries.cend(); ++it) {
        if (it.key() == except)
            continue;
        if (!Crypto::AesGcm::open(keys.encryption, it.value(), it.key().toUtf8()))
            return fail(
                unavailable(u"The secrets file %1 holds a damaged entry \"%2\", so it was left untouched. "
                            u"Store or remove \"%2\" first, or restore the file from a backup."_s.arg(
                                QDir::toNativeSeparators(m_options.filePath), it.key())));
    }
    return {};
}

Result<std::unique_ptr<QLockFile>> EncryptedFileSecretStore::Engine::lock() const
{
    const QString folder = QFileInfo(m_options.filePath).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(unavailable(
            u"The folder %1 for the secrets file cannot be created. Make sure it is writable."_s.arg(
                QDir::toNativeSeparators(folder))));
    auto lockFile = std::make_unique<QLockFile>(m_options.filePath + u".lock"_s);
    if (lockFile->tryLock(LockWaitMs))
        return lockFile;
    const QString path = QDir::toNativeSeparators(m_options.filePath + u".lock"_s);
    switch (lockFile->error()) {
    case QLockFile::LockFailedError:
        return fail(
            unavailable(u"Another process is changing the secrets and holds %1. Try again; if no AIGNE Hub "
                        u"process is running, delete that file."_s.arg(path)));
    case QLockFile::PermissionError:
        return fail(
            unavailable(u"The lock file %1 cannot be created: permission denied. Make sure the folder is "
                        u"writable."_s.arg(path)));
    default:
        return fail(unavailable(
            u"The lock file %1 cannot be created. Make sure the folder is writable."_s.arg(path)));
    }
}

Status EncryptedFileSecretStore::Engine::open()
{
    QMutexLocker locker(&m_mutex);
    auto held = lock();
    if (!held)
        return fail(held.error());
    auto loaded = load();
    if (!loaded)
        return fail(loaded.error());
    if (*loaded) {
        auto keys = checkedKeys(**loaded);
        if (!keys)
            return fail(keys.error());
        return {};
    }
    auto doc = newDocument();
    if (!doc)
        return fail(doc.error());
    return save(*doc);
}

Result<QByteArray> EncryptedFileSecretStore::Engine::read(const QString &name)
{
    QMutexLocker locker(&m_mutex);
    // No lock file for reading: writers replace the file atomically, so a read sees one whole version.
    auto loaded = load();
    if (!loaded)
        return fail(loaded.error());
    if (!*loaded) {
        // Nothing stored yet. "Not found" promises a working store, so make sure the key is usable (creating
        // the key file if needed, as the first write would).
        if (!usesPassphrase() && !QFileInfo::exists(m_options.keyFilePath)) {
            auto held = lock();
            if (!held)
                return fail(held.error());
            if (auto created = createKeyFileIfMissing(); !created)
                return fail(created.error());
        }
        if (!usesPassphrase())
            if (auto key = loadKeyFile(); !key)
                return fail(key.error());
        return fail(ErrorCode::SecretNotFound, u"No secret is stored under \"%1\"."_s.arg(name));
    }
    const Document &doc = **loaded;
    auto keys = checkedKeys(doc);
    if (!keys)
        return fail(keys.error());
    const auto it = doc.entries.constFind(name);
    if (it == doc.entries.cend())
        return fail(ErrorCode::SecretNotFound, u"No secret is stored under \"%1\"."_s.arg(name));
    auto plain = Crypto::AesGcm::open(keys->encryption, *it, name.toUtf8());
    if (!plain)
        return fail(
            unavailable(u"The secret \"%1\" in %2 was altered or damaged and cannot be decrypted. Store it "
                        u"again (that replaces the damaged value)."_s.arg(
                            name, QDir::toNativeSeparators(m_options.filePath))));
    return *plain;
}

Status EncryptedFileSecretStore::Engine::write(const QString &name, const QByteArray &secret)
{
    QMutexLocker locker(&m_mutex);
    auto held = lock();
    if (!held)
        return fail(held.error());
    auto loaded = load();
    if (!loaded)
        return fail(loaded.error());
    Document doc;
    Keys keys;
    if (*loaded) {
        doc = std::move(**loaded);
        auto checked = checkedKeys(doc);
        if (!checked)
            return fail(checked.error());
        keys = *checked;
        if (auto others = checkOtherEntries(doc, keys, name); !others)
            return others;
    } else {
        auto created = newDocument();
        if (!created)
            return fail(created.error());
        doc = std::move(*created);
        auto checked = keysFor(doc);
        if (!checked)
            return fail(checked.error());
        keys = *checked;
    }
    auto sealed = Crypto::AesGcm::seal(keys.encryption, secret, name.toUtf8());
    if (!sealed)
        return fail(sealed.error());
    doc.entries.insert(name, *sealed);
    return save(doc);
}

Status EncryptedFileSecretStore::Engine::remove(const QString &name)
{
    QMutexLocker locker(&m_mutex);
    auto held = lock();
    if (!held)
        return fail(held.error());
    auto loaded = load();
    if (!loaded)
        return fail(loaded.error());
    if (!*loaded)
        return {};
    Document &doc = **loaded;
    // Even a removal needs the right key: a wrong configuration must not be able to change the file.
    auto keys = checkedKeys(doc);
    if (!keys)
        return fail(keys.error());
    if (!doc.entries.contains(name))
        return {};
    if (auto others = checkOtherEntries(doc, *keys, name); !others)
        return others;
    doc.entries.remove(name);
    return save(doc);
}

EncryptedFileSecretStore::EncryptedFileSecretStore(const Options &options)
    : m_filePath(QFileInfo(options.filePath).absoluteFilePath())
    , m_keyFilePath(
          options.passphrase.isEmpty() ? QFileInfo(options.keyFilePath).absoluteFilePath() : QString())
{
    Options absolute = options;
    absolute.filePath = m_filePath;
    absolute.keyFilePath = m_keyFilePath;
    m_engine = std::make_shared<Engine>(absolute);
}

EncryptedFileSecretStore::~EncryptedFileSecretStore() = default;

QString EncryptedFileSecretStore::id() const
{
    return u"file"_s;
}

QString EncryptedFileSecretStore::description() const
{
    const QString file = QDir::toNativeSeparators(m_filePath);
    if (usesPassphrase())
        return u"encrypted file %1 (key from a passphrase)"_s.arg(file);
    return u"encrypted file %1 (key file %2)"_s.arg(file, QDir::toNativeSeparators(m_keyFilePath));
}

void EncryptedFileSecretStore::open(QObject *context, DoneCallback done)
{
    auto reply = QueuedReply::wrap(context, std::move(done));
    s_workers->start([engine = m_engine, reply] { reply(engine->open()); });
}

void EncryptedFileSecretStore::read(const QString &name, QObject *context, ReadCallback done)
{
    auto reply = QueuedReply::wrap(context, std::move(done));
    if (auto ok = SecretName::check(name); !ok)
        return reply(fail(ok.error()));
    s_workers->start([engine = m_engine, name, reply] { reply(engine->read(name)); });
}

void EncryptedFileSecretStore::write(
    const QString &name, const QByteArray &secret, QObject *context, DoneCallback done)
{
    auto reply = QueuedReply::wrap(context, std::move(done));
    if (auto ok = SecretName::check(name); !ok)
        return reply(ok);
    if (auto ok = SecretName::checkSecret(secret); !ok)
        return reply(ok);
    s_workers->start([engine = m_engine, name, secret, reply] { reply(engine->write(name, secret)); });
}

void EncryptedFileSecretStore::remove(const QString &name, QObject *context, DoneCallback done)
{
    auto reply = QueuedReply::wrap(context, std::move(done));
    if (auto ok = SecretName::check(name); !ok)
        return reply(ok);
    s_workers->start([engine = m_engine, name, reply] { reply(engine->remove(name)); });
}

} // namespace AiHub::Secrets
