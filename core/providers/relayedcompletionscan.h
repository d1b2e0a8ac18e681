// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/tokenusage.h"

namespace AiHub::Providers {

struct RelayedCompletionScan {
    bool wellFormed = false; // one object, closed strings without control characters, balanced brackets,
                             // plausible scalars, nothing after it
    bool sawChoices = false; // a top-level "choices" member
    TokenUsage usage;        // read the way OpenAiUsage::fromJson reads it
};

// A light structural reader of a chat.completion that the hub relays unchanged (an OpenAI-style provider's answer
// to an OpenAI client): nlohmann's parser costs about 100 instructions a byte here, this a few, sixteen bytes at
// a time through string text and between brackets where SSE2 is there.
RelayedCompletionScan scanRelayedCompletion(const char *begin, const char *end);

} // namespace AiHub::Providers
