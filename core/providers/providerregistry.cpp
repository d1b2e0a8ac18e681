// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/providerregistry.h"

#include "core/providers/providerstore.h"
#include "core/secrets/isecretstore.h"
#include "core/storage/database.h"

#include <QLoggingCategory>
#include <QMutexLocker>

Q_LOGGING_CATEGORY(lcRegistry, "aihub.providers")

namespace AiHub::Providers {

struct ProviderRegistry::Pending {
    quint64 serial = 0;
    QList<LiveProvider> providers;
    int outstanding = 0;
    QStringList problems;
};

ProviderRegistry::ProviderRegistry(std::shared_ptr<Storage::Database> database,
                                   std::shared_ptr<Secrets::ISecretStore> secrets, AdapterLookup adapters,
                                   QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_secrets(std::move(secrets))
    , m_adapters(std::move(adapters))
    , m_snapshot(std::make_shared<ProviderSnapshot>())
{
}

ProviderRegistry::~ProviderRegistry() = default;

std::shared_ptr<const ProviderSnapshot> ProviderRegistry::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot;
}

void ProviderRegistry::setSnapshot(std::shared_ptr<const ProviderSnapshot> snapshot)
{
    QMutexLocker lock(&m_mutex);
    m_snapshot = std::move(snapshot);
}

void ProviderRegistry::reload()
{
    auto configs = ProviderStore(m_database).list();
    auto pending = std::make_shared<Pending>();
    pending->serial = ++m_reloadSerial;
    if (!configs) {
        qCWarning(lcRegistry) << "Cannot load providers:" << configs.error().message;
        Q_EMIT reloaded({ configs.error().message });
        return;
    }
    for (const ProviderConfig &config : std::as_const(*configs)) {
        LiveProvider live;
        live.config = config;
        live.adapter = m_adapters ? m_adapters(config.kind) : nullptr;
        pending->providers.append(live);
    }
    // Count first, then start reads: a store may answer quickly, and the last answer publishes the snapshot.
    for (const LiveProvider &p : std::as_const(pending->providers))
        pending->outstanding += int(p.config.credentials.size());
    pending->outstanding += 1; // held until every read has been started
    for (qsizetype pi = 0; pi < pending->providers.size(); ++pi) {
        const ProviderConfig &config = pending->providers.at(pi).config;
        for (const CredentialInfo &cred : config.credentials) {
            const QString providerName = config.name;
            if (cred.secretStore != m_secrets->id()) {
                pending->problems.append(
                    QStringLiteral("The credential \"%1\" of provider \"%2\" is kept in the %3 secret store, but the "
                                   "hub now uses the %4 one; add the credential again or switch the secret store back.")
                        .arg(cred.label, providerName, cred.secretStore, m_secrets->id()));
                --pending->outstanding;
                continue;
            }
            m_secrets->read(cred.secretRef, this, [this, pending, pi, cred, providerName](Result<QByteArray> bytes) {
                Result<CredentialSecret> secret = bytes ? CredentialSecret::fromBytes(*bytes)
                                                        : Result<CredentialSecret>(std::unexpected(bytes.error()));
                if (secret) {
                    pending->providers[pi].credentials.append(LiveCredential { cred, *secret });
                } else {
                    const QString problem = QStringLiteral("The secret of credential \"%1\" of provider \"%2\" cannot "
                                                           "be read: %3")
                                                .arg(cred.label, providerName, secret.error().message);
                    pending->providers[pi].problems.append(problem);
                    pending->problems.append(problem);
                }
                --pending->outstanding;
                finishIfDone(pending);
            });
        }
    }
    --pending->outstanding;
    finishIfDone(pending);
}

void ProviderRegistry::finishIfDone(const std::shared_ptr<Pending> &pending)
{
    if (pending->outstanding > 0)
        return;
    if (pending->serial != m_reloadSerial)
        return; // a newer reload started meanwhile; its result wins
    // Keep credentials in their configured order, whatever order the store answered in.
    for (LiveProvider &p : pending->providers) {
        std::sort(p.credentials.begin(), p.credentials.end(),
                  [](const LiveCredential &a, const LiveCredential &b) { return a.info.id < b.info.id; });
    }
    for (const QString &problem : std::as_const(pending->problems))
        qCWarning(lcRegistry).noquote() << problem;
    setSnapshot(std::make_shared<ProviderSnapshot>(std::move(pending->providers)));
    Q_EMIT reloaded(pending->problems);
}

} // namespace AiHub::Providers
