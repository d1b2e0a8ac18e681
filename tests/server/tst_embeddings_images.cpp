// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Embeddings and image generation end to end (/v1 and /api/v2), and the hub's own signed image URLs.
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/e2ehelpers.h"
#include "tests/support/rawhttpclient.h"
#include "tests/support/testhub.h"

#include <QDateTime>
#include <QFile>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <QtEndian>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace AiHub::Testing;
using Providers::ProviderKind;

namespace {
const QByteArray kPng = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");



QList<float> decodeFloat32(const QByteArray &base64)
{
    const QByteArray raw = QByteArray::fromBase64(base64);
    QList<float> out;
    for (qsizetype i = 0; i + 4 <= raw.size(); i += 4)
        out.append(qFromLittleEndian<float>(raw.constData() + i));
    return out;
}

// The vector the provider sent in embeddings-base64-256d.response.http, decoded independently of the hub.
QList<float> fixtureVector()
{
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/openai/embeddings-base64-256d.response.http"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open the embeddings fixture");
    const QByteArray all = f.readAll();
    const auto body = json(all.mid(all.indexOf("\n{") + 1));
    return decodeFloat32(QByteArray::fromStdString(body["data"][0]["embedding"].get<std::string>()));
}

// A hub URL's path and query, to fetch it over the test's own connection.
QByteArray target(const QString &url)
{
    const QUrl u(url);
    return u.path(QUrl::FullyEncoded).toLatin1() + '?' + u.query(QUrl::FullyEncoded).toLatin1();
}
} // namespace

class TestEmbeddingsImages final : public QObject {
    Q_OBJECT

    std::unique_ptr<TestHub> m_hub;
    std::unique_ptr<MockUpstream> m_mock;
    QByteArray m_key;
    quint16 m_port = 0;

    QList<QPair<QByteArray, QByteArray>> auth() const { return { { "Authorization", "Bearer " + m_key } }; }
    RawHttpClient::Response post(const QByteArray &path, const QByteArray &body)
    {
        return RawHttpClient::request(m_port, "POST", path, body, auth());
    }
    RawHttpClient::Response get(const QByteArray &path) { return RawHttpClient::request(m_port, "GET", path); }

    // The provider answers image requests with a URL on the mock; the image itself is served there too.
    void serveImageByUrl()
    {
        const QByteArray answer = "{\"created\":1760092079,\"data\":[{\"url\":\""
            + m_mock->url(QStringLiteral("/blob/img-1.png")).toString().toUtf8() + "\"}]}";
        m_mock->addRoute("POST", "/v1/images/generations", MockResponse::json(200, answer));
        m_mock->addRoute("GET", "/blob/img-1.png",
                         MockResponse::json(200, kPng).setHeader("Content-Type", "image/png"));
    }
    void serveImageInline()
    {
        m_mock->addRoute("POST", "/v1/images/generations",
                         MockResponse::json(200, "{\"created\":1,\"data\":[{\"b64_json\":\"" + kPng.toBase64()
                                                     + "\"}],\"usage\":{\"input_tokens\":9,\"output_tokens\":272}}"));
    }

private Q_SLOTS:
    void init()
    {
        m_mock = std::make_unique<MockUpstream>();
        QVERIFY(m_mock->startInThread() > 0);
        m_mock->addRoute("POST", "/v1/embeddings", fixture(QStringLiteral("openai/embeddings-base64-256d.response.http")));
        m_hub = std::make_unique<TestHub>();
        m_hub->addProvider(ProviderKind::OpenAI, QStringLiteral("openai"), m_mock->baseUrl());
        m_key = m_hub->createKey(QStringLiteral("tester"));
        m_port = m_hub->startServer();
    }
    void cleanup()
    {
        m_hub.reset();
        m_mock.reset();
    }

