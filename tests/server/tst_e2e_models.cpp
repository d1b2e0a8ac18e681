// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The model list through the running server: GET /v1/models and GET /api/ai/models carry each model's type and
// limits, from live discovery merged with the catalogue shipped with the hub; the catalogue answers alone when a
// provider cannot be reached.
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/e2ehelpers.h"
#include "tests/support/rawhttpclient.h"
#include "tests/support/testhub.h"

#include <QTcpServer>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace AiHub::Testing;
using Providers::ProviderKind;

namespace {
// The entry with this id in an OpenAI list ({"data": [...]}) or an AIGNE list ([...], "key"); null when absent.
nlohmann::json entry(const nlohmann::json &list, const char *id)
{
    const nlohmann::json &items = list.is_object() ? list["data"] : list;
    const char *field = list.is_object() ? "id" : "key";
    for (const auto &m : items) {
        if (m.contains(field) && m[field] == id)
            return m;
    }
    return nullptr;
}

QUrl closedPortUrl()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        qFatal("cannot find a free port");
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}
} // namespace

class TestE2eModels final : public QObject {
    Q_OBJECT

    std::unique_ptr<TestHub> m_hub;
    std::unique_ptr<MockUpstream> m_mock;
    QByteArray m_key;
    quint16 m_port = 0;

    nlohmann::json get(const QByteArray &path)
    {
        const auto r = RawHttpClient::request(m_port, "GET", path, {}, { { "Authorization", "Bearer " + m_key } });
        if (r.status != 200)
            qWarning() << path << r.status << r.body;
        return r.status == 200 ? json(r.body) : nlohmann::json();
    }

private Q_SLOTS:
    void init()
    {
        m_mock = std::make_unique<MockUpstream>();
        QVERIFY(m_mock->startInThread() > 0);
        m_hub = std::make_unique<TestHub>();
        m_key = m_hub->createKey(QStringLiteral("tester"));
        m_port = m_hub->startServer();
    }
    void cleanup()
    {
        m_hub.reset();
        m_mock.reset();
    }

    void openAi_knownIdsGetTypeAndLimits_unknownIdsAreGuessed()
    {
        m_hub->addProvider(ProviderKind::OpenAI, QStringLiteral("openai"), m_mock->baseUrl());
        m_mock->setModels({ QStringLiteral("gpt-4o"), QStringLiteral("text-embedding-3-small"),
                            QStringLiteral("brand-new-model") });
        auto list = get("/v1/models");
        auto gpt4o = entry(list, "openai/gpt-4o");
        QVERIFY2(!gpt4o.is_null(), list.dump().c_str());
        QVERIFY(gpt4o["object"] == "model");
        QVERIFY(gpt4o["type"] == "chat");
        QVERIFY(gpt4o["context_length"] == 128000); // OpenRouter's shape
        QVERIFY(gpt4o["top_provider"]["context_length"] == 128000);
        QVERIFY(gpt4o["top_provider"]["max_completion_tokens"] == 16384);
        QVERIFY(gpt4o["architecture"]["input_modalities"] == nlohmann::json::parse(R"(["text","image"])"));
        auto embed = entry(list, "openai/text-embedding-3-small");
        QVERIFY(embed["type"] == "embedding");
        QVERIFY(!embed.contains("context_length")); // not known: left out, not invented
        auto fresh = entry(list, "openai/brand-new-model");
        QVERIFY(!fresh.is_null()); // discovery adds what the catalogue does not know
        QVERIFY(fresh["type"] == "chat");
        QVERIFY(entry(list, "openai/dall-e-3").is_null()); // discovery answered: the account's list is the list

        // The AIGNE list filters on the same types and carries the context window as modelMetadata.maxTokens.
        auto chat = get("/api/ai/models?type=chat");
        auto aigne = entry(chat, "openai/gpt-4o");
        QVERIFY2(!aigne.is_null(), chat.dump().c_str());
        QVERIFY(aigne["modelMetadata"]["maxTokens"] == 128000);
        QVERIFY(aigne["modelMetadata"]["features"] == nlohmann::json::parse(R"(["vision"])"));
        QVERIFY(entry(chat, "openai/text-embedding-3-small").is_null());
        QVERIFY(!entry(get("/api/ai/models?type=embedding"), "openai/text-embedding-3-small").is_null());
    }

