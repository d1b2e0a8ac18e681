// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/rate.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace AiHub::Billing {

namespace {
__extension__ typedef __int128 Wide; // nano-credits × tokens does not fit 64 bits

constexpr qint64 PerMillion = 1'000'000;
} // namespace

QString rateTypeName(RateType type)
{
    switch (type) {
    case RateType::Chat: return u"chat"_s;
    case RateType::Embedding: return u"embedding"_s;
    case RateType::Image: return u"image"_s;
    }
    return u"chat"_s;
}

std::optional<RateType> parseRateType(QStringView name)
{
    if (name == u"chat")
        return RateType::Chat;
    if (name == u"embedding" || name == u"embeddings")
        return RateType::Embedding;
    if (name == u"image" || name == u"images")
        return RateType::Image;
    return std::nullopt;
}

std::optional<Credits> Rate::cost(const Quantities &used) const
{
    if (used.inputTokens < 0 || used.outputTokens < 0 || used.cacheReadTokens < 0 || used.cacheWriteTokens < 0
        || used.images < 0)
        return std::nullopt;
    // Token terms in nano-credits × tokens, divided by 1M once so no term is rounded on its own.
    Wide tokenTerms = Wide(used.inputTokens) * input.nanos();
    Wide perItem = 0;
    switch (type) {
    case RateType::Chat:
        tokenTerms += Wide(used.outputTokens) * output.nanos();
        tokenTerms += Wide(used.cacheReadTokens) * cacheRead.value_or(input).nanos();
        tokenTerms += Wide(used.cacheWriteTokens) * cacheWrite.value_or(input).nanos();
        break;
    case RateType::Embedding:
        break;
    case RateType::Image:
        perItem = Wide(used.images) * output.nanos();
        break;
    }
    const bool negative = tokenTerms < 0;
    Wide magnitude = negative ? -tokenTerms : tokenTerms;
    Wide rounded = (magnitude + PerMillion / 2) / PerMillion; // half up (away from zero)
    const Wide total = (negative ? -rounded : rounded) + perItem;
    if (total > Wide(std::numeric_limits<qint64>::max()) || total < Wide(std::numeric_limits<qint64>::min()))
        return std::nullopt;
    return Credits::fromNanos(qint64(total));
}

bool Rate::samePrices(const Rate &other) const
{
    return input == other.input && output == other.output && cacheRead == other.cacheRead
        && cacheWrite == other.cacheWrite;
}

QString Rate::key() const
{
    QString k = provider + u'/' + model;
    if (type != RateType::Chat)
        k += u" (" + rateTypeName(type) + u')';
    if (!variant.isEmpty())
        k += u" [" + variant + u']';
    return k;
}

} // namespace AiHub::Billing
