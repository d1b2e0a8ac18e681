// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/hub/callerinfo.h"

#include <QString>

#include <optional>

namespace AiHub::Hub {

// A caller's credit balance, as GET /api/user/info reports it (decimal strings).
struct CreditBalance {
    QString balance = QStringLiteral("0");
    QString total = QStringLiteral("0");
    QString pendingCredit = QStringLiteral("0");
    int grantCount = 0;
    QString currency;
    QString creditPrefix; // "" | "$" | "€" | "¥"
    QString paymentLink;  // where to buy credits
};

// Where GET /api/user/info gets the caller's balance. Billing implements it; until then NoBalanceLookup says
// "no credit billing" (nullopt). Must be thread-safe: every server worker asks it.
class IBalanceLookup {
public:
    virtual ~IBalanceLookup() = default;
    virtual std::optional<CreditBalance> balance(const CallerInfo &caller) const = 0;
};

} // namespace AiHub::Hub
