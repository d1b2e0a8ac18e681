// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/usage/usagestats.h"

namespace AiHub::Usage {

enum class UsagePeriod { Day, Week, Month }; // the last 24 hours, 7 days, 30 days

// Turns what the user picked (a period ending now, or a custom from/to) into a chart query with a sensible bucket
// size: a few dozen points per chart, whatever the span.
class UsageRange final {
public:
    static constexpr int TargetBuckets = 60;

    // 24 h in hours, 7 d in 6 hours, 30 d in days; the last bucket ends at endMs (inclusive).
    static UsageStatsQuery lastPeriod(UsagePeriod period, qint64 endMs, UsageSplit split);
    // [fromMs, toMs) in the smallest bucket of bucketFor(); fails when the range is empty or reversed.
    [[nodiscard]] static Result<UsageStatsQuery> custom(qint64 fromMs, qint64 toMs, UsageSplit split);
    // The smallest of 1, 5, 15, 30 min, 1, 3, 6, 12 h, 1, 7, 30 d that splits spanMs into at most TargetBuckets;
    // beyond that whole multiples of 30 days.
    static qint64 bucketFor(qint64 spanMs);
};

} // namespace AiHub::Usage
