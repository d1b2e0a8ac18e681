// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/usage/usagestats.h"

#include "core/storage/database.h"

#include <QDateTime>
#include <QHash>
#include <QSaveFile>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

namespace AiHub::Usage {

namespace {
QString groupColumn(UsageSplit split)
{
    switch (split) {
    case UsageSplit::None:
        return QStringLiteral("''");
    case UsageSplit::Provider:
        return QStringLiteral("COALESCE(provider, '')");
    case UsageSplit::Model:
        return QStringLiteral("COALESCE(provider, '') || '/' || COALESCE(model, '')");
    case UsageSplit::Key:
        return QStringLiteral("COALESCE(key_name, '')");
    }
    return QStringLiteral("''");
}

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}
} // namespace

double UsageStatsReader::percentile(const QList<double> &sortedValues, double q)
{
    if (sortedValues.isEmpty())
        return -1;
    const qsizetype rank = qsizetype(std::ceil(q * double(sortedValues.size())));
    return sortedValues.at(std::clamp<qsizetype>(rank - 1, 0, sortedValues.size() - 1));
}

Result<UsageStats> UsageStatsReader::read(const std::shared_ptr<Storage::Database> &database,
                                          const UsageStatsQuery &query)
{
    if (query.bucketMs <= 0 || query.toMs <= query.fromMs)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the usage time range is empty"));
    UsageStats stats;
    stats.fromMs = query.fromMs;
    stats.bucketMs = query.bucketMs;
    stats.bucketCount = int((query.toMs - query.fromMs + query.bucketMs - 1) / query.bucketMs);
    QSqlDatabase db = database->connection();

    // Counts per bucket and group, aggregated by SQLite (the usage_records_created index bounds the scan).
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT (created_at - ?) / ? AS bucket, %1 AS grp, COUNT(*), "
                             "COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0), "
                             "SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END) FROM usage_records "
                             "WHERE created_at >= ? AND created_at < ? GROUP BY bucket, grp")
                  .arg(groupColumn(query.split)));
    q.addBindValue(query.fromMs);
    q.addBindValue(query.bucketMs);
    q.addBindValue(query.fromMs);
    q.addBindValue(query.toMs);
    if (!q.exec())
        return fail(database->error(q.lastError(), QStringLiteral("read the usage statistics")));
    struct Row {
        int bucket;
        QString group;
        UsageBucket values;
    };
    QList<Row> rows;
    QHash<QString, qint64> callsPerGroup;
    while (q.next()) {
        Row row { q.value(0).toInt(), q.value(1).toString(),
                  { q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toLongLong() } };
        callsPerGroup[row.group] += row.values.calls;
        stats.totalCalls += row.values.calls;
        stats.totalInputTokens += row.values.inputTokens;
        stats.totalOutputTokens += row.values.outputTokens;
        stats.totalErrors += row.values.errors;
        rows.append(row);
    }
    QStringList groups = callsPerGroup.keys();
    std::sort(groups.begin(), groups.end(), [&callsPerGroup](const QString &a, const QString &b) {
        return callsPerGroup.value(a) != callsPerGroup.value(b) ? callsPerGroup.value(a) > callsPerGroup.value(b) : a < b;
    });
    const QString other = QStringLiteral("other");
    const bool folded = groups.size() > query.maxGroups;
    if (folded)
        groups = groups.mid(0, query.maxGroups);
    stats.groups = groups;
    if (folded)
        stats.groups.append(other);
    if (stats.groups.isEmpty())
        stats.groups.append(QString());
    for (int g = 0; g < stats.groups.size(); ++g)
        stats.series.append(QList<UsageBucket>(stats.bucketCount));
    for (const Row &row : std::as_const(rows)) {
        qsizetype g = stats.groups.indexOf(row.group);
        if (g < 0)
            g = stats.groups.size() - 1; // folded into "other"

        if (row.bucket < 0 || row.bucket >= stats.bucketCount)
            continue;
        UsageBucket &b = stats.series[g][row.bucket];
        b.calls += row.values.calls;
        b.inputTokens += row.values.inputTokens;
        b.outputTokens += row.values.outputTokens;
        b.errors += row.values.errors;
    }

    // Latency percentiles need the values themselves: read only the durations, already in order.
    QSqlQuery latency(db);
    latency.setForwardOnly(true);
    latency.prepare(QStringLiteral("SELECT (created_at - ?) / ? AS bucket, duration_ms FROM usage_records "
                                   "WHERE created_at >= ? AND created_at < ? ORDER BY bucket, duration_ms"));
    latency.addBindValue(query.fromMs);
    latency.addBindValue(query.bucketMs);
    latency.addBindValue(query.fromMs);
    latency.addBindValue(query.toMs);
    if (!latency.exec())
        return fail(database->error(latency.lastError(), QStringLiteral("read the usage latencies")));
    stats.latencyP50Ms = QList<double>(stats.bucketCount, -1);
    stats.latencyP95Ms = QList<double>(stats.bucketCount, -1);
    int current = -1;
    QList<double> values;
    auto flush = [&] {
        if (current >= 0 && current < stats.bucketCount) {
            stats.latencyP50Ms[current] = percentile(values, 0.50);
            stats.latencyP95Ms[current] = percentile(values, 0.95);
        }
        values.clear();
    };
    while (latency.next()) {
        const int bucket = latency.value(0).toInt();
        if (bucket != current) {
            flush();
            current = bucket;
        }
        values.append(latency.value(1).toDouble());
    }
    flush();

    QSqlQuery recent(db);
    recent.prepare(QStringLiteral("SELECT created_at, key_name, provider, model, status, input_tokens, output_tokens, "
                                  "duration_ms, error_message FROM usage_records WHERE created_at >= ? AND "
                                  "created_at < ? ORDER BY created_at DESC, id DESC LIMIT ?"));
    recent.addBindValue(query.fromMs);
    recent.addBindValue(query.toMs);
    recent.addBindValue(query.recentLimit);
    if (!recent.exec())
        return fail(database->error(recent.lastError(), QStringLiteral("read the recent calls")));
    while (recent.next())
        stats.recent.append({ recent.value(0).toLongLong(), recent.value(1).toString(), recent.value(2).toString(),
                              recent.value(3).toString(), recent.value(4).toInt(), recent.value(5).toLongLong(),
                              recent.value(6).toLongLong(), recent.value(7).toDouble(), recent.value(8).toString() });
    return stats;
}

