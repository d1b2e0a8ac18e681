// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/credits.h"

#include <QTest>

using namespace Qt::StringLiterals;
using AiHub::Billing::Credits;

class TestCredits final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_validText_isExact_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("nanos");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("whole") << u"12"_s << qint64(12'000'000'000) << u"12"_s;
        QTest::newRow("half") << u"0.5"_s << qint64(500'000'000) << u"0.5"_s;
        QTest::newRow("one nano") << u"0.000000001"_s << qint64(1) << u"0.000000001"_s;
        QTest::newRow("point one plus") << u"+0.1"_s << qint64(100'000'000) << u"0.1"_s;
        QTest::newRow("negative") << u"-3.25"_s << qint64(-3'250'000'000) << u"-3.25"_s;
        QTest::newRow("leading dot") << u".75"_s << qint64(750'000'000) << u"0.75"_s;
        QTest::newRow("trailing zeros") << u"1.500000000"_s << qint64(1'500'000'000) << u"1.5"_s;
        QTest::newRow("spaces") << u"  2 "_s << qint64(2'000'000'000) << u"2"_s;
        QTest::newRow("zero") << u"0"_s << qint64(0) << u"0"_s;
        QTest::newRow("largest") << u"9223372036.854775807"_s << std::numeric_limits<qint64>::max()
                                 << u"9223372036.854775807"_s;
    }
    void parse_validText_isExact()
    {
        QFETCH(QString, text);
        QFETCH(qint64, nanos);
        QFETCH(QString, formatted);
        auto parsed = Credits::parse(text);
        QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed->nanos(), nanos);
        QCOMPARE(parsed->toString(), formatted);
        QCOMPARE(Credits::parse(parsed->toString())->nanos(), nanos); // round trip
    }

    void parse_badText_isRefusedWithReason_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("letters") << u"ten"_s;
        QTest::newRow("ten decimals") << u"0.0000000001"_s;
        QTest::newRow("exponent") << u"1e3"_s;
        QTest::newRow("two dots") << u"1.2.3"_s;
        QTest::newRow("sign only") << u"-"_s;
        QTest::newRow("dot only") << u"."_s;
        QTest::newRow("grouping") << u"1,000"_s;
        QTest::newRow("overflow") << u"9223372037"_s;
        QTest::newRow("arabic digits") << u"\u0661\u0662"_s;
    }
    void parse_badText_isRefusedWithReason()
    {
        QFETCH(QString, text);
        auto parsed = Credits::parse(text);
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().code, AiHub::ErrorCode::InvalidArgument);
        QVERIFY(parsed.error().message.contains(u"decimal number"_s));
    }

    void toString_minDecimals_padsButNeverRounds()
    {
        QCOMPARE(Credits::fromNanos(1'500'000'000).toString(2), u"1.50"_s);
        QCOMPARE(Credits::fromNanos(1'234'567'891).toString(2), u"1.234567891"_s);
        QCOMPARE(Credits::fromNanos(std::numeric_limits<qint64>::min()).toString(), u"-9223372036.854775808"_s);
    }

    void arithmetic_overflow_isReported()
    {
        const Credits max = Credits::fromNanos(std::numeric_limits<qint64>::max());
        QVERIFY(!max.plus(Credits::fromNanos(1)));
        QVERIFY(!(-max).minus(Credits::fromNanos(2)));
        QCOMPARE(Credits::fromWhole(1).plus(Credits::fromNanos(1))->nanos(), qint64(1'000'000'001));
        // 0.1 + 0.2 is exactly 0.3 here.
        QCOMPARE(Credits::parse(u"0.1"_s)->plus(*Credits::parse(u"0.2"_s)), *Credits::parse(u"0.3"_s));
    }
};

QTEST_GUILESS_MAIN(TestCredits)
#include "tst_credits.moc"
