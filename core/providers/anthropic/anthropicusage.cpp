// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/anthropic/anthropicusage.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

namespace {
std::optional<qint64> integer(const nlohmann::ordered_json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return std::nullopt;
    return it->get<qint64>();
}
} // namespace

TokenUsage AnthropicUsage::fromJson(const nlohmann::ordered_json &usage)
{
    TokenUsage out;
    if (!usage.is_object())
        return out;
    out.inputTokens = integer(usage, "input_tokens");
    out.outputTokens = integer(usage, "output_tokens");
    out.cacheWriteTokens = integer(usage, "cache_creation_input_tokens");
    out.cacheReadTokens = integer(usage, "cache_read_input_tokens");
    return out;
}

void AnthropicUsage::merge(TokenUsage &into, const TokenUsage &later)
{
    if (later.inputTokens)
        into.inputTokens = later.inputTokens;
    if (later.outputTokens)
        into.outputTokens = later.outputTokens;
    if (later.cacheWriteTokens)
        into.cacheWriteTokens = later.cacheWriteTokens;
    if (later.cacheReadTokens)
        into.cacheReadTokens = later.cacheReadTokens;
}

} // namespace AiHub::Providers
