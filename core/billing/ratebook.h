// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/rate.h"
#include "core/common/result.h"

#include <QList>
#include <QSqlDatabase>

#include <memory>
#include <optional>

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Billing {

// The rates table with its history. Thread-safe (each thread uses its own connection).
class RateBook final {
public:
    explicit RateBook(std::shared_ptr<Storage::Database> database);

    // Makes `rate` the current price of its provider/model/type/variant. A different price supersedes the
    // current row and adds a new one (history); the same price changes nothing. Returns the current row.
    [[nodiscard]] Result<Rate> set(const Rate &rate, const QString &source = QStringLiteral("manual"));
    // The current rate: an exact variant match first, then the variant-less rate. Empty when unpriced.
    [[nodiscard]] Result<std::optional<Rate>> find(const QString &provider, const QString &model, RateType type,
                                                   const QString &variant = {}) const;
    [[nodiscard]] Result<Rate> byId(qint64 id) const;
    // All current rates, ordered by provider, model, type, variant.
    [[nodiscard]] Result<QList<Rate>> current() const;
    // Every row ever set for one provider/model/type, oldest first, including superseded ones.
    [[nodiscard]] Result<QList<Rate>> history(const QString &provider, const QString &model, RateType type) const;

    // set() on a connection inside a caller's transaction (bulk import applies all rows at once).
    [[nodiscard]] Result<Rate> setIn(QSqlDatabase connection, const Rate &rate, const QString &source) const;
    Storage::Database &database() const { return *m_database; }

private:
    std::shared_ptr<Storage::Database> m_database;
};

} // namespace AiHub::Billing
