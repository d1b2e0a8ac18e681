// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/chatrequest.h"
#include "core/providers/chatresult.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace AiHub::Providers {

// One parsed AIGNE "invoke" body (POST /api/v2/chat).
struct AigneChatInvoke {
    ChatRequest request;   // request.model is the model as the client named it ("openai/gpt-5-mini")
    bool stream = false;   // options.streaming
};

// What the hub adds to an AIGNE answer's usage and output besides the provider's tokens.
struct AigneOutputExtras {
    QString modelCallId;         // the hub's request id
    double credits = 0;          // aigneHubCredits
    QString creditPrefix;        // "" | "$" | "€" | "¥"
    QString modelWithProvider;   // "<provider>/<model>"
};

// The AIGNE framework's invoke protocol (@aigne/aigne-hub AIGNEHubChatModel) both ways: the request body into the
// neutral ChatRequest, and answers into the ChatModelOutput JSON. Roles are system|user|agent|tool, tool-call
// arguments are JSON objects, and the fields are camelCase.
class AigneChatFormat final {
public:
    static constexpr const char *kDefaultModel = "openai/gpt-5-mini";

    // Validates as it parses; every failure is InvalidArgument with a message that names the field.
    [[nodiscard]] static Result<AigneChatInvoke> parseInvoke(const nlohmann::ordered_json &body);

    // The non-streamed output: text (or json when the request asked for JSON and the text parses), thoughts,
    // toolCalls with object arguments, model, usage, modelWithProvider.
    static nlohmann::ordered_json encodeOutput(const ChatResult &result, const ResponseFormat &format,
                                               const AigneOutputExtras &extras);
    static nlohmann::ordered_json encodeUsage(const TokenUsage &usage, const AigneOutputExtras *extras);
    static nlohmann::ordered_json encodeToolCalls(const QList<ToolCall> &calls);
    // Whether the client asked for JSON output (json_object or json_schema).
    static bool wantsJson(const ResponseFormat &format);
};

} // namespace AiHub::Providers
