// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The AIGNE Hub API end to end, as the @aigne/aigne-hub client and the AIGNE CLI use it: the real server on
// 127.0.0.1:0, called over HTTP, relaying to a mock upstream that serves recorded OpenAI payloads.
#include "core/common/errorstatus.h"
#include "core/server/aigneerror.h"
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/e2ehelpers.h"
#include "tests/support/rawhttpclient.h"
#include "tests/support/testhub.h"

#include <QDateTime>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace AiHub::Testing;
using Providers::ProviderKind;

namespace {
const QByteArray kChat = R"({"input":{"messages":[{"role":"user","content":"Hi"}],"modelOptions":{"model":"openai/gpt-5-nano"}},"agent":"$CHAT_MODEL","options":{"userContext":{},"memories":[]}})";
const QByteArray kStream = R"({"input":{"messages":[{"role":"user","content":"Hi"}],"modelOptions":{"model":"openai/gpt-5-nano"}},"options":{"streaming":true}})";
const QByteArray kDid = "z8ia3xzq2tMq8CRHfaXj1BTYJyYnEcHbqP8cJ";



// The body of an SSE response split into its events; fails the test if any frame is not exactly
// "data: <one line>" (the framework's parser would otherwise mis-read it).
QList<nlohmann::json> dataEvents(const QByteArray &body, bool *wellFormed)
{
    QList<nlohmann::json> out;
    *wellFormed = body.endsWith("\n\n");
    const QList<QByteArray> frames = body.split('\n');
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const QByteArray &line = frames[i];
        if (line.isEmpty())
            continue;
        // Every event is one data line followed by a blank line.
        if (!line.startsWith("data: ") || i + 1 >= frames.size() || !frames[i + 1].isEmpty()) {
            *wellFormed = false;
            continue;
        }
        auto value = json(line.mid(6));
        if (value.is_discarded())
            *wellFormed = false;
        out.append(value);
    }
    return out;
}
} // namespace

class TestAigneApi final : public QObject {
    Q_OBJECT

    std::unique_ptr<TestHub> m_hub;
    std::unique_ptr<MockUpstream> m_mock;
    QByteArray m_key;
    quint16 m_port = 0;