    void unreachableProvider_theShippedCatalogueStillAnswers()
    {
        m_hub->addProvider(ProviderKind::Anthropic, QStringLiteral("claude"), closedPortUrl());
        auto list = get("/v1/models");
        auto sonnet = entry(list, "claude/claude-sonnet-4-5-20250929");
        QVERIFY2(!sonnet.is_null(), list.dump().c_str());
        QVERIFY(sonnet["type"] == "chat");
        QVERIFY(sonnet["context_length"] == 200000);
        QVERIFY(sonnet["top_provider"]["max_completion_tokens"] == 64000);
        auto aigne = entry(get("/api/ai/models"), "claude/claude-sonnet-4-5-20250929");
        QVERIFY(aigne["modelMetadata"]["maxTokens"] == 200000);
        QVERIFY(aigne["type"] == "chat");
    }

    void bedrockCatalogue_embeddingAndImageModelsTyped()
    {
        // Without AWS keys ListFoundationModels cannot be asked: the shipped list names the models and types.
        m_hub->addProvider(ProviderKind::Bedrock, QStringLiteral("aws"), closedPortUrl(), QString());
        auto embeddings = get("/api/ai/models?type=embedding");
        QVERIFY2(!entry(embeddings, "aws/amazon.titan-embed-text-v2:0").is_null(), embeddings.dump().c_str());
        QVERIFY(!entry(embeddings, "aws/cohere.embed-english-v3").is_null());
        auto images = get("/api/ai/models?type=image");
        QVERIFY(!entry(images, "aws/amazon.nova-canvas-v1:0").is_null());
        auto canvas = entry(images, "aws/amazon.nova-canvas-v1:0");
        QVERIFY(canvas["type"] == "image_generation");
    }

    void ollama_installedModelsTypedByTheCatalogue_nothingListedWhenNotRunning()
    {
        m_mock->addRoute("GET", "/api/tags",
                         MockResponse::json(200, R"({"models":[{"name":"all-minilm:latest"},{"name":"qwen3:14b"}]})"));
        m_hub->addProvider(ProviderKind::Ollama, QStringLiteral("ollama"), m_mock->url(QString()), QString());
        m_hub->addProvider(ProviderKind::Ollama, QStringLiteral("offline"), closedPortUrl(), QString());
        auto embeddings = get("/api/ai/models?type=embedding");
        QVERIFY2(!entry(embeddings, "ollama/all-minilm:latest").is_null(), embeddings.dump().c_str());
        auto all = get("/v1/models");
        auto qwen = entry(all, "ollama/qwen3:14b");
        QVERIFY2(qwen["type"] == "chat", all.dump().c_str());
        for (const auto &m : all["data"]) // an Ollama that is not running has no models to offer
            QVERIFY2(!str(m["id"]).startsWith(QStringLiteral("offline/")), m.dump().c_str());
    }

    void openRouter_liveContextLengthPassedOn()
    {
        m_mock->addRoute("GET", "/or/models", fixture(QStringLiteral("openrouter/docs-models-list.response.json")));
        m_hub->addProvider(ProviderKind::OpenRouter, QStringLiteral("openrouter"), m_mock->url(QStringLiteral("/or")));
        auto list = get("/v1/models");
        auto gpt4 = entry(list, "openrouter/openai/gpt-4");
        QVERIFY2(!gpt4.is_null(), list.dump().c_str());
        QVERIFY(gpt4["context_length"] == 8192);
        QVERIFY(gpt4["architecture"]["input_modalities"] == nlohmann::json::parse(R"(["text"])"));
        QVERIFY(gpt4["type"] == "chat");
    }
};

QTEST_GUILESS_MAIN(TestE2eModels)
#include "tst_e2e_models.moc"
