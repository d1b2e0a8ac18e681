// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QString>
#include <QStringList>

namespace AiHub::Providers {

// What is known about one model of a provider: from its live model list, from the catalogue shipped with the
// hub, or both. Zero and empty mean "not known".
struct ModelInfo {
    enum class Type { Unknown, Chat, Embedding, Image };
    QString id;                 // the provider's own model id
    Type type = Type::Unknown;
    qint64 contextLength = 0;   // input context window, in tokens
    qint64 maxOutputTokens = 0;
    QStringList inputModalities; // "text", "image", "audio", "video"

    // "chat" | "embedding" | "image" <-> Type; unknown words are Type::Unknown.
    static Type typeFromName(const QString &name);
};

} // namespace AiHub::Providers
