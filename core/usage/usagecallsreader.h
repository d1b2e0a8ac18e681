// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/usage/usagecall.h"

#include <QList>

#include <atomic>
#include <memory>
#include <optional>

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Usage {

// Reads single calls a page at a time, newest first, with keyset paging (the next page starts after the last
// call of the previous one), so a page costs the same on the first screen as deep in a million rows and nothing
// ever loads the whole table. Runs on any thread; `cancel` as in UsageStatsReader.
class UsageCallsReader final {
public:
    static constexpr int MaxPageSize = 1000;

    [[nodiscard]] static Result<QList<UsageCall>> page(const std::shared_ptr<Storage::Database> &database,
                                                       const UsageCallFilter &filter,
                                                       const std::optional<UsageCallCursor> &after, int limit,
                                                       const std::atomic_bool *cancel = nullptr);
    // The distinct providers, models and key names ever recorded, for the filter pickers (index-only scans).
    struct Choices {
        QStringList providers;
        QStringList models;
        QStringList keyNames;
    };
    [[nodiscard]] static Result<Choices> choices(const std::shared_ptr<Storage::Database> &database);
};

} // namespace AiHub::Usage
