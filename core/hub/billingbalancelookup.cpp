// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/billingbalancelookup.h"

#include "core/billing/meter.h"

namespace AiHub::Hub {

BillingBalanceLookup::BillingBalanceLookup(Billing::Meter &meter) : m_meter(meter) {}

std::optional<CreditBalance> BillingBalanceLookup::balance(const CallerInfo &caller) const
{
    const Billing::BillingSettings settings = m_meter.settings();
    if (!settings.enabled)
        return std::nullopt;
    CreditBalance out;
    out.currency = settings.currencyPrefix;
    out.creditPrefix = settings.creditPrefix;
    if (caller.account.isEmpty())
        return out;
    if (auto balance = m_meter.ledger().balance(caller.account)) {
        const Billing::Credits available = balance->available();
        out.balance = (available.isNegative() ? Billing::Credits() : available).toString();
        out.pendingCredit = balance->reserved.toString();
    } else {
        // No account yet: its first call creates it with the new-user grant.
        out.balance = settings.newUserGrant.toString();
    }
    if (auto totals = m_meter.ledger().totals(caller.account)) {
        out.total = totals->credited.toString();
        out.grantCount = totals->grants;
    }
    return out;
}

} // namespace AiHub::Hub
