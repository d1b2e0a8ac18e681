// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace AiHub::Providers {

// The secret half of a credential, as held in the secret store (serialised as a small JSON object).
// Lives in memory only while the hub needs it to call the provider.
struct CredentialSecret {
    QString apiKey;
    QString secretAccessKey; // Bedrock
    QString sessionToken;    // Bedrock, optional

    QByteArray toBytes() const;
    static Result<CredentialSecret> fromBytes(const QByteArray &bytes);
    // The part shown masked in lists: the API key, or the secret access key.
    QString primary() const { return apiKey.isEmpty() ? secretAccessKey : apiKey; }
};

} // namespace AiHub::Providers
