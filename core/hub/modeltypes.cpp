// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/modeltypes.h"

namespace AiHub::Hub {

Usage::CallType ModelTypes::guess(const QString &model)
{
    const QString m = model.toLower();
    if (m.contains(QStringLiteral("embed")))
        return Usage::CallType::Embedding;
    static const char *const imageMarks[] = { "dall-e", "gpt-image", "imagen", "stable-diffusion", "sdxl",
                                              "titan-image", "flux", "ideogram", "seedream" };
    for (const char *mark : imageMarks) {
        if (m.contains(QLatin1StringView(mark)))
            return Usage::CallType::Image;
    }
    return Usage::CallType::Chat;
}

QString ModelTypes::aigneName(Usage::CallType type)
{
    switch (type) {
    case Usage::CallType::Chat: return QStringLiteral("chat");
    case Usage::CallType::Image: return QStringLiteral("image_generation");
    case Usage::CallType::Embedding: return QStringLiteral("embedding");
    }
    return QStringLiteral("chat");
}

std::optional<Usage::CallType> ModelTypes::parseAigneFilter(const QString &name)
{
    if (name == QStringLiteral("chat") || name == QStringLiteral("chatCompletion"))
        return Usage::CallType::Chat;
    if (name == QStringLiteral("image") || name == QStringLiteral("image_generation")
        || name == QStringLiteral("imageGeneration"))
        return Usage::CallType::Image;
    if (name == QStringLiteral("embedding") || name == QStringLiteral("embeddings"))
        return Usage::CallType::Embedding;
    return std::nullopt;
}

} // namespace AiHub::Hub
