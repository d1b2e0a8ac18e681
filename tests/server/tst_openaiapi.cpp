// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The OpenAI-compatible API end to end: the real server on 127.0.0.1:0, called over HTTP, relaying to a mock
// upstream that serves recorded provider payloads (tests/data/fixtures).
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/e2ehelpers.h"
#include "tests/support/rawhttpclient.h"
#include "tests/support/testhub.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace AiHub::Testing;
using Providers::ProviderKind;

namespace {
const QByteArray kChat = R"({"model":"openai/gpt-5-nano","messages":[{"role":"user","content":"Hi"}]})";
const QByteArray kStream = R"({"model":"openai/gpt-5-nano","stream":true,"messages":[{"role":"user","content":"Hi"}]})";
const QByteArray kStreamUsage = R"({"model":"openai/gpt-5-nano","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Hi"}]})";



} // namespace

class TestOpenAiApi final : public QObject {
    Q_OBJECT

    std::unique_ptr<TestHub> m_hub;
    std::unique_ptr<MockUpstream> m_mock;
    QByteArray m_key;
    quint16 m_port = 0;

    QList<QPair<QByteArray, QByteArray>> auth() const { return { { "Authorization", "Bearer " + m_key } }; }
    RawHttpClient::Response post(const QByteArray &body, const QByteArray &path = "/v1/chat/completions")
    {
        return RawHttpClient::request(m_port, "POST", path, body, auth());
    }

private Q_SLOTS:
    void init()
    {
        m_mock = std::make_unique<MockUpstream>();
        QVERIFY(m_mock->startInThread() > 0);
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

    void nonStreaming_relaysTheProvidersAnswerAndRecordsUsage()
    {
        const auto r = post(kChat);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        const auto body = json(r.body);
        QVERIFY(body["object"] == "chat.completion");
        QVERIFY(body["usage"]["completion_tokens"] == 377);
        // What went upstream: the provider's own model name and the provider's key, never the hub key.
        const RecordedRequest up = m_mock->lastRequest();
        QCOMPARE(up.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(up.header("authorization"), QByteArray("Bearer sk-test-upstream-key"));
        QCOMPARE(up.jsonBody().value(QStringLiteral("model")).toString(), QStringLiteral("gpt-5-nano"));
        QVERIFY(!up.body.contains(m_key));
        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].httpStatus, 200);
        QCOMPARE(records[0].provider, QStringLiteral("openai"));
        QCOMPARE(records[0].model, QStringLiteral("gpt-5-nano"));
        QCOMPARE(records[0].keyName, QStringLiteral("tester"));
        QCOMPARE(records[0].outputTokens, 377);
        QCOMPARE(records[0].usageSource, Usage::UsageSource::Provider);
        QVERIFY(!records[0].stream);
    }

    void qtEventLoop_servesTheSame()
    {
        // AIHUB_QT_EVENT_LOOP=1: the workers keep Qt's own event loop instead of the epoll one.
        m_hub.reset();
        qputenv("AIHUB_QT_EVENT_LOOP", "1");
        m_hub = std::make_unique<TestHub>();
        m_hub->addProvider(ProviderKind::OpenAI, QStringLiteral("openai"), m_mock->baseUrl());
        m_key = m_hub->createKey(QStringLiteral("tester"));
        m_port = m_hub->startServer();
        qunsetenv("AIHUB_QT_EVENT_LOOP");
        const auto r = post(kChat);
        QCOMPARE(r.status, 200);
        QVERIFY(json(r.body)["usage"]["completion_tokens"] == 377);
        QCOMPARE(m_hub->usageRecords().size(), 1);
    }

