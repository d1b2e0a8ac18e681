// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/credits.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace AiHub::Billing {

enum class RateType { Chat, Embedding, Image };
QString rateTypeName(RateType type); // "chat" | "embedding" | "image"
std::optional<RateType> parseRateType(QStringView name);

// What a call used, in the units rates are priced in.
struct Quantities {
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 cacheReadTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 images = 0;

    friend bool operator==(const Quantities &, const Quantities &) = default;
};

// The price of one provider/model/type (and, for images, an optional size/quality variant). One row of
// billing_rates: a change adds a new row, so a charge can always name the exact rate it used.
struct Rate {
    qint64 id = 0;             // billing_rates.id; 0 until stored
    QString provider;
    QString model;
    RateType type = RateType::Chat;
    QString variant;           // images: "1024x1024", "hd", "1024x1024/hd"; empty: any
    Credits input;             // chat/embedding: credits per 1M input tokens
    Credits output;            // chat: per 1M output tokens; images: per image
    std::optional<Credits> cacheRead;  // per 1M cached tokens read; empty: the input rate
    std::optional<Credits> cacheWrite; // per 1M tokens written to the cache; empty: the input rate
    qint64 createdAtMs = 0;

    // Exact cost, rounded half up to the nano-credit once at the end. Empty on overflow.
    //   chat:      (in × input + out × output + cacheRead × readRate + cacheWrite × writeRate) / 1M
    //   embedding: in × input / 1M
    //   image:     in × input / 1M + images × output
    [[nodiscard]] std::optional<Credits> cost(const Quantities &used) const;
    // Same prices (ignoring id and time).
    bool samePrices(const Rate &other) const;
    // "openai/gpt-4o" or "openai/dall-e-3 [hd]"
    QString key() const;
};

} // namespace AiHub::Billing
