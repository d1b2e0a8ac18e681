// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Testing {

// One seeded call, as the brute-force checks need it.
struct SeededCall {
    qint64 id = 0;
    qint64 createdAtMs = 0;
    QString provider;
    QString model;
    QString keyName;
    QString appDid; // empty: stored as NULL (a client that sent no DID)
    int status = 200;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    std::optional<qint64> creditsNanos;
    double durationMs = 0;
};

// Writes `count` deterministic pseudo-random usage rows spread over [endMs - spanMs, endMs) straight into
// usage_records (one transaction, one prepared statement): 4 providers, 10 models, 12 keys, 5 apps, ~5 % errors,
// long-tailed latencies. Returns the rows when `keep` is set (for brute-force checks), else an empty list.
class UsageSeeder final {
public:
    [[nodiscard]] static Result<QList<SeededCall>> seed(const std::shared_ptr<Storage::Database> &database,
                                                        qint64 count, qint64 endMs, qint64 spanMs, bool keep,
                                                        quint64 randomSeed = 42);
};

} // namespace AiHub::Testing
