// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/providersnapshot.h"

#include <QTest>

using namespace AiHub;
using namespace AiHub::Providers;

namespace {
LiveProvider make(const QString &name, ProviderKind kind, bool enabled = true)
{
    LiveProvider p;
    p.config.name = name;
    p.config.kind = kind;
    p.config.enabled = enabled;
    return p;
}
} // namespace

class TestProviderSnapshot final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resolve_routes_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("upstream");
        QTest::newRow("by name") << "openai/gpt-4o-mini" << "openai" << "gpt-4o-mini";
        QTest::newRow("by custom name") << "work-ds/deepseek-chat" << "work-ds" << "deepseek-chat";
        QTest::newRow("by kind when only one") << "deepseek/deepseek-reasoner" << "work-ds" << "deepseek-reasoner";
        QTest::newRow("openrouter keeps slashes") << "openrouter/anthropic/claude-3.5-sonnet" << "openrouter"
                                                  << "anthropic/claude-3.5-sonnet";
        QTest::newRow("bare gpt") << "gpt-4o" << "openai" << "gpt-4o";
        QTest::newRow("bare grok") << "grok-3" << "xai" << "grok-3";
    }
    void resolve_routes()
    {
        QFETCH(QString, model);
        QFETCH(QString, provider);
        QFETCH(QString, upstream);
        const ProviderSnapshot snapshot({ make(QStringLiteral("openai"), ProviderKind::OpenAI),
                                          make(QStringLiteral("work-ds"), ProviderKind::DeepSeek),
                                          make(QStringLiteral("openrouter"), ProviderKind::OpenRouter),
                                          make(QStringLiteral("xai"), ProviderKind::XAI) });
        auto target = snapshot.resolve(model);
        QVERIFY2(target.has_value(), qPrintable(target ? QString() : target.error().message));
        QCOMPARE(target->provider->config.name, provider);
        QCOMPARE(target->upstreamModel, upstream);
    }
    void resolve_failures_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("code");
        QTest::newRow("empty") << "" << int(ErrorCode::InvalidArgument);
        QTest::newRow("unknown provider") << "nope/model" << int(ErrorCode::NotFound);
        QTest::newRow("bare unknown") << "llama3" << int(ErrorCode::NotFound);
        QTest::newRow("empty model part") << "openai/" << int(ErrorCode::NotFound);
        QTest::newRow("disabled") << "off/gpt-4o" << int(ErrorCode::NotFound);
        QTest::newRow("ambiguous bare") << "claude-3" << int(ErrorCode::NotFound);
    }
    void resolve_failures()
    {
        QFETCH(QString, model);
        QFETCH(int, code);
        const ProviderSnapshot snapshot({ make(QStringLiteral("openai"), ProviderKind::OpenAI),
                                          make(QStringLiteral("off"), ProviderKind::OpenAI, false),
                                          make(QStringLiteral("a1"), ProviderKind::Anthropic),
                                          make(QStringLiteral("a2"), ProviderKind::Anthropic) });
        auto target = snapshot.resolve(model);
        QVERIFY(!target.has_value());
        QCOMPARE(int(target.error().code), code);
        QVERIFY(target.error().message.contains(QStringLiteral("/v1/models"))
                || target.error().message.contains(QStringLiteral("disabled"))
                || target.error().message.contains(QStringLiteral("\"model\"")));
    }
    void pickCredential_respectsWeightsAndDisabled()
    {
        LiveProvider p = make(QStringLiteral("openai"), ProviderKind::OpenAI);
        LiveCredential a, b, c;
        a.info.id = 1;
        a.info.weight = 3;
        b.info.id = 2;
        b.info.weight = 1;
        c.info.id = 3;
        c.info.weight = 100;
        c.info.enabled = false;
        p.credentials = { a, b, c };
        int counts[4] = {};
        for (int i = 0; i < 4000; ++i)
            ++counts[p.pickCredential()->info.id];
        QCOMPARE(counts[3], 0);
        QVERIFY(counts[1] > 2600 && counts[1] < 3400); // about 3:1
        QVERIFY(counts[2] > 600 && counts[2] < 1400);
        p.credentials = { c };
        QVERIFY(p.pickCredential() == nullptr);
    }
};

QTEST_GUILESS_MAIN(TestProviderSnapshot)
#include "tst_providersnapshot.moc"
