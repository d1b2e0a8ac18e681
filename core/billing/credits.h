// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <compare>

namespace AiHub::Billing {

// An exact amount of credits: a whole number of nano-credits (9 decimal places), never a binary float.
// Ledger amounts, balances and rates (per 1M tokens or per image) all use it.
class Credits final {
public:
    static constexpr int Decimals = 9;
    static constexpr qint64 Scale = 1'000'000'000;

    constexpr Credits() = default;
    static constexpr Credits fromNanos(qint64 nanos) { return Credits(nanos); }
    static constexpr Credits fromWhole(qint64 credits) { return Credits(credits * Scale); }
    // "12", "-0.5", "0.000000001", "+3.25"; at most 9 decimals, no exponent, no grouping.
    [[nodiscard]] static Result<Credits> parse(QStringView text);

    constexpr qint64 nanos() const { return m_nanos; }
    constexpr bool isZero() const { return m_nanos == 0; }
    constexpr bool isNegative() const { return m_nanos < 0; }
    // Shortest exact decimal form: "12.5", "-0.000001", "0".
    QString toString() const;
    // The same, with at least `minDecimals` decimals ("12.50" for 2).
    QString toString(int minDecimals) const;

    // Checked arithmetic: empty on overflow.
    [[nodiscard]] std::optional<Credits> plus(Credits other) const;
    [[nodiscard]] std::optional<Credits> minus(Credits other) const;
    constexpr Credits operator-() const { return Credits(-m_nanos); }

    friend constexpr auto operator<=>(Credits, Credits) = default;
    friend constexpr bool operator==(Credits, Credits) = default;

private:
    constexpr explicit Credits(qint64 nanos) : m_nanos(nanos) {}
    qint64 m_nanos = 0;
};

} // namespace AiHub::Billing
