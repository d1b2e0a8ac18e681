// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/ichatstreamdecoder.h"
#include "core/providers/sseparser.h"

#include <QHash>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace AiHub::Providers {

// Decodes `streamGenerateContent?alt=sse` into neutral events. Every SSE event is a whole
// GenerateContentResponse; there is no end sentinel. usageMetadata is cumulative and repeated on every event,
// so the decoder keeps the last one and reports it once, when the stream ends.
class GeminiStreamDecoder final : public IChatStreamDecoder {
public:
    explicit GeminiStreamDecoder(QString providerLabel);

    void feed(const QByteArray &bytes, std::vector<ChatEvent> &out) override;
    void finish(std::vector<ChatEvent> &out) override;

private:
    void onEvent(const QByteArray &data, std::vector<ChatEvent> &out);
    void onCandidate(const nlohmann::ordered_json &candidate, std::vector<ChatEvent> &out);

    SseParser m_parser;
    QString m_providerLabel;
    bool m_started = false;
    bool m_finished = false;
    int m_nextCallId = 0;
    QHash<int, int> m_callsPerCandidate; // candidate index -> tool calls so far
    std::optional<TokenUsage> m_usage;
};

} // namespace AiHub::Providers
