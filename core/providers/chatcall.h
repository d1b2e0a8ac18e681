// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/chatrequest.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// One chat request on its way upstream. `openAiBody` is the client's own OpenAI-form body when the client spoke
// OpenAI's API: OpenAI-style providers then receive it with only the model changed, so fields the hub does not
// model still reach them. `request` is the neutral form every other provider is encoded from. For an OpenAI
// client it is read from the (already checked) body only when something asks for it with neutralRequest():
// relaying to an OpenAI-style provider without billing never does. Both carry the provider's own model name
// once routed.
struct ChatCall {
    ChatRequest request;               // see neutralRequest()
    nlohmann::ordered_json openAiBody; // null when the client did not speak OpenAI's API
    bool stream = false;
    bool clientWantsUsage = false; // stream_options.include_usage as the client sent it
    bool requestPending = false;   // request is still to be read from openAiBody

    void setModel(const QString &model);
    // The neutral form, read from openAiBody the first time when that is still pending.
    const ChatRequest &neutralRequest();
};

// What the caller wants out of a stream decoder. OpenAI-style providers can hand on their own chunks
// (OpenAiChunks); every decoder can produce the neutral events, and does when asked for Neutral.
enum class StreamOutput { OpenAiChunks, Neutral };

} // namespace AiHub::Providers
