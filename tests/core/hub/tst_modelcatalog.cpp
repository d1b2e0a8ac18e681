// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The shipped model catalogue (resources/models/*.json, compiled in) and how it merges with live discovery.
#include "core/hub/modelcatalog.h"
#include "core/hub/staticmodelcatalog.h"

#include <QTest>

using namespace AiHub;
using namespace AiHub::Hub;
using Providers::ModelInfo;
using Providers::ProviderKind;

namespace {
ModelInfo live(const QString &id, qint64 context = 0, ModelInfo::Type type = ModelInfo::Type::Unknown)
{
    ModelInfo m;
    m.id = id;
    m.type = type;
    m.contextLength = context;
    return m;
}

const CatalogModel *byId(const QList<CatalogModel> &models, const QString &id)
{
    for (const CatalogModel &m : models) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}
} // namespace

class TestModelCatalog final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shippedCatalogue_everyProviderKindHasAValidFileWithItsSource()
    {
        for (const ProviderKind kind : Providers::ProviderKinds::all()) {
            const StaticModelList &list = StaticModelCatalog::forKind(kind);
            const QString name = Providers::ProviderKinds::name(kind);
            QVERIFY2(!list.models.isEmpty(), qPrintable(name));
            QVERIFY2(!list.source.isEmpty(), qPrintable(name)); // every file says where its figures come from
            for (const ModelInfo &m : list.models)
                QVERIFY2(m.type != ModelInfo::Type::Unknown, qPrintable(name + u'/' + m.id));
        }
    }
    void shippedCatalogue_knownFigures()
    {
        const ModelInfo *gpt4o = StaticModelCatalog::forKind(ProviderKind::OpenAI).find(QStringLiteral("gpt-4o"));
        QVERIFY(gpt4o);
        QCOMPARE(gpt4o->contextLength, 128000);
        QCOMPARE(gpt4o->maxOutputTokens, 16384);
        QVERIFY(gpt4o->inputModalities.contains(QStringLiteral("image")));
        const StaticModelList &bedrock = StaticModelCatalog::forKind(ProviderKind::Bedrock);
        QCOMPARE(bedrock.find(QStringLiteral("amazon.titan-embed-text-v2:0"))->type, ModelInfo::Type::Embedding);
        QCOMPARE(bedrock.find(QStringLiteral("cohere.embed-english-v3"))->type, ModelInfo::Type::Embedding);
        QCOMPARE(bedrock.find(QStringLiteral("amazon.nova-canvas-v1:0"))->type, ModelInfo::Type::Image);
        QCOMPARE(bedrock.find(QStringLiteral("amazon.nova-micro-v1:0"))->type, ModelInfo::Type::Chat);
        const ModelInfo *flash = StaticModelCatalog::forKind(ProviderKind::Google).find(QStringLiteral("gemini-2.0-flash"));
        QCOMPARE(flash->contextLength, 1048576);
        QCOMPARE(flash->maxOutputTokens, 8192);
        // An unknown figure is left out, not guessed.
        QCOMPARE(StaticModelCatalog::forKind(ProviderKind::XAI).find(QStringLiteral("grok-beta"))->contextLength, 0);
    }
    void find_latestTagMatchesTheBareName()
    {
        const StaticModelList &ollama = StaticModelCatalog::forKind(ProviderKind::Ollama);
        QVERIFY(ollama.find(QStringLiteral("all-minilm:latest")));
        QCOMPARE(ollama.find(QStringLiteral("all-minilm:latest"))->type, ModelInfo::Type::Embedding);
        QVERIFY(!ollama.find(QStringLiteral("all-minilm:22m"))); // another tag may be another model
        QVERIFY(!ollama.find(QStringLiteral("nothing-like-it")));
    }
    void merge_liveAddsAndOverrides_catalogueTypesKnownIds()
    {
        const StaticModelList &openai = StaticModelCatalog::forKind(ProviderKind::OpenAI);
        const QList<ModelInfo> found { live(QStringLiteral("gpt-4o")), live(QStringLiteral("gpt-4o-mini"), 64000),
                                       live(QStringLiteral("brand-new-model")),
                                       live(QStringLiteral("acme-embed-xl")) };
        const QList<CatalogModel> merged = ModelCatalog::merge(QStringLiteral("oa"), openai, &found);
        QCOMPARE(merged.size(), 4); // discovery answered: it decides what is listed
        const CatalogModel *gpt4o = byId(merged, QStringLiteral("oa/gpt-4o"));
        QVERIFY(gpt4o);
        QCOMPARE(gpt4o->provider, QStringLiteral("oa"));
        QCOMPARE(gpt4o->type, Usage::CallType::Chat);
        QCOMPARE(gpt4o->contextLength, 128000); // from the catalogue
        QCOMPARE(gpt4o->maxOutputTokens, 16384);
        QCOMPARE(byId(merged, QStringLiteral("oa/gpt-4o-mini"))->contextLength, 64000); // live wins
        const CatalogModel *fresh = byId(merged, QStringLiteral("oa/brand-new-model"));
        QVERIFY(fresh); // live adds what the catalogue does not know
        QCOMPARE(fresh->type, Usage::CallType::Chat);
        QCOMPARE(fresh->contextLength, 0);
        QCOMPARE(byId(merged, QStringLiteral("oa/acme-embed-xl"))->type, Usage::CallType::Embedding); // name guess
        QVERIFY(!byId(merged, QStringLiteral("oa/dall-e-3")));
    }
    void merge_liveTypeUsedForUnknownIds_catalogueTypeWinsForKnownOnes()
    {
        const StaticModelList &google = StaticModelCatalog::forKind(ProviderKind::Google);
        const QList<ModelInfo> found { live(QStringLiteral("text-thing-004"), 2048, ModelInfo::Type::Embedding),
                                       live(QStringLiteral("gemini-2.0-flash"), 0, ModelInfo::Type::Image) };
        const auto merged = ModelCatalog::merge(QStringLiteral("g"), google, &found);
        QCOMPARE(byId(merged, QStringLiteral("g/text-thing-004"))->type, Usage::CallType::Embedding);
        QCOMPARE(byId(merged, QStringLiteral("g/text-thing-004"))->contextLength, 2048);
        QCOMPARE(byId(merged, QStringLiteral("g/gemini-2.0-flash"))->type, Usage::CallType::Chat);
    }
    void merge_noDiscovery_theCatalogueAnswers()
    {
        const StaticModelList &anthropic = StaticModelCatalog::forKind(ProviderKind::Anthropic);
        const auto merged = ModelCatalog::merge(QStringLiteral("claude"), anthropic, nullptr);
        QCOMPARE(merged.size(), anthropic.models.size());
        const CatalogModel *sonnet = byId(merged, QStringLiteral("claude/claude-sonnet-4-5-20250929"));
        QVERIFY(sonnet);
        QCOMPARE(sonnet->contextLength, 200000);
        QCOMPARE(sonnet->maxOutputTokens, 64000);
    }
    void merge_ollama_catalogueOnlyAnnotatesInstalledModels()
    {
        const StaticModelList &ollama = StaticModelCatalog::forKind(ProviderKind::Ollama);
        QVERIFY(ModelCatalog::merge(QStringLiteral("local"), ollama, nullptr).isEmpty()); // nothing installed is known
        const QList<ModelInfo> tags { live(QStringLiteral("all-minilm:latest")), live(QStringLiteral("qwen3:14b")) };
        const auto merged = ModelCatalog::merge(QStringLiteral("local"), ollama, &tags);
        QCOMPARE(merged.size(), 2);
        QCOMPARE(byId(merged, QStringLiteral("local/all-minilm:latest"))->type, Usage::CallType::Embedding);
        QCOMPARE(byId(merged, QStringLiteral("local/qwen3:14b"))->type, Usage::CallType::Chat);
    }
    void merge_bedrock_inferenceProfilesListedNextToDiscovery()
    {
        const StaticModelList &bedrock = StaticModelCatalog::forKind(ProviderKind::Bedrock);
        const QList<ModelInfo> found { live(QStringLiteral("amazon.nova-micro-v1:0"), 0, ModelInfo::Type::Chat),
                                       live(QStringLiteral("meta.some-new-model-v1:0"), 0, ModelInfo::Type::Chat) };
        const auto merged = ModelCatalog::merge(QStringLiteral("aws"), bedrock, &found);
        QVERIFY(byId(merged, QStringLiteral("aws/meta.some-new-model-v1:0")));
        QVERIFY(byId(merged, QStringLiteral("aws/us.amazon.nova-micro-v1:0"))); // not in ListFoundationModels
        int novaMicro = 0;
        for (const CatalogModel &m : merged)
            novaMicro += m.id == QStringLiteral("aws/amazon.nova-micro-v1:0") ? 1 : 0;
        QCOMPARE(novaMicro, 1); // never twice
    }
    void merge_duplicateLiveIds_listedOnce()
    {
        const QList<ModelInfo> found { live(QStringLiteral("x")), live(QStringLiteral("x")), live(QString()) };
        QCOMPARE(ModelCatalog::merge(QStringLiteral("p"), StaticModelList(), &found).size(), 1);
    }
    void parse_badCatalogues_refusedWithTheReason_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("models");
        QTest::newRow("no models") << QByteArray("{\"source\":\"x\"}") << QStringLiteral("models");
        QTest::newRow("no id") << QByteArray("{\"models\":[{\"type\":\"chat\"}]}") << QStringLiteral("models[0]");
        QTest::newRow("bad type") << QByteArray("{\"models\":[{\"id\":\"m\",\"type\":\"video\"}]}") << QStringLiteral("\"m\"");
        QTest::newRow("twice") << QByteArray("{\"models\":[{\"id\":\"m\",\"type\":\"chat\"},{\"id\":\"m\",\"type\":\"image\"}]}")
                               << QStringLiteral("twice");
    }
    void parse_badCatalogues_refusedWithTheReason()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const auto list = StaticModelCatalog::parse(json);
        QVERIFY(!list.has_value());
        QVERIFY2(list.error().message.contains(mentions), qPrintable(list.error().message));
    }
    void parse_flagsAndLimits()
    {
        const auto list = StaticModelCatalog::parse(
            "{\"source\":\"docs\",\"listWithoutDiscovery\":false,\"listAlways\":true,\"models\":[{\"id\":\"m\","
            "\"type\":\"embedding\",\"contextLength\":8192,\"maxOutputTokens\":-1,\"inputModalities\":[\"text\",3]}]}");
        QVERIFY(list.has_value());
        QCOMPARE(list->source, QStringLiteral("docs"));
        QVERIFY(!list->listWithoutDiscovery);
        QVERIFY(list->listAlways);
        QCOMPARE(list->models[0].contextLength, 8192);
        QCOMPARE(list->models[0].maxOutputTokens, 0); // nonsense is "unknown"
        QCOMPARE(list->models[0].inputModalities, QStringList { QStringLiteral("text") });
    }
};

QTEST_GUILESS_MAIN(TestModelCatalog)
#include "tst_modelcatalog.moc"
