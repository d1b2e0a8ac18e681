// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/usage/usageinsertstatement.h"

#include "core/storage/database.h"
#include "core/storage/walcheckpointer.h"

#include <QSqlDatabase>
#include <QSqlError>

#include <sqlite3.h>

#include <utility>

using namespace Qt::StringLiterals;

namespace AiHub::Usage {

namespace {

// Column order as in UsageRecorder's Columns. OR FAIL instead of the default ABORT: a row is written into the
// table and four indexes, and ABORT makes SQLite open a statement savepoint for every row so that a failing row
// could be undone alone. A failure here rolls the whole batch back anyway (writeBatch), so the savepoint is pure
// cost; the rows and the constraints checked are the same.
constexpr char InsertHead[] =
    "INSERT OR FAIL INTO usage_records (request_id, created_at, access_key_id, key_name, account, app_did, api, type, "
    "provider, model, stream, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, usage_source, "
    "status, error_code, error_message, duration_ms, ttft_ms, credits, rate_id, billing_reason) VALUES ";
constexpr char RowPlaceholders[] = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr int ColumnCount = 24;

QByteArray insertSql(int rows)
{
    QByteArray sql(InsertHead);
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            sql += ", ";
        sql += RowPlaceholders;
    }
    return sql;
}

int bindOptionalInteger(sqlite3_stmt *statement, int index, const std::optional<qint64> &value)
{
    return value ? sqlite3_bind_int64(statement, index, *value) : sqlite3_bind_null(statement, index);
}

} // namespace

UsageInsertStatement::~UsageInsertStatement()
{
    reset();
}

void UsageInsertStatement::reset()
{
    if (m_checkpointer && m_db)
        m_checkpointer->detach(m_db);
    for (sqlite3_stmt **statement : { &m_statement, &m_manyStatement, &m_begin, &m_commit, &m_rollback }) {
        sqlite3_finalize(*statement); // a no-op on nullptr
        *statement = nullptr;
    }
    m_db = nullptr;
}

Error UsageInsertStatement::error(int code, const QString &action, const Storage::Database &database) const
{
    const QString text = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(code));
    // Through the same mapping as every other query, so a locked or full database reads the same.
    return database.error(QSqlError(QString(), text, QSqlError::StatementError, QString::number(code)), action);
}

Status UsageInsertStatement::prepare(const QSqlDatabase &connection, const Storage::Database &database)
{
    sqlite3 *db = Storage::Database::nativeHandle(connection);
    if (!db)
        return fail(database.error(connection.lastError(), u"prepare to record usage"_s));
    if (m_statement && m_db == db)
        return {};
    reset();
    m_db = db;
    const QByteArray one = insertSql(1);
    const QByteArray many = insertSql(RowsPerStatement);
    const std::pair<const char *, sqlite3_stmt **> statements[] = { { one.constData(), &m_statement },
                                                                    { many.constData(), &m_manyStatement },
                                                                    { "BEGIN IMMEDIATE", &m_begin },
                                                                    { "COMMIT", &m_commit },
                                                                    { "ROLLBACK", &m_rollback } };
    for (const auto &[sql, statement] : statements) {
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, statement, nullptr) != SQLITE_OK) {
            const Error e = error(sqlite3_extended_errcode(db), u"prepare to record usage"_s, database);
            reset();
            return fail(e);
        }
    }
    if (m_checkpointer)
        m_checkpointer->attach(db);
    return {};
}

Status UsageInsertStatement::run(sqlite3_stmt *statement, const QString &action, const Storage::Database &database)
{
    if (!statement)
        return fail(ErrorCode::Internal, u"The usage statements were not prepared."_s);
    const int stepped = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (stepped != SQLITE_DONE)
        return fail(error(stepped, action, database));
    return {};
}

Status UsageInsertStatement::begin(const Storage::Database &database)
{
    return run(m_begin, u"start a transaction"_s, database);
}

Status UsageInsertStatement::commit(const Storage::Database &database)
{
    return run(m_commit, u"commit a transaction"_s, database);
}

void UsageInsertStatement::rollback()
{
    // Only inside a transaction: SQLite may already have rolled back on its own (e.g. after SQLITE_FULL).
    if (m_rollback && m_db && !sqlite3_get_autocommit(m_db)) {
        sqlite3_step(m_rollback);
        sqlite3_reset(m_rollback);
    }
}

char *UsageInsertStatement::appendUtf8(char *out, QStringView text)
{
    // Nearly every text here is ASCII (ids, names, model names): narrowed in one pass that also notes whether a
    // unit was not ASCII; only then is it encoded again properly. QStringEncoder's own fixed cost per call was
    // most of binding a row.
    const char16_t *units = text.utf16();
    const qsizetype size = text.size();
    char16_t seen = 0;
    for (qsizetype i = 0; i < size; ++i) {
        seen |= units[i];
        out[i] = char(units[i]);
    }
    return seen < 0x80 ? out + size : m_encoder.appendToBuffer(out, text);
}

int UsageInsertStatement::bindText(sqlite3_stmt *statement, int index, QStringView text)
{
    char *begin = m_texts.data() + m_textsUsed;
    char *end = appendUtf8(begin, text);
    m_textsUsed = end - m_texts.data();
    return sqlite3_bind_text(statement, index, begin, int(end - begin), SQLITE_STATIC);
}