    void streaming_chunksArriveBeforeTheUpstreamFinishes()
    {
        m_mock->addRoute("POST", "/v1/chat/completions",
                         fixture(QStringLiteral("openai/chat-stream-text-with-usage.sse")).setDelayBetweenChunksMs(150));
        RawHttpClient client(m_port);
        QVERIFY(client.connectToServer());
        client.sendRequest("POST", "/v1/chat/completions", kStream, auth());
        QVERIFY(client.waitFor("data: {", 5000));
        const qint64 firstChunkMs = client.msSinceSend();
        QVERIFY(!client.received().contains("[DONE]"));
        const auto r = client.readResponse(15000);
        const qint64 totalMs = client.msSinceSend();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        QVERIFY2(firstChunkMs + 300 < totalMs, qPrintable(QStringLiteral("first %1 ms, all %2 ms").arg(firstChunkMs).arg(totalMs)));
        const auto events = sseData(r.body);
        QCOMPARE(events.last(), QByteArray("[DONE]"));
        for (qsizetype i = 0; i + 1 < events.size(); ++i) {
            const auto chunk = json(events[i]);
            QVERIFY(chunk["object"] == "chat.completion.chunk");
            QVERIFY(!chunk.contains("usage")); // the client did not ask for usage
        }
        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QVERIFY(records[0].stream);
        QVERIFY(records[0].outputTokens.has_value()); // the hub asked upstream for usage anyway
        QVERIFY(records[0].timeToFirstTokenMs.has_value());
        QVERIFY(m_mock->lastRequest().jsonBody().value(QStringLiteral("stream_options")).toObject()
                    .value(QStringLiteral("include_usage")).toBool());
    }

    void streaming_includeUsage_lastChunkCarriesUsageWithEmptyChoices()
    {
        m_mock->addRoute("POST", "/v1/chat/completions",
                         fixture(QStringLiteral("openai/chat-stream-include-usage.response.sse")));
        const auto r = post(kStreamUsage);
        QCOMPARE(r.status, 200);
        const auto events = sseData(r.body);
        QCOMPARE(events.last(), QByteArray("[DONE]"));
        const auto usageChunk = json(events[events.size() - 2]);
        QVERIFY(usageChunk["choices"].is_array() && usageChunk["choices"].empty());
        QVERIFY(usageChunk["usage"]["prompt_tokens"] == 12);
        QVERIFY(usageChunk["usage"]["completion_tokens"] == 100);
        QVERIFY(usageChunk["id"] == "chatcmpl-C4Hq5a6K3RaPMymUv70btQNYv6SvY"); // same id across the stream
        QVERIFY(usageChunk["model"] == "gpt-5-nano-2025-08-07");
    }

    void wrongTypedMembers_doNotTakeTheHubDown()
    {
        // These once threw inside the hub (a string read as an object or a boolean), which ended the process.
        const auto plain = post(R"({"model":"openai/gpt-5-nano","messages":[{"role":"assistant","tool_calls":[1]},)"
                                R"({"role":"user","content":"Hi"}],"response_format":{"type":"json_schema",)"
                                R"("json_schema":{"strict":"yes"}}})");
        QCOMPARE(plain.status, 200);
        QVERIFY(json(plain.body)["object"] == "chat.completion");
        m_mock->addRoute("POST", "/v1/chat/completions",
                         fixture(QStringLiteral("openai/chat-stream-include-usage.response.sse")));
        const auto stream = post(R"({"model":"openai/gpt-5-nano","stream":true,"stream_options":"x",)"
                                 R"("parallel_tool_calls":"yes","messages":[{"role":"user","content":"Hi"}]})");
        QCOMPARE(stream.status, 200);
        QCOMPARE(sseData(stream.body).last(), QByteArray("[DONE]"));
        const QJsonObject sent = m_mock->lastRequest().jsonBody();
        QVERIFY(sent.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")).toBool());
        QCOMPARE(sent.value(QStringLiteral("parallel_tool_calls")).toString(), QStringLiteral("yes")); // relayed as sent
        QCOMPARE(m_hub->usageRecords().size(), 2);
    }

    void auth_missingOrBadKey_is401WithJsonBody_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("garbage") << QByteArray("Bearer nope");
        QTest::newRow("wrong secret") << QByteArray("Bearer ahk_AAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("basic") << QByteArray("Basic dXNlcjpwYXNz");
    }
    void auth_missingOrBadKey_is401WithJsonBody()
    {
        QFETCH(QByteArray, authorization);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!authorization.isEmpty())
            headers.append({ "Authorization", authorization });
        const auto r = RawHttpClient::request(m_port, "POST", "/v1/chat/completions", kChat, headers);
        QCOMPARE(r.status, 401);
        const auto body = json(r.body);
        QVERIFY(body["error"]["type"] == "authentication_error");
        QVERIFY(QString::fromStdString(body["error"]["message"]).contains(QStringLiteral("key create")));
        QCOMPARE(m_mock->requestsReceived(), 0u);
    }

