// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Usage {

// How usage is split into series.
enum class UsageSplit { None, Provider, Model, Key };

struct UsageStatsQuery {
    qint64 fromMs = 0; // inclusive
    qint64 toMs = 0;   // exclusive
    qint64 bucketMs = 3600 * 1000;
    UsageSplit split = UsageSplit::None;
    int maxGroups = 5;     // the busiest groups keep their name; the rest become "other"
    int recentLimit = 200; // rows for the table of recent calls
};

// One time bucket of one group.
struct UsageBucket {
    qint64 calls = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 errors = 0; // HTTP status >= 400
};

struct UsageRecentCall {
    qint64 createdAtMs = 0;
    QString keyName;
    QString provider;
    QString model;
    int httpStatus = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double durationMs = 0;
    QString errorMessage;
};

// Aggregated usage for the charts: per group a row of buckets (bucketCount long), latency percentiles over all
// calls per bucket, totals, and the newest calls in the range.
struct UsageStats {
    qint64 fromMs = 0;
    qint64 bucketMs = 0;
    int bucketCount = 0;
    QStringList groups;                 // in order of calls, busiest first; "other" last when present
    QList<QList<UsageBucket>> series;   // series[g][b]
    QList<double> latencyP50Ms;         // per bucket; -1 when the bucket has no calls
    QList<double> latencyP95Ms;
    qint64 totalCalls = 0;
    qint64 totalInputTokens = 0;
    qint64 totalOutputTokens = 0;
    qint64 totalErrors = 0;
    QList<UsageRecentCall> recent;      // newest first
};

// Reads usage_records with aggregate queries. Runs on any thread (each uses its own connection), so the desktop
// app calls it from a worker pool and hands only the aggregated result to the charts.
class UsageStatsReader final {
public:
    [[nodiscard]] static Result<UsageStats> read(const std::shared_ptr<Storage::Database> &database,
                                                 const UsageStatsQuery &query);
    // Every call in [fromMs, toMs) as CSV with a header row, oldest first. Writes to `path`.
    [[nodiscard]] static Result<qint64> exportCsv(const std::shared_ptr<Storage::Database> &database, qint64 fromMs,
                                                  qint64 toMs, const QString &path);
    // The value at fraction q (0..1) of an ascending list, nearest-rank; -1 when empty.
    static double percentile(const QList<double> &sortedValues, double q);
};

} // namespace AiHub::Usage
