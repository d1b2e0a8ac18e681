// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/meter.h"
#include "core/storage/database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace AiHub;
using namespace AiHub::Billing;

namespace {
Credits c(const QString &text) { return *Credits::parse(text); }

Rate chatRate(const QString &model, const QString &input, const QString &output)
{
    Rate r;
    r.provider = u"openai"_s;
    r.model = model;
    r.input = c(input);
    r.output = c(output);
    return r;
}
} // namespace

class TestMeter final : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Storage::Database> m_db;

    MeterRequest request(const QString &model, qint64 in, qint64 out)
    {
        MeterRequest r;
        r.account = u"alice"_s;
        r.provider = u"openai"_s;
        r.model = model;
        r.maximum = Quantities { in, out, 0, 0, 0 };
        r.requestId = u"req-1"_s;
        return r;
    }

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

    void rateBook_change_keepsHistoryAndOnlyOneCurrentRow()
    {
        RateBook book(m_db);
        auto first = book.set(chatRate(u"gpt-4o"_s, u"2.5"_s, u"10"_s));
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        auto same = book.set(chatRate(u"gpt-4o"_s, u"2.5"_s, u"10"_s));
        QCOMPARE(same->id, first->id); // same prices: no new row
        auto second = book.set(chatRate(u"gpt-4o"_s, u"2"_s, u"8"_s));
        QVERIFY(second->id != first->id);
        auto history = book.history(u"openai"_s, u"gpt-4o"_s, RateType::Chat);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).input.toString(), u"2.5"_s);
        auto current = book.find(u"openai"_s, u"gpt-4o"_s, RateType::Chat);
        QCOMPARE((*current)->id, second->id);
        QCOMPARE(book.byId(first->id)->output.toString(), u"10"_s); // old charges can still name their rate
        QCOMPARE(book.current()->size(), 1);
    }

    void rateBook_imageVariant_exactMatchFirstThenAny()
    {
        RateBook book(m_db);
        Rate any;
        any.provider = u"openai"_s;
        any.model = u"dall-e-3"_s;
        any.type = RateType::Image;
        any.output = c(u"0.04"_s);
        Rate hd = any;
        hd.variant = u"1024x1024/hd"_s;
        hd.output = c(u"0.08"_s);
        QVERIFY(book.set(any));
        QVERIFY(book.set(hd));
        QCOMPARE((*book.find(u"openai"_s, u"dall-e-3"_s, RateType::Image, u"1024x1024/hd"_s))->output.toString(),
                 u"0.08"_s);
        QCOMPARE((*book.find(u"openai"_s, u"dall-e-3"_s, RateType::Image, u"512x512"_s))->output.toString(),
                 u"0.04"_s);
        QVERIFY(!book.find(u"openai"_s, u"dall-e-3"_s, RateType::Chat)->has_value());
    }

    void rateBook_negativeOrNamelessRate_isRefused()
    {
        RateBook book(m_db);
        QCOMPARE(book.set(chatRate(u"x"_s, u"-1"_s, u"0"_s)).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(book.set(chatRate(u""_s, u"1"_s, u"0"_s)).error().code, ErrorCode::InvalidArgument);
    }

    void reserve_billingOff_holdsNothing()
    {
        Meter meter(m_db);
        QVERIFY(meter.start());
        auto hold = meter.reserve(request(u"gpt-4o"_s, 100, 100));
        QVERIFY(hold);
        QVERIFY(!hold->active);
        const Settlement s = meter.settle(*hold, Quantities { 100, 100, 0, 0, 0 }, Reason::Usage, u"r"_s);
        QVERIFY(!s.credits.has_value());
        QCOMPARE(s.reason, u"billing_off"_s);
        QVERIFY(!meter.isOn()); // sessions skip their estimate then
    }

    void isOn_followsTheSettingsAsTheyAreReloaded()
    {
        Meter meter(m_db);
        QVERIFY(!meter.isOn()); // nothing loaded yet: off, like reserve()
        QVERIFY(BillingSettings::set(*m_db, u"enabled"_s, u"on"_s));
        QVERIFY(meter.start());
        QVERIFY(meter.isOn());
        QVERIFY(BillingSettings::set(*m_db, u"enabled"_s, u"off"_s));
        QVERIFY(meter.isOn()); // until reloaded
        QVERIFY(meter.reloadSettings());
        QVERIFY(!meter.isOn());
    }

    void reserve_unpricedModel_refusedOrFreeAsConfigured()
    {
        Meter meter(m_db);
        QVERIFY(BillingSettings::set(*m_db, u"enabled"_s, u"on"_s));
        QVERIFY(meter.start());
        auto refused = meter.reserve(request(u"mystery"_s, 10, 10));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY(refused.error().message.contains(u"aigne-hubd rates set openai/mystery"_s));

        QVERIFY(BillingSettings::set(*m_db, u"unpriced"_s, u"free"_s));
        QVERIFY(meter.reloadSettings());
        auto free = meter.reserve(request(u"mystery"_s, 10, 10));
        QVERIFY(free);
        QVERIFY(!free->active);
        const Settlement s = meter.settle(*free, Quantities { 10, 10, 0, 0, 0 }, Reason::Usage, u"r"_s);
        QCOMPARE(s.reason, u"unpriced"_s);
        QCOMPARE(s.credits, std::optional<Credits>(Credits()));
    }

    void reserveAndSettle_chargesActualUseAndReleasesTheRest()
    {
        Meter meter(m_db);
        QVERIFY(BillingSettings::set(*m_db, u"enabled"_s, u"on"_s));
        QVERIFY(BillingSettings::set(*m_db, u"grant"_s, u"1"_s));
        QVERIFY(meter.start());
        auto rate = meter.rates().set(chatRate(u"gpt-4o"_s, u"1000"_s, u"2000"_s));
        QVERIFY(rate);
        auto hold = meter.reserve(request(u"gpt-4o"_s, 100, 200)); // 0.1 + 0.4 held
        QVERIFY(hold);
        QVERIFY(hold->active);
        QCOMPARE(hold->reservation.amount.toString(), u"0.5"_s);
        QCOMPARE(meter.ledger().balance(u"alice"_s)->available().toString(), u"0.5"_s); // the grant came first
        const Settlement s = meter.settle(*hold, Quantities { 10, 5, 0, 0, 0 }, Reason::Usage, u"req-1"_s);
        QCOMPARE(s.credits->toString(), u"0.02"_s);
        QCOMPARE(s.rateId, std::optional<qint64>(rate->id));
        QCOMPARE(s.reason, u"usage"_s);
        QCOMPARE(meter.ledger().balance(u"alice"_s)->available().toString(), u"0.98"_s);
        auto history = meter.ledger().history(u"alice"_s);
        QCOMPARE(history->first().kind, EntryKind::Charge);
        QCOMPARE(history->first().rateId, std::optional<qint64>(rate->id));
        QCOMPARE(history->first().reference, u"req-1"_s);
    }

    void settle_failedBeforeOutput_chargesNothing()
    {
        Meter meter(m_db);
        QVERIFY(BillingSettings::set(*m_db, u"enabled"_s, u"on"_s));
        QVERIFY(meter.start());
        QVERIFY(meter.ledger().post(u"alice"_s, EntryKind::Topup, c(u"1"_s), u"x"_s));
        QVERIFY(meter.rates().set(chatRate(u"gpt-4o"_s, u"1000"_s, u"2000"_s)));
        auto hold = meter.reserve(request(u"gpt-4o"_s, 10, 10));
        QVERIFY(hold);
        const Settlement s = meter.settle(*hold, Quantities { 10, 0, 0, 0, 0 }, Reason::FailedBeforeOutput, u"r"_s);
        QCOMPARE(s.credits, std::optional<Credits>(Credits()));
        QCOMPARE(s.reason, u"failed_before_output"_s);
        QCOMPARE(meter.ledger().balance(u"alice"_s)->available().toString(), u"1"_s);
    }

    void reserve_insufficientBalance_failsWith402Code()
    {
        Meter meter(m_db);
        QVERIFY(BillingSettings::set(*m_db, u"enabled"_s, u"on"_s));
        QVERIFY(meter.start());
        QVERIFY(meter.rates().set(chatRate(u"gpt-4o"_s, u"1000"_s, u"2000"_s)));
        auto hold = meter.reserve(request(u"gpt-4o"_s, 10, 10));
        QVERIFY(!hold);
        QCOMPARE(hold.error().code, ErrorCode::InsufficientCredit);
    }

    void settings_badValues_areRefused()
    {
        QCOMPARE(BillingSettings::set(*m_db, u"enabled"_s, u"maybe"_s).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(BillingSettings::set(*m_db, u"grant"_s, u"-1"_s).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(BillingSettings::set(*m_db, u"credit-price"_s, u"0"_s).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(BillingSettings::set(*m_db, u"unpriced"_s, u"zero"_s).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(BillingSettings::set(*m_db, u"colour"_s, u"red"_s).error().code, ErrorCode::InvalidArgument);
        QVERIFY(BillingSettings::set(*m_db, u"credit-prefix"_s, u"AHC "_s));
        QCOMPARE(BillingSettings::load(*m_db)->creditPrefix, u"AHC"_s);
    }
};

QTEST_GUILESS_MAIN(TestMeter)
#include "tst_meter.moc"
