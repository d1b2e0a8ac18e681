// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/usage/usagerecord.h"

#include <QString>

#include <optional>

namespace AiHub::Hub {

// What kind of call a model serves, judged by its name (providers' model lists do not say).
class ModelTypes final {
public:
    static Usage::CallType guess(const QString &model);
    // The AIGNE model list's words: "chat" | "image_generation" | "embedding".
    static QString aigneName(Usage::CallType type);
    // ?type= of GET /api/ai/models: chat|chatCompletion, image|image_generation|imageGeneration, embedding.
    static std::optional<Usage::CallType> parseAigneFilter(const QString &name);
};

} // namespace AiHub::Hub
