// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/credits.h"
#include "core/common/result.h"

#include <QStringList>

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Billing {

// What to do with a call to a model that has no rate while billing is on. Never billed as zero silently.
enum class UnpricedPolicy { Refuse, FreeWithWarning };

// The billing switches, kept in the settings table as "billing.<name>". Names and values as the command line
// takes them (`aigne-hubd billing set NAME VALUE`):
//   enabled on|off · grant AMOUNT (new-user grant) · unpriced refuse|free · credit-price AMOUNT (money per credit)
//   currency-prefix TEXT ("$") · credit-prefix TEXT (shown before credit amounts, AIGNE's creditPrefix)
//   margin PERCENT (target profit margin) · default-max-output TOKENS (reservation bound without max_tokens)
struct BillingSettings {
    bool enabled = false;
    Credits newUserGrant;
    UnpricedPolicy unpriced = UnpricedPolicy::Refuse;
    Credits creditPrice = Credits::fromWhole(1);
    QString currencyPrefix = QStringLiteral("$");
    QString creditPrefix;
    Credits marginPercent = Credits::fromWhole(2);
    qint64 defaultMaxOutputTokens = 4096;

    static QStringList names();
    [[nodiscard]] static Result<BillingSettings> load(const Storage::Database &database);
    // Validates and stores one setting, and bumps the config generation so a running hub reloads.
    [[nodiscard]] static Status set(Storage::Database &database, const QString &name, const QString &value);
    // name = value lines, for `billing show`.
    QString describe() const;

    // A rate from a provider's unit cost (money per 1M tokens or per image):
    // unitCost × (1 + margin/100) / creditPrice, rounded half up to the nano-credit. Fails on overflow or a
    // zero credit price.
    [[nodiscard]] Result<Credits> deriveRate(Credits unitCost) const;
};

} // namespace AiHub::Billing
