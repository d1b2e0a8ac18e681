// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/ratebook.h"

#include "core/storage/database.h"
#include "core/storage/transaction.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace AiHub::Billing {

namespace {
const QString Columns = u"id, provider, model, type, variant, input_rate, output_rate, cache_read_rate, "
                        "cache_write_rate, created_at"_s;

Rate readRate(const QSqlQuery &q)
{
    Rate r;
    r.id = q.value(0).toLongLong();
    r.provider = q.value(1).toString();
    r.model = q.value(2).toString();
    r.type = parseRateType(q.value(3).toString()).value_or(RateType::Chat);
    r.variant = q.value(4).toString();
    r.input = Credits::fromNanos(q.value(5).toLongLong());
    r.output = Credits::fromNanos(q.value(6).toLongLong());
    if (!q.value(7).isNull())
        r.cacheRead = Credits::fromNanos(q.value(7).toLongLong());
    if (!q.value(8).isNull())
        r.cacheWrite = Credits::fromNanos(q.value(8).toLongLong());
    r.createdAtMs = q.value(9).toLongLong();
    return r;
}

// A null QString binds as SQL NULL; variants are '' when absent.
QString nonNull(const QString &text) { return text.isNull() ? QStringLiteral("") : text; }

QVariant nullableNanos(const std::optional<Credits> &c)
{
    return c ? QVariant(c->nanos()) : QVariant(QMetaType::fromType<qint64>());
}

Status validate(const Rate &rate)
{
    if (rate.provider.trimmed().isEmpty() || rate.model.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"A rate needs a provider and a model (PROVIDER/MODEL)."_s);
    if (rate.input.isNegative() || rate.output.isNegative() || (rate.cacheRead && rate.cacheRead->isNegative())
        || (rate.cacheWrite && rate.cacheWrite->isNegative()))
        return fail(ErrorCode::InvalidArgument, u"Rates cannot be negative (%1)."_s.arg(rate.key()));
    return {};
}
} // namespace

RateBook::RateBook(std::shared_ptr<Storage::Database> database) : m_database(std::move(database)) {}

Result<Rate> RateBook::set(const Rate &rate, const QString &source)
{
    auto transaction = Storage::Transaction::begin(*m_database);
    if (!transaction)
        return fail(transaction.error());
    auto stored = setIn(transaction->connection(), rate, source);
    if (!stored)
        return stored;
    if (Status committed = transaction->commit(); !committed)
        return fail(committed.error());
    return stored;
}

Result<Rate> RateBook::setIn(QSqlDatabase connection, const Rate &rate, const QString &source) const
{
    if (Status valid = validate(rate); !valid)
        return fail(valid.error());
    QSqlQuery q(connection);
    q.prepare(u"SELECT "_s % Columns
              % u" FROM billing_rates WHERE provider = ? AND model = ? AND type = ? AND variant = ? "
                "AND superseded_at IS NULL"_s);
    q.addBindValue(rate.provider);
    q.addBindValue(rate.model);
    q.addBindValue(rateTypeName(rate.type));
    q.addBindValue(nonNull(rate.variant));
    if (!q.exec())
        return fail(m_database->error(q.lastError(), u"read the current rate"_s));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (q.next()) {
        Rate current = readRate(q);
        if (current.samePrices(rate))
            return current;
        QSqlQuery supersede(connection);
        supersede.prepare(u"UPDATE billing_rates SET superseded_at = ? WHERE id = ?"_s);
        supersede.addBindValue(now);
        supersede.addBindValue(current.id);
        if (!supersede.exec())
            return fail(m_database->error(supersede.lastError(), u"supersede the old rate"_s));
    }
    QSqlQuery insert(connection);
    insert.prepare(u"INSERT INTO billing_rates (provider, model, type, variant, input_rate, output_rate, "
                   "cache_read_rate, cache_write_rate, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    insert.addBindValue(rate.provider);
    insert.addBindValue(rate.model);
    insert.addBindValue(rateTypeName(rate.type));
    insert.addBindValue(nonNull(rate.variant));
    insert.addBindValue(rate.input.nanos());
    insert.addBindValue(rate.output.nanos());
    insert.addBindValue(nullableNanos(rate.cacheRead));
    insert.addBindValue(nullableNanos(rate.cacheWrite));
    insert.addBindValue(source);
    insert.addBindValue(now);
    if (!insert.exec())
        return fail(m_database->error(insert.lastError(), u"store the rate for %1"_s.arg(rate.key())));
    Rate stored = rate;
    stored.id = insert.lastInsertId().toLongLong();
    stored.createdAtMs = now;
    return stored;
}

Result<std::optional<Rate>> RateBook::find(const QString &provider, const QString &model, RateType type,
                                           const QString &variant) const
{
    QSqlQuery q(m_database->connection());
    // The exact variant sorts before the variant-less fallback.
    q.prepare(u"SELECT "_s % Columns
              % u" FROM billing_rates WHERE provider = ? AND model = ? AND type = ? AND superseded_at IS NULL "
                "AND (variant = ? OR variant = '') ORDER BY variant = '' LIMIT 1"_s);
    q.addBindValue(provider);
    q.addBindValue(model);
    q.addBindValue(rateTypeName(type));
    q.addBindValue(nonNull(variant));
    if (!q.exec())
        return fail(m_database->error(q.lastError(), u"look up the rate"_s));
    if (!q.next())
        return std::optional<Rate>();
    return std::optional<Rate>(readRate(q));
}

Result<Rate> RateBook::byId(qint64 id) const
{
    QSqlQuery q(m_database->connection());
    q.prepare(u"SELECT "_s % Columns % u" FROM billing_rates WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return fail(m_database->error(q.lastError(), u"read a rate"_s));
    if (!q.next())
        return fail(ErrorCode::NotFound, u"There is no rate with id %1."_s.arg(id));
    return readRate(q);
}

Result<QList<Rate>> RateBook::current() const
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(u"SELECT "_s % Columns
                % u" FROM billing_rates WHERE superseded_at IS NULL ORDER BY provider, model, type, variant"_s))
        return fail(m_database->error(q.lastError(), u"list the rates"_s));
    QList<Rate> rates;
    while (q.next())
        rates.append(readRate(q));
    return rates;
}

Result<QList<Rate>> RateBook::history(const QString &provider, const QString &model, RateType type) const
{
    QSqlQuery q(m_database->connection());
    q.prepare(u"SELECT "_s % Columns % u" FROM billing_rates WHERE provider = ? AND model = ? AND type = ? ORDER BY id"_s);
    q.addBindValue(provider);
    q.addBindValue(model);
    q.addBindValue(rateTypeName(type));
    if (!q.exec())
        return fail(m_database->error(q.lastError(), u"read the rate history"_s));
    QList<Rate> rates;
    while (q.next())
        rates.append(readRate(q));
    return rates;
}

} // namespace AiHub::Billing
