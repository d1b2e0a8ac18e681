// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/chatrequest.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// Encodes the neutral chat request as a Gemini GenerateContentRequest body (the model goes in the URL, not here).
class GeminiRequestEncoder final {
public:
    // `providerLabel` names the provider in error messages. Fails with InvalidArgument for requests Gemini
    // cannot answer as asked (a tool result for an unknown call, arguments that are not a JSON object, n > 1
    // without streaming, a JSON schema that is not JSON).
    [[nodiscard]] static Result<nlohmann::ordered_json> encode(const ChatRequest &request, bool stream,
                                                               const QString &providerLabel);
};

} // namespace AiHub::Providers
