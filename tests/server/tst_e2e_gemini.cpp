// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Google Gemini end to end: a client speaks OpenAI's /v1/chat/completions to the real server, which relays to a
// mock Gemini API (generateContent, streamGenerateContent?alt=sse) serving recorded payloads
// (tests/data/fixtures/gemini).
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/e2ehelpers.h"
#include "tests/support/rawhttpclient.h"
#include "tests/support/testhub.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace AiHub::Testing;
using Providers::ProviderKind;

namespace {
const QByteArray kChat = R"({"model":"google/gemini-2.5-pro","temperature":0,
  "messages":[{"role":"system","content":"You are a helpful chatbot."},{"role":"user","content":"What is the capital of France?"}]})";
const QByteArray kStream = R"({"model":"google/gemini-2.0-flash-exp","stream":true,"stream_options":{"include_usage":true},
  "messages":[{"role":"system","content":"You are a helpful chatbot."},{"role":"user","content":"What is the capital of France?"}]})";
const QByteArray kToolStream = R"({"model":"google/gemini-3-pro-preview","stream":true,
  "messages":[{"role":"user","content":"What is the capital of the user country? Call the tool"}],
  "tools":[{"type":"function","function":{"name":"get_country","description":"",
            "parameters":{"type":"object","properties":{},"additionalProperties":false}}}]})";




} // namespace

class TestE2eGemini final : public QObject {
    Q_OBJECT

    std::unique_ptr<TestHub> m_hub;
    std::unique_ptr<MockUpstream> m_mock;
    QByteArray m_key;
    quint16 m_port = 0;

    RawHttpClient::Response post(const QByteArray &body)
    {
        return RawHttpClient::request(m_port, "POST", "/v1/chat/completions", body,
                                      { { "Authorization", "Bearer " + m_key } });
    }

private Q_SLOTS:
    void init()
    {
        m_mock = std::make_unique<MockUpstream>();
        m_mock->setOpenAiDefaultsEnabled(false);
        QVERIFY(m_mock->startInThread() > 0);
        m_hub = std::make_unique<TestHub>();
        m_hub->addProvider(ProviderKind::Google, QStringLiteral("google"), m_mock->url(QStringLiteral("/v1beta")),
                           QStringLiteral("AIza-upstream"));
        m_key = m_hub->createKey(QStringLiteral("tester"));
        m_port = m_hub->startServer();
    }
    void cleanup()
    {
        m_hub.reset();
        m_mock.reset();
    }

