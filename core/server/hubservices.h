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
}

namespace AiHub::Server {

// The thread-safe core services every server worker shares. Owned by whoever wires the hub together (app/).
struct HubServices {
    Access::AccessKeyStore *keys = nullptr;
    Providers::ProviderRegistry *providers = nullptr;
    Usage::UsageRecorder *usage = nullptr;
    Hub::ModelCatalog *models = nullptr;
    Net::UpstreamTimeouts upstreamTimeouts;
};

} // namespace AiHub::Server
