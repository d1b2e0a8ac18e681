// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/chatevent.h"

#include <QByteArray>
#include <QString>

namespace AiHub::Providers {

// Turns neutral stream events from any provider into OpenAI chat.completion.chunk objects that official SDKs
// parse: one id, created and model across the stream, the role on the first chunk, tool calls by index.
class OpenAiChunkEncoder final {
public:
    explicit OpenAiChunkEncoder(QString model);

    // The chunk JSON for this event, or empty when the event yields none (usage, done, errors).
    QByteArray encode(const ChatEvent &event);
    // The final chunk with "choices": [] and the usage, for clients that asked for it.
    QByteArray usageChunk(const QByteArray &usageJson) const;

    // Passthrough chunks from OpenAI-style providers teach the encoder their id, created and model.
    void learnIdentity(const QByteArray &chunkJson);

private:
    QByteArray chunk(const QByteArray &deltaJson, int choice, const QByteArray &finishReason) const;
    // The stream's id: the provider's once learned, else one made up on first use (not per stream up front:
    // relayed OpenAI-style streams bring their own).
    const QByteArray &id() const;

    mutable QByteArray m_id;
    mutable bool m_hasId = false;
    qint64 m_created = 0;
    QString m_model;
    bool m_roleSent = false;
    bool m_identityKnown = false;
};

} // namespace AiHub::Providers
