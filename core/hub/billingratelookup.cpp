// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/billingratelookup.h"

#include "core/billing/ratebook.h"

namespace AiHub::Hub {

namespace {
Billing::RateType rateType(Usage::CallType type)
{
    switch (type) {
    case Usage::CallType::Chat: return Billing::RateType::Chat;
    case Usage::CallType::Embedding: return Billing::RateType::Embedding;
    case Usage::CallType::Image: return Billing::RateType::Image;
    }
    return Billing::RateType::Chat;
}
} // namespace

BillingRateLookup::BillingRateLookup(const Billing::RateBook &rates) : m_rates(rates) {}

QString BillingRateLookup::perToken(qint64 nanosPerMillion)
{
    // 9 decimals per 1M tokens = 15 decimals per token; exact, no floating point.
    constexpr int Decimals = 15;
    const bool negative = nanosPerMillion < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(nanosPerMillion) : quint64(nanosPerMillion);
    const quint64 scale = 1'000'000'000'000'000ULL;
    QString fraction = QString::number(magnitude % scale).rightJustified(Decimals, u'0');
    while (!fraction.isEmpty() && fraction.endsWith(u'0'))
        fraction.chop(1);
    QString out = (negative ? QStringLiteral("-") : QString()) + QString::number(magnitude / scale);
    if (!fraction.isEmpty())
        out += u'.' + fraction;
    return out;
}

ModelRate BillingRateLookup::rate(const QString &provider, const QString &model, Usage::CallType type) const
{
    ModelRate out;
    auto found = m_rates.find(provider, model, rateType(type));
    if (!found || !*found)
        return out;
    const Billing::Rate &rate = **found;
    out.inputCreditsPerToken = perToken(rate.input.nanos());
    out.outputCreditsPerToken = rate.type == Billing::RateType::Image ? rate.output.toString()
                                                                      : perToken(rate.output.nanos());
    return out;
}

} // namespace AiHub::Hub
