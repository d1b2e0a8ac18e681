// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/ledger.h"

#include "core/storage/database.h"
#include "core/storage/transaction.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace AiHub::Billing {

QString entryKindName(EntryKind kind)
{
    switch (kind) {
    case EntryKind::Grant: return u"grant"_s;
    case EntryKind::Topup: return u"topup"_s;
    case EntryKind::Charge: return u"charge"_s;
    case EntryKind::Refund: return u"refund"_s;
    case EntryKind::Adjustment: return u"adjustment"_s;
    }
    return u"adjustment"_s;
}

std::optional<EntryKind> parseEntryKind(QStringView name)
{
    for (EntryKind k : { EntryKind::Grant, EntryKind::Topup, EntryKind::Charge, EntryKind::Refund,
                         EntryKind::Adjustment })
        if (name == entryKindName(k))
            return k;
    return std::nullopt;
}

Ledger::Ledger(std::shared_ptr<Storage::Database> database) : m_database(std::move(database)) {}

Status Ledger::ensureAccount(QSqlDatabase connection, const QString &account, qint64 now) const
{
    if (account.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"An account name cannot be empty."_s);
    QSqlQuery q(connection);
    q.prepare(u"INSERT INTO billing_accounts (name, balance, created_at) VALUES (?, 0, ?) ON CONFLICT (name) DO NOTHING"_s);
    q.addBindValue(account);
    q.addBindValue(now);
    if (!q.exec())
        return fail(m_database->error(q.lastError(), u"create the account %1"_s.arg(account)));
    return {};
}

