// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/hub/iratelookup.h"

namespace AiHub::Hub {

// The rates of a hub without billing: every model is free ("0" credits per token).
class ZeroRateLookup final : public IRateLookup {
public:
    ModelRate rate(const QString &provider, const QString &model, Usage::CallType type) const override;
};

} // namespace AiHub::Hub
