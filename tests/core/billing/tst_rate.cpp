// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/billingsettings.h"
#include "core/billing/rate.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace AiHub::Billing;

namespace {
Credits c(const QString &text) { return *Credits::parse(text); }
std::optional<Credits> oc(const QString &text)
{
    return text.isEmpty() ? std::nullopt : std::optional<Credits>(c(text));
}
} // namespace

class TestRate final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cost_everyRateType_isExact_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("input");      // per 1M tokens
        QTest::addColumn<QString>("output");     // per 1M tokens, per image for images
        QTest::addColumn<QString>("cacheRead");  // empty: the input rate
        QTest::addColumn<QString>("cacheWrite");
        QTest::addColumn<qint64>("in");
        QTest::addColumn<qint64>("out");
        QTest::addColumn<qint64>("read");
        QTest::addColumn<qint64>("write");
        QTest::addColumn<qint64>("images");
        QTest::addColumn<QString>("expected");
        // The protocol's own example: 0.001 and 0.002 credits per token, 10 in and 5 out -> 0.02.
        QTest::newRow("chat protocol example") << u"chat"_s << u"1000"_s << u"2000"_s << QString() << QString()
                                               << 10LL << 5LL << 0LL << 0LL << 0LL << u"0.02"_s;
        QTest::newRow("chat gpt-4o-mini") << u"chat"_s << u"0.15"_s << u"0.6"_s << QString() << QString()
                                          << 1234LL << 567LL << 0LL << 0LL << 0LL << u"0.0005253"_s;
        QTest::newRow("chat cache rates") << u"chat"_s << u"3"_s << u"15"_s << u"0.3"_s << u"3.75"_s << 1000LL
                                          << 100LL << 2000LL << 400LL << 0LL << u"0.0066"_s;
        QTest::newRow("chat cache falls back to input") << u"chat"_s << u"2"_s << u"0"_s << QString() << QString()
                                                        << 0LL << 0LL << 500LL << 500LL << 0LL << u"0.002"_s;
        QTest::newRow("chat rounds half up once") << u"chat"_s << u"0.0005"_s << u"0"_s << QString() << QString()
                                                  << 1LL << 0LL << 0LL << 0LL << 0LL << u"0.000000001"_s;
        QTest::newRow("chat below half rounds down") << u"chat"_s << u"0.000499"_s << u"0"_s << QString()
                                                     << QString() << 1LL << 0LL << 0LL << 0LL << 0LL << u"0"_s;
        QTest::newRow("chat terms summed before rounding") << u"chat"_s << u"0.0003"_s << u"0.0003"_s << QString()
                                                           << QString() << 1LL << 1LL << 0LL << 0LL << 0LL
                                                           << u"0.000000001"_s;
        QTest::newRow("chat huge") << u"chat"_s << u"1000000"_s << u"1000000"_s << QString() << QString()
                                   << 1'000'000LL << 1'000'000LL << 0LL << 0LL << 0LL << u"2000000"_s;
        QTest::newRow("embedding ignores output") << u"embedding"_s << u"0.02"_s << u"99"_s << QString()
                                                  << QString() << 8191LL << 50LL << 0LL << 0LL << 0LL
                                                  << u"0.00016382"_s;
        QTest::newRow("image per image") << u"image"_s << u"0"_s << u"0.04"_s << QString() << QString() << 0LL
                                         << 0LL << 0LL << 0LL << 3LL << u"0.12"_s;
        QTest::newRow("image with prompt tokens") << u"image"_s << u"5"_s << u"0.011"_s << QString() << QString()
                                                  << 100LL << 0LL << 0LL << 0LL << 2LL << u"0.0225"_s;
    }
    void cost_everyRateType_isExact()
    {
        QFETCH(QString, type);
        QFETCH(QString, input);
        QFETCH(QString, output);
        QFETCH(QString, cacheRead);
        QFETCH(QString, cacheWrite);
        QFETCH(qint64, in);
        QFETCH(qint64, out);
        QFETCH(qint64, read);
        QFETCH(qint64, write);
        QFETCH(qint64, images);
        QFETCH(QString, expected);
        Rate rate;
        rate.type = *parseRateType(type);
        rate.input = c(input);
        rate.output = c(output);
        rate.cacheRead = oc(cacheRead);
        rate.cacheWrite = oc(cacheWrite);
        const auto cost = rate.cost(Quantities { in, out, read, write, images });
        QVERIFY(cost.has_value());
        QCOMPARE(cost->toString(), expected);
    }

    void cost_overflowOrNegative_isEmpty()
    {
        Rate rate;
        rate.output = Credits::fromNanos(std::numeric_limits<qint64>::max());
        QVERIFY(!rate.cost(Quantities { 0, std::numeric_limits<qint64>::max(), 0, 0, 0 }).has_value());
        QVERIFY(!rate.cost(Quantities { -1, 0, 0, 0, 0 }).has_value());
    }

    void parseRateType_knowsTheThreeTypes()
    {
        QCOMPARE(parseRateType(u"chat"), RateType::Chat);
        QCOMPARE(parseRateType(u"embedding"), RateType::Embedding);
        QCOMPARE(parseRateType(u"image"), RateType::Image);
        QVERIFY(!parseRateType(u"video"));
    }

    void deriveRate_unitCostMarginAndPrice_isExact_data()
    {
        QTest::addColumn<QString>("unitCost");
        QTest::addColumn<QString>("margin");
        QTest::addColumn<QString>("price");
        QTest::addColumn<QString>("expected");
        QTest::newRow("2% at 1 per credit") << u"2.5"_s << u"2"_s << u"1"_s << u"2.55"_s;
        QTest::newRow("old 400000 credits per USD") << u"0.15"_s << u"0"_s << u"0.0000025"_s << u"60000"_s;
        QTest::newRow("rounds half up") << u"0.000000001"_s << u"50"_s << u"1"_s << u"0.000000002"_s;
        QTest::newRow("thirds") << u"1"_s << u"0"_s << u"3"_s << u"0.333333333"_s;
    }
    void deriveRate_unitCostMarginAndPrice_isExact()
    {
        QFETCH(QString, unitCost);
        QFETCH(QString, margin);
        QFETCH(QString, price);
        QFETCH(QString, expected);
        BillingSettings s;
        s.marginPercent = c(margin);
        s.creditPrice = c(price);
        auto rate = s.deriveRate(c(unitCost));
        QVERIFY(rate.has_value());
        QCOMPARE(rate->toString(), expected);
    }
};

QTEST_GUILESS_MAIN(TestRate)
#include "tst_rate.moc"
