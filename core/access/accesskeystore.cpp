// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/access/accesskeystore.h"

#include "core/crypto/digest.h"
#include "core/crypto/securerandom.h"
#include "core/storage/database.h"
#include "core/storage/sqlerror.h"
#include "core/storage/transaction.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTimer>

#include <string>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace AiHub::Access {

namespace {

Q_LOGGING_CATEGORY(lcAccess, "aihub.access")

constexpr auto DefaultFlushInterval = std::chrono::seconds(5);
constexpr qint64 LastUsedResolutionMs = 1000; // verify() stores at most one time per key per second
const QString HowToGetAKey = u"An administrator can create one with: aigne-hubd key create --name NAME"_s;

const char Base62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isBase62(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isBase64Url(char c)
{
    return isBase62(c) || c == '-' || c == '_';
}

QString randomKeyId()
{
    QString id;
    id.reserve(AccessKeyStore::KeyIdLength);
    while (id.size() < AccessKeyStore::KeyIdLength) {
        const QByteArray random = Crypto::SecureRandom::bytes(32);
        for (const char byte : random) {
            const auto value = static_cast<unsigned char>(byte);
            if (value >= 248) // 248 = 4 * 62: rejecting the rest keeps every character equally likely
                continue;
            id.append(QLatin1Char(Base62[value % 62]));
            if (id.size() == AccessKeyStore::KeyIdLength)
                break;
        }
    }
    return id;
}

Error unauthenticated(const QString &what)
{
    return Error::make(ErrorCode::Unauthenticated, what % u' ' % HowToGetAKey % u'.');
}

std::optional<qint64> optionalTime(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

} // namespace

// One immutable view of all keys (revoked ones too, for a precise message). Only the last-used times change.
class AccessKeySnapshot final {
public:
    struct Entry {
        AccessKeyInfo info;
        QByteArray secretHash;
        mutable std::atomic<qint64> lastUsedMs { 0 }; // 0: not used since loading
        qint64 flushedMs = 0;                         // guarded by AccessKeyStore::m_writeMutex
    };

    // std::hash of the 12 characters, held in the string itself: QHash's seeded hash of a QByteArray cost more
    // than the rest of the look-up on every request.
    std::unordered_map<std::string, std::shared_ptr<Entry>> byKeyId;
    QHash<qint64, std::shared_ptr<Entry>> byId;
};

AccessKeyStore::AccessKeyStore(std::shared_ptr<Storage::Database> database, QObject *parent)
    : QObject(parent),
      m_database(std::move(database)),
      m_snapshot(std::make_shared<AccessKeySnapshot>()),
      m_flushTimer(new QTimer(this))
{
    m_flushTimer->setInterval(DefaultFlushInterval);
    connect(m_flushTimer, &QTimer::timeout, this, &AccessKeyStore::onFlushTimer);
    m_flushTimer->start();
}

AccessKeyStore::~AccessKeyStore()
{
    if (Status flushed = flushLastUsed(); !flushed)
        qCWarning(lcAccess) << "Could not save when access keys were last used:" << flushed.error().message;
}

Result<std::unique_ptr<AccessKeyStore>> AccessKeyStore::open(std::shared_ptr<Storage::Database> database,
                                                            QObject *parent)
{
    if (!database)
        return fail(ErrorCode::Internal, u"AccessKeyStore needs a database."_s);
    std::unique_ptr<AccessKeyStore> store(new AccessKeyStore(std::move(database), parent));
    if (Status loaded = store->reload(); !loaded)
        return fail(loaded.error());
    return store;
}

Status AccessKeyStore::validateName(const QString &name, const QString &what)
{
    const QString rule = u"1 to %1 characters: letters, digits, '-', '_', '.' or '@'"_s.arg(MaxNameLength);
    if (name.isEmpty() || name.size() > MaxNameLength)
        return fail(ErrorCode::InvalidArgument,
                    u"The %1 must be %2 (got %3 characters)."_s.arg(what, rule).arg(name.size()));
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z')
            || u == u'-' || u == u'_' || u == u'.' || u == u'@';
        if (!allowed)
            return fail(ErrorCode::InvalidArgument,
                        u"The %1 \"%2\" is not allowed; use %3."_s.arg(what, name, rule));
    }
    return {};
}

Result<CreatedAccessKey> AccessKeyStore::create(const QString &name, Role role, const QString &account)
{
    if (Status valid = validateName(name); !valid)
        return fail(valid.error());
    const QString effectiveAccount = account.isEmpty() ? name : account;
    if (Status valid = validateName(effectiveAccount, u"account name"_s); !valid)
        return fail(valid.error());

    Result<Storage::Transaction> transaction = Storage::Transaction::begin(*m_database);
    if (!transaction)
        return fail(transaction.error());
    const QSqlDatabase db = transaction->connection();
    {
        QSqlQuery query(db);
        query.prepare(u"SELECT count(*) FROM access_keys WHERE name = ? AND revoked_at IS NULL"_s);
        query.addBindValue(name);
        if (!query.exec() || !query.next())
            return fail(m_database->error(query.lastError(), u"check the access key names"_s));
        if (query.value(0).toLongLong() > 0)
            return fail(ErrorCode::AlreadyExists,
                        u"An active access key named \"%1\" already exists. Choose another name, or revoke it first "
                        "with: aigne-hubd key revoke --name %1"_s.arg(name));
    }

    CreatedAccessKey created;
    created.info.name = name;
    created.info.role = role;
    created.info.account = effectiveAccount;
    created.info.createdAtMs = nowMs();
    const QByteArray secret = Crypto::SecureRandom::bytes(SecretBytes).toBase64(QByteArray::Base64UrlEncoding
                                                                                | QByteArray::OmitTrailingEquals);
    for (int attempt = 0;; ++attempt) {
        created.info.keyId = randomKeyId();
        QSqlQuery insert(db);
        insert.prepare(u"INSERT INTO access_keys (key_id, name, role, account, secret_hash, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)"_s);
        insert.addBindValue(created.info.keyId);
        insert.addBindValue(name);
        insert.addBindValue(roleName(role));
        insert.addBindValue(effectiveAccount);
        insert.addBindValue(Crypto::Digest::sha256(secret));
        insert.addBindValue(created.info.createdAtMs);
        if (insert.exec())
            break;
        // A key id clash is astronomically unlikely, but cheap to survive.
        if (!Storage::isConstraintViolation(insert.lastError()) || attempt >= 3)
            return fail(m_database->error(insert.lastError(), u"store the new access key"_s));
    }
    {
        QSqlQuery query(db);
        query.prepare(u"SELECT id FROM access_keys WHERE key_id = ?"_s);
        query.addBindValue(created.info.keyId);
        if (!query.exec() || !query.next())
            return fail(m_database->error(query.lastError(), u"read back the new access key"_s));
        created.info.id = query.value(0).toLongLong();
    }
    if (Status bumped = m_database->bumpConfigGeneration(); !bumped)
        return fail(bumped.error());
    if (Status committed = transaction->commit(); !committed)
        return fail(committed.error());

    created.token = u"ahk_"_s % created.info.keyId % u'_' % QString::fromLatin1(secret);
    if (Status reloaded = reload(); !reloaded)
        qCWarning(lcAccess) << "The new access key" << name << "was saved but the running store did not reload:"
                            << reloaded.error().message;
    return created;
}

Status AccessKeyStore::revoke(const QString &name)
{
    if (Status valid = validateName(name); !valid)
        return valid;
    Result<Storage::Transaction> transaction = Storage::Transaction::begin(*m_database);
    if (!transaction)
        return fail(transaction.error());
    QSqlQuery query(transaction->connection());
    query.prepare(u"UPDATE access_keys SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL"_s);
    query.addBindValue(nowMs());
    query.addBindValue(name);
    if (!query.exec())
        return fail(m_database->error(query.lastError(), u"revoke the access key"_s));
    if (query.numRowsAffected() == 0)
        return fail(ErrorCode::NotFound,
                    u"There is no active access key named \"%1\". See the keys with: aigne-hubd key list"_s.arg(name));
    if (Status bumped = m_database->bumpConfigGeneration(); !bumped)
        return bumped;
    if (Status committed = transaction->commit(); !committed)
        return committed;
    if (Status reloaded = reload(); !reloaded)
        qCWarning(lcAccess) << "The access key" << name << "was revoked but the running store did not reload:"
                            << reloaded.error().message;
    return {};
}

Result<QList<AccessKeyInfo>> AccessKeyStore::list(bool includeRevoked) const
{
    QSqlQuery query(m_database->connection());
    QString sql = u"SELECT id, key_id, name, role, account, created_at, last_used_at, revoked_at FROM access_keys"_s;
    if (!includeRevoked)
        sql += u" WHERE revoked_at IS NULL"_s;
    sql += u" ORDER BY created_at, id"_s;
    if (!query.exec(sql))
        return fail(m_database->error(query.lastError(), u"list the access keys"_s));
    const std::shared_ptr<const AccessKeySnapshot> current = snapshot();
    QList<AccessKeyInfo> keys;
    while (query.next()) {
        AccessKeyInfo info;
        info.id = query.value(0).toLongLong();
        info.keyId = query.value(1).toString();
        info.name = query.value(2).toString();
        info.role = parseRole(query.value(3).toString()).value_or(Role::User);
        info.account = query.value(4).toString();
        info.createdAtMs = query.value(5).toLongLong();
        info.lastUsedAtMs = optionalTime(query.value(6));
        info.revokedAtMs = optionalTime(query.value(7));
        // Uses not flushed yet are only in memory.
        if (const auto entry = current->byId.value(info.id)) {
            const qint64 recent = entry->lastUsedMs.load(std::memory_order_relaxed);
            if (recent > info.lastUsedAtMs.value_or(0))
                info.lastUsedAtMs = recent;
        }
        keys.append(std::move(info));
    }
    if (query.lastError().isValid())
        return fail(m_database->error(query.lastError(), u"list the access keys"_s));
    return keys;
}

Result<AccessKeyInfo> AccessKeyStore::verify(QByteArrayView bearerToken) const
{
    QByteArrayView token = bearerToken.trimmed();
    if (token.size() >= 7 && QByteArrayView(token.first(7)).compare("bearer ", Qt::CaseInsensitive) == 0)
        token = token.sliced(7).trimmed();
    if (token.isEmpty())
        return fail(unauthenticated(u"No hub access key was sent; send one as \"Authorization: Bearer ahk_...\"."_s));

    const bool wellFormed = token.size() == TokenLength && token.startsWith("ahk_") && token.at(16) == '_'
        && std::all_of(token.begin() + 4, token.begin() + 16, [](char c) { return isBase62(c); })
        && std::all_of(token.begin() + 17, token.end(), [](char c) { return isBase64Url(c); }); // inlined
    if (!wellFormed)
        return fail(unauthenticated(u"The hub access key is malformed: hub keys are \"ahk_\" followed by 12 "
                                    "letters or digits, \"_\" and 43 more characters. Check that it was copied "
                                    "completely."_s));

    const QByteArray hash = Crypto::Digest::sha256(token.sliced(17));
    const std::shared_ptr<const AccessKeySnapshot> current = snapshot(); // keeps *entry alive
    const auto found = current->byKeyId.find(std::string(token.data() + 4, KeyIdLength));
    AccessKeySnapshot::Entry *entry = found == current->byKeyId.end() ? nullptr : found->second.get();
    // Unknown ids and wrong secrets get the same answer, so the public key ids cannot be probed for.
    if (!entry || !Crypto::Digest::constantTimeEquals(hash, entry->secretHash))
        return fail(unauthenticated(u"The hub access key is not valid."_s));
    if (entry->info.isRevoked())
        return fail(unauthenticated(u"The hub access key \"%1\" was revoked."_s.arg(entry->info.name)));

    AccessKeyInfo info = entry->info;
    const qint64 now = nowMs();
    const qint64 previous = entry->lastUsedMs.load(std::memory_order_relaxed);
    if (now - previous >= LastUsedResolutionMs) // avoid a shared write on every request
        entry->lastUsedMs.store(now, std::memory_order_relaxed);
    info.lastUsedAtMs = std::max(now, info.lastUsedAtMs.value_or(0));
    return info;
}

std::shared_ptr<const AccessKeySnapshot> AccessKeyStore::snapshot() const
{
    QReadLocker lock(&m_snapshotLock);
    return m_snapshot;
}

Status AccessKeyStore::reload()
{
    QMutexLocker lock(&m_writeMutex);
    return reloadLocked();
}

Result<bool> AccessKeyStore::reloadIfChanged()
{
    const Result<qint64> generation = m_database->configGeneration();
    if (!generation)
        return fail(generation.error());
    if (*generation == m_loadedGeneration.load())
        return false;
    if (Status reloaded = reload(); !reloaded)
        return fail(reloaded.error());
    return true;
}

Status AccessKeyStore::reloadLocked()
{
    // Read the generation first: a change made while we read the keys then triggers another reload.
    const Result<qint64> generation = m_database->configGeneration();
    if (!generation)
        return fail(generation.error());
    QSqlQuery query(m_database->connection());
    if (!query.exec(u"SELECT id, key_id, name, role, account, secret_hash, created_at, last_used_at, revoked_at "
                    "FROM access_keys"_s))
        return fail(m_database->error(query.lastError(), u"load the access keys"_s));

    const std::shared_ptr<const AccessKeySnapshot> previous = snapshot();
    auto next = std::make_shared<AccessKeySnapshot>();
    while (query.next()) {
        auto entry = std::make_shared<AccessKeySnapshot::Entry>();
        entry->info.id = query.value(0).toLongLong();
        entry->info.keyId = query.value(1).toString();
        entry->info.name = query.value(2).toString();
        const std::optional<Role> role = parseRole(query.value(3).toString());
        if (!role) {
            qCWarning(lcAccess) << "Ignoring access key" << entry->info.name << "with an unknown role";
            continue;
        }
        entry->info.role = *role;
        entry->info.account = query.value(4).toString();
        entry->secretHash = query.value(5).toByteArray();
        entry->info.createdAtMs = query.value(6).toLongLong();
        entry->info.lastUsedAtMs = optionalTime(query.value(7));
        entry->info.revokedAtMs = optionalTime(query.value(8));
        entry->flushedMs = entry->info.lastUsedAtMs.value_or(0);
        // Carry over uses recorded in memory and not flushed yet.
        if (const auto old = previous->byId.value(entry->info.id)) {
            const qint64 used = old->lastUsedMs.load(std::memory_order_relaxed);
            entry->lastUsedMs.store(used, std::memory_order_relaxed);
            entry->flushedMs = std::max(entry->flushedMs, old->flushedMs);
        }
        next->byKeyId.insert_or_assign(entry->info.keyId.toStdString(), entry);
        next->byId.insert(entry->info.id, entry);
    }
    if (query.lastError().isValid())
        return fail(m_database->error(query.lastError(), u"load the access keys"_s));
    {
        QWriteLocker swap(&m_snapshotLock);
        m_snapshot = std::move(next);
    }
    m_loadedGeneration.store(*generation);
    return {};
}

Status AccessKeyStore::flushLastUsed()
{
    QMutexLocker lock(&m_writeMutex);
    const std::shared_ptr<const AccessKeySnapshot> current = snapshot();
    QList<std::pair<std::shared_ptr<AccessKeySnapshot::Entry>, qint64>> pending;
    for (const auto &entry : current->byId) {
        const qint64 used = entry->lastUsedMs.load(std::memory_order_relaxed);
        if (used > entry->flushedMs)
            pending.append({ entry, used });
    }
    if (pending.isEmpty())
        return {};

    Result<Storage::Transaction> transaction = Storage::Transaction::begin(*m_database);
    if (!transaction)
        return fail(transaction.error());
    QSqlQuery query(transaction->connection());
    query.prepare(u"UPDATE access_keys SET last_used_at = ? "
                  "WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)"_s);
    for (const auto &[entry, used] : pending) {
        query.addBindValue(used);
        query.addBindValue(entry->info.id);
        query.addBindValue(used);
        if (!query.exec())
            return fail(m_database->error(query.lastError(), u"save when access keys were last used"_s));
    }
    if (Status committed = transaction->commit(); !committed)
        return committed;
    for (const auto &[entry, used] : pending)
        entry->flushedMs = used;
    return {};
}

void AccessKeyStore::setLastUsedFlushInterval(std::chrono::milliseconds interval)
{
    m_flushTimer->setInterval(interval);
}

void AccessKeyStore::onFlushTimer()
{
    if (Status flushed = flushLastUsed(); !flushed)
        qCWarning(lcAccess) << "Could not save when access keys were last used (will retry):"
                            << flushed.error().message;
}

} // namespace AiHub::Access
