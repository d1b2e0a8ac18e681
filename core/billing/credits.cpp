// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/credits.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace AiHub::Billing {

namespace {
std::unexpected<Error> badAmount(QStringView text, const QString &why)
{
    return fail(ErrorCode::InvalidArgument,
                u"\"%1\" is not a credit amount: %2. Write a decimal number such as 100 or 0.25."_s.arg(text.toString(),
                                                                                                       why));
}
} // namespace

Result<Credits> Credits::parse(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return badAmount(text, u"it is empty"_s);
    qsizetype i = 0;
    bool negative = false;
    if (trimmed[0] == u'-' || trimmed[0] == u'+') {
        negative = trimmed[0] == u'-';
        ++i;
    }
    // Accumulate the magnitude as a negative number so the most negative value still fits.
    qint64 whole = 0;
    int intDigits = 0;
    for (; i < trimmed.size() && trimmed[i].isDigit(); ++i, ++intDigits) {
        const int digit = trimmed[i].unicode() - u'0';
        if (trimmed[i].unicode() > u'9')
            return badAmount(text, u"only the digits 0-9 are allowed"_s);
        if (whole > (std::numeric_limits<qint64>::max() - digit) / 10)
            return badAmount(text, u"it is too large"_s);
        whole = whole * 10 + digit;
    }
    qint64 fraction = 0;
    int fracDigits = 0;
    if (i < trimmed.size() && trimmed[i] == u'.') {
        ++i;
        for (; i < trimmed.size() && trimmed[i].isDigit(); ++i, ++fracDigits) {
            if (trimmed[i].unicode() > u'9')
                return badAmount(text, u"only the digits 0-9 are allowed"_s);
            if (fracDigits >= Decimals)
                return badAmount(text, u"it has more than %1 decimal places"_s.arg(Decimals));
            fraction = fraction * 10 + (trimmed[i].unicode() - u'0');
        }
    }
    if (i != trimmed.size())
        return badAmount(text, u"it contains \"%1\""_s.arg(trimmed.mid(i, 1).toString()));
    if (intDigits == 0 && fracDigits == 0)
        return badAmount(text, u"it has no digits"_s);
    for (int d = fracDigits; d < Decimals; ++d)
        fraction *= 10;
    if (whole > (std::numeric_limits<qint64>::max() - fraction) / Scale)
        return badAmount(text, u"it is too large"_s);
    const qint64 nanos = whole * Scale + fraction;
    return Credits(negative ? -nanos : nanos);
}

QString Credits::toString() const { return toString(0); }

QString Credits::toString(int minDecimals) const
{
    const bool negative = m_nanos < 0;
    // Work on the unsigned magnitude so the most negative value formats too.
    const quint64 magnitude = negative ? quint64(0) - quint64(m_nanos) : quint64(m_nanos);
    const quint64 whole = magnitude / quint64(Scale);
    QString fraction = QString::number(magnitude % quint64(Scale)).rightJustified(Decimals, u'0');
    qsizetype keep = fraction.size();
    while (keep > qBound(0, minDecimals, int(Decimals)) && fraction[keep - 1] == u'0')
        --keep;
    fraction.truncate(keep);
    QString out = negative ? u"-"_s : QString();
    out += QString::number(whole);
    if (!fraction.isEmpty())
        out += u'.' + fraction;
    return out;
}

std::optional<Credits> Credits::plus(Credits other) const
{
    qint64 sum = 0;
    if (__builtin_add_overflow(m_nanos, other.m_nanos, &sum))
        return std::nullopt;
    return Credits(sum);
}

std::optional<Credits> Credits::minus(Credits other) const
{
    qint64 difference = 0;
    if (__builtin_sub_overflow(m_nanos, other.m_nanos, &difference))
        return std::nullopt;
    return Credits(difference);
}

} // namespace AiHub::Billing
