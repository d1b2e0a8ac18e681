// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"
#include "core/providers/tokenusage.h"

#include <QByteArray>
#include <QString>

namespace AiHub::Providers {

// One piece of a tool call as it streams: the first piece of a call has id and name, later ones add to arguments.
struct ToolCallDelta {
    int index = 0;              // which call of this answer (parallel calls have 0, 1, ...)
    QString id;
    QString name;
    QString argumentsDelta;     // a fragment of the JSON arguments text
    QByteArray signature;       // Gemini's thoughtSignature
};

// What a provider's stream decoder yields, in order. Decoders of OpenAI-style providers can hand on the
// provider's own chunks (Chunk) for the OpenAI API to relay unchanged; every decoder can yield the neutral
// events (Start, TextDelta, ReasoningDelta, ToolCall, Finish) that any API can encode.
struct ChatEvent {
    enum class Kind {
        Chunk,          // an OpenAI chat.completion.chunk JSON object to relay (usage already taken out)
        Start,          // the answer began: responseId and model, when the provider says them
        TextDelta,      // text
        ReasoningDelta, // text (the model's visible reasoning / thinking); or, with empty text, the signature that
                        // closes a thinking block (Anthropic signature_delta, Bedrock reasoningContent.signature);
                        // or a whole redacted block (redactedData). A block's text is the reasoning text since the
                        // previous closing event, so interleaved blocks stay apart.
        ToolCall,       // toolCall
        Finish,         // finishReason: "stop" | "length" | "tool_calls" | "content_filter"
        Usage,          // the provider reported (cumulative) usage; the last one wins, never summed
        Error,          // the provider reported an error inside the stream
        Done,           // the provider's explicit end marker (OpenAI's [DONE], Anthropic's message_stop)
    };
    Kind kind = Kind::Chunk;
    QByteArray chunk;
    TokenUsage usage;
    QByteArray usageJson; // OpenAI-style providers: their usage object, to hand on to clients that asked
    Error error;
    bool hasContent = false; // Chunk: carries generated text, reasoning or a tool call (time to first token)
    QString text;
    QByteArray signature; // ReasoningDelta: the thinking block's signature, to be sent back on the next turn
    QByteArray redactedData; // ReasoningDelta: a redacted thinking block's data, to be sent back on the next turn
    ToolCallDelta toolCall;
    QString finishReason;
    QString responseId;
    QString model;
    int choiceIndex = 0;

    static ChatEvent textDelta(const QString &text, int choice = 0);
    static ChatEvent reasoningDelta(const QString &text, int choice = 0);
    static ChatEvent reasoningSignature(const QByteArray &signature, int choice = 0);
    static ChatEvent redactedReasoning(const QByteArray &data, int choice = 0);
    static ChatEvent toolCallDelta(const ToolCallDelta &delta, int choice = 0);
    static ChatEvent finish(const QString &reason, int choice = 0);
    static ChatEvent usageReport(const TokenUsage &usage);
    static ChatEvent failure(const Error &error);
    static ChatEvent start(const QString &responseId, const QString &model);
    static ChatEvent done();
    // Neutral events that mean the model produced something (for time to first token).
    bool isContent() const;
};

} // namespace AiHub::Providers
