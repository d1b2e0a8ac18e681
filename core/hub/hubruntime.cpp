// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/hubruntime.h"

#include "core/access/accesskeystore.h"
#include "core/adapters/adaptercatalog.h"
#include "core/billing/meter.h"
#include "core/hub/billingbalancelookup.h"
#include "core/hub/billingratelookup.h"
#include "core/hub/configwatcher.h"
#include "core/hub/imagefilestore.h"
#include "core/hub/modelcatalog.h"
#include "core/providers/providerregistry.h"
#include "core/secrets/secretstoreselector.h"
#include "core/storage/database.h"
#include "core/usage/usagerecorder.h"

#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcRuntime, "aihub.runtime")

namespace AiHub::Hub {

HubRuntime::HubRuntime(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_dataDir(m_options.dataDir.isEmpty() ? defaultDataDir() : QDir(m_options.dataDir).absolutePath())
{
}

HubRuntime::~HubRuntime() { stopServices(); }

QString HubRuntime::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Status HubRuntime::openDatabase()
{
    if (!QDir().mkpath(m_dataDir))
        return fail(ErrorCode::StorageReadOnly,
                    QStringLiteral("The data folder %1 cannot be created; choose a writable one with --data-dir.")
                        .arg(m_dataDir));
    auto database = Storage::Database::open(QDir(m_dataDir).filePath(QStringLiteral("hub.db")));
    if (!database)
        return fail(database.error());
    m_database = *database;
    if (!m_database->backupPath().isEmpty())
        qCInfo(lcRuntime).noquote() << "Upgraded the database; the previous version is kept in"
                                    << m_database->backupPath();
    return {};
}

void HubRuntime::openSecrets(std::function<void(Status)> done)
{
    Secrets::SecretStoreSelector::Options options;
    if (!m_options.secretStoreMode.isEmpty()) {
        auto mode = Secrets::SecretStoreSelector::parseMode(m_options.secretStoreMode);
        if (!mode) {
            QMetaObject::invokeMethod(this, [done, error = mode.error()] { done(fail(error)); },
                                      Qt::QueuedConnection);
            return;
        }
        options.mode = *mode;
    }
    options.dataDir = m_dataDir;
    Secrets::SecretStoreSelector::select(options, this,
                                         [this, done = std::move(done)](Result<Secrets::SecretStoreSelector::Selection> s) {
                                             if (!s) {
                                                 done(fail(s.error()));
                                                 return;
                                             }
                                             m_secrets = s->store;
                                             m_secretSentence = s->summary;
                                             done({});
                                         });
}

void HubRuntime::startServices(std::function<void(Status)> done)
{
    if (auto keys = Access::AccessKeyStore::open(m_database, this))
        m_keys = std::move(*keys);
    else
        return done(fail(keys.error()));
    m_usage = std::make_unique<Usage::UsageRecorder>(m_database);
    m_usage->start();
    // Releases credit holds left by a process that died and checks every balance against its ledger entries.
    m_billing = std::make_unique<Billing::Meter>(m_database);
    if (auto started = m_billing->start(); !started)
        return done(fail(started.error()));
    m_rateLookup = std::make_unique<BillingRateLookup>(m_billing->rates());
    m_balanceLookup = std::make_unique<BillingBalanceLookup>(*m_billing);
    m_models = std::make_unique<ModelCatalog>();
    m_imageFiles = std::make_unique<ImageFileStore>(m_dataDir + QStringLiteral("/files"));
    if (auto opened = m_imageFiles->open(); !opened) {
        // Images are then returned inline or by the provider's URL; everything else works.
        qCWarning(lcRuntime).noquote() << opened.error().message;
        m_imageFiles.reset();
    }
    m_providers = new Providers::ProviderRegistry(m_database, m_secrets, &Providers::AdapterCatalog::forKind, this);
    connect(m_providers, &Providers::ProviderRegistry::reloaded, this, &HubRuntime::providersReloaded);
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(m_providers, &Providers::ProviderRegistry::reloaded, this,
                    [once, done = std::move(done)](const QStringList &) {
                        QObject::disconnect(*once);
                        done({});
                    });
    m_watcher = new ConfigWatcher(m_database, 1000, this);
    connect(m_watcher, &ConfigWatcher::changed, this, [this] {
        if (auto loaded = m_keys->reloadIfChanged(); !loaded)
            qCWarning(lcRuntime).noquote() << loaded.error().message;
        m_models->invalidate();
        if (auto reloaded = m_billing->reloadSettings(); !reloaded)
            qCWarning(lcRuntime).noquote() << reloaded.error().message;
        m_providers->reload();
    });
    m_watcher->start();
    m_providers->reload();
}

void HubRuntime::stopServices()
{
    if (m_watcher) {
        delete m_watcher;
        m_watcher = nullptr;
    }
    if (m_usage) {
        if (auto stopped = m_usage->stop(); !stopped)
            qCWarning(lcRuntime).noquote() << "Usage records could not all be written:" << stopped.error().message;
    }
}

} // namespace AiHub::Hub
