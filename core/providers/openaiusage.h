// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/tokenusage.h"

#include <nlohmann/json_fwd.hpp>

namespace AiHub::Providers {

// Reads an OpenAI-style "usage" object, including the DeepSeek and OpenRouter variants.
class OpenAiUsage final {
public:
    static TokenUsage fromJson(const nlohmann::ordered_json &usage);
};

} // namespace AiHub::Providers
