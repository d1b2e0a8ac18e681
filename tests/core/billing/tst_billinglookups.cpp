// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/meter.h"
#include "core/hub/billingbalancelookup.h"
#include "core/hub/billingratelookup.h"
#include "core/storage/database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace AiHub;

class TestBillingLookups final : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Storage::Database> m_db;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto db = Storage::Database::open(m_dir->filePath(u"hub.db"_s));
        QVERIFY(db);
        m_db = *db;
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void perToken_isExactDecimal_data()
    {
        QTest::addColumn<QString>("perMillion");
        QTest::addColumn<QString>("perToken");
        QTest::newRow("2.5") << u"2.5"_s << u"0.0000025"_s;
        QTest::newRow("1000") << u"1000"_s << u"0.001"_s;
        QTest::newRow("smallest") << u"0.000000001"_s << u"0.000000000000001"_s;
        QTest::newRow("zero") << u"0"_s << u"0"_s;
        QTest::newRow("big") << u"3000000"_s << u"3"_s;
    }
    void perToken_isExactDecimal()
    {
        QFETCH(QString, perMillion);
        QFETCH(QString, perToken);
        QCOMPARE(Hub::BillingRateLookup::perToken(Billing::Credits::parse(perMillion)->nanos()), perToken);
    }

    void rate_pricedAndUnpricedModels()
    {
        Billing::RateBook book(m_db);
        Billing::Rate chat;
        chat.provider = u"openai"_s;
        chat.model = u"gpt-4o"_s;
        chat.input = *Billing::Credits::parse(u"2.5"_s);
        chat.output = *Billing::Credits::parse(u"10"_s);
        QVERIFY(book.set(chat));
        Billing::Rate image = chat;
        image.model = u"dall-e-3"_s;
        image.type = Billing::RateType::Image;
        image.input = {};
        image.output = *Billing::Credits::parse(u"0.04"_s);
        QVERIFY(book.set(image));
        Hub::BillingRateLookup lookup(book);
        const auto r = lookup.rate(u"openai"_s, u"gpt-4o"_s, Usage::CallType::Chat);
        QCOMPARE(r.inputCreditsPerToken, u"0.0000025"_s);
        QCOMPARE(r.outputCreditsPerToken, u"0.00001"_s);
        QCOMPARE(lookup.rate(u"openai"_s, u"dall-e-3"_s, Usage::CallType::Image).outputCreditsPerToken, u"0.04"_s);
        QCOMPARE(lookup.rate(u"openai"_s, u"nope"_s, Usage::CallType::Chat).inputCreditsPerToken, u"0"_s);
    }

    void balance_billingOffIsNone_onShowsLedger()
    {
        Billing::Meter meter(m_db);
        QVERIFY(meter.start());
        Hub::BillingBalanceLookup lookup(meter);
        Hub::CallerInfo caller;
        caller.account = u"alice"_s;
        QVERIFY(!lookup.balance(caller).has_value());

        QVERIFY(Billing::BillingSettings::set(*m_db, u"enabled"_s, u"on"_s));
        QVERIFY(Billing::BillingSettings::set(*m_db, u"credit-prefix"_s, u"$"_s));
        QVERIFY(Billing::BillingSettings::set(*m_db, u"grant"_s, u"5"_s));
        QVERIFY(meter.reloadSettings());
        QCOMPARE(lookup.balance(caller)->balance, u"5"_s); // not created yet: the grant it will get
        QVERIFY(meter.ledger().grantNewUser(u"alice"_s, Billing::Credits::fromWhole(5)));
        QVERIFY(meter.ledger().post(u"alice"_s, Billing::EntryKind::Topup, Billing::Credits::fromWhole(10), u"x"_s));
        QVERIFY(meter.ledger().reserve(u"alice"_s, Billing::Credits::fromWhole(3), u"r"_s));
        const auto b = lookup.balance(caller);
        QVERIFY(b);
        QCOMPARE(b->balance, u"12"_s);
        QCOMPARE(b->pendingCredit, u"3"_s);
        QCOMPARE(b->total, u"15"_s);
        QCOMPARE(b->grantCount, 1);
        QCOMPARE(b->creditPrefix, u"$"_s);
    }
};

QTEST_GUILESS_MAIN(TestBillingLookups)
#include "tst_billinglookups.moc"
