// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Ollama end to end: a client speaks OpenAI's /v1/chat/completions to the real server, which relays to a mock
// Ollama (POST /api/chat, NDJSON streams) serving recorded payloads (tests/data/fixtures/ollama).
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
const QByteArray kChat = R"({"model":"ollama/qwen2.5:14b","temperature":0.7,"max_tokens":200,
  "messages":[{"role":"system","content":"You are Nyx."},{"role":"user","content":"Who are you?"}]})";
const QByteArray kStream = R"({"model":"ollama/granite3-dense:8b","stream":true,"stream_options":{"include_usage":true},
  "messages":[{"role":"user","content":"Who are you?"}]})";
const QByteArray kToolStream = R"({"model":"ollama/qwen3:14b","stream":true,
  "messages":[{"role":"user","content":"Weather in Detroit, and when do the Tigers play?"}],
  "tools":[{"type":"function","function":{"name":"weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}},
           {"type":"function","function":{"name":"search","parameters":{"type":"object","properties":{"query":{"type":"string"}}}}}]})";




} // namespace

class TestE2eOllama final : public QObject {
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
        // A local Ollama needs no key.
        m_hub->addProvider(ProviderKind::Ollama, QStringLiteral("ollama"), m_mock->url(QString()), QString());
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
        m_mock->addRoute("POST", "/api/chat", fixture(QStringLiteral("ollama/api-chat.response.json")));
        const auto r = post(kChat);
        QCOMPARE(r.status, 200);
        auto body = json(r.body);
        QVERIFY2(body["object"] == "chat.completion", r.body.constData());
        QVERIFY(str(body["choices"][0]["message"]["content"]).startsWith(QStringLiteral("I am Nyx")));
        QVERIFY(body["choices"][0]["finish_reason"] == "stop");
        const auto recorded = json(MockResponse::fromFixture(QStringLiteral("ollama/api-chat.response.json"))->body());
        QVERIFY(body["usage"]["prompt_tokens"] == recorded["prompt_eval_count"]);
        QVERIFY(body["usage"]["completion_tokens"] == recorded["eval_count"]);

