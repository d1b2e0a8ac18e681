// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/chatrequest.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// Encodes the neutral chat request as an Ollama POST /api/chat body.
class OllamaRequestEncoder final {
public:
    // Fails with InvalidArgument where Ollama cannot answer as asked: n > 1, a forced tool choice, images by
    // http(s) URL (Ollama takes image bytes only), tool arguments or a schema that are not JSON objects.
    [[nodiscard]] static Result<nlohmann::ordered_json> encode(const ChatRequest &request, bool stream,
                                                               const QString &providerLabel);
};

} // namespace AiHub::Providers
