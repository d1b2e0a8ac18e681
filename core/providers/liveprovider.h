// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/credentialsecret.h"
#include "core/providers/providerconfig.h"

#include <QStringList>

namespace AiHub::Providers {

class IProviderAdapter;

struct LiveCredential {
    CredentialInfo info;
    CredentialSecret secret;
};

// A provider ready to be called: its configuration, the credentials whose secrets could be loaded, and why
// the others could not.
struct LiveProvider {
    ProviderConfig config;
    QList<LiveCredential> credentials;
    QStringList problems;
    const IProviderAdapter *adapter = nullptr;

    // Weighted random choice among usable credentials; nullptr when the provider needs none or has none.
    const LiveCredential *pickCredential() const;
    bool needsCredential() const;
    // How messages name it: "OpenAI (provider \"work\")".
    QString label() const;
};

} // namespace AiHub::Providers
