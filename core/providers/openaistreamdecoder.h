// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/ichatstreamdecoder.h"
#include "core/providers/chatcall.h"
#include "core/providers/sseparser.h"

#include <nlohmann/json.hpp>

#include <QString>

namespace AiHub::Providers {

// Decodes an OpenAI-style chat.completion.chunk SSE stream. Chunks are relayed as the provider sent them, except
// that usage is lifted out (OpenAI sends it in a final choices:[] chunk, DeepSeek on the finish chunk, xAI
// cumulatively on every chunk, OpenRouter on a last empty-delta chunk), so the hub can count it once and hand
// it on in OpenAI's form only to clients that asked. Chunks without usage or errors are not re-serialised.
class OpenAiStreamDecoder final : public IChatStreamDecoder {
public:
    OpenAiStreamDecoder(QString providerLabel, StreamOutput output = StreamOutput::OpenAiChunks);

    void feed(const QByteArray &bytes, std::vector<ChatEvent> &out) override;
    void finish(std::vector<ChatEvent> &out) override;

private:
    void onEvent(const QByteArray &data, std::vector<ChatEvent> &out);
    void emitNeutral(const nlohmann::ordered_json &chunk, std::vector<ChatEvent> &out);

    SseParser m_parser;
    QString m_providerLabel;
    StreamOutput m_output;
    bool m_started = false;
    bool m_sawContent = false;
};

} // namespace AiHub::Providers
