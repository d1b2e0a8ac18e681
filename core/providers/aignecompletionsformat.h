// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/chatrequest.h"
#include "core/providers/chatresult.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// The AIGNE Hub's legacy "chat-completions" format (POST /api/v2/chat/completions, used by the hub's Playground
// and the @blocklet/aigne-hub SDK): an OpenAI-like request in camelCase (snake_case fields are ignored, as the
// real hub strips them), answered as {"role","text","content","toolCalls"} or as {"delta":{...}} stream chunks.
// It is not OpenAI's wire format.
class AigneCompletionsFormat final {
public:
    static constexpr const char *kDefaultModel = "openai/gpt-5-mini";

    // Validates as it parses; every failure is InvalidArgument with a message that names the field.
    [[nodiscard]] static Result<ChatRequest> parseRequest(const nlohmann::ordered_json &body);

    // The non-streamed answer; toolCalls (arguments as JSON text) only when there are any.
    static nlohmann::ordered_json encodeResult(const ChatResult &result);
    static nlohmann::ordered_json encodeToolCalls(const QList<ToolCall> &calls);
    // {"delta":{"role":"assistant","content":...,"toolCalls":[...]}}
    static nlohmann::ordered_json deltaChunk(const QString &content, const QList<ToolCall> &calls);
    // {"usage":{"promptTokens","completionTokens","totalTokens"}}
    static nlohmann::ordered_json usageChunk(const TokenUsage &usage);
};

} // namespace AiHub::Providers