    QList<QPair<QByteArray, QByteArray>> auth() const { return { { "Authorization", "Bearer " + m_key } }; }
    RawHttpClient::Response post(const QByteArray &body, const QByteArray &path = "/api/v2/chat",
                                 QList<QPair<QByteArray, QByteArray>> extra = {})
    {
        auto headers = auth();
        headers += extra;
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return RawHttpClient::request(m_port, "POST", path, body, headers);
    }
    RawHttpClient::Response get(const QByteArray &path, bool withKey = false)
    {
        return RawHttpClient::request(m_port, "GET", path, {}, withKey ? auth() : QList<QPair<QByteArray, QByteArray>> {});
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

    void chat_nonStreaming_answersTheAigneOutputAndRecordsTheApp()
    {
        const auto r = post(kChat, "/api/v2/chat", { { "x-aigne-hub-client-did", " my%20app " } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        const auto body = json(r.body);
        QVERIFY(body["text"].is_string() && !body["text"].get<std::string>().empty());
        QVERIFY(body["model"].is_string());
        QVERIFY(body["usage"]["inputTokens"] == 8);
        QVERIFY(body["usage"]["outputTokens"] == 377);
        QVERIFY(body["usage"]["aigneHubCredits"].is_number());
        QVERIFY(body["usage"]["creditPrefix"].is_string());
        QVERIFY(body["usage"]["modelCallId"].is_string());
        QVERIFY(body["modelWithProvider"] == "openai/gpt-5-nano");
        QVERIFY(!body.contains("choices")); // not OpenAI's shape
        const RecordedRequest up = m_mock->lastRequest();
        QCOMPARE(up.jsonBody().value(QStringLiteral("model")).toString(), QStringLiteral("gpt-5-nano"));
        QCOMPARE(up.header("authorization"), QByteArray("Bearer sk-test-upstream-key"));
        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].api, Usage::Api::Aigne);
        QCOMPARE(records[0].appDid, QStringLiteral("my app")); // trimmed and URI-decoded
        QCOMPARE(records[0].httpStatus, 200);
        QCOMPARE(records[0].keyName, QStringLiteral("tester"));
    }

    void chat_agentRoleAndObjectArguments_reachTheProviderInItsForm()
    {
        const QByteArray body = R"({"input":{"messages":[{"role":"user","content":"Weather?"},{"role":"agent","content":"","toolCalls":[{"id":"call_1","type":"function","function":{"name":"w","arguments":{"city":"Paris"}}}]},{"role":"tool","toolCallId":"call_1","content":"sunny"}],"modelOptions":{"model":"openai/gpt-5-nano","temperature":0.5}}})";
        QCOMPARE(post(body).status, 200);
        const auto up = json(m_mock->lastRequest().body);
        QVERIFY(up["messages"][1]["role"] == "assistant");
        QVERIFY(up["messages"][1]["tool_calls"][0]["function"]["arguments"].is_string()); // OpenAI wants text
        QVERIFY(json(QByteArray::fromStdString(up["messages"][1]["tool_calls"][0]["function"]["arguments"].get<std::string>()))["city"] == "Paris");
        QVERIFY(up["messages"][2]["role"] == "tool");
        QVERIFY(up["messages"][2]["tool_call_id"] == "call_1");
        QVERIFY(up["temperature"] == 0.5);
    }

    void chat_streaming_isDataOnlySseWithoutDone()
    {
        const auto r = post(kStream);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(r.header("cache-control"), QByteArray("no-cache"));
        QCOMPARE(r.header("x-accel-buffering"), QByteArray("no"));
        QVERIFY(!r.body.contains("[DONE]"));
        QVERIFY(!r.body.contains("event:"));
        bool wellFormed = false;
        const auto events = dataEvents(r.body, &wellFormed);
        QVERIFY2(wellFormed, r.body.constData());
        QVERIFY(events.size() >= 2);
        QString text;
        for (const auto &e : events) {
            QVERIFY(e.contains("delta"));
            if (e["delta"].contains("text") && e["delta"]["text"].contains("text"))
                text += QString::fromStdString(e["delta"]["text"]["text"].get<std::string>());
        }
        // The usage chunk, then the whole output with usage and credits last.
        const auto &usage = events[events.size() - 2]["delta"]["json"]["usage"];
        QVERIFY(usage["inputTokens"] == 12);
        QVERIFY(usage["outputTokens"] == 100);
        const auto &last = events.last()["delta"]["json"];
        QCOMPARE(QString::fromStdString(last["text"].get<std::string>()), text);
        QVERIFY(last["usage"]["aigneHubCredits"].is_number());
        QVERIFY(last["usage"]["creditPrefix"] == "");
        QVERIFY(last["usage"]["modelCallId"].is_string());
        QVERIFY(last["modelWithProvider"] == "openai/gpt-5-nano");
        QVERIFY(events.first()["delta"]["json"]["model"].is_string());
        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QVERIFY(records[0].stream);
        QCOMPARE(records[0].outputTokens, 100);
    }

    void chat_streamingToolCall_endsWithObjectArguments()
    {
        m_mock->addRoute("POST", "/v1/chat/completions", fixture(QStringLiteral("openai/chat-stream-tool-call.sse")));
        const auto r = post(kStream);
        QCOMPARE(r.status, 200);
        bool wellFormed = false;
        const auto events = dataEvents(r.body, &wellFormed);
        QVERIFY(wellFormed);
        const auto &calls = events.last()["delta"]["json"]["toolCalls"];
        QCOMPARE(calls.size(), std::size_t(1));
        QVERIFY(calls[0]["type"] == "function");
        QVERIFY(calls[0]["function"]["name"].is_string());
        QVERIFY(calls[0]["function"]["arguments"].is_object());
    }

    void errors_missingOrBadKey_is401()
    {
        for (const QByteArray &authorization : { QByteArray(), QByteArray("Bearer nope") }) {
            QList<QPair<QByteArray, QByteArray>> headers;
            if (!authorization.isEmpty())
                headers.append({ "Authorization", authorization });
            const auto r = RawHttpClient::request(m_port, "POST", "/api/v2/chat", kChat, headers);
            QCOMPARE(r.status, 401);
            QVERIFY(json(r.body)["error"]["message"].is_string());
        }
        QCOMPARE(get("/api/user/info").status, 401);
        QCOMPARE(m_mock->requestsReceived(), 0u);
    }

    void errors_validation_is400WithMessage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("{\"input\": ");
        QTest::newRow("no input") << QByteArray(R"({"messages":[{"role":"user","content":"Hi"}]})");
        QTest::newRow("empty messages") << QByteArray(R"({"input":{"messages":[]}})");
        QTest::newRow("bad role") << QByteArray(R"({"input":{"messages":[{"role":"assistant","content":"Hi"}]}})");
    }
    void errors_validation_is400WithMessage()
    {
        QFETCH(QByteArray, body);
        const auto r = post(body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QVERIFY(json(r.body)["error"]["message"].is_string());
        QCOMPARE(m_mock->requestsReceived(), 0u);
    }

    void errors_unknownModel_is404()
    {
        const auto r = post(R"({"input":{"messages":[{"role":"user","content":"Hi"}],"modelOptions":{"model":"nobody/x"}}})");
        QCOMPARE(r.status, 404);
        QVERIFY(QString::fromStdString(json(r.body)["error"]["message"].get<std::string>()).contains(QStringLiteral("provider")));
    }

    void errors_upstream429And5xx_keepTheirStatus()
    {
        m_mock->enqueueResponse("POST", "/v1/chat/completions",
                                MockResponse::json(429, R"({"error":{"message":"Rate limit reached","type":"requests"}})")
                                    .setHeader("Retry-After", "7"));
        auto r = post(kChat);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("retry-after"), QByteArray("7"));
        QVERIFY(json(r.body)["error"]["message"].is_string());
        m_mock->enqueueResponse("POST", "/v1/chat/completions", MockResponse::json(500, R"({"error":{"message":"boom"}})"));
        r = post(kChat);
        QCOMPARE(r.status, 502);
        QVERIFY(json(r.body)["error"]["message"].is_string());
    }