Result<LedgerEntry> Ledger::insertEntry(QSqlDatabase connection, LedgerEntry entry) const
{
    QSqlQuery q(connection);
    q.prepare(u"INSERT INTO ledger_entries (account, kind, amount, reason, reference, rate_id, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(entry.account);
    q.addBindValue(entryKindName(entry.kind));
    q.addBindValue(entry.amount.nanos());
    q.addBindValue(entry.reason);
    q.addBindValue(entry.reference.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(entry.reference));
    q.addBindValue(entry.rateId ? QVariant(*entry.rateId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(entry.createdAtMs);
    if (!q.exec())
        return fail(m_database->error(q.lastError(), u"add a ledger entry for %1"_s.arg(entry.account)));
    entry.id = q.lastInsertId().toLongLong();
    QSqlQuery update(connection);
    update.prepare(u"UPDATE billing_accounts SET balance = balance + ? WHERE name = ?"_s);
    update.addBindValue(entry.amount.nanos());
    update.addBindValue(entry.account);
    if (!update.exec())
        return fail(m_database->error(update.lastError(), u"update the balance of %1"_s.arg(entry.account)));
    return entry;
}

Result<LedgerEntry> Ledger::post(const QString &account, EntryKind kind, Credits amount, const QString &reason,
                                 const QString &reference, std::optional<qint64> rateId)
{
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"Every ledger entry needs a reason."_s);
    auto transaction = Storage::Transaction::begin(*m_database);
    if (!transaction)
        return fail(transaction.error());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (Status ensured = ensureAccount(transaction->connection(), account, now); !ensured)
        return fail(ensured.error());
    auto entry = insertEntry(transaction->connection(),
                             LedgerEntry { 0, account, kind, amount, reason, reference, rateId, now });
    if (!entry)
        return entry;
    if (Status committed = transaction->commit(); !committed)
        return fail(committed.error());
    return entry;
}

Result<bool> Ledger::grantNewUser(const QString &account, Credits amount)
{
    auto transaction = Storage::Transaction::begin(*m_database);
    if (!transaction)
        return fail(transaction.error());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (Status ensured = ensureAccount(transaction->connection(), account, now); !ensured)
        return fail(ensured.error());
    if (amount.nanos() <= 0)
    {
        if (Status committed = transaction->commit(); !committed)
            return fail(committed.error());
        return false;
    }
    // The partial unique index makes a second grant impossible, even from another process.
    QSqlQuery q(transaction->connection());
    q.prepare(u"INSERT INTO ledger_entries (account, kind, amount, reason, reference, created_at) "
              "VALUES (?, 'grant', ?, 'new-user grant', ?, ?) ON CONFLICT DO NOTHING"_s);
    q.addBindValue(account);
    q.addBindValue(amount.nanos());
    q.addBindValue(NewUserReference);
    q.addBindValue(now);
    if (!q.exec())
        return fail(m_database->error(q.lastError(), u"grant the new-user credits to %1"_s.arg(account)));
    const bool granted = q.numRowsAffected() == 1;
    if (granted) {
        QSqlQuery update(transaction->connection());
        update.prepare(u"UPDATE billing_accounts SET balance = balance + ? WHERE name = ?"_s);
        update.addBindValue(amount.nanos());
        update.addBindValue(account);
        if (!update.exec())
            return fail(m_database->error(update.lastError(), u"update the balance of %1"_s.arg(account)));
    }
    if (Status committed = transaction->commit(); !committed)
        return fail(committed.error());
    return granted;
}

Result<AccountBalance> Ledger::balanceIn(QSqlDatabase connection, const QString &account) const
{
    QSqlQuery q(connection);
    q.prepare(u"SELECT a.balance, (SELECT COALESCE(SUM(r.amount), 0) FROM billing_reservations r "
              "WHERE r.account = a.name) FROM billing_accounts a WHERE a.name = ?"_s);
    q.addBindValue(account);
    if (!q.exec())
        return fail(m_database->error(q.lastError(), u"read the balance of %1"_s.arg(account)));
    if (!q.next())
        return fail(ErrorCode::NotFound,
                    u"There is no account \"%1\"; it is created by its first call or by aigne-hubd credits grant."_s
                        .arg(account));
    return AccountBalance { Credits::fromNanos(q.value(0).toLongLong()), Credits::fromNanos(q.value(1).toLongLong()) };
}

Result<AccountBalance> Ledger::balance(const QString &account) const
{
    return balanceIn(m_database->connection(), account);
}

Result<bool> Ledger::accountExists(const QString &account) const
{
    QSqlQuery q(m_database->connection());
    q.prepare(u"SELECT 1 FROM billing_accounts WHERE name = ?"_s);
    q.addBindValue(account);
    if (!q.exec())
        return fail(m_database->error(q.lastError(), u"look up the account %1"_s.arg(account)));
    return q.next();
}

Result<AccountTotals> Ledger::totals(const QString &account) const
{
    QSqlQuery q(m_database->connection());
    q.prepare(u"SELECT COALESCE(SUM(CASE WHEN kind IN ('grant', 'topup', 'refund') THEN amount ELSE 0 END), 0), "
              "COALESCE(SUM(kind = 'grant'), 0) FROM ledger_entries WHERE account = ?"_s);
    q.addBindValue(account);
    if (!q.exec() || !q.next())
        return fail(m_database->error(q.lastError(), u"add up the credits of %1"_s.arg(account)));
    return AccountTotals { Credits::fromNanos(q.value(0).toLongLong()), q.value(1).toInt() };
}

Result<QList<LedgerEntry>> Ledger::history(const QString &account, int limit) const
{
    QSqlQuery q(m_database->connection());
    q.prepare(u"SELECT id, account, kind, amount, reason, reference, rate_id, created_at FROM ledger_entries "
              "WHERE account = ? ORDER BY id DESC LIMIT ?"_s);
    q.addBindValue(account);
    q.addBindValue(qMax(1, limit));
    if (!q.exec())
        return fail(m_database->error(q.lastError(), u"read the history of %1"_s.arg(account)));
    QList<LedgerEntry> entries;
    while (q.next()) {
        LedgerEntry e;
        e.id = q.value(0).toLongLong();
        e.account = q.value(1).toString();
        e.kind = parseEntryKind(q.value(2).toString()).value_or(EntryKind::Adjustment);
        e.amount = Credits::fromNanos(q.value(3).toLongLong());
        e.reason = q.value(4).toString();
        e.reference = q.value(5).toString();
        if (!q.value(6).isNull())
            e.rateId = q.value(6).toLongLong();
        e.createdAtMs = q.value(7).toLongLong();
        entries.append(std::move(e));
    }
    return entries;
}

Result<Reservation> Ledger::reserve(const QString &account, Credits amount, const QString &requestId,
                                    Credits newUserGrant)
{
    if (amount.isNegative())
        return fail(ErrorCode::InvalidArgument, u"A reservation cannot be negative."_s);
    // BEGIN IMMEDIATE: the check and the hold happen under the database's write lock, so no other reservation
    // (in this process or another) can slip in between them.
    auto transaction = Storage::Transaction::begin(*m_database);
    if (!transaction)
        return fail(transaction.error());
    QSqlDatabase connection = transaction->connection();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (Status ensured = ensureAccount(connection, account, now); !ensured)
        return fail(ensured.error());
    if (newUserGrant.nanos() > 0) {
        QSqlQuery grant(connection);
        grant.prepare(u"INSERT INTO ledger_entries (account, kind, amount, reason, reference, created_at) "
                      "VALUES (?, 'grant', ?, 'new-user grant', ?, ?) ON CONFLICT DO NOTHING"_s);
        grant.addBindValue(account);
        grant.addBindValue(newUserGrant.nanos());
        grant.addBindValue(NewUserReference);
        grant.addBindValue(now);
        if (!grant.exec())
            return fail(m_database->error(grant.lastError(), u"grant the new-user credits to %1"_s.arg(account)));
        if (grant.numRowsAffected() == 1) {
            QSqlQuery update(connection);
            update.prepare(u"UPDATE billing_accounts SET balance = balance + ? WHERE name = ?"_s);
            update.addBindValue(newUserGrant.nanos());
            update.addBindValue(account);
            if (!update.exec())
                return fail(m_database->error(update.lastError(), u"update the balance of %1"_s.arg(account)));
        }
    }
    auto balance = balanceIn(connection, account);
    if (!balance)
        return fail(balance.error());
    if (balance->available() < amount) {
        const Credits available = balance->available().isNegative() ? Credits() : balance->available();
        QString held;
        if (!balance->reserved.isZero())
            held = u" (%1 more are held by calls in progress)"_s.arg(balance->reserved.toString());
        return fail(ErrorCode::InsufficientCredit,
                    u"Not enough credits: account \"%1\" has %2 credits available%3 and this call needs up to "
                    "about %4. Ask the hub's administrator to top up with: aigne-hubd credits grant %1 AMOUNT"_s
                        .arg(account, available.toString(), held, amount.toString()));
    }
    QSqlQuery hold(connection);
    hold.prepare(u"INSERT INTO billing_reservations (account, amount, request_id, created_at) VALUES (?, ?, ?, ?)"_s);
    hold.addBindValue(account);
    hold.addBindValue(amount.nanos());
    hold.addBindValue(requestId);
    hold.addBindValue(now);
    if (!hold.exec())
        return fail(m_database->error(hold.lastError(), u"hold credits for %1"_s.arg(account)));
    Reservation reservation { hold.lastInsertId().toLongLong(), account, amount };
    if (Status committed = transaction->commit(); !committed)
        return fail(committed.error());
    return reservation;
}

Result<Credits> Ledger::settle(const Reservation &reservation, Credits charge, const QString &reason,
                               const QString &reference, std::optional<qint64> rateId)
{
    auto transaction = Storage::Transaction::begin(*m_database);
    if (!transaction)
        return fail(transaction.error());
    QSqlDatabase connection = transaction->connection();
    QSqlQuery release(connection);
    release.prepare(u"DELETE FROM billing_reservations WHERE id = ?"_s);
    release.addBindValue(reservation.id);
    if (!release.exec())
        return fail(m_database->error(release.lastError(), u"release held credits"_s));
    Credits charged = charge.isNegative() ? Credits() : charge;
    if (charged.nanos() > 0) {
        // The hold was the most the call could cost; should the call still cost more, it takes what is left
        // but never the balance below zero or other calls' holds.
        auto balance = balanceIn(connection, reservation.account);
        if (!balance)
            return fail(balance.error());
        const Credits room = balance->available().isNegative() ? Credits() : balance->available();
        if (charged > room)
            charged = room;
    }
    if (charged.nanos() > 0) {
        auto entry = insertEntry(connection, LedgerEntry { 0, reservation.account, EntryKind::Charge, -charged, reason,
                                                           reference, rateId, QDateTime::currentMSecsSinceEpoch() });
        if (!entry)
            return fail(entry.error());
    }
    if (Status committed = transaction->commit(); !committed)
        return fail(committed.error());
    return charged;
}

Status Ledger::release(const Reservation &reservation)
{
    QSqlQuery q(m_database->connection());
    q.prepare(u"DELETE FROM billing_reservations WHERE id = ?"_s);
    q.addBindValue(reservation.id);
    if (!q.exec())
        return fail(m_database->error(q.lastError(), u"release held credits"_s));
    return {};
}

Result<int> Ledger::releaseStaleReservations()
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(u"DELETE FROM billing_reservations"_s))
        return fail(m_database->error(q.lastError(), u"release credits held before the last stop"_s));
    return q.numRowsAffected();
}

