// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/usage/usagerange.h"

#include <array>

namespace AiHub::Usage {

namespace {
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr std::array<qint64, 11> kNiceBuckets { kMinute,   5 * kMinute, 15 * kMinute, 30 * kMinute,
                                                kHour,     3 * kHour,   6 * kHour,    12 * kHour,
                                                kDay,      7 * kDay,    30 * kDay };
} // namespace

qint64 UsageRange::bucketFor(qint64 spanMs)
{
    for (qint64 bucket : kNiceBuckets) {
        if ((spanMs + bucket - 1) / bucket <= TargetBuckets)
            return bucket;
    }
    const qint64 month = kNiceBuckets.back();
    const qint64 months = (spanMs + month - 1) / month;
    return ((months + TargetBuckets - 1) / TargetBuckets) * month;
}

UsageStatsQuery UsageRange::lastPeriod(UsagePeriod period, qint64 endMs, UsageSplit split)
{
    UsageStatsQuery query;
    qint64 span = kDay;
    switch (period) {
    case UsagePeriod::Day:
        query.bucketMs = kHour;
        break;
    case UsagePeriod::Week:
        query.bucketMs = 6 * kHour;
        span = 7 * kDay;
        break;
    case UsagePeriod::Month:
        query.bucketMs = kDay;
        span = 30 * kDay;
        break;
    }
    // Buckets end at the end of the range, so the newest bucket is complete up to now.
    query.toMs = endMs + 1;
    query.fromMs = query.toMs - ((span + query.bucketMs - 1) / query.bucketMs) * query.bucketMs;
    query.split = split;
    return query;
}

Result<UsageStatsQuery> UsageRange::custom(qint64 fromMs, qint64 toMs, UsageSplit split)
{
    if (toMs <= fromMs)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The range ends before it starts; choose a \"to\" time after the \"from\" time."));
    UsageStatsQuery query;
    query.fromMs = fromMs;
    query.toMs = toMs;
    query.bucketMs = bucketFor(toMs - fromMs);
    query.split = split;
    return query;
}

} // namespace AiHub::Usage
