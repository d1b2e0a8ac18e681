// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QtGlobal>

namespace AiHub::Billing {

// Token counts from text when a provider reports none. Two estimates on purpose: the reservation must not be too
// low (it is the most a call may cost), while a charge from counted text must not overcharge.
class TokenEstimate final {
public:
    static constexpr qint64 PerMessageOverhead = 4; // role and separators
    static constexpr qint64 PerImage = 1600;        // a high-detail image, roughly, for the reservation

    // The reservation's bound: one token per 3 UTF-8 bytes, rounded up, plus the per-message overhead.
    static qint64 upperBound(qint64 utf8Bytes, qint64 messages);
    // What counted text is charged as: one token per 4 UTF-8 bytes (the usual average), rounded up.
    static qint64 counted(qint64 utf8Bytes);
};

} // namespace AiHub::Billing
