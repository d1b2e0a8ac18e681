// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/hub/iratelookup.h"

namespace AiHub::Billing {
class RateBook;
}

namespace AiHub::Hub {

// The model list's credit rates from the billing rate table: credits per token as exact decimal strings (rates
// are stored per 1M tokens, so up to 15 decimals); image output per image. "0" for unpriced models.
class BillingRateLookup final : public IRateLookup {
public:
    explicit BillingRateLookup(const Billing::RateBook &rates);
    ModelRate rate(const QString &provider, const QString &model, Usage::CallType type) const override;

    // nano-credits per 1M tokens as credits per token: "0.0000025" for 2.5 per 1M.
    static QString perToken(qint64 nanosPerMillion);

private:
    const Billing::RateBook &m_rates;
};

} // namespace AiHub::Hub