    void revokedKey_isRefused()
    {
        QVERIFY(m_hub->keys().revoke(QStringLiteral("tester")));
        QCOMPARE(post(kChat).status, 401);
    }

    void unknownModel_is404AndNamesTheFix()
    {
        const auto r = post(R"({"model":"nobody/model-x","messages":[{"role":"user","content":"Hi"}]})");
        QCOMPARE(r.status, 404);
        QVERIFY(r.body.contains("provider"));
        QCOMPARE(m_mock->requestsReceived(), 0u);
    }

    void badRequests_areRejectedClearly_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("malformed json") << QByteArray("{\"model\": ") << 400;
        QTest::newRow("array") << QByteArray("[1,2]") << 400;
        QTest::newRow("no model") << QByteArray(R"({"messages":[{"role":"user","content":"x"}]})") << 400;
        QTest::newRow("no messages") << QByteArray(R"({"model":"openai/x"})") << 400;
        QTest::newRow("bad stream") << QByteArray(R"({"model":"openai/x","stream":"yes","messages":[{"role":"user","content":"x"}]})") << 400;
    }
    void badRequests_areRejectedClearly()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const auto r = post(body);
        QCOMPARE(r.status, status);
        QVERIFY(json(r.body)["error"]["type"] == "invalid_request_error");
        QCOMPARE(m_mock->requestsReceived(), 0u);
    }

    void oversizedBody_is413()
    {
        const QByteArray huge = "{\"model\":\"openai/x\",\"messages\":[{\"role\":\"user\",\"content\":\""
            + QByteArray(17 * 1024 * 1024, 'a') + "\"}]}";
        const auto r = post(huge);
        QCOMPARE(r.status, 413);
        QCOMPARE(m_mock->requestsReceived(), 0u);
    }

    void wrongMethod_is405_unknownPath_is404()
    {
        const auto r = RawHttpClient::request(m_port, "GET", "/v1/chat/completions", {}, auth());
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("allow"), QByteArray("POST"));
        QCOMPARE(RawHttpClient::request(m_port, "GET", "/v1/nothing-here", {}, auth()).status, 404);
    }

    void upstreamErrors_areMappedWithTheProvidersReason_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("404 model") << "openai/error-404-model-not-found.response.http" << 404 << QByteArray("does not offer");
        QTest::newRow("400 param") << "openai/error-400-unsupported-parameter.response.http" << 400 << QByteArray("max_tokens");
        QTest::newRow("429") << "openrouter/error-429-upstream-rate-limited.http" << 429 << QByteArray("rate-limit");
    }
    void upstreamErrors_areMappedWithTheProvidersReason()
    {
        QFETCH(QString, fixture);
        QFETCH(int, status);
        QFETCH(QByteArray, mentions);
        m_mock->addRoute("POST", "/v1/chat/completions", Testing::fixture(fixture));
        const auto r = post(kChat);
        QCOMPARE(r.status, status);
        QVERIFY2(r.body.contains(mentions), r.body.constData());
        QCOMPARE(m_hub->usageRecords().value(0).httpStatus, status);
    }

    void upstreamBadKey_is401AndSaysWhichProviderKey()
    {
        m_mock->addRoute("POST", "/v1/chat/completions",
                         MockResponse::json(401, R"({"error":{"message":"Incorrect API key provided: sk-te***key.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})"));
        const auto r = post(kStream);
        QCOMPARE(r.status, 401);
        QVERIFY(r.body.contains("Check the key for \\\"openai\\\""));
    }

    void upstreamRetryAfter_isPassedOn()
    {
        m_mock->addRoute("POST", "/v1/chat/completions",
                         MockResponse::json(429, R"({"error":{"message":"Rate limit reached","type":"requests"}})")
                             .setHeader("Retry-After", "12"));
        const auto r = post(kChat);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("retry-after"), QByteArray("12"));
    }

    void upstream5xx_is502()
    {
        m_mock->addRoute("POST", "/v1/chat/completions", MockResponse::json(503, "upstream overloaded"));
        const auto r = post(kChat);
        QCOMPARE(r.status, 502);
        QVERIFY(r.body.contains("Try again"));
    }

    void upstreamUnreachable_is502()
    {
        const QUrl dead = m_mock->baseUrl();
        m_mock->close();
        Q_UNUSED(dead);
        const auto r = post(kChat);
        QCOMPARE(r.status, 502);
        QVERIFY(json(r.body)["error"]["code"] == "upstream_unavailable");
    }

    void upstreamTimeout_is504()
    {
        m_hub->stopServer();
        m_hub->upstreamTimeouts().firstByteMs = 400;
        m_port = m_hub->startServer();
        m_mock->addRoute("POST", "/v1/chat/completions", MockResponse().neverRespond());
        QElapsedTimer t;
        t.start();
        const auto r = post(kChat);
        QCOMPARE(r.status, 504);
        QVERIFY(t.elapsed() < 4000);
        QVERIFY(json(r.body)["error"]["code"] == "upstream_timeout");
    }

    void upstreamDisconnectMidStream_endsWithAnErrorEventAndNoDone()
    {
        m_mock->addRoute("POST", "/v1/chat/completions",
                         fixture(QStringLiteral("openai/chat-stream-text-with-usage.sse")).closeAfterChunks(3));
        const auto r = post(kStream);
        QCOMPARE(r.status, 200);
        const auto events = sseData(r.body);
        QVERIFY(events.size() >= 3);
        QVERIFY(!r.body.contains("[DONE]"));
        QVERIFY(json(events.last()).contains("error"));
        QCOMPARE(m_hub->usageRecords().value(0).httpStatus, 502);
    }

    void clientDisconnectMidStream_cancelsTheUpstreamRequest()
    {
        m_mock->addRoute("POST", "/v1/chat/completions",
                         fixture(QStringLiteral("openai/chat-stream-text-with-usage.sse")).setDelayBetweenChunksMs(300));
        RawHttpClient client(m_port);
        QVERIFY(client.connectToServer());
        client.sendRequest("POST", "/v1/chat/completions", kStream, auth());
        QVERIFY(client.waitFor("data: {", 5000));
        QTRY_COMPARE_WITH_TIMEOUT(m_mock->openConnections(), 1, 3000);
        client.close();
        // The hub hangs up on the provider at once: the stream would otherwise run for seconds more.
        QTRY_COMPARE_WITH_TIMEOUT(m_mock->openConnections(), 0, 1000);
        QTRY_COMPARE_WITH_TIMEOUT(m_hub->usageRecords().size(), 1, 3000);
        QCOMPARE(m_hub->usageRecords().value(0).httpStatus, 499);
        QCOMPARE(m_hub->usageRecords().value(0).errorCode, QStringLiteral("cancelled"));
    }

    void gracefulShutdown_letsTheStreamInFlightFinish()
    {
        m_mock->addRoute("POST", "/v1/chat/completions",
                         fixture(QStringLiteral("openai/chat-stream-text-with-usage.sse")).setDelayBetweenChunksMs(100));
        RawHttpClient client(m_port);
        QVERIFY(client.connectToServer());
        client.sendRequest("POST", "/v1/chat/completions", kStream, auth());
        QVERIFY(client.waitFor("data: {", 5000));
        QSignalSpy stopped(m_hub->server(), &Server::ServerHost::stopped);
        m_hub->server()->stop();
        // New connections are refused while the stream finishes.
        RawHttpClient late(m_port);
        QTRY_VERIFY_WITH_TIMEOUT(!late.connectToServer(500) || late.readResponse(500).status == 0, 3000);
        const auto r = client.readResponse(15000);
        QVERIFY2(r.complete, r.raw.right(300).constData());
        QVERIFY(r.body.contains("data: [DONE]"));
        QVERIFY(stopped.wait(5000) || !stopped.isEmpty());
        QCOMPARE(m_hub->usageRecords().value(0).httpStatus, 200);
    }

    void manyConcurrentStreamsToOneHost_areNotQueued()
    {
        // Qt's own network manager would hold all but 6 of these back; the hub's client must not.
        constexpr int kStreams = 300;
        m_mock->addRoute("POST", "/v1/chat/completions",
                         fixture(QStringLiteral("openai/chat-stream-text-with-usage.sse")).setDelayBetweenChunksMs(60));
        m_mock->resetPeakConnections();
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < kStreams; ++i) {
            clients.push_back(std::make_unique<RawHttpClient>(m_port));
            QVERIFY(clients.back()->connectToServer());
            clients.back()->sendRequest("POST", "/v1/chat/completions", kStream, auth());
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_mock->peakConnections() >= kStreams, 10000);
        int done = 0;
        for (auto &client : clients) {
            const auto r = client->readResponse(20000);
            done += r.status == 200 && r.body.endsWith("data: [DONE]\n\n") ? 1 : 0;
        }
        QCOMPARE(done, kStreams);
        QTRY_COMPARE_WITH_TIMEOUT(m_hub->usageRecords().size(), kStreams, 5000);
    }

    void models_listsProviderModelsAsProviderSlashModel()
    {
        m_mock->setModels({ QStringLiteral("gpt-4o-mini"), QStringLiteral("gpt-5-nano") });
        const auto r = RawHttpClient::request(m_port, "GET", "/v1/models", {}, auth());
        QCOMPARE(r.status, 200);
        const auto body = json(r.body);
        QVERIFY(body["object"] == "list");
        QStringList ids;
        for (const auto &m : body["data"])
            ids.append(QString::fromStdString(m["id"]));
        QVERIFY(ids.contains(QStringLiteral("openai/gpt-4o-mini")));
        QVERIFY(ids.contains(QStringLiteral("openai/gpt-5-nano")));
    }

    void otherOpenAiCompatibleProviders_streamWithTheirQuirks_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("outputTokens");
        QTest::newRow("deepseek usage on finish chunk") << int(ProviderKind::DeepSeek)
                                                        << "deepseek/chat-stream-reasoner.response.sse" << 212;
        QTest::newRow("xai cumulative usage") << int(ProviderKind::XAI) << "xai/chat-stream-grok-beta.response.sse" << 200;
        QTest::newRow("openrouter comments") << int(ProviderKind::OpenRouter)
                                             << "openrouter/chat-stream-reasoning-usage.response.sse" << -1;
    }
    void otherOpenAiCompatibleProviders_streamWithTheirQuirks()
    {
        QFETCH(int, kind);
        QFETCH(QString, fixture);
        QFETCH(int, outputTokens);
        const QString name = Providers::ProviderKinds::name(ProviderKind(kind));
        m_hub->addProvider(ProviderKind(kind), name, m_mock->baseUrl());
        m_mock->addRoute("POST", "/v1/chat/completions", Testing::fixture(fixture));
        const QByteArray body = "{\"model\":\"" + name.toUtf8() + "/some-model\",\"stream\":true,"
                                "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        const auto r = post(body);
        QCOMPARE(r.status, 200);
        const auto events = sseData(r.body);
        QCOMPARE(events.last(), QByteArray("[DONE]"));
        int usageChunks = 0;
        for (qsizetype i = 0; i + 1 < events.size(); ++i) {
            const auto chunk = json(events[i]);
            QVERIFY(!chunk.is_discarded());
            if (chunk.contains("usage"))
                ++usageChunks;
        }
        QCOMPARE(usageChunks, 1); // exactly one usage chunk reaches the client, however the provider sent it
        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].provider, name);
        if (outputTokens >= 0)
            QCOMPARE(records[0].outputTokens, outputTokens);
        QCOMPARE(m_mock->lastRequest().jsonBody().value(QStringLiteral("model")).toString(), QStringLiteral("some-model"));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiApi)
#include "tst_openaiapi.moc"
