// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/nobalancelookup.h"

namespace AiHub::Hub {

std::optional<CreditBalance> NoBalanceLookup::balance(const CallerInfo &) const { return std::nullopt; }

} // namespace AiHub::Hub
