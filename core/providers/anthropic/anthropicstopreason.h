// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QString>

namespace AiHub::Providers {

// Anthropic's stop_reason in OpenAI's words ("stop", "length", "tool_calls", "content_filter").
class AnthropicStopReason final {
public:
    static QString toFinishReason(const QString &stopReason);
};

} // namespace AiHub::Providers
