// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/chatrequest.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// Encodes the neutral ChatRequest as an Anthropic Messages API body (POST /v1/messages). System messages move
// to the top-level "system"; tool results become user-role tool_result blocks and assistant tool calls
// tool_use blocks; consecutive messages of one role are merged, because Anthropic requires the roles to
// alternate. Requests Anthropic cannot answer faithfully (a JSON response format, n > 1, malformed tool
// arguments) fail with InvalidArgument; options it has no equivalent for and that do not change the answer's
// form (seed, penalties) are dropped with a log note.
class AnthropicRequestEncoder final {
public:
    // max_tokens is mandatory at Anthropic; this is sent when the client gave none.
    static constexpr qint64 DefaultMaxTokens = 4096;

    // providerLabel names the provider in error messages.
    [[nodiscard]] static Result<nlohmann::ordered_json> encode(const ChatRequest &request, bool stream,
                                                               const QString &providerLabel);
};

} // namespace AiHub::Providers
