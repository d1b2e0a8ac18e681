// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace AiHub::Providers {

// The provider-neutral chat request. Every API the hub serves (OpenAI /v1, AIGNE /api/v2) parses into it, and
// every provider adapter encodes from it, so any API works with any provider.

struct ContentPart {
    enum class Type { Text, Image };
    Type type = Type::Text;
    QString text;
    // Images: a URL (http(s) or a data: URL), or inline bytes with their MIME type.
    QString imageUrl;
    QByteArray imageData;
    QString mimeType;
    QString detail; // OpenAI's "low" | "high" | "auto"; empty when not given
};

struct ToolCall {
    QString id;
    QString name;
    QString arguments;       // a JSON text, as OpenAI carries it ("{}" when empty)
    QByteArray signature;    // Gemini's thoughtSignature, to be carried back on the next turn
};

// One signed reasoning block of an assistant turn (Anthropic thinking / redacted_thinking, Bedrock
// reasoningContent), kept whole and in order: providers check each block's signature on the next turn.
struct ThinkingBlock {
    QString thinking;        // the visible text (empty for a redacted block)
    QByteArray signature;    // the provider's signature over it
    QByteArray redactedData; // redacted_thinking: the provider's encrypted data (Bedrock: redactedContent, base64)

    bool isRedacted() const { return !redactedData.isEmpty(); }
};

struct ChatMessage {
    enum class Role { System, User, Assistant, Tool };
    Role role = Role::User;
    QList<ContentPart> content;
    QList<ToolCall> toolCalls; // assistant turns that called tools
    QString toolCallId;        // tool results: which call this answers
    QString name;              // tool results: the tool's name, where known
    QString reasoning;         // assistant reasoning to hand back (Anthropic thinking, DeepSeek reasoning_content)
    QList<ThinkingBlock> thinkingBlocks; // signed / redacted thinking to hand back, in the provider's order

    QString text() const; // all text parts joined
};

struct ToolDefinition {
    QString name;
    QString description;
    QByteArray parameters; // JSON Schema as a JSON text; empty: no parameters
};

struct ToolChoice {
    enum class Mode { Auto, None, Required, Named };
    Mode mode = Mode::Auto;
    QString name; // Named
};

struct ResponseFormat {
    enum class Type { Text, JsonObject, JsonSchema };
    Type type = Type::Text;
    QString name;       // JsonSchema
    QByteArray schema;  // JsonSchema: the schema as JSON text
    bool strict = false;
};

struct ChatRequest {
    QString model; // the provider's own model name (after routing)
    QList<ChatMessage> messages; // system messages stay in place; adapters that need them apart split them out
    QList<ToolDefinition> tools;
    std::optional<ToolChoice> toolChoice;
    bool parallelToolCalls = true;
    ResponseFormat responseFormat;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> topK;
    std::optional<qint64> maxTokens; // max_tokens or max_completion_tokens
    QStringList stop;
    std::optional<qint64> seed;
    std::optional<double> presencePenalty;
    std::optional<double> frequencyPenalty;
    std::optional<int> n;
    QString user;
    QString reasoningEffort; // "low" | "medium" | "high" where the client asked
    bool stream = false;
};

} // namespace AiHub::Providers
