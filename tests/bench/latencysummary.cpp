// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/latencysummary.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace AiHub::Bench {

LatencySummary::LatencySummary(std::vector<double> samplesUs)
{
    std::sort(samplesUs.begin(), samplesUs.end());
    m_count = qsizetype(samplesUs.size());
    if (samplesUs.empty())
        return;
    m_p50 = percentile(samplesUs, 50);
    m_p90 = percentile(samplesUs, 90);
    m_p99 = percentile(samplesUs, 99);
    m_mean = std::accumulate(samplesUs.begin(), samplesUs.end(), 0.0) / double(samplesUs.size());
    m_max = samplesUs.back();
}

double LatencySummary::percentile(const std::vector<double> &sorted, double pct)
{
    if (sorted.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const auto rank = std::size_t(std::ceil(pct / 100.0 * double(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

double LatencySummary::median(QList<double> values)
{
    values.removeIf([](double v) { return std::isnan(v); });
    if (values.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

} // namespace AiHub::Bench