    void errors_providerFailureInAStream_isAnErrorEvent()
    {
        m_mock->enqueueResponse("POST", "/v1/chat/completions", MockResponse::json(500, R"({"error":{"message":"boom"}})"));
        const auto r = post(kStream);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        QVERIFY2(r.body.startsWith("event: error\ndata: {\"message\":"), r.body.constData());
        QVERIFY(r.body.endsWith("}\n\n"));
        QVERIFY(json(r.body.mid(r.body.indexOf("data: ") + 6).trimmed())["message"].is_string());
        QVERIFY(!r.body.contains("[DONE]"));
    }

    void errors_acceptEventStream_getsTheSseErrorForm()
    {
        const auto r = post(R"({"input":{"messages":[]}})", "/api/v2/chat", { { "Accept", "text/event-stream" } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        QVERIFY(r.body.startsWith("data: {\"error\":{\"message\":"));
        QVERIFY(r.body.endsWith("}\n\n"));
        QVERIFY(json(r.body.mid(6).trimmed())["error"]["message"].is_string());
    }

    void errors_insufficientCredit_is402WithNotEnoughType()
    {
        const Error error = Error::make(ErrorCode::InsufficientCredit,
                                        QStringLiteral("Buy credits at https://hub.example/credits and try again."));
        QCOMPARE(httpStatusFor(error.code), 402);
        const auto body = json(Server::AigneError::body(error, QStringLiteral("https://hub.example/credits")));
        QVERIFY(body["error"]["type"] == "NOT_ENOUGH");
        QVERIFY(body["error"]["message"].is_string());
        QVERIFY(body["error"]["link"] == "https://hub.example/credits");
        const QString timestamp = QString::fromStdString(body["error"]["timestamp"].get<std::string>());
        QVERIFY(QDateTime::fromString(timestamp, Qt::ISODateWithMs).isValid());
        QCOMPARE(body["error"].size(), std::size_t(4));
        // Other errors carry no type, so clients never mistake them for a credit problem.
        QVERIFY(!json(Server::AigneError::body(Error::make(ErrorCode::NotFound, QStringLiteral("x"))))["error"].contains("type"));
    }

    void completions_json_roleTextContentAndSnakeCaseIgnored()
    {
        const auto r = post(R"({"model":"openai/gpt-5-nano","messages":[{"role":"user","content":"Hi"}],"max_tokens":5,"maxTokens":50})",
                            "/api/v2/chat/completions");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("x-accel-buffering"), QByteArray("no"));
        const auto body = json(r.body);
        QVERIFY(body["role"] == "assistant");
        QVERIFY(body["content"].is_string() && body["content"] == body["text"]);
        QVERIFY(!body.contains("toolCalls"));
        const auto up = json(m_mock->lastRequest().body);
        QVERIFY(up["max_tokens"] == 50); // camelCase maxTokens; the snake_case field was not taken
        QCOMPARE(m_hub->usageRecords().value(0).api, Usage::Api::Aigne);
    }

    void completions_sse_deltaChunksUsageAndServerTimingWithoutDone()
    {
        m_mock->addRoute("POST", "/v1/chat/completions", fixture(QStringLiteral("openai/chat-stream-text-with-usage.sse")));
        const auto r = post(R"({"model":"openai/gpt-4o","prompt":"Hi","stream":true})", "/api/v2/chat/completions",
                            { { "Accept", "text/event-stream" } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        QVERIFY(!r.body.contains("[DONE]"));
        const qsizetype timing = r.body.indexOf("event: server-timing\ndata: total;dur=");
        QVERIFY2(timing > 0, r.body.constData());
        QVERIFY(r.body.endsWith("\n\n"));
        bool wellFormed = false;
        const auto events = dataEvents(r.body.left(timing), &wellFormed);
        QVERIFY(wellFormed);
        QVERIFY(events.size() >= 2);
        QVERIFY(events[0]["delta"]["role"] == "assistant");
        QVERIFY(events[0]["delta"]["content"].is_string());
        QVERIFY(events[0]["delta"]["toolCalls"].is_array());
        const auto &usage = events.last()["usage"];
        QVERIFY(usage["promptTokens"].is_number());
        QVERIFY(usage["totalTokens"] == usage["promptTokens"].get<qint64>() + usage["completionTokens"].get<qint64>());
    }

    void completions_rawText_streamsPlainFragments()
    {
        m_mock->addRoute("POST", "/v1/chat/completions", fixture(QStringLiteral("openai/chat-stream-text-with-usage.sse")));
        const auto r = post(R"({"model":"openai/gpt-4o","messages":[{"role":"user","content":"Hi"}],"stream":true})",
                            "/api/v2/chat/completions");
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/plain"));
        QVERIFY(!r.body.isEmpty());
        QVERIFY(!r.body.contains("data:"));
        QVERIFY(!r.body.contains("ERROR:"));
    }

    void completions_errors_areStringBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("empty messages") << QByteArray(R"({"model":"openai/gpt-5-nano","messages":[]})") << 400;
        QTest::newRow("prompt and messages") << QByteArray(R"({"prompt":"a","messages":[{"role":"user","content":"b"}]})") << 400;
        QTest::newRow("tool without id") << QByteArray(R"({"messages":[{"role":"tool","content":"x"}]})") << 400;
        QTest::newRow("unknown model") << QByteArray(R"({"model":"nobody/x","prompt":"a"})") << 404;
    }
    void completions_errors_areStringBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const auto r = post(body, "/api/v2/chat/completions");
        QCOMPARE(r.status, status);
        QVERIFY(json(r.body)["error"].is_string());
        QCOMPARE(m_mock->requestsReceived(), 0u);
    }

    void discovery_jsonAndJavascriptForms_needNoKey()
    {
        auto r = get("/__blocklet__.js?type=json");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        const auto body = json(r.body);
        bool found = false;
        for (const auto &c : body["componentMountPoints"])
            found = found || (c["did"] == kDid.toStdString() && c["mountPoint"] == "/");
        QVERIFY(found);
        r = get("/__blocklet__.js");
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("application/javascript"));
        QVERIFY(r.body.startsWith("window.blocklet = {"));
        QVERIFY(r.body.contains(kDid));
    }

