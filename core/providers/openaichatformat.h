// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/chatrequest.h"
#include "core/providers/chatresult.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// OpenAI's chat/completions wire format, both ways: the hub's /v1 API parses requests with it, OpenAI-style
// providers are sent requests encoded with it, and answers from any provider are encoded into it.
class OpenAiChatFormat final {
public:
    // Checks a request without reading it into the neutral form; every failure is InvalidArgument with a message
    // that names the field. An OpenAI-style provider is sent the client's body, so this is all it needs.
    [[nodiscard]] static Status checkRequest(const nlohmann::ordered_json &body);
    // checkRequest(), then the neutral form.
    [[nodiscard]] static Result<ChatRequest> parseRequest(const nlohmann::ordered_json &body);
    static nlohmann::ordered_json encodeRequest(const ChatRequest &request);

    static ChatResult parseCompletion(const nlohmann::ordered_json &completion);
    static nlohmann::ordered_json encodeCompletion(const ChatResult &result);
    static nlohmann::ordered_json encodeUsage(const TokenUsage &usage);
};

} // namespace AiHub::Providers
