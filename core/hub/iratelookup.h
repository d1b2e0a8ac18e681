// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/usage/usagerecord.h"

#include <QString>

namespace AiHub::Hub {

// Credits per token as decimal strings, exactly as the AIGNE client's model-list schema requires.
struct ModelRate {
    QString inputCreditsPerToken = QStringLiteral("0");
    QString outputCreditsPerToken = QStringLiteral("0");
};

// Where the model list (GET /api/ai/models) gets its credit rates. Billing implements it; until then
// ZeroRateLookup answers "0" for everything. Must be thread-safe: every server worker asks it.
class IRateLookup {
public:
    virtual ~IRateLookup() = default;
    virtual ModelRate rate(const QString &provider, const QString &model, Usage::CallType type) const = 0;
};

} // namespace AiHub::Hub
