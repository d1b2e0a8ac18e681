// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/hub/ibalancelookup.h"

namespace AiHub::Billing {
class Meter;
}

namespace AiHub::Hub {

// GET /api/user/info's balance from the ledger; nullopt while billing is off. balance is what the caller can
// spend now (held credits excluded), pendingCredit what calls in progress hold, total all credits ever added.
class BillingBalanceLookup final : public IBalanceLookup {
public:
    explicit BillingBalanceLookup(Billing::Meter &meter);
    std::optional<CreditBalance> balance(const CallerInfo &caller) const override;

private:
    Billing::Meter &m_meter;
};

} // namespace AiHub::Hub
