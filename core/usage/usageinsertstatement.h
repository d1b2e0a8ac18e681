// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/usage/usagerecord.h"

#include <QByteArray>
#include <QList>
#include <QStringEncoder>
#include <QStringView>
#include <QtGlobal>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

namespace AiHub::Storage {
class Database;
class WalCheckpointer;
}

namespace AiHub::Usage {

// The usage INSERT and its transaction (BEGIN IMMEDIATE, COMMIT, ROLLBACK), prepared once on a connection and
// run through SQLite's own API. QSqlQuery costs more than the insert itself: a prepare per statement, and a
// QString::arg plus two hash look-ups for every bound value. Use it on the connection's thread only, and
// destroy it before the connection closes.
class UsageInsertStatement final {
public:
    UsageInsertStatement() = default;
    ~UsageInsertStatement();
    Q_DISABLE_COPY_MOVE(UsageInsertStatement)

    // Hands the automatic checkpoint of each connection prepared on to checkpointer (which must outlive this).
    void setCheckpointer(Storage::WalCheckpointer *checkpointer) { m_checkpointer = checkpointer; }
    // Prepares on this connection unless it is already prepared there.
    [[nodiscard]] Status prepare(const QSqlDatabase &connection, const Storage::Database &database);
    [[nodiscard]] Status begin(const Storage::Database &database);
    // Inserts one row inside the transaction begin() started.
    [[nodiscard]] Status insert(const UsageRecord &record, const Storage::Database &database);
    // Inserts rows in order inside the transaction, several per statement where there are enough.
    [[nodiscard]] Status insertAll(const QList<UsageRecord> &rows, const Storage::Database &database);

    static constexpr int RowsPerStatement = 16;
    [[nodiscard]] Status commit(const Storage::Database &database);
    // Ends a transaction that failed; harmless when SQLite already rolled it back on its own.
    void rollback();
    // Drops the statement (after a failure, so the next batch prepares afresh).
    void reset();

private:
    [[nodiscard]] Error error(int code, const QString &action, const Storage::Database &database) const;
    [[nodiscard]] Status run(sqlite3_stmt *statement, const QString &action, const Storage::Database &database);
    char *appendUtf8(char *out, QStringView text);
    int bindText(sqlite3_stmt *statement, int index, QStringView text);
    int bindOptionalText(sqlite3_stmt *statement, int index, QStringView text);
    void reserveTexts(const UsageRecord *rows, int count);
    int bindRow(sqlite3_stmt *statement, int firstParameter, const UsageRecord &record);
    [[nodiscard]] Status step(sqlite3_stmt *statement, int bindResult, const Storage::Database &database);

    sqlite3 *m_db = nullptr;
    Storage::WalCheckpointer *m_checkpointer = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    sqlite3_stmt *m_manyStatement = nullptr; // RowsPerStatement rows
    sqlite3_stmt *m_begin = nullptr;
    sqlite3_stmt *m_commit = nullptr;
    sqlite3_stmt *m_rollback = nullptr;
    // UTF-8 copies of the current row's texts, bound without a further copy and kept until the next row, so the
    // statement never points at freed text (every parameter is bound again for each row).
    QByteArray m_texts;
    qsizetype m_textsUsed = 0;
    QStringEncoder m_encoder { QStringEncoder::Utf8, QStringEncoder::Flag::Stateless };
};

} // namespace AiHub::Usage
