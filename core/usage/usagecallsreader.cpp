// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/usage/usagecallsreader.h"

#include "core/storage/database.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

namespace AiHub::Usage {

namespace {
std::optional<qint64> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QStringLiteral("\\"), QStringLiteral("\\\\"));
    escaped.replace(QStringLiteral("%"), QStringLiteral("\\%"));
    escaped.replace(QStringLiteral("_"), QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}
} // namespace

Result<QList<UsageCall>> UsageCallsReader::page(const std::shared_ptr<Storage::Database> &database,
                                                const UsageCallFilter &filter,
                                                const std::optional<UsageCallCursor> &after, int limit,
                                                const std::atomic_bool *cancel)
{
    if (limit <= 0 || limit > MaxPageSize)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("a page of calls holds 1 to %1 rows, not %2").arg(MaxPageSize).arg(limit));
    if (filter.toMs <= filter.fromMs)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the usage time range is empty"));
    if (cancel && cancel->load(std::memory_order_relaxed))
        return fail(ErrorCode::Cancelled, QStringLiteral("the page of calls was superseded by a newer request"));

    QStringList where { QStringLiteral("created_at >= ?"), QStringLiteral("created_at < ?") };
    QVariantList values { filter.fromMs, filter.toMs };
    if (!filter.provider.isEmpty()) {
        // With a model too, the (provider, model, created_at) index serves rows already in order. A provider alone
        // would make SQLite pick that index and sort all of the provider's calls (170 ms at 1M rows); the unary +
        // keeps it on the created_at index instead, which finds a page of a busy provider in under a millisecond.
        where.append(filter.model.isEmpty() ? QStringLiteral("+provider = ?") : QStringLiteral("provider = ?"));
        values.append(filter.provider);
    }
    if (!filter.model.isEmpty()) {
        where.append(QStringLiteral("model = ?"));
        values.append(filter.model);
    }
    if (!filter.keyName.isEmpty()) {
        where.append(QStringLiteral("key_name = ?"));
        values.append(filter.keyName);
    }
    if (filter.status == UsageStatusFilter::Ok)
        where.append(QStringLiteral("status < 400"));
    else if (filter.status == UsageStatusFilter::Error)
        where.append(QStringLiteral("status >= 400"));
    if (!filter.modelSearch.trimmed().isEmpty()) {
        where.append(QStringLiteral("model LIKE ? ESCAPE '\\'"));
        values.append(likePattern(filter.modelSearch.trimmed()));
    }
    if (after) {
        // Row-value comparison: SQLite walks the (created_at, rowid) index straight to the cursor.
        where.append(QStringLiteral("(created_at, id) < (?, ?)"));
        values.append(after->createdAtMs);
        values.append(after->id);
    }

    QSqlQuery q(database->connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, created_at, key_name, app_did, provider, model, status, input_tokens, "
                             "output_tokens, credits, duration_ms, error_code, error_message FROM usage_records "
                             "WHERE %1 ORDER BY created_at DESC, id DESC LIMIT ?")
                  .arg(where.join(QStringLiteral(" AND "))));
    for (const QVariant &value : std::as_const(values))
        q.addBindValue(value);
    q.addBindValue(limit);
    if (!q.exec())
        return fail(database->error(q.lastError(), QStringLiteral("read the recent calls")));
    QList<UsageCall> calls;
    calls.reserve(limit);
    while (q.next()) {
        UsageCall call;
        call.id = q.value(0).toLongLong();
        call.createdAtMs = q.value(1).toLongLong();
        call.keyName = q.value(2).toString();
        call.appDid = q.value(3).toString();
        call.provider = q.value(4).toString();
        call.model = q.value(5).toString();
        call.httpStatus = q.value(6).toInt();
        call.inputTokens = optionalInt(q.value(7));
        call.outputTokens = optionalInt(q.value(8));
        call.creditsNanos = optionalInt(q.value(9));
        call.durationMs = q.value(10).toDouble();
        call.errorCode = q.value(11).toString();
        call.errorMessage = q.value(12).toString();
        calls.append(std::move(call));
    }
    return calls;
}

Result<UsageCallsReader::Choices> UsageCallsReader::choices(const std::shared_ptr<Storage::Database> &database)
{
    Choices choices;
    QSqlDatabase db = database->connection();
    // DISTINCT over (provider, model) reads only the usage_records_provider_model index, never the rows.
    QSqlQuery models(db);
    models.setForwardOnly(true);
    if (!models.exec(QStringLiteral("SELECT DISTINCT provider, model FROM usage_records "
                                    "WHERE provider IS NOT NULL ORDER BY provider, model")))
        return fail(database->error(models.lastError(), QStringLiteral("list the recorded models")));
    while (models.next()) {
        const QString provider = models.value(0).toString();
        const QString model = models.value(1).toString();
        if (choices.providers.isEmpty() || choices.providers.constLast() != provider)
            choices.providers.append(provider);
        if (!model.isEmpty())
            choices.models.append(model);
    }
    choices.models.sort();
    choices.models.removeDuplicates();
    QSqlQuery keys(db);
    keys.setForwardOnly(true);
    if (!keys.exec(QStringLiteral("SELECT DISTINCT name FROM access_keys ORDER BY name")))
        return fail(database->error(keys.lastError(), QStringLiteral("list the access keys")));
    while (keys.next())
        choices.keyNames.append(keys.value(0).toString());
    return choices;
}

} // namespace AiHub::Usage
