// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/chatevent.h"

namespace AiHub::Providers {

ChatEvent ChatEvent::textDelta(const QString &text, int choice)
{
    ChatEvent e;
    e.kind = Kind::TextDelta;
    e.text = text;
    e.choiceIndex = choice;
    return e;
}

ChatEvent ChatEvent::reasoningDelta(const QString &text, int choice)
{
    ChatEvent e;
    e.kind = Kind::ReasoningDelta;
    e.text = text;
    e.choiceIndex = choice;
    return e;
}

ChatEvent ChatEvent::reasoningSignature(const QByteArray &signature, int choice)
{
    ChatEvent e;
    e.kind = Kind::ReasoningDelta;
    e.signature = signature;
    e.choiceIndex = choice;
    return e;
}

ChatEvent ChatEvent::redactedReasoning(const QByteArray &data, int choice)
{
    ChatEvent e;
    e.kind = Kind::ReasoningDelta;
    e.redactedData = data;
    e.choiceIndex = choice;
    return e;
}

ChatEvent ChatEvent::toolCallDelta(const ToolCallDelta &delta, int choice)
{
    ChatEvent e;
    e.kind = Kind::ToolCall;
    e.toolCall = delta;
    e.choiceIndex = choice;
    return e;
}

ChatEvent ChatEvent::finish(const QString &reason, int choice)
{
    ChatEvent e;
    e.kind = Kind::Finish;
    e.finishReason = reason;
    e.choiceIndex = choice;
    return e;
}

ChatEvent ChatEvent::usageReport(const TokenUsage &usage)
{
    ChatEvent e;
    e.kind = Kind::Usage;
    e.usage = usage;
    return e;
}

ChatEvent ChatEvent::failure(const Error &error)
{
    ChatEvent e;
    e.kind = Kind::Error;
    e.error = error;
    return e;
}

ChatEvent ChatEvent::start(const QString &responseId, const QString &model)
{
    ChatEvent e;
    e.kind = Kind::Start;
    e.responseId = responseId;
    e.model = model;
    return e;
}

ChatEvent ChatEvent::done()
{
    ChatEvent e;
    e.kind = Kind::Done;
    return e;
}

bool ChatEvent::isContent() const
{
    switch (kind) {
    case Kind::Chunk: return hasContent;
    case Kind::TextDelta:
    case Kind::ReasoningDelta: return !text.isEmpty();
    case Kind::ToolCall: return true;
    default: return false;
    }
}

} // namespace AiHub::Providers