int UsageInsertStatement::bindOptionalText(sqlite3_stmt *statement, int index, QStringView text)
{
    return text.isEmpty() ? sqlite3_bind_null(statement, index) : bindText(statement, index, text);
}

void UsageInsertStatement::reserveTexts(const UsageRecord *rows, int count)
{
    // Room for every text in UTF-8 (at most 3 bytes per UTF-16 unit), so no bound text moves while binding.
    qsizetype room = 0;
    for (int i = 0; i < count; ++i) {
        const UsageRecord &r = rows[i];
        for (const QString *text : { &r.requestId, &r.keyName, &r.account, &r.appDid, &r.provider, &r.model,
                                     &r.errorCode, &r.errorMessage, &r.billingReason })
            room += text->size() * 3;
        room += 32; // api, type and usage source names
    }
    if (m_texts.size() < room || m_texts.size() > 4 * (room + 4096))
        m_texts.resize(room + 4096); // kept between rows; shrunk again after unusually long messages
    m_textsUsed = 0;
}

int UsageInsertStatement::bindRow(sqlite3_stmt *s, int first, const UsageRecord &r)
{
    const int c = first - 1; // column n is parameter c + n
    int rc = bindText(s, c + 1, r.requestId); // empty, not NULL: the column is NOT NULL
    rc |= sqlite3_bind_int64(s, c + 2, r.createdAtMs);
    rc |= bindOptionalInteger(s, c + 3, r.accessKeyId);
    rc |= bindOptionalText(s, c + 4, r.keyName);
    rc |= bindOptionalText(s, c + 5, r.account);
    rc |= bindOptionalText(s, c + 6, r.appDid);
    rc |= bindText(s, c + 7, apiName(r.api));
    rc |= bindText(s, c + 8, callTypeName(r.type));
    rc |= bindOptionalText(s, c + 9, r.provider);
    rc |= bindOptionalText(s, c + 10, r.model);
    rc |= sqlite3_bind_int(s, c + 11, r.stream ? 1 : 0);
    rc |= bindOptionalInteger(s, c + 12, r.inputTokens);
    rc |= bindOptionalInteger(s, c + 13, r.outputTokens);
    rc |= bindOptionalInteger(s, c + 14, r.cacheReadTokens);
    rc |= bindOptionalInteger(s, c + 15, r.cacheWriteTokens);
    rc |= bindText(s, c + 16, usageSourceName(r.usageSource));
    rc |= sqlite3_bind_int(s, c + 17, r.httpStatus);
    rc |= bindOptionalText(s, c + 18, r.errorCode);
    rc |= bindOptionalText(s, c + 19, r.errorMessage);
    rc |= sqlite3_bind_double(s, c + 20, r.durationMs);
    rc |= r.timeToFirstTokenMs ? sqlite3_bind_double(s, c + 21, *r.timeToFirstTokenMs) : sqlite3_bind_null(s, c + 21);
    rc |= bindOptionalInteger(s, c + 22, r.creditsNanos);
    rc |= bindOptionalInteger(s, c + 23, r.rateId);
    rc |= bindOptionalText(s, c + 24, r.billingReason);
    return rc;
}

Status UsageInsertStatement::step(sqlite3_stmt *s, int bindResult, const Storage::Database &database)
{
    if (bindResult != SQLITE_OK) {
        const Error e = error(sqlite3_extended_errcode(m_db), u"record usage"_s, database);
        sqlite3_reset(s);
        return fail(e);
    }
    const int stepped = sqlite3_step(s);
    // reset() repeats the step's error code; the step's own is the one that says what happened.
    sqlite3_reset(s);
    if (stepped != SQLITE_DONE)
        return fail(error(stepped, u"record usage"_s, database));
    return {};
}

Status UsageInsertStatement::insert(const UsageRecord &r, const Storage::Database &database)
{
    if (!m_statement)
        return fail(ErrorCode::Internal, u"The usage INSERT was not prepared."_s);
    reserveTexts(&r, 1);
    return step(m_statement, bindRow(m_statement, 1, r), database);
}

Status UsageInsertStatement::insertAll(const QList<UsageRecord> &rows, const Storage::Database &database)
{
    if (!m_statement || !m_manyStatement)
        return fail(ErrorCode::Internal, u"The usage INSERT was not prepared."_s);
    qsizetype done = 0;
    // Whole groups with one statement each: SQLite's fixed cost per executed statement is a fifth of a row's.
    for (; rows.size() - done >= RowsPerStatement; done += RowsPerStatement) {
        reserveTexts(rows.constData() + done, RowsPerStatement);
        int rc = SQLITE_OK;
        for (int i = 0; i < RowsPerStatement; ++i)
            rc |= bindRow(m_manyStatement, 1 + i * ColumnCount, rows.at(done + i));
        if (Status ok = step(m_manyStatement, rc, database); !ok)
            return ok;
    }
    for (; done < rows.size(); ++done) {
        if (Status ok = insert(rows.at(done), database); !ok)
            return ok;
    }
    return {};
}

} // namespace AiHub::Usage
