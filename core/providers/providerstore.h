// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/providerconfig.h"

#include <memory>

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Providers {

// Providers and their credentials as rows in the database. Holds no secrets: only where they are kept.
// Every change bumps the configuration generation, so a running server reloads.
class ProviderStore final {
public:
    explicit ProviderStore(std::shared_ptr<Storage::Database> database);

    [[nodiscard]] Result<QList<ProviderConfig>> list() const;
    [[nodiscard]] Result<ProviderConfig> find(const QString &name) const;
    [[nodiscard]] Result<qint64> addProvider(const ProviderConfig &config);
    [[nodiscard]] Status removeProvider(const QString &name);
    [[nodiscard]] Result<qint64> addCredential(qint64 providerId, const CredentialInfo &credential);
    [[nodiscard]] Status removeCredential(qint64 providerId, const QString &label);

    // Provider names appear in model ids ("openai/gpt-4o"): lower-case letters, digits, '-', '_' and '.'.
    static Status validateName(const QString &name);

private:
    std::shared_ptr<Storage::Database> m_database;
};

} // namespace AiHub::Providers
