// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/bedrock/eventstreamdecoder.h"
#include "core/providers/ichatstreamdecoder.h"

#include <QHash>
#include <QString>

namespace AiHub::Providers {

// ConverseStream (application/vnd.amazon.eventstream) to neutral ChatEvents: messageStart -> Start,
// contentBlockStart{toolUse} / contentBlockDelta{toolUse} -> ToolCall, delta.text -> TextDelta,
// delta.reasoningContent.text -> ReasoningDelta (its signature closes the block, redactedContent is a whole
// redacted block), messageStop -> Finish, metadata -> Usage, exception frames
// -> Error. A clean end after messageStop yields Done; a stream cut short yields an Error.
class BedrockStreamDecoder final : public IChatStreamDecoder {
public:
    // `who` names the provider for people, `providerName` is its configured name.
    BedrockStreamDecoder(QString who, QString providerName);

    void feed(const QByteArray &bytes, std::vector<ChatEvent> &out) override;
    void finish(std::vector<ChatEvent> &out) override;

private:
    void onMessage(const EventStreamMessage &message, std::vector<ChatEvent> &out);
    void onEvent(const QByteArray &type, const QByteArray &payload, std::vector<ChatEvent> &out);
    int toolIndexFor(qint64 blockIndex);
    void failWith(Error error, std::vector<ChatEvent> &out);

    QString m_who;
    QString m_providerName;
    EventStreamDecoder m_frames;
    QHash<qint64, int> m_toolIndexByBlock; // contentBlockIndex -> index among this answer's tool calls
    bool m_sawStop = false;
    bool m_failed = false;
};

} // namespace AiHub::Providers
