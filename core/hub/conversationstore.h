// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Hub {

struct ConversationInfo {
    qint64 id = 0;
    QString title;
    QString model;
    QString systemPrompt;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

struct ConversationMessage {
    qint64 id = 0;
    QString role; // "user" or "assistant"
    QString content;
    QString model;
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<double> latencyMs;   // request sent to last byte
    std::optional<double> firstTokenMs; // request sent to first text
    QString credits;                    // what the hub charged, a decimal as it reported it; empty: unknown
    QString callId;                     // the hub's id for the call (its usage record's request id)
    QString error; // the call failed; content holds what arrived before
    qint64 createdAtMs = 0;
};

// The playground's saved conversations (schema 0003, and 0004's conversation_message_stats for each answer's credits
// and time to first token). Small queries on the calling thread's connection; newest conversation first.
class ConversationStore final {
public:
    explicit ConversationStore(std::shared_ptr<Storage::Database> database);

    [[nodiscard]] Result<qint64> create(const QString &title, const QString &model, const QString &systemPrompt);
    [[nodiscard]] Result<QList<ConversationInfo>> list() const;
    // Conversations whose title or any message contains `text` (case-insensitive for ASCII); all for empty text.
    [[nodiscard]] Result<QList<ConversationInfo>> search(const QString &text) const;
    [[nodiscard]] Result<ConversationInfo> find(qint64 id) const;
    [[nodiscard]] Status rename(qint64 id, const QString &title);
    [[nodiscard]] Status updateSettings(qint64 id, const QString &model, const QString &systemPrompt);
    [[nodiscard]] Status remove(qint64 id);
    [[nodiscard]] Result<QList<ConversationMessage>> messages(qint64 conversationId) const;
    [[nodiscard]] Result<qint64> addMessage(qint64 conversationId, const ConversationMessage &message);

private:
    std::shared_ptr<Storage::Database> m_database;
};

} // namespace AiHub::Hub
