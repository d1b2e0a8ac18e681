// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QSqlDatabase>
#include <QString>

namespace AiHub::Storage {

class Database;

// A write transaction on this thread's connection. Rolls back in the destructor unless commit() succeeded.
// It issues BEGIN/COMMIT itself instead of QSqlDatabase::transaction(), whose errors lose the SQLite code.
class Transaction final {
public:
    // Takes the write lock up front (SQLite: BEGIN IMMEDIATE), so a busy database fails here, after the busy
    // timeout, rather than half-way through.
    [[nodiscard]] static Result<Transaction> begin(const Database &database);

    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&other) noexcept;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    [[nodiscard]] Status commit();
    void rollback();

    QSqlDatabase connection() const { return m_connection; }
    bool isActive() const { return m_active; }

private:
    Transaction(QSqlDatabase connection, QString databasePath);

    QSqlDatabase m_connection;
    QString m_databasePath;
    bool m_active = false;
};

} // namespace AiHub::Storage
