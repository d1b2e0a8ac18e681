// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// One chat request on its way upstream, in OpenAI's chat/completions form (what /v1 receives). The "model"
// field already holds the provider's own model name. (The provider-neutral form comes with the other dialects.)
struct ChatCall {
    nlohmann::ordered_json body;
    bool stream = false;
    bool clientWantsUsage = false; // stream_options.include_usage as the client sent it
};

} // namespace AiHub::Providers