Result<QStringList> Ledger::checkConsistency(bool repair)
{
    auto transaction = Storage::Transaction::begin(*m_database);
    if (!transaction)
        return fail(transaction.error());
    QSqlQuery q(transaction->connection());
    if (!q.exec(u"SELECT a.name, a.balance, COALESCE((SELECT SUM(e.amount) FROM ledger_entries e "
                "WHERE e.account = a.name), 0) AS total FROM billing_accounts a WHERE a.balance <> total"_s))
        return fail(m_database->error(q.lastError(), u"check the balances"_s));
    QStringList problems;
    QList<std::pair<QString, qint64>> fixes;
    while (q.next()) {
        const QString name = q.value(0).toString();
        const Credits cached = Credits::fromNanos(q.value(1).toLongLong());
        const Credits sum = Credits::fromNanos(q.value(2).toLongLong());
        problems.append(u"Account \"%1\": the stored balance %2 differs from its ledger entries, which add up to %3%4"_s
                            .arg(name, cached.toString(), sum.toString(),
                                 repair ? u"; reset to the ledger's sum."_s : u"."_s));
        fixes.append({ name, sum.nanos() });
    }
    if (repair) {
        for (const auto &[name, sum] : fixes) {
            QSqlQuery fix(transaction->connection());
            fix.prepare(u"UPDATE billing_accounts SET balance = ? WHERE name = ?"_s);
            fix.addBindValue(sum);
            fix.addBindValue(name);
            if (!fix.exec())
                return fail(m_database->error(fix.lastError(), u"repair the balance of %1"_s.arg(name)));
        }
    }
    if (Status committed = transaction->commit(); !committed)
        return fail(committed.error());
    return problems;
}

} // namespace AiHub::Billing
