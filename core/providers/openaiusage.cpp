// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/openaiusage.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

namespace {
std::optional<qint64> integer(const nlohmann::ordered_json &object, const char *key)
{
    if (!object.is_object())
        return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return std::nullopt;
    return it->get<qint64>();
}
} // namespace

TokenUsage OpenAiUsage::fromJson(const nlohmann::ordered_json &usage)
{
    TokenUsage out;
    if (!usage.is_object())
        return out;
    out.inputTokens = integer(usage, "prompt_tokens");
    out.outputTokens = integer(usage, "completion_tokens");
    if (auto details = usage.find("prompt_tokens_details"); details != usage.end())
        out.cacheReadTokens = integer(*details, "cached_tokens");
    if (!out.cacheReadTokens) // DeepSeek reports cache hits beside the details
        out.cacheReadTokens = integer(usage, "prompt_cache_hit_tokens");
    return out;
}

} // namespace AiHub::Providers
