// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/tokenusage.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace AiHub::Providers {

struct EmbeddingRequest {
    QString model; // the provider's own model name
    QStringList inputs;
    std::optional<int> dimensions;
};

struct EmbeddingResult {
    QString model;
    QList<QList<float>> vectors; // one per input, in input order
    TokenUsage usage;            // inputTokens only
};

} // namespace AiHub::Providers
