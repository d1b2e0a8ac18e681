// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// IProviderAdapter::parseModelList's default: the ids of parseModels() plus OpenAI-style extras (OpenRouter).
#include "core/providers/openaicompatibleadapter.h"

#include <QFile>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Providers;

namespace {
QByteArray fixture(const QString &path)
{
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/") + path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(path));
    return f.readAll();
}
} // namespace

class TestModelList final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openRouterDocsExample_contextLengthModalitiesAndType()
    {
        const OpenAiCompatibleAdapter adapter;
        const auto list = adapter.parseModelList(fixture(QStringLiteral("openrouter/docs-models-list.response.json")));
        QVERIFY(list.has_value());
        QCOMPARE(list->size(), 1);
        const ModelInfo &m = list->first();
        QCOMPARE(m.id, QStringLiteral("openai/gpt-4"));
        QCOMPARE(m.contextLength, 8192);
        QCOMPARE(m.maxOutputTokens, 0); // the example's top_provider has no max_completion_tokens
        QCOMPARE(m.inputModalities, QStringList { QStringLiteral("text") });
        QCOMPARE(m.type, ModelInfo::Type::Chat); // output_modalities ["text"]
    }
    void topProviderLimitsAndImageOutput()
    {
        const OpenAiCompatibleAdapter adapter;
        const auto list = adapter.parseModelList(
            "{\"data\":[{\"id\":\"a\",\"top_provider\":{\"context_length\":4096,\"max_completion_tokens\":1024}},"
            "{\"id\":\"b\",\"context_length\":-5,\"architecture\":{\"output_modalities\":[\"image\"],"
            "\"input_modalities\":[\"text\",\"image\"]}},{\"id\":\"c\",\"context_length\":\"lots\"}]}");
        QVERIFY(list.has_value());
        QCOMPARE(list->size(), 3);
        QCOMPARE(list->at(0).contextLength, 4096); // top_provider's, when the model has none of its own
        QCOMPARE(list->at(0).maxOutputTokens, 1024);
        QCOMPARE(list->at(0).type, ModelInfo::Type::Unknown); // nothing said: the hub guesses from the name
        QCOMPARE(list->at(1).contextLength, 0);               // nonsense is "unknown"
        QCOMPARE(list->at(1).type, ModelInfo::Type::Image);
        QCOMPARE(list->at(1).inputModalities.size(), 2);
        QCOMPARE(list->at(2).contextLength, 0);
    }
    void plainOpenAiList_idsOnly()
    {
        const OpenAiCompatibleAdapter adapter;
        const auto list = adapter.parseModelList(
            "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\",\"object\":\"model\",\"owned_by\":\"system\"}]}");
        QVERIFY(list.has_value());
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().id, QStringLiteral("gpt-4o"));
        QCOMPARE(list->first().contextLength, 0);
    }
    void notAList_isAProtocolError()
    {
        const OpenAiCompatibleAdapter adapter;
        QCOMPARE(adapter.parseModelList("<html>").error().code, ErrorCode::UpstreamProtocol);
        QCOMPARE(adapter.parseModelList("{\"data\":3}").error().code, ErrorCode::UpstreamProtocol);
    }
};

QTEST_GUILESS_MAIN(TestModelList)
#include "tst_modellist.moc"
