// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/providerkind.h"

#include <QList>
#include <QString>

namespace AiHub::Providers {

// A credential as the database knows it: where its secret lives, never the secret itself.
struct CredentialInfo {
    qint64 id = 0;
    QString label;
    int weight = 1;
    QString secretStore; // "keychain" or "file"
    QString secretRef;   // the name the secret store holds it under
    QString masked;      // first 4 and last 4 characters, for display only
    QString accessKeyId; // Bedrock's non-secret half
    bool enabled = true;
    qint64 createdAt = 0;
};

struct ProviderConfig {
    qint64 id = 0;
    QString name; // unique, used in model names: "<name>/<model>"
    ProviderKind kind = ProviderKind::OpenAI;
    QString baseUrl; // empty: the kind's default
    QString region;  // Bedrock
    bool enabled = true;
    qint64 createdAt = 0;
    QList<CredentialInfo> credentials;

    QString effectiveBaseUrl() const;
};

} // namespace AiHub::Providers
