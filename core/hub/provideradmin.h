// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/credentialsecret.h"
#include "core/providers/providerconfig.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace AiHub::Storage {
class Database;
}
namespace AiHub::Secrets {
class ISecretStore;
}
namespace AiHub::Net {
class UpstreamClient;
}

namespace AiHub::Hub {

// Adds, changes, removes and tests providers and their credentials; shared by the admin command line and the
// desktop app. Secrets go to the secret store first and the database only learns where they are, so a failure
// never leaves a credential row without its secret; a row removed before its secret, so a secret may be left
// behind (harmless) but never a row pointing at nothing. Every callback runs later on this object's thread.
class ProviderAdmin final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderAdmin)

public:
    // A credential to add: its non-secret half (label, weight, access key id) and the secret itself.
    struct NewCredential {
        Providers::CredentialInfo info;
        Providers::CredentialSecret secret;
    };
    struct TestOutcome {
        int httpStatus = 0;
        double seconds = 0;
    };

    ProviderAdmin(std::shared_ptr<Storage::Database> database, std::shared_ptr<Secrets::ISecretStore> secrets,
                  QObject *parent = nullptr);
    ~ProviderAdmin() override;

    // The checks every add and edit applies: name, base URL (http/https with a host), Bedrock's region.
    [[nodiscard]] static Status validate(const Providers::ProviderConfig &config);

    [[nodiscard]] Result<QList<Providers::ProviderConfig>> list() const;
    [[nodiscard]] Result<Providers::ProviderConfig> find(const QString &name) const;

    // Adds a provider, with its first credential when the kind needs one (InvalidArgument if it is missing).
    void addProvider(const Providers::ProviderConfig &config, std::optional<NewCredential> credential,
                     std::function<void(Result<Providers::ProviderConfig>)> done);
    // Adds a credential to an existing provider.
    void addCredential(const QString &providerName, NewCredential credential,
                       std::function<void(Result<Providers::CredentialInfo>)> done);
    // Replaces the credential labelled credential.info.label (or adds it when there is none): the new secret is
    // written first, then the row swapped, then the old secret removed.
    void replaceCredential(const QString &providerName, NewCredential credential,
                           std::function<void(Result<Providers::CredentialInfo>)> done);
    // Changes base URL, region and enabled of a provider (not its name or kind).
    [[nodiscard]] Status updateProvider(const Providers::ProviderConfig &config);
    // Removes the provider's rows, then its secrets; `done` gets warnings about secrets that stayed behind.
    void removeProvider(const QString &name, std::function<void(Result<QStringList>)> done);
    void removeCredential(const QString &providerName, const QString &label,
                          std::function<void(Result<QStringList>)> done);
    // A minimal real call through the provider's adapter with the credential labelled `label` (empty: the first
    // enabled one). Succeeds when the provider answered 2xx; otherwise the adapter's mapped error.
    void test(const QString &name, const QString &label, std::function<void(Result<TestOutcome>)> done);

    std::shared_ptr<Secrets::ISecretStore> secrets() const { return m_secrets; }

private:
    void writeCredential(const Providers::ProviderConfig &provider, bool providerIsNew, NewCredential credential,
                         std::optional<Providers::CredentialInfo> replaced,
                         std::function<void(Result<Providers::CredentialInfo>)> done);
    void removeSecrets(const QList<Providers::CredentialInfo> &credentials,
                       std::function<void(Result<QStringList>)> done);

    std::shared_ptr<Storage::Database> m_database;
    std::shared_ptr<Secrets::ISecretStore> m_secrets;
    std::unique_ptr<Net::UpstreamClient> m_client;
};

} // namespace AiHub::Hub
