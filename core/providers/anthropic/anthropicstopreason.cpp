// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/anthropic/anthropicstopreason.h"

using namespace Qt::StringLiterals;

namespace AiHub::Providers {

QString AnthropicStopReason::toFinishReason(const QString &stopReason)
{
    if (stopReason == u"max_tokens"_s || stopReason == u"model_context_window_exceeded"_s)
        return u"length"_s;
    if (stopReason == u"tool_use"_s)
        return u"tool_calls"_s;
    if (stopReason == u"refusal"_s)
        return u"content_filter"_s;
    // end_turn, stop_sequence, and pause_turn (a server tool paused a long turn: the text so far is complete).
    return u"stop"_s;
}

} // namespace AiHub::Providers
