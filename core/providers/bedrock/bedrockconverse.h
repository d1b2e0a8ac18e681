// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/chatrequest.h"
#include "core/providers/tokenusage.h"

#include <QLoggingCategory>

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

Q_DECLARE_LOGGING_CATEGORY(lcBedrock)

// The Converse API's JSON shapes (shared by Converse and ConverseStream): the request body from the neutral
// ChatRequest, stop reasons and usage.
class BedrockConverse final {
public:
    // Fails with InvalidArgument for what Converse cannot do (n > 1, response_format, image URLs).
    [[nodiscard]] static Result<nlohmann::ordered_json> encodeRequest(const ChatRequest &request);
    // end_turn/stop_sequence -> "stop", max_tokens -> "length", tool_use -> "tool_calls",
    // content_filtered/guardrail_intervened -> "content_filter".
    static QString finishReason(const std::string &stopReason);
    // usage{inputTokens, outputTokens, cacheReadInputTokens, cacheWriteInputTokens}; absent fields stay empty.
    static TokenUsage usage(const nlohmann::json &usage);
};

} // namespace AiHub::Providers
