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
    std::optional<double> latencyMs;
    QString error; // the call failed; content holds what arrived before
    qint64 createdAtMs = 0;
};

// The playground's saved conversations (tables of schema 0003). Small queries on the calling thread's
// connection; newest conversation first.
class ConversationStore final {
public:
    explicit ConversationStore(std::shared_ptr<Storage::Database> database);

    [[nodiscard]] Result<qint64> create(const QString &title, const QString &model, const QString &systemPrompt);
    [[nodiscard]] Result<QList<ConversationInfo>> list() const;
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
