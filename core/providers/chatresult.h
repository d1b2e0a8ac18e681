// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/chatrequest.h"
#include "core/providers/tokenusage.h"

namespace AiHub::Providers {

// A whole (non-streamed) answer in the neutral form. finishReason uses OpenAI's words:
// "stop", "length", "tool_calls", "content_filter".
struct ChatResult {
    QString id;
    QString model;
    qint64 created = 0; // seconds since the epoch
    QString text;
    QString reasoning; // all visible reasoning text joined
    QList<ThinkingBlock> thinkingBlocks; // Anthropic / Bedrock: every thinking block with its signature, in order
    QList<ToolCall> toolCalls;
    QString finishReason;
    TokenUsage usage;
};

} // namespace AiHub::Providers
