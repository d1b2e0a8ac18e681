// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/ichatstreamdecoder.h"

#include <QString>

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// Decodes Ollama's NDJSON stream (/api/chat, also /api/generate's "response" lines): one JSON object per line,
// tool calls whole in one line, the last line "done": true with done_reason and the token counts. An
// {"error": "..."} line can arrive mid-stream while the HTTP status stays 200.
class OllamaStreamDecoder final : public IChatStreamDecoder {
public:
    explicit OllamaStreamDecoder(QString providerLabel);

    void feed(const QByteArray &bytes, std::vector<ChatEvent> &out) override;
    void finish(std::vector<ChatEvent> &out) override;

private:
    void onLine(QByteArrayView line, std::vector<ChatEvent> &out);
    void onObject(const nlohmann::ordered_json &object, std::vector<ChatEvent> &out);

    QByteArray m_buffer;
    QString m_providerLabel;
    bool m_started = false;
    bool m_ended = false;   // done:true or an error line was seen
    bool m_finished = false;
    int m_toolCalls = 0;
};

} // namespace AiHub::Providers
