// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/providerconfig.h"

namespace AiHub::Providers {

QString ProviderConfig::effectiveBaseUrl() const
{
    QString url = baseUrl.isEmpty() ? ProviderKinds::defaultBaseUrl(kind, region) : baseUrl;
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

} // namespace AiHub::Providers