    void embeddings_base64_decodesToTheProvidersFloats()
    {
        const auto r = post("/v1/embeddings", R"({"model":"openai/text-embedding-3-small","input":"Generate embeddings","dimensions":256,"encoding_format":"base64"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        const auto body = json(r.body);
        QVERIFY(body["object"] == "list");
        QVERIFY(body["data"][0]["object"] == "embedding");
        QVERIFY(body["data"][0]["index"] == 0);
        QVERIFY(body["data"][0]["embedding"].is_string());
        const QList<float> vector = decodeFloat32(QByteArray::fromStdString(body["data"][0]["embedding"].get<std::string>()));
        QCOMPARE(vector.size(), 256);
        QCOMPARE(vector, fixtureVector()); // bit for bit
        QVERIFY(body["model"] == "text-embedding-3-small");
        QVERIFY(body["usage"]["prompt_tokens"] == 5);
        QVERIFY(body["usage"]["total_tokens"] == 5);
        const auto up = json(m_mock->lastRequest().body);
        QVERIFY(up["model"] == "text-embedding-3-small");
        QVERIFY(up["dimensions"] == 256);
        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].type, Usage::CallType::Embedding);
        QCOMPARE(records[0].inputTokens, 5);
        QCOMPARE(records[0].httpStatus, 200);
    }

    void embeddings_float_sameValuesAsNumbers()
    {
        const auto r = post("/v1/embeddings", R"({"model":"openai/text-embedding-3-small","input":"Generate embeddings"})");
        QCOMPARE(r.status, 200);
        const auto body = json(r.body);
        const auto &embedding = body["data"][0]["embedding"];
        QVERIFY(embedding.is_array());
        const QList<float> expected = fixtureVector();
        QCOMPARE(embedding.size(), std::size_t(expected.size()));
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(embedding[i].get<float>(), expected[i]);
    }

    void embeddings_arrayInput_oneVectorPerInputInOrder()
    {
        m_mock->addRoute("POST", "/v1/embeddings",
                         MockResponse::json(200, R"({"object":"list","data":[{"object":"embedding","index":1,"embedding":[0.5,-1.25]},{"object":"embedding","index":0,"embedding":[0.25,2.0]}],"model":"text-embedding-3-small","usage":{"prompt_tokens":4,"total_tokens":4}})"));
        const auto r = post("/v1/embeddings", R"({"model":"openai/text-embedding-3-small","input":["a","b"],"encoding_format":"float"})");
        QCOMPARE(r.status, 200);
        const auto body = json(r.body);
        QCOMPARE(body["data"].size(), std::size_t(2));
        QVERIFY(body["data"][0]["embedding"][0] == 0.25);
        QVERIFY(body["data"][1]["embedding"][1] == -1.25);
        QVERIFY(json(m_mock->lastRequest().body)["input"].size() == 2);
    }

    void embeddings_badRequests_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("no model") << QByteArray(R"({"input":"x"})") << 400;
        QTest::newRow("no input") << QByteArray(R"({"model":"openai/text-embedding-3-small"})") << 400;
        QTest::newRow("token arrays") << QByteArray(R"({"model":"openai/text-embedding-3-small","input":[[1,2]]})") << 400;
        QTest::newRow("bad dimensions") << QByteArray(R"({"model":"openai/text-embedding-3-small","input":"x","dimensions":-1})") << 400;
        QTest::newRow("bad format") << QByteArray(R"({"model":"openai/text-embedding-3-small","input":"x","encoding_format":"int8"})") << 400;
        QTest::newRow("unknown model") << QByteArray(R"({"model":"nobody/x","input":"x"})") << 404;
    }
    void embeddings_badRequests()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const auto r = post("/v1/embeddings", body);
        QCOMPARE(r.status, status);
        QVERIFY(json(r.body)["error"]["message"].is_string());
        QVERIFY(json(r.body)["error"]["type"].is_string());
        QCOMPARE(m_mock->requestsReceived(), 0u);
    }

    void embeddings_providerError_keepsItsStatus()
    {
        m_mock->addRoute("POST", "/v1/embeddings", fixture(QStringLiteral("openai/embeddings-error-400.response.http")));
        const auto r = post("/v1/embeddings", R"({"model":"openai/text-embedding-3-small","input":"x"})");
        QCOMPARE(r.status, 400);
        QVERIFY(json(r.body)["error"]["message"].is_string());
        QCOMPARE(m_hub->usageRecords().value(0).httpStatus, 400);
    }

    void embeddings_aigneInvoke_answersVectorsUsageAndProvider()
    {
        const auto r = post("/api/v2/embeddings", R"({"model":"openai/text-embedding-3-small","input":{"input":"Generate embeddings","modelOptions":{"dimensions":256}}})");
        QCOMPARE(r.status, 200);
        const auto body = json(r.body);
        QCOMPARE(body["embeddings"][0].size(), std::size_t(256));
        QCOMPARE(body["embeddings"][0][3].get<float>(), fixtureVector()[3]);
        QVERIFY(body["usage"]["inputTokens"] == 5);
        QVERIFY(body["usage"]["aigneHubCredits"].is_number());
        QVERIFY(body["modelWithProvider"] == "openai/text-embedding-3-small");
        QCOMPARE(m_hub->usageRecords().value(0).api, Usage::Api::Aigne);
        const auto missing = post("/api/v2/embeddings", R"({"input":{"input":"x"}})");
        QCOMPARE(missing.status, 400);
        QVERIFY(json(missing.body)["error"]["message"].is_string());
    }

    void images_url_isTheHubsOwnFetchableSignedUrl()
    {
        serveImageByUrl();
        const auto r = post("/v1/images/generations", R"({"model":"openai/gpt-image-1-mini","prompt":"A cat","size":"1024x1024","quality":"low"})");
        QCOMPARE(r.status, 200);
        const auto body = json(r.body);
        QVERIFY(body["created"].is_number());
        const QString url = QString::fromStdString(body["data"][0]["url"].get<std::string>());
        QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1")), qPrintable(url));
        QVERIFY(QUrl(url).path().startsWith(QStringLiteral("/files/")));
        QVERIFY(!url.contains(QStringLiteral("/blob/"))); // not the provider's URL
        const auto up = json(m_mock->requests().value(0).body);
        QVERIFY(up["model"] == "gpt-image-1-mini");
        QVERIFY(up["prompt"] == "A cat");
        QVERIFY(up["quality"] == "low");
        QVERIFY(!up.contains("response_format")); // gpt-image models refuse it
        const auto file = get(target(url));
        QCOMPARE(file.status, 200);
        QCOMPARE(file.header("content-type"), QByteArray("image/png"));
        QCOMPARE(file.body, kPng);
        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].type, Usage::CallType::Image);
        QCOMPARE(records[0].model, QStringLiteral("gpt-image-1-mini"));
    }

    void images_fileUrl_tamperedOrUnknownIs404_expiredIs410()
    {
        serveImageInline();
        const auto r = post("/v1/images/generations", R"({"model":"openai/gpt-image-1","prompt":"A cat","response_format":"url"})");
        QCOMPARE(r.status, 200);
        const QUrl url(QString::fromStdString(json(r.body)["data"][0]["url"].get<std::string>()));
        const QString id = url.path().mid(7);
        const QUrlQuery query(url);
        QCOMPARE(get(target(url.toString())).body, kPng);
        const QString sig = query.queryItemValue(QStringLiteral("sig"));
        const QString expires = query.queryItemValue(QStringLiteral("expires"));
        // A later expiry with the old signature, a changed signature, another id, no query at all.
        QCOMPARE(get("/files/" + id.toLatin1() + "?expires=" + QByteArray::number(expires.toLongLong() + 3600) + "&sig=" + sig.toLatin1()).status, 404);
        QString badSig = sig;
        badSig[0] = badSig[0] == u'a' ? u'b' : u'a';
        QCOMPARE(get("/files/" + id.toLatin1() + "?expires=" + expires.toLatin1() + "&sig=" + badSig.toLatin1()).status, 404);
        QCOMPARE(get("/files/img_00000000000000000000000000000000.png?expires=" + expires.toLatin1() + "&sig=" + sig.toLatin1()).status, 404);
        QCOMPARE(get("/files/" + id.toLatin1()).status, 404);
        QCOMPARE(get("/files/..%2F.signing-key?expires=1&sig=x").status, 404);
        // Signed correctly but past its hour.
        const QString expired = m_hub->imageFiles().signedPath(id, QDateTime::currentSecsSinceEpoch() - 1);
        const auto gone = get(expired.toLatin1());
        QCOMPARE(gone.status, 410);
        QVERIFY(json(gone.body)["error"]["message"].is_string());
    }

    void images_b64Json_returnsTheBytes()
    {
        serveImageInline();
        const auto r = post("/v1/images/generations", R"({"model":"openai/gpt-image-1","prompt":"A cat","response_format":"b64_json"})");
        QCOMPARE(r.status, 200);
        const auto body = json(r.body);
        QCOMPARE(QByteArray::fromBase64(QByteArray::fromStdString(body["data"][0]["b64_json"].get<std::string>())), kPng);
        QVERIFY(!body["data"][0].contains("url"));
        QVERIFY(body["usage"]["input_tokens"] == 9);
        QCOMPARE(m_hub->usageRecords().value(0).outputTokens, 272);
    }

    void images_dallE_asksForBase64AndFetchesNothing()
    {
        serveImageInline();
        QCOMPARE(post("/v1/images/generations", R"({"model":"openai/dall-e-3","prompt":"A cat","response_format":"url"})").status, 200);
        QVERIFY(json(m_mock->lastRequest().body)["response_format"] == "b64_json");
        QCOMPARE(m_mock->requestsReceived(), 1u);
    }

    void images_badRequests()
    {
        QCOMPARE(post("/v1/images/generations", R"({"model":"openai/gpt-image-1"})").status, 400);
        QCOMPARE(post("/v1/images/generations", R"({"prompt":"A cat"})").status, 400);
        QCOMPARE(post("/v1/images/generations", R"({"model":"openai/gpt-image-1","prompt":"A cat","n":50})").status, 400);
        QCOMPARE(post("/v1/images/generations", R"({"model":"openai/gpt-image-1","prompt":"A cat","response_format":"jpeg"})").status, 400);
        QCOMPARE(post("/v1/images/generations", R"({"model":"nobody/x","prompt":"A cat"})").status, 404);
        QCOMPARE(m_mock->requestsReceived(), 0u);
    }

    void images_aigneInvoke_fileAndUrlForms()
    {
        serveImageInline();
        auto r = post("/api/v2/image", R"({"input":{"prompt":"A cat","modelOptions":{"model":"openai/gpt-image-1"},"outputFileType":"file"},"options":{"streaming":false}})");
        QCOMPARE(r.status, 200);
        auto body = json(r.body);
        QVERIFY(body["images"][0]["type"] == "file");
        QCOMPARE(QByteArray::fromBase64(QByteArray::fromStdString(body["images"][0]["data"].get<std::string>())), kPng);
        QVERIFY(body["images"][0]["mimeType"] == "image/png");
        QVERIFY(body["usage"]["inputTokens"] == 9);
        QVERIFY(body["usage"]["outputTokens"] == 272);
        QVERIFY(body["usage"]["aigneHubCredits"].is_number());
        QVERIFY(body["modelWithProvider"] == "openai/gpt-image-1");
        r = post("/api/v2/image", R"({"input":{"prompt":"A cat","modelOptions":{"model":"openai/gpt-image-1"},"outputFileType":"url"}})");
        QCOMPARE(r.status, 200);
        body = json(r.body);
        QVERIFY(body["images"][0]["type"] == "url");
        QCOMPARE(get(target(QString::fromStdString(body["images"][0]["url"].get<std::string>()))).body, kPng);
        QCOMPARE(m_hub->usageRecords().value(0).api, Usage::Api::Aigne);
        r = post("/api/v2/image", R"({"input":"A cat"})");
        QCOMPARE(r.status, 400);
        QVERIFY(json(r.body)["error"]["message"].is_string());
    }

    void images_aigneGenerate_imagesAndDataLists()
    {
        serveImageInline();
        const auto r = post("/api/v2/images/generate", R"({"model":"openai/gpt-image-1","prompt":"A cat","responseFormat":"b64_json"})");
        QCOMPARE(r.status, 200);
        const auto body = json(r.body);
        QCOMPARE(QByteArray::fromBase64(QByteArray::fromStdString(body["images"][0]["b64_json"].get<std::string>())), kPng);
        QVERIFY(body["data"] == body["images"]);
        QVERIFY(body["usage"]["creditPrefix"] == "");
    }
};

QTEST_GUILESS_MAIN(TestEmbeddingsImages)
#include "tst_embeddings_images.moc"
