// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/tokenusage.h"

#include <QString>

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// Pieces of a GenerateContentResponse shared by the stream decoder and the non-streamed parser.
class GeminiResponse final {
public:
    // usageMetadata: input = promptTokenCount (+ toolUsePromptTokenCount), output = candidatesTokenCount +
    // thoughtsTokenCount (thinking is billed as output and totalTokenCount includes it), cacheRead =
    // cachedContentTokenCount. Fields Gemini left out stay unreported.
    static TokenUsage usage(const nlohmann::ordered_json &usageMetadata);
    // Gemini's finishReason in OpenAI's words; "tool_calls" when the candidate called tools and stopped normally.
    static QString finishReason(const std::string &reason, bool calledTools);
    // "models/gemini-2.5-pro" -> "gemini-2.5-pro".
    static QString modelName(const nlohmann::ordered_json &response);
    // The functionCall part's arguments as JSON text ("{}" when absent).
    static QString argumentsText(const nlohmann::ordered_json &functionCall);
    // The id the hub gives the n-th call of an answer; Gemini's own id wins when it sends one.
    static QString callId(const nlohmann::ordered_json &functionCall, int n);
    static QString string(const nlohmann::ordered_json &object, const char *key);
};

} // namespace AiHub::Providers
