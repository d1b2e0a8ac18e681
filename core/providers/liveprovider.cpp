// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/liveprovider.h"

#include <QRandomGenerator>

namespace AiHub::Providers {

bool LiveProvider::needsCredential() const
{
    return ProviderKinds::credentialType(config.kind) != CredentialType::None;
}

QString LiveProvider::label() const
{
    return QStringLiteral("%1 (provider \"%2\")").arg(ProviderKinds::displayName(config.kind), config.name);
}

const LiveCredential *LiveProvider::pickCredential() const
{
    qint64 total = 0;
    for (const LiveCredential &c : credentials) {
        if (c.info.enabled)
            total += c.info.weight;
    }
    if (total <= 0)
        return nullptr;
    qint64 ticket = qint64(QRandomGenerator::global()->bounded(quint64(total)));
    for (const LiveCredential &c : credentials) {
        if (!c.info.enabled)
            continue;
        if (ticket < c.info.weight)
            return &c;
        ticket -= c.info.weight;
    }
    return nullptr;
}

} // namespace AiHub::Providers
