// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QList>

#include <vector>

namespace AiHub::Bench {

// Percentiles of one run's samples (microseconds), and the median over repeated runs.
class LatencySummary final {
public:
    LatencySummary() = default;
    // Sorts a copy; nearest-rank percentiles.
    explicit LatencySummary(std::vector<double> samplesUs);

    qsizetype count() const { return m_count; }
    double p50() const { return m_p50; }
    double p90() const { return m_p90; }
    double p99() const { return m_p99; }
    double mean() const { return m_mean; }
    double max() const { return m_max; }

    // Nearest-rank percentile (0..100) of sorted values.
    static double percentile(const std::vector<double> &sorted, double pct);
    // The median of a few values (the middle one, or the mean of the two middle ones); NaN when empty.
    static double median(QList<double> values);

private:
    qsizetype m_count = 0;
    double m_p50 = 0;
    double m_p90 = 0;
    double m_p99 = 0;
    double m_mean = 0;
    double m_max = 0;
};

} // namespace AiHub::Bench
