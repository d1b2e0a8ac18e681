// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/ratebook.h"
#include "core/billing/rateimport.h"
#include "core/storage/database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace AiHub;
using namespace AiHub::Billing;

class TestRateImport final : public QObject {
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

    void parseJson_stringsAndIntegers_areExact()
    {
        auto rates = RateImport::parseJson(R"({"rates":[
            {"model":"openai/gpt-4o-mini","input":"0.15","output":"0.6","cacheRead":"0.075"},
            {"provider":"openai","model":"text-embedding-3-small","type":"embedding","input":"0.02"},
            {"provider":"openai","model":"dall-e-3","type":"image","variant":"1024x1024/hd","output":"0.08"},
            {"provider":"anthropic","model":"claude","input":3,"output":15}]})");
        QVERIFY2(rates, qPrintable(rates ? QString() : rates.error().message));
        QCOMPARE(rates->size(), 4);
        QCOMPARE(rates->at(0).provider, u"openai"_s);
        QCOMPARE(rates->at(0).model, u"gpt-4o-mini"_s);
        QCOMPARE(rates->at(0).input.nanos(), 150'000'000);
        QCOMPARE(rates->at(0).cacheRead->toString(), u"0.075"_s);
        QVERIFY(!rates->at(0).cacheWrite);
        QCOMPARE(rates->at(1).type, RateType::Embedding);
        QCOMPARE(rates->at(2).variant, u"1024x1024/hd"_s);
        QCOMPARE(rates->at(3).output.toString(), u"15"_s);
    }

    void parseJson_badInput_saysWhatAndWhere_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{") << u"not valid JSON"_s;
        QTest::newRow("not a list") << QByteArray(R"({"x":1})") << u"JSON array"_s;
        QTest::newRow("float number") << QByteArray(R"([{"model":"a/b","input":0.15}])") << u"as a string"_s;
        QTest::newRow("no provider") << QByteArray(R"([{"model":"b","input":"1"}])") << u"rate 1"_s;
        QTest::newRow("bad type") << QByteArray(R"([{"model":"a/b","type":"video"}])") << u"video"_s;
        QTest::newRow("bad amount") << QByteArray(R"([{"model":"a/b","input":"1.5.2"}])") << u"not a credit amount"_s;
        QTest::newRow("negative") << QByteArray(R"([{"model":"a/b","input":"1","output":"-2"}])") << u"cannot be negative"_s;
        QTest::newRow("negative cache") << QByteArray(R"([{"model":"a/b","cacheRead":"-0.1"}])") << u"rate 1"_s;
    }
    void parseJson_badInput_saysWhatAndWhere()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        auto rates = RateImport::parseJson(json);
        QVERIFY(!rates);
        QVERIFY2(rates.error().message.contains(expected), qPrintable(rates.error().message));
    }

    void parseCsv_headerNamesColumns()
    {
        auto rates = RateImport::parseCsv("# price list\nmodel,output,input,type\n"
                                          "openai/gpt-4o,10,2.5,chat\n\"openai/dall-e-3\",0.04,,image\n");
        QVERIFY2(rates, qPrintable(rates ? QString() : rates.error().message));
        QCOMPARE(rates->size(), 2);
        QCOMPARE(rates->at(0).input.toString(), u"2.5"_s);
        QCOMPARE(rates->at(0).output.toString(), u"10"_s);
        QCOMPARE(rates->at(1).type, RateType::Image);
        QCOMPARE(rates->at(1).input, Credits());
        QVERIFY(!RateImport::parseCsv("openai/gpt-4o,1,2\n")); // no header
        QVERIFY(!RateImport::parseCsv("model,input\nopenai/x,1,2\n")); // cell count
        QVERIFY(!RateImport::parseCsv(""));
        const auto negative = RateImport::parseCsv("model,input,output\nopenai/x,1,2\nopenai/y,-1,2\n");
        QVERIFY(!negative);
        QVERIFY2(negative.error().message.contains(u"line 3"_s), qPrintable(negative.error().message));
    }

    void diffThenApply_showsChangesAndAppliesAllAtOnce()
    {
        RateBook book(m_db);
        Rate old;
        old.provider = u"openai"_s;
        old.model = u"gpt-4o"_s;
        old.input = Credits::fromWhole(5);
        old.output = Credits::fromWhole(15);
        QVERIFY(book.set(old));
        Rate same = old;
        same.model = u"same"_s;
        QVERIFY(book.set(same));
        auto rates = RateImport::parseCsv("model,input,output\nopenai/gpt-4o,2.5,10\nopenai/same,5,15\nopenai/new,1,2\n");
        QVERIFY(rates);
        auto changes = RateImport::diff(book, *rates);
        QVERIFY(changes);
        const QString text = RateImport::format(*changes);
        QVERIFY2(text.contains(u"~ openai/gpt-4o: input 5, output 15 -> input 2.5, output 10"_s), qPrintable(text));
        QVERIFY2(text.contains(u"+ openai/new: input 1, output 2"_s), qPrintable(text));
        QVERIFY2(text.contains(u"1 new, 1 changed, 1 unchanged"_s), qPrintable(text));
        QVERIFY(!text.contains(u"openai/same:"_s));
        QCOMPARE(book.current()->size(), 2); // the diff changed nothing
        QVERIFY(RateImport::apply(book, *rates));
        QCOMPARE(book.current()->size(), 3);
        QCOMPARE((*book.find(u"openai"_s, u"gpt-4o"_s, RateType::Chat))->input.toString(), u"2.5"_s);
        QCOMPARE(book.history(u"openai"_s, u"gpt-4o"_s, RateType::Chat)->size(), 2);
    }

    void diff_sameRateTwice_isRefused()
    {
        RateBook book(m_db);
        auto rates = RateImport::parseCsv("model,input\nopenai/a,1\nopenai/a,2\n");
        QVERIFY(rates);
        QVERIFY(!RateImport::diff(book, *rates));
    }

    void apply_oneBadRate_appliesNone()
    {
        RateBook book(m_db);
        Rate good;
        good.provider = u"openai"_s;
        good.model = u"good"_s;
        Rate bad = good;
        bad.model = u"bad"_s;
        bad.input = Credits::fromWhole(-1);
        QVERIFY(!RateImport::apply(book, { good, bad }));
        QCOMPARE(book.current()->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRateImport)
#include "tst_rateimport.moc"
