// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/providersnapshot.h"

#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>

namespace AiHub::Storage {
class Database;
}
namespace AiHub::Secrets {
class ISecretStore;
}

namespace AiHub::Providers {

// Holds the providers the hub can call right now, with their secrets loaded from the secret store.
// reload() builds a new snapshot asynchronously (secret stores are asynchronous) and swaps it in; worker threads
// take the current snapshot with snapshot() and keep it for the length of a request.
class ProviderRegistry final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderRegistry)

public:
    using AdapterLookup = std::function<const IProviderAdapter *(ProviderKind)>;

    ProviderRegistry(std::shared_ptr<Storage::Database> database, std::shared_ptr<Secrets::ISecretStore> secrets,
                     AdapterLookup adapters, QObject *parent = nullptr);
    ~ProviderRegistry() override;

    // Thread-safe.
    std::shared_ptr<const ProviderSnapshot> snapshot() const;
    // Replaces the snapshot directly (tests, and the desktop app's in-process edits).
    void setSnapshot(std::shared_ptr<const ProviderSnapshot> snapshot);

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    // Emitted when a reload finished; problems lists credentials that could not be loaded, in plain words.
    void reloaded(const QStringList &problems);

private:
    struct Pending;
    void finishIfDone(const std::shared_ptr<Pending> &pending);

    std::shared_ptr<Storage::Database> m_database;
    std::shared_ptr<Secrets::ISecretStore> m_secrets;
    AdapterLookup m_adapters;
    mutable QMutex m_mutex;
    std::shared_ptr<const ProviderSnapshot> m_snapshot;
    quint64 m_reloadSerial = 0;
};

} // namespace AiHub::Providers
