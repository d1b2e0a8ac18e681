// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/hub/ibalancelookup.h"

namespace AiHub::Hub {

// The balance lookup of a hub without credit billing: nobody has a balance.
class NoBalanceLookup final : public IBalanceLookup {
public:
    std::optional<CreditBalance> balance(const CallerInfo &caller) const override;
};

} // namespace AiHub::Hub