    void status_isAlways200WithAvailability()
    {
        auto r = get("/api/v2/status");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"available":true})"));
        r = get("/api/v2/status?model=nobody%2Fx");
        QCOMPARE(r.status, 200);
        const auto body = json(r.body);
        QVERIFY(body["available"] == false);
        QVERIFY(body["code"] == 404);
        QVERIFY(body["error"].is_string());
    }

    void models_listsByTypeWithStringRates()
    {
        m_mock->setModels({ QStringLiteral("gpt-5-nano"), QStringLiteral("text-embedding-3-small"),
                            QStringLiteral("dall-e-3") });
        auto r = get("/api/ai/models?type=chat");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        auto list = json(r.body);
        QVERIFY(list.is_array());
        QCOMPARE(list.size(), std::size_t(1));
        const auto &m = list[0];
        QVERIFY(m["model"] == "gpt-5-nano");
        QVERIFY(m["key"] == "openai/gpt-5-nano");
        QVERIFY(m["type"] == "chat");
        QVERIFY(m["provider"] == "openai");
        QVERIFY(m["input_credits_per_token"] == "0"); // strings, as the client's schema requires
        QVERIFY(m["output_credits_per_token"] == "0");
        QVERIFY(m["providerDisplayName"] == "OpenAI");
        QVERIFY(m["status"]["available"] == true);
        QVERIFY(m["modelMetadata"].is_null());
        list = json(get("/api/ai/models?type=embedding").body);
        QCOMPARE(list.size(), std::size_t(1));
        QVERIFY(list[0]["model"] == "text-embedding-3-small");
        list = json(get("/api/ai/models?type=image").body);
        QCOMPARE(list.size(), std::size_t(1));
        QVERIFY(list[0]["type"] == "image_generation");
        QCOMPARE(json(get("/api/ai/models").body).size(), std::size_t(3));
        QCOMPARE(get("/api/ai/models?type=poems").status, 400);
    }

    void userInfo_withoutBilling_saysCreditIsOff()
    {
        const auto r = get("/api/user/info", true);
        QCOMPARE(r.status, 200);
        const auto body = json(r.body);
        QVERIFY(body["user"]["fullName"] == "tester");
        QVERIFY(body["creditBalance"].is_null());
        QVERIFY(body["enableCredit"] == false);
        QVERIFY(body["creditPrefix"] == "");
    }
};

QTEST_GUILESS_MAIN(TestAigneApi)
#include "tst_aigneapi.moc"
