// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/net/upstreamrequest.h"

namespace AiHub::Access {
class AccessKeyStore;
}
namespace AiHub::Providers {
class ProviderRegistry;
}
namespace AiHub::Usage {
class UsageRecorder;
}
namespace AiHub::Hub {
class ModelCatalog;
class IRateLookup;
class IBalanceLookup;
class ImageFileStore;
}
namespace AiHub::Billing {
class IMeter;
}

namespace AiHub::Server {

// The thread-safe core services every server worker shares. Owned by whoever wires the hub together (app/).
struct HubServices {
    Access::AccessKeyStore *keys = nullptr;
    Providers::ProviderRegistry *providers = nullptr;
    Usage::UsageRecorder *usage = nullptr;
    Hub::ModelCatalog *models = nullptr;
    Billing::IMeter *billing = nullptr; // null: nothing is billed
    Net::UpstreamTimeouts upstreamTimeouts;
    // Generated images served at /files/<id> (opened); null: images are returned inline or by the provider's URL.
    Hub::ImageFileStore *imageFiles = nullptr;
    // Credit rates for GET /api/ai/models and balances for GET /api/user/info; null: no billing ("0", none).
    const Hub::IRateLookup *rates = nullptr;
    const Hub::IBalanceLookup *balances = nullptr;
};

} // namespace AiHub::Server
