// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace AiHub::Storage {
class Database;
}
namespace AiHub::Secrets {
class ISecretStore;
}
namespace AiHub::Access {
class AccessKeyStore;
}
namespace AiHub::Providers {
class ProviderRegistry;
}
namespace AiHub::Usage {
class UsageRecorder;
}

namespace AiHub::Billing {
class Meter;
}

namespace AiHub::Hub {

class BillingBalanceLookup;
class BillingRateLookup;
class ConfigWatcher;
class ModelCatalog;
class ImageFileStore;

// The hub's core services, opened in order from one data directory: the database (synchronously, so a locked
// or damaged database stops everything with a clear message), then the secret store (asynchronously: the
// keychain answers over D-Bus), then the services built on them. Shared by the server, the desktop app and the
// admin command line; they add the HTTP server or the window on top.
class HubRuntime final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubRuntime)

public:
    struct Options {
        QString dataDir;         // empty: the platform's application data folder
        QString secretStoreMode; // "auto", "keychain" or "file"; empty: auto (or AIHUB_SECRET_STORE)
    };

    explicit HubRuntime(Options options, QObject *parent = nullptr);
    ~HubRuntime() override;

    static QString defaultDataDir();
    QString dataDir() const { return m_dataDir; }

    [[nodiscard]] Status openDatabase();
    // Chooses the secret store; `done` runs on this object's thread.
    void openSecrets(std::function<void(Status)> done);
    // Builds the services on top (keys, providers, usage, models, config watcher) and loads them. Call after the
    // two above succeeded. `done` runs when the first provider load finished, or at once on failure.
    void startServices(std::function<void(Status)> done);
    // Flushes usage records and stops background work.
    void stopServices();

    std::shared_ptr<Storage::Database> database() const { return m_database; }
    std::shared_ptr<Secrets::ISecretStore> secrets() const { return m_secrets; }
    QString secretStoreSentence() const { return m_secretSentence; }
    Access::AccessKeyStore *accessKeys() const { return m_keys.get(); }
    Providers::ProviderRegistry *providers() const { return m_providers; }
    Usage::UsageRecorder *usage() const { return m_usage.get(); }
    ModelCatalog *models() const { return m_models.get(); }
    // Credit billing (settings, rates, ledger) and its answers for the AIGNE API.
    Billing::Meter *billing() const { return m_billing.get(); }
    BillingRateLookup *rateLookup() const { return m_rateLookup.get(); }
    BillingBalanceLookup *balanceLookup() const { return m_balanceLookup.get(); }
    // Generated images served at /files/<id>; null if the folder could not be set up.
    ImageFileStore *imageFiles() const { return m_imageFiles.get(); }

Q_SIGNALS:
    void providersReloaded(const QStringList &problems);

private:
    Options m_options;
    QString m_dataDir;
    std::shared_ptr<Storage::Database> m_database;
    std::shared_ptr<Secrets::ISecretStore> m_secrets;
    QString m_secretSentence;
    std::unique_ptr<Access::AccessKeyStore> m_keys;
    Providers::ProviderRegistry *m_providers = nullptr;
    std::unique_ptr<Usage::UsageRecorder> m_usage;
    std::unique_ptr<ModelCatalog> m_models;
    std::unique_ptr<Billing::Meter> m_billing;
    std::unique_ptr<BillingRateLookup> m_rateLookup;
    std::unique_ptr<BillingBalanceLookup> m_balanceLookup;
    std::unique_ptr<ImageFileStore> m_imageFiles;
    ConfigWatcher *m_watcher = nullptr;
};

} // namespace AiHub::Hub
