// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/access/accesskey.h"
#include "core/common/result.h"

#include <QByteArrayView>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QReadWriteLock>

#include <atomic>
#include <chrono>
#include <memory>

class QTimer;

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Access {

class AccessKeySnapshot;

// Hub access keys for people and apps: tokens "ahk_<keyId>_<secret>" with a 12-character public keyId and a 256-bit
// secret of which only the SHA-256 is stored.
//
// verify() is the per-request check. It is thread-safe and never touches the database: it reads an in-memory
// snapshot that reload() replaces (the server calls reloadIfChanged() when it polls the config generation).
// create() and revoke() write the database, bump the config generation so other processes reload, and refresh
// this store's snapshot right away. Last-used times are kept in memory and written by flushLastUsed(), which a
// timer calls every few seconds on the thread that owns the store (and the destructor calls once more).
class AccessKeyStore final : public QObject {
    Q_OBJECT
public:
    static constexpr int KeyIdLength = 12;
    static constexpr int SecretBytes = 32;
    static constexpr int SecretLength = 43; // base64url of 32 bytes, no padding
    static constexpr int TokenLength = 4 + KeyIdLength + 1 + SecretLength;
    static constexpr int MaxNameLength = 64;

    // Loads the keys from the database; fails if they cannot be read.
    [[nodiscard]] static Result<std::unique_ptr<AccessKeyStore>> open(std::shared_ptr<Storage::Database> database,
                                                                      QObject *parent = nullptr);
    ~AccessKeyStore() override;
    Q_DISABLE_COPY_MOVE(AccessKeyStore)

    // An empty account means "the same as the name". Names and accounts: see validateName().
    [[nodiscard]] Result<CreatedAccessKey> create(const QString &name, Role role, const QString &account = {});
    [[nodiscard]] Result<QList<AccessKeyInfo>> list(bool includeRevoked) const;
    // Revokes the active key with that name (NotFound if there is none).
    [[nodiscard]] Status revoke(const QString &name);

    // Checks a token (with or without a leading "Bearer "). Any failure is ErrorCode::Unauthenticated with a
    // message that says how to get a key and never repeats the token.
    [[nodiscard]] Result<AccessKeyInfo> verify(QByteArrayView bearerToken) const;

    [[nodiscard]] Status reload();
    // Reloads only if the config generation moved since the last load; true if it reloaded.
    [[nodiscard]] Result<bool> reloadIfChanged();

    // Writes the last-used times recorded since the previous flush.
    [[nodiscard]] Status flushLastUsed();
    void setLastUsedFlushInterval(std::chrono::milliseconds interval);

    // 1 to 64 characters: ASCII letters, digits, '-', '_', '.', '@'. `what` names the field in the message.
    [[nodiscard]] static Status validateName(const QString &name, const QString &what = QStringLiteral("key name"));

private:
    AccessKeyStore(std::shared_ptr<Storage::Database> database, QObject *parent);

    std::shared_ptr<const AccessKeySnapshot> snapshot() const;
    [[nodiscard]] Status reloadLocked();
    void onFlushTimer();

    std::shared_ptr<Storage::Database> m_database;
    mutable QReadWriteLock m_snapshotLock;
    std::shared_ptr<const AccessKeySnapshot> m_snapshot;
    QMutex m_writeMutex; // serialises reload and flush, which hand last-used times from one snapshot to the next
    std::atomic<qint64> m_loadedGeneration { -1 };
    QTimer *m_flushTimer = nullptr;
};

} // namespace AiHub::Access
