// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/tokenusage.h"

#include <nlohmann/json_fwd.hpp>

namespace AiHub::Providers {

// Reads Anthropic's "usage" object: input_tokens, output_tokens, cache_creation_input_tokens (written to the
// prompt cache) and cache_read_input_tokens. Fields the object lacks stay unreported.
class AnthropicUsage final {
public:
    static TokenUsage fromJson(const nlohmann::ordered_json &usage);
    // A later, cumulative report over an earlier one: what it reports wins, what it lacks is kept.
    static void merge(TokenUsage &into, const TokenUsage &later);
};

} // namespace AiHub::Providers
