// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/ichatstreamdecoder.h"
#include "core/providers/sseparser.h"

#include <QHash>
#include <QString>

namespace AiHub::Providers {

// Decodes Anthropic's Messages SSE stream into neutral events: message_start -> Start, text_delta -> TextDelta,
// thinking_delta -> ReasoningDelta, signature_delta -> ReasoningDelta with the signature that closes the block,
// redacted_thinking blocks -> ReasoningDelta with redactedData, tool_use blocks and their input_json_delta ->
// ToolCall deltas (one index per tool_use block, counted from 0), message_delta -> Finish and one Usage,
// message_stop -> Done, error -> Error.
// Usage comes in two halves (input and cache counts on message_start, cumulative output on message_delta); they
// are joined and reported once, at message_delta, or on an error or the end of a stream that never got there.
class AnthropicStreamDecoder final : public IChatStreamDecoder {
public:
    // providerLabel names the provider in messages; providerName goes into Error::provider.
    AnthropicStreamDecoder(QString providerLabel, QString providerName);

    void feed(const QByteArray &bytes, std::vector<ChatEvent> &out) override;
    void finish(std::vector<ChatEvent> &out) override;

private:
    void onEvent(const SseParser::Event &event, std::vector<ChatEvent> &out);
    void reportUsage(std::vector<ChatEvent> &out);

    SseParser m_parser;
    QString m_providerLabel;
    QString m_providerName;
    TokenUsage m_usage;
    bool m_usagePending = false; // counts arrived that no Usage event has carried yet
    QHash<int, int> m_toolIndexByBlock; // content block index -> tool call index
};

} // namespace AiHub::Providers
