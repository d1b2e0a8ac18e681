// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"
#include "core/providers/tokenusage.h"

#include <QByteArray>

namespace AiHub::Providers {

// What a provider's stream decoder yields, in order.
struct ChatEvent {
    enum class Kind {
        Chunk, // an OpenAI chat.completion.chunk JSON object to relay (usage already taken out)
        Usage, // the provider reported (cumulative) usage; the last one wins, never summed
        Error, // the provider reported an error inside the stream
        Done,  // the provider's explicit end marker (OpenAI's [DONE])
    };
    Kind kind = Kind::Chunk;
    QByteArray chunk;
    TokenUsage usage;
    QByteArray usageJson; // the provider's usage object, to hand on to clients that asked for usage
    Error error;
    bool hasContent = false; // the chunk carries generated text, reasoning or a tool call (time to first token)
};

} // namespace AiHub::Providers
