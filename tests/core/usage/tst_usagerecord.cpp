// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/usage/usagerecord.h"

#include <QTest>

using namespace AiHub::Usage;
using namespace Qt::StringLiterals;

class TestUsageRecord final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void names_matchTheSchemaAndRoundTrip()
    {
        QCOMPARE(apiName(Api::OpenAi), u"openai"_s);
        QCOMPARE(apiName(Api::Aigne), u"aigne"_s);
        QCOMPARE(callTypeName(CallType::Chat), u"chat"_s);
        QCOMPARE(callTypeName(CallType::Embedding), u"embedding"_s);
        QCOMPARE(callTypeName(CallType::Image), u"image"_s);
        QCOMPARE(usageSourceName(UsageSource::Provider), u"provider"_s);
        QCOMPARE(usageSourceName(UsageSource::Counted), u"counted"_s);
        QCOMPARE(usageSourceName(UsageSource::None), u"none"_s);
        for (Api api : { Api::OpenAi, Api::Aigne })
            QCOMPARE(parseApi(apiName(api)), api);
        for (CallType type : { CallType::Chat, CallType::Embedding, CallType::Image })
            QCOMPARE(parseCallType(callTypeName(type)), type);
        for (UsageSource source : { UsageSource::Provider, UsageSource::Counted, UsageSource::None })
            QCOMPARE(parseUsageSource(usageSourceName(source)), source);
    }
    void parse_unknownNames_areEmpty()
    {
        QVERIFY(!parseApi(u"OpenAI").has_value());
        QVERIFY(!parseCallType(u"audio").has_value());
        QVERIFY(!parseUsageSource(u"").has_value());
    }
    void defaults_haveNoTokens()
    {
        const UsageRecord record;
        QVERIFY(!record.inputTokens && !record.outputTokens && !record.cacheReadTokens && !record.cacheWriteTokens);
        QCOMPARE(record.usageSource, UsageSource::None);
        QVERIFY(!record.timeToFirstTokenMs);
    }
};

QTEST_GUILESS_MAIN(TestUsageRecord)
#include "tst_usagerecord.moc"
