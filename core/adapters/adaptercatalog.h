// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/providerkind.h"

namespace AiHub::Providers {

class IProviderAdapter;

// The adapter for each kind of provider. Adapters are stateless and live for the whole program.
class AdapterCatalog final {
public:
    // nullptr for a kind whose wire format this version cannot speak yet.
    static const IProviderAdapter *forKind(ProviderKind kind);
};

} // namespace AiHub::Providers
