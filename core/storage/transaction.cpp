// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/transaction.h"

#include "core/storage/database.h"
#include "core/storage/sqlerror.h"

#include <QSqlQuery>

#include <utility>

using namespace Qt::StringLiterals;

namespace AiHub::Storage {

Transaction::Transaction(QSqlDatabase connection, QString databasePath)
    : m_connection(std::move(connection)), m_databasePath(std::move(databasePath)), m_active(true)
{
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_connection(std::move(other.m_connection)),
      m_databasePath(std::move(other.m_databasePath)),
      m_active(std::exchange(other.m_active, false))
{
}

Transaction &Transaction::operator=(Transaction &&other) noexcept
{
    if (this != &other) {
        rollback();
        m_connection = std::move(other.m_connection);
        m_databasePath = std::move(other.m_databasePath);
        m_active = std::exchange(other.m_active, false);
    }
    return *this;
}

Transaction::~Transaction()
{
    rollback();
}

Result<Transaction> Transaction::begin(const Database &database)
{
    QSqlDatabase connection = database.connection();
    QSqlQuery query(connection);
    if (!query.exec(u"BEGIN IMMEDIATE"_s))
        return fail(sqlError(query.lastError(), database.filePath(), u"start a transaction"_s));
    return Transaction(std::move(connection), database.filePath());
}

Status Transaction::commit()
{
    if (!m_active)
        return fail(ErrorCode::Internal, u"Commit called on a transaction that is no longer active."_s);
    QSqlQuery query(m_connection);
    if (!query.exec(u"COMMIT"_s)) {
        const Error error = sqlError(query.lastError(), m_databasePath, u"commit a transaction"_s);
        query.finish();
        rollback();
        return fail(error);
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery query(m_connection);
    // Fails harmlessly when SQLite already rolled back on its own (e.g. after SQLITE_FULL).
    query.exec(u"ROLLBACK"_s);
}

} // namespace AiHub::Storage
