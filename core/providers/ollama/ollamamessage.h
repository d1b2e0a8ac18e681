// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/chatrequest.h"
#include "core/providers/tokenusage.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// Pieces of an /api/chat response object, shared by the NDJSON decoder and the non-streamed parser.
class OllamaMessage final {
public:
    // prompt_eval_count -> input, eval_count -> output; absent counts stay unreported.
    static TokenUsage usage(const nlohmann::ordered_json &response);
    // done_reason in OpenAI's words ("length" for "length", "tool_calls" when tools were called, else "stop").
    static QString finishReason(const nlohmann::ordered_json &response, bool calledTools);
    // One entry of message.tool_calls; `n` numbers the calls of the answer for the id Ollama does not give.
    static ToolCall toolCall(const nlohmann::ordered_json &entry, int n);
    static QString string(const nlohmann::ordered_json &object, const char *key);
};

} // namespace AiHub::Providers