    void nonStreaming_answerInOpenAiShapeAndUsageRecorded()
    {
        m_mock->addRoute("POST", "/v1beta/models/gemini-2.5-pro:generateContent",
                         fixture(QStringLiteral("gemini/generateContent.response.http")));
        const auto r = post(kChat);
        QCOMPARE(r.status, 200);
        auto body = json(r.body);
        QVERIFY2(body["object"] == "chat.completion", r.body.constData());
        QCOMPARE(str(body["choices"][0]["message"]["content"]), QStringLiteral("The capital of France is **Paris**."));
        QVERIFY(body["choices"][0]["finish_reason"] == "stop");
        QVERIFY(body["usage"]["prompt_tokens"] == 15);
        QVERIFY(body["usage"]["completion_tokens"] == 283); // 8 answer + 275 thinking tokens

        // What went upstream: Gemini's path, key header and body form, with the provider's own model name.
        const RecordedRequest up = m_mock->lastRequest();
        QCOMPARE(up.path, QByteArray("/v1beta/models/gemini-2.5-pro:generateContent"));
        QCOMPARE(up.header("x-goog-api-key"), QByteArray("AIza-upstream"));
        QVERIFY(up.header("authorization").isEmpty());
        QVERIFY(!up.body.contains(m_key));
        const auto sent = json(up.body);
        QVERIFY(sent["systemInstruction"]["parts"][0]["text"] == "You are a helpful chatbot.");
        QCOMPARE(sent["contents"].size(), size_t(1));
        QVERIFY(sent["contents"][0]["role"] == "user");
        QVERIFY(sent["contents"][0]["parts"][0]["text"] == "What is the capital of France?");
        QVERIFY(sent["generationConfig"]["temperature"] == 0);

        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].httpStatus, 200);
        QCOMPARE(records[0].provider, QStringLiteral("google"));
        QCOMPARE(records[0].model, QStringLiteral("gemini-2.5-pro"));
        QCOMPARE(records[0].inputTokens, 15);
        QCOMPARE(records[0].outputTokens, 283);
        QVERIFY(!records[0].stream);
    }

    void streaming_textRelayedAsChunksWithUsageOnce()
    {
        m_mock->addRoute("POST", "/v1beta/models/gemini-2.0-flash-exp:streamGenerateContent?alt=sse",
                         fixture(QStringLiteral("gemini/streamGenerateContent-text.response.sse")));
        const auto r = post(kStream);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        const auto events = sseData(r.body);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last(), QByteArray("[DONE]"));
        QString text;
        QString finish;
        int usageChunks = 0;
        for (qsizetype i = 0; i + 1 < events.size(); ++i) {
            auto chunk = json(events[i]);
            QVERIFY2(chunk["object"] == "chat.completion.chunk", events[i].constData());
            if (chunk.contains("usage") && chunk["usage"].is_object()) {
                ++usageChunks;
                QVERIFY(chunk["usage"]["prompt_tokens"] == 13); // the last cumulative report
                QVERIFY(chunk["usage"]["completion_tokens"] == 8);
            }
            if (!chunk["choices"].is_array() || chunk["choices"].empty())
                continue;
            text += str(chunk["choices"][0]["delta"]["content"]);
            if (chunk["choices"][0]["finish_reason"].is_string())
                finish = str(chunk["choices"][0]["finish_reason"]);
        }
        QCOMPARE(text, QStringLiteral("The capital of France is Paris.\n"));
        QCOMPARE(finish, QStringLiteral("stop"));
        QCOMPARE(usageChunks, 1);
        QCOMPARE(m_mock->lastRequest().target,
                 QByteArray("/v1beta/models/gemini-2.0-flash-exp:streamGenerateContent?alt=sse"));

        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QVERIFY(records[0].stream);
        QCOMPARE(records[0].inputTokens, 13);
        QCOMPARE(records[0].outputTokens, 8);
        QVERIFY(records[0].timeToFirstTokenMs.has_value());
    }

    void streaming_functionCallBecomesOpenAiToolCall()
    {
        m_mock->addRoute("POST", "/v1beta/models/gemini-3-pro-preview:streamGenerateContent?alt=sse",
                         fixture(QStringLiteral("gemini/streamGenerateContent-functioncall-turn1.response.sse")));
        const auto r = post(kToolStream);
        QCOMPARE(r.status, 200);
        const StreamedToolCall call = streamedToolCall(r.body);
        QCOMPARE(call.id, QStringLiteral("call_0"));
        QCOMPARE(call.name, QStringLiteral("get_country"));
        QCOMPARE(call.arguments, QStringLiteral("{}"));
        QCOMPARE(call.finishReason, QStringLiteral("tool_calls"));
        const auto sent = json(m_mock->lastRequest().body);
        QVERIFY(sent["tools"][0]["functionDeclarations"][0]["name"] == "get_country");
        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].inputTokens, 29);
        QCOMPARE(records[0].outputTokens, 212); // 10 + 202 thinking
    }

    void thoughtSignature_reachesTheClient_andGoesBackOnTheFunctionCall()
    {
        m_mock->addRoute("POST", "/v1beta/models/gemini-3-pro-preview:streamGenerateContent?alt=sse",
                         fixture(QStringLiteral("gemini/streamGenerateContent-functioncall-turn1.response.sse")));
        const auto r = post(kToolStream);
        QCOMPARE(r.status, 200);
        nlohmann::json call;
        for (const QByteArray &data : sseData(r.body)) {
            auto chunk = json(data);
            if (chunk.is_object() && chunk["choices"].is_array() && !chunk["choices"].empty()
                && chunk["choices"][0]["delta"].contains("tool_calls"))
                call = chunk["choices"][0]["delta"]["tool_calls"][0];
        }
        // Where Gemini's own OpenAI-compatible API puts it.
        QVERIFY2(call.contains("extra_content"), call.dump().c_str());
        const std::string signature = call["extra_content"]["google"].value("thought_signature", std::string());
        QVERIFY(!signature.empty());
        auto golden = json(MockResponse::fromFixture(
                                     QStringLiteral("gemini/streamGenerateContent-functioncall-turn2.request.json"))
                                     ->body());
        // The recorded turn 2 sent the same bytes (its SDK re-encoded them as base64url); the hub sends them back
        // exactly as Gemini gave them.
        const std::string recorded = golden["contents"][1]["parts"][0]["thoughtSignature"];
        QCOMPARE(QByteArray::fromBase64(QByteArray::fromStdString(recorded), QByteArray::Base64UrlEncoding),
                 QByteArray::fromBase64(QByteArray::fromStdString(signature)));

        // Turn 2 as an OpenAI client sends it: the tool call as received, then the tool's answer.
        nlohmann::json next = json(kToolStream);
        call.erase("index");
        call["type"] = "function";
        next["messages"].push_back({ { "role", "assistant" }, { "content", nullptr },
                                     { "tool_calls", nlohmann::json::array({ call }) } });
        next["messages"].push_back({ { "role", "tool" }, { "tool_call_id", "call_0" },
                                     { "content", R"({"return_value":"Mexico"})" } });
        m_mock->addRoute("POST", "/v1beta/models/gemini-3-pro-preview:streamGenerateContent?alt=sse",
                         fixture(QStringLiteral("gemini/streamGenerateContent-functioncall-turn2.response.sse")));
        QCOMPARE(post(QByteArray::fromStdString(next.dump())).status, 200);
        auto sent = json(m_mock->lastRequest().body);
        QVERIFY2(sent["contents"][1]["parts"][0]["thoughtSignature"] == signature, sent.dump().c_str());
        QVERIFY(sent["contents"][1]["parts"][0]["functionCall"]["name"] == "get_country");
        QVERIFY(sent["contents"][2]["parts"][0]["functionResponse"]["response"]["return_value"] == "Mexico");
    }

    void badKey_answered400ByGemini_is401AndNamesTheKey()
    {
        m_mock->addRoute("POST", "/v1beta/models/gemini-2.5-pro:generateContent",
                         MockResponse::fromFixture(QStringLiteral("gemini/error-400-api-key-invalid.json"))
                             ->setStatus(400));
        const auto r = post(kChat);
        QCOMPARE(r.status, 401);
        QVERIFY2(r.body.contains("Check the key for \\\"google\\\""), r.body.constData());
        QVERIFY2(r.body.contains("API key not valid"), r.body.constData());
    }

    void quotaExhausted_is429()
    {
        m_mock->addRoute("POST", "/v1beta/models/gemini-2.5-pro:generateContent",
                         MockResponse::fromFixture(QStringLiteral("gemini/error-429-resource-exhausted.json"))
                             ->setStatus(429));
        const auto r = post(kChat);
        QCOMPARE(r.status, 429);
        QVERIFY2(r.body.contains("Google Gemini"), r.body.constData());
        QCOMPARE(m_hub->usageRecords().value(0).httpStatus, 429);
    }

    void unknownModel_is404()
    {
        m_mock->addRoute("POST", "/v1beta/models/gemini-2.5-pro:generateContent",
                         fixture(QStringLiteral("gemini/error-404-model-not-found.http")));
        const auto r = post(kChat);
        QCOMPARE(r.status, 404);
        QVERIFY2(r.body.contains("does not offer this model"), r.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestE2eGemini)
#include "tst_e2e_gemini.moc"
