// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/hub/conversationstore.h"

#include <QByteArray>
#include <QString>

namespace AiHub::Hub {

// A saved conversation as a file a person can keep or share: Markdown to read, JSON to process.
class ConversationExport final {
public:
    enum class Format { Markdown, Json };

    // "# Title", the model and system prompt, then each message under "## You" / "## Assistant" with its
    // statistics and any error.
    static QString toMarkdown(const ConversationInfo &info, const QList<ConversationMessage> &messages);
    // {"title", "model", "systemPrompt", "createdAt", "updatedAt", "messages": [...]}; times in ISO 8601 UTC,
    // credits as the decimal string the hub reported (never a float), absent figures left out.
    static QByteArray toJson(const ConversationInfo &info, const QList<ConversationMessage> &messages);
    static QByteArray render(Format format, const ConversationInfo &info, const QList<ConversationMessage> &messages);

    // Writes atomically (a half-written file never replaces an existing one).
    [[nodiscard]] static Status writeFile(const QString &path, const QByteArray &contents);
    // A file name without characters file systems refuse, e.g. "Sorting in C++.md".
    static QString suggestedFileName(const QString &title, Format format);
};

} // namespace AiHub::Hub
