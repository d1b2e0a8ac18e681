// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/billingsettings.h"

#include "core/storage/database.h"

#include <QSqlQuery>

#include <limits>

using namespace Qt::StringLiterals;

namespace AiHub::Billing {

namespace {
__extension__ typedef __int128 Wide;

const QString Prefix = u"billing."_s;

Status apply(BillingSettings &s, const QString &name, const QString &value)
{
    const QString v = value.trimmed();
    if (name == u"enabled") {
        if (v == u"on" || v == u"true" || v == u"1")
            s.enabled = true;
        else if (v == u"off" || v == u"false" || v == u"0")
            s.enabled = false;
        else
            return fail(ErrorCode::InvalidArgument, u"billing enabled must be on or off, not \"%1\"."_s.arg(v));
        return {};
    }
    if (name == u"grant" || name == u"credit-price" || name == u"margin") {
        auto amount = Credits::parse(v);
        if (!amount)
            return fail(amount.error());
        if (amount->isNegative() || (name == u"credit-price" && amount->isZero()))
            return fail(ErrorCode::InvalidArgument,
                        u"billing %1 must be %2, not %3."_s.arg(name,
                                                              name == u"credit-price" ? u"above zero"_s
                                                                                      : u"zero or more"_s,
                                                              v));
        (name == u"grant" ? s.newUserGrant : name == u"margin" ? s.marginPercent : s.creditPrice) = *amount;
        return {};
    }
    if (name == u"unpriced") {
        if (v == u"refuse")
            s.unpriced = UnpricedPolicy::Refuse;
        else if (v == u"free")
            s.unpriced = UnpricedPolicy::FreeWithWarning;
        else
            return fail(ErrorCode::InvalidArgument,
                        u"billing unpriced must be \"refuse\" (answer 400 for models without a rate) or \"free\" "
                        "(serve them free, marked \"unpriced\" in the usage records), not \"%1\"."_s.arg(v));
        return {};
    }
    if (name == u"currency-prefix") {
        s.currencyPrefix = v;
        return {};
    }
    if (name == u"credit-prefix") {
        s.creditPrefix = v;
        return {};
    }
    if (name == u"default-max-output") {
        bool ok = false;
        const qint64 tokens = v.toLongLong(&ok);
        if (!ok || tokens <= 0)
            return fail(ErrorCode::InvalidArgument,
                        u"billing default-max-output must be a positive number of tokens, not \"%1\"."_s.arg(v));
        s.defaultMaxOutputTokens = tokens;
        return {};
    }
    return fail(ErrorCode::InvalidArgument,
                u"There is no billing setting \"%1\"; the settings are: %2."_s.arg(name,
                                                                                 BillingSettings::names().join(u", "_s)));
}
} // namespace

QStringList BillingSettings::names()
{
    return { u"enabled"_s,        u"grant"_s,  u"unpriced"_s,           u"credit-price"_s,
             u"currency-prefix"_s, u"credit-prefix"_s, u"margin"_s, u"default-max-output"_s };
}

Result<BillingSettings> BillingSettings::load(const Storage::Database &database)
{
    QSqlQuery query(database.connection());
    if (!query.exec(u"SELECT key, value FROM settings WHERE key LIKE 'billing.%'"_s))
        return fail(database.error(query.lastError(), u"read the billing settings"_s));
    BillingSettings settings;
    while (query.next()) {
        const QString name = query.value(0).toString().mid(Prefix.size());
        if (Status applied = apply(settings, name, query.value(1).toString()); !applied)
            return fail(ErrorCode::StorageCorrupt,
                        u"The stored billing setting %1 is unusable (%2); set it again with aigne-hubd billing set."_s
                            .arg(name, applied.error().message));
    }
    return settings;
}

Status BillingSettings::set(Storage::Database &database, const QString &name, const QString &value)
{
    BillingSettings check;
    if (Status valid = apply(check, name, value); !valid)
        return valid;
    QSqlQuery query(database.connection());
    query.prepare(u"INSERT INTO settings (key, value) VALUES (?, ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(QString(Prefix + name));
    query.addBindValue(value.trimmed());
    if (!query.exec())
        return fail(database.error(query.lastError(), u"save the billing setting %1"_s.arg(name)));
    return database.bumpConfigGeneration();
}

QString BillingSettings::describe() const
{
    QString out;
    out += u"enabled = %1\n"_s.arg(enabled ? u"on"_s : u"off"_s);
    out += u"grant = %1\n"_s.arg(newUserGrant.toString());
    out += u"unpriced = %1\n"_s.arg(unpriced == UnpricedPolicy::Refuse ? u"refuse"_s : u"free"_s);
    out += u"credit-price = %1%2\n"_s.arg(currencyPrefix, creditPrice.toString());
    out += u"currency-prefix = %1\n"_s.arg(currencyPrefix);
    out += u"credit-prefix = %1\n"_s.arg(creditPrefix);
    out += u"margin = %1%\n"_s.arg(marginPercent.toString());
    out += u"default-max-output = %1\n"_s.arg(defaultMaxOutputTokens);
    return out;
}

Result<Credits> BillingSettings::deriveRate(Credits unitCost) const
{
    if (creditPrice.nanos() <= 0)
        return fail(ErrorCode::InvalidArgument, u"The credit price must be above zero to derive rates."_s);
    // rate = unit × (100·S + margin) / (100 · price), all in nano units.
    const Wide factor = Wide(100) * Credits::Scale + marginPercent.nanos();
    Wide numerator = 0;
    if (__builtin_mul_overflow(Wide(unitCost.nanos()), factor, &numerator))
        return fail(ErrorCode::InvalidArgument, u"The unit cost %1 is too large."_s.arg(unitCost.toString()));
    if (__builtin_mul_overflow(numerator, Wide(Credits::Scale), &numerator))
        return fail(ErrorCode::InvalidArgument, u"The unit cost %1 is too large."_s.arg(unitCost.toString()));
    const Wide denominator = Wide(100) * Credits::Scale * creditPrice.nanos();
    const bool negative = numerator < 0;
    const Wide magnitude = negative ? -numerator : numerator;
    Wide rounded = (magnitude + denominator / 2) / denominator;
    if (rounded > Wide(std::numeric_limits<qint64>::max()))
        return fail(ErrorCode::InvalidArgument, u"The derived rate is too large."_s);
    return Credits::fromNanos(qint64(negative ? -rounded : rounded));
}

} // namespace AiHub::Billing