Result<qint64> UsageStatsReader::exportCsv(const std::shared_ptr<Storage::Database> &database, qint64 fromMs,
                                           qint64 toMs, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return fail(ErrorCode::StorageReadOnly,
                    QStringLiteral("%1 cannot be written (%2); choose another file.").arg(path, file.errorString()));
    QSqlQuery q(database->connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT created_at, request_id, key_name, account, api, type, provider, model, stream, "
                             "input_tokens, output_tokens, status, error_code, duration_ms, ttft_ms FROM usage_records "
                             "WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id"));
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec())
        return fail(database->error(q.lastError(), QStringLiteral("read the usage records")));
    file.write("time,request_id,key,account,api,type,provider,model,stream,input_tokens,output_tokens,status,"
               "error_code,duration_ms,ttft_ms\n");
    qint64 rows = 0;
    while (q.next()) {
        QStringList fields;
        fields.append(QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC).toString(Qt::ISODateWithMs));
        for (int i = 1; i < 15; ++i)
            fields.append(csvField(q.isNull(i) ? QString() : q.value(i).toString()));
        file.write(fields.join(u',').toUtf8() + '\n');
        ++rows;
    }
    if (!file.commit())
        return fail(ErrorCode::StorageReadOnly,
                    QStringLiteral("%1 cannot be written (%2); choose another file.").arg(path, file.errorString()));
    return rows;
}

} // namespace AiHub::Usage
