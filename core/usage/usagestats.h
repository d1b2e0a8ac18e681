// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Usage {

// How usage is split into series. App is the client that made the call (the x-aigne-hub-client-did it sent).
enum class UsageSplit { None, Provider, Model, Key, App };

struct UsageStatsQuery {
    qint64 fromMs = 0; // inclusive
    qint64 toMs = 0;   // exclusive
    qint64 bucketMs = 3600 * 1000;
    UsageSplit split = UsageSplit::None;
    int maxGroups = 5; // the busiest groups keep their name; the rest become "other"
};

// One time bucket of one group.
struct UsageBucket {
    qint64 calls = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 errors = 0;      // HTTP status >= 400
    qint64 creditsNanos = 0; // credits charged (Billing::Credits nanos)
};

// Aggregated usage for the charts: per group a row of buckets (bucketCount long), latency percentiles over all
// calls per bucket and totals. Never holds single calls: see UsageCallsReader for those.
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
    qint64 totalCreditsNanos = 0;
};

// Reads usage_records with aggregate queries: bucket by bucket, SQLite sums each group, so the result is
// bucketCount x groups values however many rows there are. Latency percentiles are exact (nearest rank) per bucket,
// from the bucket's durations only (one bucket's values in memory at a time).
// Runs on any thread (each uses its own connection), so the desktop app calls it from a worker pool and hands only
// the aggregated result to the charts. When `cancel` turns true (a newer query superseded this one) the reader
// stops before the next bucket and fails with ErrorCode::Cancelled.
class UsageStatsReader final {
public:
    [[nodiscard]] static Result<UsageStats> read(const std::shared_ptr<Storage::Database> &database,
                                                 const UsageStatsQuery &query,
                                                 const std::atomic_bool *cancel = nullptr);
    // Every call in [fromMs, toMs) as CSV with a header row, oldest first. Writes to `path`.
    [[nodiscard]] static Result<qint64> exportCsv(const std::shared_ptr<Storage::Database> &database, qint64 fromMs,
                                                  qint64 toMs, const QString &path);
    // The value at fraction q (0..1) of an ascending list, nearest-rank; -1 when empty.
    static double percentile(const QList<double> &sortedValues, double q);
};

} // namespace AiHub::Usage
