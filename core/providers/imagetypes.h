// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/tokenusage.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace AiHub::Providers {

struct ImageRequest {
    QString model; // the provider's own model name
    QString prompt;
    int n = 1;
    QString size;    // "1024x1024"; empty: the provider's default
    QString quality; // "standard" | "hd" | "low" | "medium" | "high"; empty: default
    QString style;   // "vivid" | "natural"; empty: default
    bool wantUrl = false; // ask the provider for URLs where it offers them; otherwise image bytes
};

struct GeneratedImage {
    QString url;        // when the provider answered with a URL
    QByteArray data;    // when it answered with bytes (decoded, not base64)
    QString mimeType;   // "image/png" when known
    QString revisedPrompt;
};

struct ImageResult {
    QString model;
    QList<GeneratedImage> images;
    TokenUsage usage; // gpt-image-1 reports tokens; most providers report none
};

} // namespace AiHub::Providers
