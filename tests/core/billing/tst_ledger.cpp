// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/ledger.h"
#include "core/storage/database.h"

#include <QMutex>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <latch>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace AiHub;
using namespace AiHub::Billing;

namespace {
Credits c(const QString &text) { return *Credits::parse(text); }

// Runs `body(i)` on `count` threads that all start at once.
template <typename Body>
void runConcurrently(int count, Body body)
{
    std::latch ready(count);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < count; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            ready.arrive_and_wait();
            body(i);
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        thread->wait();
}
} // namespace

class TestLedger final : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Storage::Database> m_db;

    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Storage::DatabaseOptions options;
        options.busyTimeoutMs = 60000;
        auto db = Storage::Database::open(m_dir->filePath(u"hub.db"_s), options);
        QVERIFY2(db.has_value(), qPrintable(db ? QString() : db.error().message));
        m_db = *db;
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void post_entries_balanceIsTheirSum()
    {
        Ledger ledger(m_db);
        QVERIFY(ledger.post(u"alice"_s, EntryKind::Topup, c(u"10.5"_s), u"bought"_s, u"inv-1"_s));
        QVERIFY(ledger.post(u"alice"_s, EntryKind::Charge, c(u"-0.25"_s), u"call"_s, u"req-1"_s));
        QVERIFY(ledger.post(u"alice"_s, EntryKind::Refund, c(u"0.1"_s), u"refund"_s));
        QVERIFY(ledger.post(u"alice"_s, EntryKind::Adjustment, c(u"-0.35"_s), u"fix"_s));
        auto balance = ledger.balance(u"alice"_s);
        QVERIFY(balance);
        QCOMPARE(balance->balance.toString(), u"10"_s);
        QCOMPARE(scalar(u"SELECT SUM(amount) FROM ledger_entries WHERE account = 'alice'"_s), balance->balance.nanos());
        auto history = ledger.history(u"alice"_s);
        QVERIFY(history);
        QCOMPARE(history->size(), 4);
        QCOMPARE(history->first().kind, EntryKind::Adjustment); // newest first
        QCOMPARE(history->last().reference, u"inv-1"_s);
    }

    void post_badInput_isRefused()
    {
        Ledger ledger(m_db);
        QCOMPARE(ledger.post(u"alice"_s, EntryKind::Topup, c(u"1"_s), u" "_s).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(ledger.post(u""_s, EntryKind::Topup, c(u"1"_s), u"x"_s).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(ledger.balance(u"nobody"_s).error().code, ErrorCode::NotFound);
    }

    void entries_areAppendOnly()
    {
        Ledger ledger(m_db);
        QVERIFY(ledger.post(u"alice"_s, EntryKind::Topup, c(u"1"_s), u"x"_s));
        QSqlQuery q(m_db->connection());
        QVERIFY(!q.exec(u"UPDATE ledger_entries SET amount = 999"_s));
        QVERIFY(!q.exec(u"DELETE FROM ledger_entries"_s));
        QCOMPARE(scalar(u"SELECT amount FROM ledger_entries"_s), c(u"1"_s).nanos());
    }

    void reserve_insufficient_saysBalanceNeedAndHowToTopUp()
    {
        Ledger ledger(m_db);
        QVERIFY(ledger.post(u"bob"_s, EntryKind::Topup, c(u"0.5"_s), u"x"_s));
        auto held = ledger.reserve(u"bob"_s, c(u"0.4"_s), u"r1"_s);
        QVERIFY(held);
        auto refused = ledger.reserve(u"bob"_s, c(u"0.2"_s), u"r2"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InsufficientCredit);
        const QString message = refused.error().message;
        QVERIFY2(message.contains(u"0.1 credits available"_s), qPrintable(message));
        QVERIFY2(message.contains(u"0.4 more are held"_s), qPrintable(message));
        QVERIFY2(message.contains(u"about 0.2"_s), qPrintable(message));
        QVERIFY2(message.contains(u"aigne-hubd credits grant bob AMOUNT"_s), qPrintable(message));
    }

    void reserve_200Concurrent_neverTakeBalanceBelowZero()
    {
        Ledger ledger(m_db);
        QVERIFY(ledger.post(u"carol"_s, EntryKind::Topup, c(u"5"_s), u"x"_s));
        QMutex mutex;
        QList<Reservation> held;
        int refused = 0;
        int otherErrors = 0;
        runConcurrently(200, [&](int i) {
            auto r = ledger.reserve(u"carol"_s, c(u"1"_s), u"req-%1"_s.arg(i));
            QMutexLocker lock(&mutex);
            if (r)
                held.append(*r);
            else if (r.error().code == ErrorCode::InsufficientCredit)
                ++refused;
            else
                ++otherErrors;
        });
        QCOMPARE(otherErrors, 0);
        QCOMPARE(held.size(), 5);
        QCOMPARE(refused, 195);
        QCOMPARE(ledger.balance(u"carol"_s)->available(), Credits());
        // Settling them all concurrently charges exactly the balance.
        runConcurrently(int(held.size()), [&](int i) {
            QVERIFY(ledger.settle(held[i], c(u"1"_s), u"call"_s, u"req"_s, std::nullopt));
        });
        QCOMPARE(ledger.balance(u"carol"_s)->balance, Credits());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM billing_reservations"_s), 0);
    }

    void reserveAndSettle_racingLoops_balanceNeverNegative()
    {
        Ledger ledger(m_db);
        QVERIFY(ledger.post(u"dave"_s, EntryKind::Topup, c(u"3"_s), u"x"_s));
        std::atomic<int> charged { 0 };
        runConcurrently(20, [&](int i) {
            for (int n = 0; n < 10; ++n) {
                auto r = ledger.reserve(u"dave"_s, c(u"0.5"_s), u"req-%1-%2"_s.arg(i).arg(n));
                if (!r)
                    continue;
                // Actual use below the hold: 0.3 of the 0.5 held.
                auto settled = ledger.settle(*r, c(u"0.3"_s), u"call"_s, u"req"_s, std::nullopt);
                if (settled && *settled == c(u"0.3"_s))
                    ++charged;
            }
        });
        auto balance = ledger.balance(u"dave"_s);
        QVERIFY(!balance->balance.isNegative());
        // Each charge needed 0.5 free when it was admitted, so at most 9 of 0.3 fit into 3 credits.
        QVERIFY(charged.load() >= 1 && charged.load() <= 9);
        QCOMPARE(balance->balance.nanos(), c(u"3"_s).nanos() - charged.load() * c(u"0.3"_s).nanos());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM billing_reservations"_s), 0);
    }

    void settle_costAboveHold_isCappedAtWhatIsLeft()
    {
        Ledger ledger(m_db);
        QVERIFY(ledger.post(u"erin"_s, EntryKind::Topup, c(u"2"_s), u"x"_s));
        auto a = ledger.reserve(u"erin"_s, c(u"1"_s), u"a"_s);
        auto b = ledger.reserve(u"erin"_s, c(u"0.5"_s), u"b"_s);
        QVERIFY(a && b);
        // a used more than it held: it may take its own hold and the free 0.5, but not b's hold.
        auto charged = ledger.settle(*a, c(u"5"_s), u"call"_s, u"a"_s, std::nullopt);
        QVERIFY(charged);
        QCOMPARE(charged->toString(), u"1.5"_s);
        auto chargedB = ledger.settle(*b, c(u"0.5"_s), u"call"_s, u"b"_s, std::nullopt);
        QCOMPARE(chargedB->toString(), u"0.5"_s);
        QCOMPARE(ledger.balance(u"erin"_s)->balance, Credits());
    }

    void settle_zeroCharge_addsNoEntryAndReleasesHold()
    {
        Ledger ledger(m_db);
        QVERIFY(ledger.post(u"fay"_s, EntryKind::Topup, c(u"1"_s), u"x"_s));
        auto r = ledger.reserve(u"fay"_s, c(u"1"_s), u"a"_s);
        QVERIFY(r);
        QCOMPARE(*ledger.settle(*r, Credits(), u"failed"_s, u"a"_s, std::nullopt), Credits());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM ledger_entries WHERE account = 'fay'"_s), 1);
        QCOMPARE(ledger.balance(u"fay"_s)->available().toString(), u"1"_s);
    }

    void grantNewUser_concurrentFirstRequests_grantsExactlyOnce()
    {
        Ledger ledger(m_db);
        std::atomic<int> granted { 0 };
        std::atomic<int> reserved { 0 };
        runConcurrently(50, [&](int i) {
            if (i % 2 == 0) {
                auto g = ledger.grantNewUser(u"newbie"_s, c(u"100"_s));
                if (g && *g)
                    ++granted;
            } else if (ledger.reserve(u"newbie"_s, c(u"1"_s), u"r"_s, c(u"100"_s))) {
                ++reserved;
            }
        });
        QCOMPARE(reserved.load(), 25);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM ledger_entries WHERE account = 'newbie' AND kind = 'grant'"_s), 1);
        QCOMPARE(ledger.balance(u"newbie"_s)->balance.toString(), u"100"_s);
        QVERIFY(granted.load() <= 1);
        // Later grants never repeat it, not even with a different amount.
        QCOMPARE(*ledger.grantNewUser(u"newbie"_s, c(u"50"_s)), false);
        QCOMPARE(ledger.balance(u"newbie"_s)->balance.toString(), u"100"_s);
    }

    void releaseStaleReservations_afterACrash_freesTheCredits()
    {
        {
            Ledger ledger(m_db);
            QVERIFY(ledger.post(u"gus"_s, EntryKind::Topup, c(u"1"_s), u"x"_s));
            QVERIFY(ledger.reserve(u"gus"_s, c(u"1"_s), u"lost"_s)); // never settled: the process "died"
            QCOMPARE(ledger.balance(u"gus"_s)->available(), Credits());
        }
        Ledger restarted(m_db);
        QCOMPARE(*restarted.releaseStaleReservations(), 1);
        QCOMPARE(restarted.balance(u"gus"_s)->available().toString(), u"1"_s);
    }

    void checkConsistency_tamperedBalance_isReportedAndRepaired()
    {
        Ledger ledger(m_db);
        QVERIFY(ledger.post(u"hal"_s, EntryKind::Topup, c(u"3"_s), u"x"_s));
        QVERIFY(ledger.checkConsistency(false)->isEmpty());
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(u"UPDATE billing_accounts SET balance = 999 WHERE name = 'hal'"_s));
        auto problems = ledger.checkConsistency(true);
        QVERIFY(problems);
        QCOMPARE(problems->size(), 1);
        QVERIFY(problems->first().contains(u"hal"_s));
        QCOMPARE(ledger.balance(u"hal"_s)->balance.toString(), u"3"_s);
        QVERIFY(ledger.checkConsistency(false)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
