// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/credits.h"
#include "core/common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Billing {

enum class EntryKind { Grant, Topup, Charge, Refund, Adjustment };
QString entryKindName(EntryKind kind); // "grant" | "topup" | "charge" | "refund" | "adjustment"
std::optional<EntryKind> parseEntryKind(QStringView name);

struct LedgerEntry {
    qint64 id = 0;
    QString account;
    EntryKind kind = EntryKind::Grant;
    Credits amount;            // signed: charges are negative
    QString reason;
    QString reference;
    std::optional<qint64> rateId;
    qint64 createdAtMs = 0;
};

struct AccountBalance {
    Credits balance;  // the sum of the account's ledger entries
    Credits reserved; // held for calls in flight
    Credits available() const { return Credits::fromNanos(balance.nanos() - reserved.nanos()); }
};

struct AccountTotals {
    Credits credited; // every grant, top-up and refund added up
    int grants = 0;   // grant entries
};

struct Reservation {
    qint64 id = 0;
    QString account;
    Credits amount;
};

// The credit ledger: accounts, append-only entries and reservations. Each change is one SQLite write transaction
// (BEGIN IMMEDIATE), so concurrent reservations are serialised and can never take an account below zero.
// Thread-safe: every thread uses its own connection.
class Ledger final {
public:
    static inline const QString NewUserReference = QStringLiteral("new-user");

    explicit Ledger(std::shared_ptr<Storage::Database> database);

    // Appends an entry (creating the account if needed) and moves the cached balance with it.
    [[nodiscard]] Result<LedgerEntry> post(const QString &account, EntryKind kind, Credits amount,
                                           const QString &reason, const QString &reference = {},
                                           std::optional<qint64> rateId = std::nullopt);
    // The new-user grant: creates the account and grants `amount` exactly once in its life, however many
    // callers race. True when this call granted it.
    [[nodiscard]] Result<bool> grantNewUser(const QString &account, Credits amount);
    [[nodiscard]] Result<AccountBalance> balance(const QString &account) const;
    // Newest first.
    [[nodiscard]] Result<QList<LedgerEntry>> history(const QString &account, int limit = 100) const;
    [[nodiscard]] Result<bool> accountExists(const QString &account) const;
    [[nodiscard]] Result<AccountTotals> totals(const QString &account) const;

    // Holds `amount` if the available balance covers it; InsufficientCredit (with the balance, the need and how
    // to top up in the message) otherwise. The new-user grant (if above zero) is given first, once.
    [[nodiscard]] Result<Reservation> reserve(const QString &account, Credits amount, const QString &requestId,
                                              Credits newUserGrant = {});
    // Ends a reservation and charges `charge` (never more than the balance left after other holds; the amount
    // actually charged is returned). A zero charge adds no entry.
    [[nodiscard]] Result<Credits> settle(const Reservation &reservation, Credits charge, const QString &reason,
                                         const QString &reference, std::optional<qint64> rateId);
    [[nodiscard]] Status release(const Reservation &reservation);

    // At start: reservations left by a process that died are released (no call holds them any more).
    [[nodiscard]] Result<int> releaseStaleReservations();
    // Compares every cached balance with the sum of its entries; with `repair`, resets mismatches to the sum
    // (the entries are the truth). Returns one line per mismatch.
    [[nodiscard]] Result<QStringList> checkConsistency(bool repair);

private:
    [[nodiscard]] Status ensureAccount(QSqlDatabase connection, const QString &account, qint64 now) const;
    [[nodiscard]] Result<LedgerEntry> insertEntry(QSqlDatabase connection, LedgerEntry entry) const;
    [[nodiscard]] Result<AccountBalance> balanceIn(QSqlDatabase connection, const QString &account) const;

    std::shared_ptr<Storage::Database> m_database;
};

} // namespace AiHub::Billing
