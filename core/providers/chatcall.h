// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/chatrequest.h"
#include "core/providers/openairequestscan.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// One chat request on its way upstream. An OpenAI client's own body is kept as it came, so that OpenAI-style
// providers receive it with only the model changed and fields the hub does not model still reach them: as text
// where OpenAiRequestScan could read it (`openAiText`, no document built), else as the document (`openAiBody`).
// `request` is the neutral form every other provider is encoded from. For an OpenAI client it is read from the
// (already checked) body only when something asks for it with neutralRequest(): relaying to an OpenAI-style
// provider without billing never does. Once routed, request.model is the provider's own model name.
struct ChatCall {
    ChatRequest request;               // see neutralRequest()
    nlohmann::ordered_json openAiBody; // null unless the client's OpenAI body was read as a document
    QByteArray openAiText;             // the client's OpenAI body when it was scanned instead
    OpenAiRequestScan openAiScan;      // what the scan found in openAiText
    bool stream = false;
    bool clientWantsUsage = false; // stream_options.include_usage as the client sent it
    bool requestPending = false;   // request is still to be read from the client's body

    // Whether the client spoke OpenAI's API (its body is kept in one of the two forms).
    [[nodiscard]] bool hasOpenAiBody() const { return !openAiText.isEmpty() || openAiBody.is_object(); }
    void setModel(const QString &model);
    // The neutral form, read from the client's body the first time when that is still pending.
    const ChatRequest &neutralRequest();
};

// What the caller wants out of a stream decoder. OpenAI-style providers can hand on their own chunks
// (OpenAiChunks); every decoder can produce the neutral events, and does when asked for Neutral.
enum class StreamOutput { OpenAiChunks, Neutral };

} // namespace AiHub::Providers