        const RecordedRequest up = m_mock->lastRequest();
        QCOMPARE(up.path, QByteArray("/api/chat"));
        QVERIFY(up.header("authorization").isEmpty());
        const auto sent = json(up.body);
        QVERIFY(sent["model"] == "qwen2.5:14b");
        QVERIFY(sent["stream"] == false);
        QVERIFY(sent["messages"][0]["role"] == "system");
        QVERIFY(sent["messages"][1]["content"] == "Who are you?");
        QVERIFY(sent["options"]["temperature"] == 0.7);
        QVERIFY(sent["options"]["num_predict"] == 200);

        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].httpStatus, 200);
        QCOMPARE(records[0].provider, QStringLiteral("ollama"));
        QCOMPARE(records[0].model, QStringLiteral("qwen2.5:14b"));
        QCOMPARE(records[0].inputTokens, recorded["prompt_eval_count"].get<qint64>());
        QCOMPARE(records[0].outputTokens, recorded["eval_count"].get<qint64>());
    }

    void streaming_ndjsonRelayedAsSseChunksWithUsageOnce()
    {
        m_mock->addRoute("POST", "/api/chat", fixture(QStringLiteral("ollama/api-chat-stream.ndjson")));
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
                QVERIFY(chunk["usage"]["prompt_tokens"] == 37);
                QVERIFY(chunk["usage"]["completion_tokens"] == 37);
            }
            if (!chunk["choices"].is_array() || chunk["choices"].empty())
                continue;
            text += str(chunk["choices"][0]["delta"]["content"]);
            if (chunk["choices"][0]["finish_reason"].is_string())
                finish = str(chunk["choices"][0]["finish_reason"]);
        }
        QCOMPARE(text, QStringLiteral("I am Granitets."));
        QCOMPARE(finish, QStringLiteral("stop"));
        QCOMPARE(usageChunks, 1);
        QVERIFY(json(m_mock->lastRequest().body)["stream"] == true);
        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QVERIFY(records[0].stream);
        QCOMPARE(records[0].inputTokens, 37);
        QCOMPARE(records[0].outputTokens, 37);
    }

    void streaming_toolCallsBecomeOpenAiToolCalls()
    {
        m_mock->addRoute("POST", "/api/chat", fixture(QStringLiteral("ollama/api-chat-stream-tools.ndjson")));
        const auto r = post(kToolStream);
        QCOMPARE(r.status, 200);
        QMap<int, QString> names;
        QMap<int, QString> arguments;
        QString finish;
        for (const QByteArray &data : sseData(r.body)) {
            auto chunk = json(data);
            if (!chunk.is_object() || !chunk["choices"].is_array() || chunk["choices"].empty())
                continue;
            auto &choice = chunk["choices"][0];
            if (choice["delta"].contains("tool_calls")) {
                for (const auto &call : choice["delta"]["tool_calls"]) {
                    const int index = call["index"].get<int>();
                    names[index] += str(call["function"]["name"]);
                    arguments[index] += str(call["function"]["arguments"]);
                }
            }
            if (choice["finish_reason"].is_string())
                finish = str(choice["finish_reason"]);
        }
        QCOMPARE(names.value(0), QStringLiteral("weather"));
        QCOMPARE(names.value(1), QStringLiteral("search"));
        QVERIFY(json(arguments.value(0).toUtf8()) == json(R"({"city":"Detroit"})"));
        QCOMPARE(finish, QStringLiteral("tool_calls"));
        const auto sent = json(m_mock->lastRequest().body);
        QVERIFY(sent["tools"][1]["function"]["name"] == "search");
    }

    void midStreamErrorLine_endsTheStreamWithAnError()
    {
        m_mock->addRoute("POST", "/api/chat", fixture(QStringLiteral("ollama/docs-midstream-error.ndjson")));
        const auto r = post(kStream);
        QCOMPARE(r.status, 200); // the stream had begun
        QVERIFY2(r.body.contains("an error was encountered while running the model"), r.body.constData());
        QVERIFY(!r.body.contains("[DONE]"));
        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QVERIFY(!records[0].errorCode.isEmpty());
    }

    void unknownModel_is404AndSaysToPullIt()
    {
        m_mock->addRoute("POST", "/api/chat", MockResponse::json(404, R"({"error":"model 'qwen2.5:14b' not found"})"));
        const auto r = post(kChat);
        QCOMPARE(r.status, 404);
        QVERIFY2(r.body.contains("ollama pull"), r.body.constData());
        QVERIFY2(r.body.contains("qwen2.5:14b"), r.body.constData());
    }

    void ollamaNotRunning_isUnavailable()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = probe.serverPort();
        probe.close(); // nothing listens there now
        m_hub->addProvider(ProviderKind::Ollama, QStringLiteral("offline"),
                           QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort)), QString());
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(closedPort);
        const auto r = post(R"({"model":"offline/llama3.2","messages":[{"role":"user","content":"Hi"}]})");
        QCOMPARE(r.status, 502);
        QVERIFY2(r.body.contains("refused"), r.body.constData());
        // The hint names Ollama, where the hub looked and what to do about it.
        const QString message = str(json(r.body)["error"]["message"]);
        QVERIFY2(message.contains(QStringLiteral("could not reach Ollama at ") + base), r.body.constData());
        QVERIFY2(message.contains(QStringLiteral("ollama serve")), r.body.constData());
        QVERIFY2(message.contains(QStringLiteral("base URL")), r.body.constData());

        // The same words for a streamed request and for embeddings: the hook covers every call to the provider.
        const auto streamed = post(R"({"model":"offline/llama3.2","stream":true,"messages":[{"role":"user","content":"Hi"}]})");
        QCOMPARE(streamed.status, 502);
        QVERIFY2(streamed.body.contains("ollama serve"), streamed.body.constData());
        const auto embed = RawHttpClient::request(m_port, "POST", "/v1/embeddings",
                                                  R"({"model":"offline/all-minilm","input":"Hi"})",
                                                  { { "Authorization", "Bearer " + m_key } });
        QCOMPARE(embed.status, 502);
        QVERIFY2(embed.body.contains("could not reach Ollama at"), embed.body.constData());
    }

    void ollamaAnsweringWithAnError_keepsTheProvidersWords()
    {
        // A running Ollama that answers is not "unreachable": its own error is reported, not the transport hint.
        m_mock->addRoute("POST", "/api/chat", MockResponse::json(500, R"({"error":"model runner crashed"})"));
        const auto r = post(kChat);
        QVERIFY(r.status >= 500);
        QVERIFY2(r.body.contains("model runner crashed"), r.body.constData());
        QVERIFY2(!r.body.contains("could not reach"), r.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestE2eOllama)
#include "tst_e2e_ollama.moc"
