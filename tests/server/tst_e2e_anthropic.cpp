// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Anthropic end to end: a client speaks OpenAI's /v1/chat/completions to the real server, which relays to a mock
// Anthropic (POST /v1/messages) serving recorded payloads (tests/data/fixtures/anthropic).
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/e2ehelpers.h"
#include "tests/support/rawhttpclient.h"
#include "tests/support/testhub.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace Qt::StringLiterals;
using namespace AiHub::Testing;
using Providers::ProviderKind;

namespace {
// The quoted word goes in afterwards: moc misreads an escaped quote inside a raw string.
const QByteArray kToolChat = R"({"model":"anthropic/claude-opus-4-8","max_tokens":1000,
  "messages":[{"role":"system","content":"Be brief."},
              {"role":"user","content":"Use the test_tool with value TEST, then provide a final response"}],
  "tools":[{"type":"function","function":{"name":"test_tool","description":"A test tool",
            "parameters":{"type":"object","properties":{"value":{"type":"string"}},"required":["value"]}}}]})"_ba.replace("TEST", "\\\"test\\\"");
const QByteArray kStream = R"({"model":"anthropic/claude-sonnet-4-20250514","stream":true,"stream_options":{"include_usage":true},
  "messages":[{"role":"user","content":"What is the weather in Paris?"}]})";




} // namespace

class TestE2eAnthropic final : public QObject {
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
        m_hub->addProvider(ProviderKind::Anthropic, QStringLiteral("anthropic"), m_mock->url(QString()),
                           QStringLiteral("sk-ant-upstream"));
        m_key = m_hub->createKey(QStringLiteral("tester"));
        m_port = m_hub->startServer();
    }
    void cleanup()
    {
        m_hub.reset();
        m_mock.reset();
    }

    void nonStreaming_toolUseAnswerInOpenAiShapeAndUsageRecorded()
    {
        m_mock->addRoute("POST", "/v1/messages", fixture(QStringLiteral("anthropic/messages-tool-use.response.http")));
        const auto r = post(kToolChat);
        QCOMPARE(r.status, 200);
        auto body = json(r.body);
        QVERIFY2(body["object"] == "chat.completion", r.body.constData());
        const auto &message = body["choices"][0]["message"];
        QCOMPARE(str(message["content"]),
                 QStringLiteral("I'll use the test_tool with the value \"test\" as requested, then provide a final response."));
        QCOMPARE(str(message["tool_calls"][0]["id"]), QStringLiteral("toolu_011LF2VkWpAfJnTKJcmh1PNf"));
        QCOMPARE(str(message["tool_calls"][0]["function"]["name"]), QStringLiteral("test_tool"));
        QVERIFY(json(str(message["tool_calls"][0]["function"]["arguments"]).toUtf8()) == json(R"({"value":"test"})"));
        QVERIFY(body["choices"][0]["finish_reason"] == "tool_calls");
        QVERIFY(body["usage"]["completion_tokens"] == 76);

        // What went upstream: Anthropic's path, headers and body form, with the provider's own model name.
        const RecordedRequest up = m_mock->lastRequest();
        QCOMPARE(up.path, QByteArray("/v1/messages"));
        QCOMPARE(up.header("x-api-key"), QByteArray("sk-ant-upstream"));
        QCOMPARE(up.header("anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(!up.hasHeader("authorization"));
        QVERIFY(!up.body.contains(m_key));
        const auto sent = json(up.body);
        QVERIFY(sent["model"] == "claude-opus-4-8");
        QVERIFY(sent["max_tokens"] == 1000);
        QVERIFY(sent["system"] == "Be brief.");
        QVERIFY(sent["stream"] == false);
        QCOMPARE(sent["messages"].size(), size_t(1));
        QVERIFY(sent["messages"][0]["role"] == "user");
        QVERIFY(sent["tools"][0]["name"] == "test_tool");
        QVERIFY(sent["tools"][0]["input_schema"]["required"][0] == "value");

        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].httpStatus, 200);
        QCOMPARE(records[0].provider, QStringLiteral("anthropic"));
        QCOMPARE(records[0].model, QStringLiteral("claude-opus-4-8"));
        QCOMPARE(records[0].inputTokens, 415);
        QCOMPARE(records[0].outputTokens, 76);
        QCOMPARE(records[0].cacheReadTokens, 0);
        QCOMPARE(records[0].cacheWriteTokens, 0);
        QVERIFY(!records[0].stream);
    }

    void streaming_toolUseStreamRelayedAsOpenAiChunksWithUsageOnce()
    {
        m_mock->addRoute("POST", "/v1/messages", fixture(QStringLiteral("anthropic/messages-stream-tool-use.sse")));
        const auto r = post(kStream);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        const auto events = sseData(r.body);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last(), QByteArray("[DONE]"));
        QString text;
        QString arguments;
        QString toolId;
        QString toolName;
        QString finish;
        int usageChunks = 0;
        for (qsizetype i = 0; i + 1 < events.size(); ++i) {
            auto chunk = json(events[i]);
            QVERIFY2(chunk["object"] == "chat.completion.chunk", events[i].constData());
            if (chunk.contains("usage") && chunk["usage"].is_object()) {
                ++usageChunks;
                QVERIFY(chunk["usage"]["completion_tokens"] == 65);
            }
            if (!chunk["choices"].is_array() || chunk["choices"].empty())
                continue;
            auto &choice = chunk["choices"][0];
            text += str(choice["delta"]["content"]);
            if (choice["delta"].contains("tool_calls")) {
                auto &call = choice["delta"]["tool_calls"][0];
                QVERIFY(call["index"] == 0);
                if (call.contains("id"))
                    toolId += str(call["id"]);
                if (call.contains("function")) {
                    toolName += str(call["function"]["name"]);
                    arguments += str(call["function"]["arguments"]);
                }
            }
            if (choice["finish_reason"].is_string())
                finish = str(choice["finish_reason"]);
        }
        QCOMPARE(text, QStringLiteral("I'll check the current weather in Paris for you."));
        QCOMPARE(toolId, QStringLiteral("toolu_01NRLabsLyVHZPKxbKvkfSMn"));
        QCOMPARE(toolName, QStringLiteral("get_weather"));
        QVERIFY(json(arguments.toUtf8()) == json(R"({"location":"Paris"})"));
        QCOMPARE(finish, QStringLiteral("tool_calls"));
        QCOMPARE(usageChunks, 1);

        const auto sent = json(m_mock->lastRequest().body);
        QVERIFY(sent["stream"] == true);
        QVERIFY(sent["model"] == "claude-sonnet-4-20250514");
        QVERIFY(sent["max_tokens"] == 4096); // the client gave none; Anthropic requires one

        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QVERIFY(records[0].stream);
        QCOMPARE(records[0].inputTokens, 377); // from message_start
        QCOMPARE(records[0].outputTokens, 65); // the cumulative count of message_delta, counted once
        QCOMPARE(records[0].cacheReadTokens, 0);
        QCOMPARE(records[0].cacheWriteTokens, 0);
        QVERIFY(records[0].timeToFirstTokenMs.has_value());
    }

    void streaming_thinkingAndTextRelayed()
    {
        m_mock->addRoute("POST", "/v1/messages",
                         fixture(QStringLiteral("anthropic/messages-stream-extended-thinking.sse")));
        const auto r = post(kStream);
        QCOMPARE(r.status, 200);
        QString text;
        for (const QByteArray &data : sseData(r.body)) {
            auto chunk = json(data);
            if (chunk.is_object() && chunk["choices"].is_array() && !chunk["choices"].empty())
                text += str(chunk["choices"][0]["delta"]["content"]);
        }
        QVERIFY(text.startsWith(QStringLiteral("In popular fiction, the most famous answer")));
        QVERIFY(!text.contains(QStringLiteral("The question is asking"))); // reasoning is not answer text
        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].inputTokens, 50);
        QCOMPARE(records[0].outputTokens, 452);
    }

    void thinkingSignature_reachesTheClient_andGoesBackToAnthropicNextTurn()
    {
        m_mock->addRoute("POST", "/v1/messages",
                         fixture(QStringLiteral("anthropic/messages-stream-extended-thinking.sse")));
        const auto r = post(kStream);
        QCOMPARE(r.status, 200);
        QString reasoning;
        std::string signature;
        for (const QByteArray &data : sseData(r.body)) {
            auto chunk = json(data);
            if (!chunk.is_object() || !chunk["choices"].is_array() || chunk["choices"].empty())
                continue;
            const auto delta = chunk["choices"][0].value("delta", nlohmann::json::object());
            reasoning += str(delta.value("reasoning_content", nlohmann::json()));
            for (const auto &block : delta.value("thinking_blocks", nlohmann::json::array())) // LiteLLM's convention
                signature += block.value("signature", std::string());
        }
        QVERIFY(reasoning.startsWith(QStringLiteral("The question is asking")));
        QVERIFY2(QByteArray::fromStdString(signature).startsWith("ErUBCkYIARgC"), signature.c_str());

        // The client replays the turn with the block; Anthropic receives it signed, before the next user turn.
        nlohmann::json next = json(kStream);
        next["stream"] = false;
        next.erase("stream_options");
        nlohmann::json assistant { { "role", "assistant" }, { "content", "42." } };
        assistant["thinking_blocks"] = nlohmann::json::array(
            { { { "type", "thinking" }, { "thinking", reasoning.toStdString() }, { "signature", signature } } });
        next["messages"].push_back(assistant);
        next["messages"].push_back({ { "role", "user" }, { "content", "Why?" } });
        m_mock->addRoute("POST", "/v1/messages", fixture(QStringLiteral("anthropic/messages-tool-use.response.http")));
        QCOMPARE(post(QByteArray::fromStdString(next.dump())).status, 200);
        auto sent = json(m_mock->lastRequest().body);
        auto block = sent["messages"][1]["content"][0];
        QVERIFY2(block["type"] == "thinking", sent.dump().c_str());
        QVERIFY(block["signature"] == signature);
        QVERIFY(block["thinking"] == reasoning.toStdString());
    }

    void interleavedThinking_streamed_clientRebuildsEveryBlock_andAnthropicGetsThemBackInOrder()
    {
        // A composed stream (tests/data/thinking/README.md): thinking -> tool_use -> redacted_thinking ->
        // thinking -> tool_use. The client rebuilds the blocks as documented in OpenAiChunkEncoder: each
        // thinking_blocks entry closes one block, whose text is the reasoning_content since the previous entry.
        m_mock->addRoute("POST", "/v1/messages",
                         fixture(QStringLiteral(AIHUB_TEST_DATA_DIR "/thinking/anthropic-stream-interleaved-thinking.sse")));
        const auto r = post(kStream);
        QCOMPARE(r.status, 200);
        std::string open;
        nlohmann::json blocks = nlohmann::json::array();
        nlohmann::json calls = nlohmann::json::array();
        for (const QByteArray &data : sseData(r.body)) {
            auto chunk = json(data);
            if (!chunk.is_object() || !chunk["choices"].is_array() || chunk["choices"].empty())
                continue;
            const auto delta = chunk["choices"][0].value("delta", nlohmann::json::object());
            open += delta.value("reasoning_content", std::string());
            for (const auto &block : delta.value("thinking_blocks", nlohmann::json::array())) {
                if (block.value("type", std::string()) == "redacted_thinking") {
                    blocks.push_back(block);
                } else {
                    blocks.push_back({ { "type", "thinking" }, { "thinking", open },
                                       { "signature", block.value("signature", std::string()) } });
                    open.clear();
                }
            }
            for (const auto &call : delta.value("tool_calls", nlohmann::json::array())) {
                const std::size_t index = call.value("index", 0);
                while (calls.size() <= index)
                    calls.push_back({ { "type", "function" }, { "function", { { "arguments", "" } } } });
                if (call.contains("id"))
                    calls[index]["id"] = call["id"];
                const auto fn = call.value("function", nlohmann::json::object());
                if (fn.contains("name"))
                    calls[index]["function"]["name"] = fn["name"];
                calls[index]["function"]["arguments"] = calls[index]["function"]["arguments"].get<std::string>()
                    + fn.value("arguments", std::string());
            }
        }
        QVERIFY(open.empty());
        QCOMPARE(blocks.size(), std::size_t(3));
        QCOMPARE(calls.size(), std::size_t(2));

        nlohmann::json next = json(kStream);
        next["stream"] = false;
        next.erase("stream_options");
        next["messages"].push_back({ { "role", "assistant" }, { "content", nullptr }, { "thinking_blocks", blocks },
                                     { "tool_calls", calls } });
        next["messages"].push_back({ { "role", "tool" }, { "tool_call_id", calls[0]["id"] }, { "content", "15 C" } });
        next["messages"].push_back({ { "role", "tool" }, { "tool_call_id", calls[1]["id"] }, { "content", "21 C" } });
        m_mock->addRoute("POST", "/v1/messages", fixture(QStringLiteral("anthropic/messages-tool-use.response.http")));
        QCOMPARE(post(QByteArray::fromStdString(next.dump())).status, 200);
        const auto sent = json(m_mock->lastRequest().body);
        const nlohmann::json expected = json(R"([
            {"type":"thinking","thinking":"I will look up Paris first.","signature":"EqQBCkYIARgCIkBYtKGMxQ2wKpJ7wQmNnLWmP1sA"},
            {"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP"},
            {"type":"thinking","thinking":"Now Rome.","signature":"ErUBCkYIARgCIkCMkRFgNNhwET9y5IN2hGVaMO"},
            {"type":"tool_use","id":"toolu_01A","name":"get_weather","input":{"city":"Paris"}},
            {"type":"tool_use","id":"toolu_01B","name":"get_weather","input":{"city":"Rome"}}])");
        QVERIFY2(sent["messages"][1]["content"] == expected, sent.dump().c_str());
        QVERIFY(sent["messages"][2]["content"][1]["tool_use_id"] == "toolu_01B");
    }

    void interleavedThinking_nonStreamed_everyBlockInTheMessage()
    {
        m_mock->addRoute("POST", "/v1/messages",
                         fixture(QStringLiteral(AIHUB_TEST_DATA_DIR "/thinking/anthropic-interleaved-thinking.response.json")));
        nlohmann::json request = json(kStream);
        request["stream"] = false;
        request.erase("stream_options");
        const auto r = post(QByteArray::fromStdString(request.dump()));
        QCOMPARE(r.status, 200);
        const auto message = json(r.body)["choices"][0]["message"];
        const nlohmann::json expected = json(R"([
            {"type":"thinking","thinking":"I will look up Paris first.","signature":"EqQBCkYIARgCIkBYtKGMxQ2wKpJ7wQmNnLWmP1sA"},
            {"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP"},
            {"type":"thinking","thinking":"Now Rome.","signature":"ErUBCkYIARgCIkCMkRFgNNhwET9y5IN2hGVaMO"}])");
        QVERIFY2(message["thinking_blocks"] == expected, r.body.constData());
        QVERIFY(message["reasoning_content"] == "I will look up Paris first.Now Rome.");
        QCOMPARE(message["tool_calls"].size(), std::size_t(2));
    }

    void streaming_midStreamError_endsTheStreamAndStillCountsTheInput()
    {
        // As recorded (fixture README): an error event after 200 OK, no message_stop.
        m_mock->addRoute("POST", "/v1/messages",
                         MockResponse::stream(200, "text/event-stream",
                                              { "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-x\",\"usage\":{\"input_tokens\":20,\"output_tokens\":1}}}\n\n",
                                                "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n",
                                                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Par\"}}\n\n",
                                                "event: error\ndata: {\"type\": \"error\", \"error\": {\"type\": \"api_error\", \"message\": \"Overloaded\"}}\n\n" }));
        const auto r = post(kStream);
        QCOMPARE(r.status, 200); // the answer had begun
        QVERIFY2(r.body.contains("Par"), r.body.constData());
        QVERIFY2(r.body.contains("Overloaded"), r.body.constData());
        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].inputTokens, 20);
        QCOMPARE(records[0].errorCode, QStringLiteral("upstream_unavailable"));
    }

    void upstreamNotFound_isMappedAndNamesAnthropic()
    {
        m_mock->addRoute("POST", "/v1/messages", fixture(QStringLiteral("anthropic/error-404-not-found.http")));
        const auto r = post(kToolChat);
        QCOMPARE(r.status, 404);
        QVERIFY2(r.body.contains("Anthropic"), r.body.constData());
        QVERIFY2(r.body.contains("claude-does-not-exist"), r.body.constData());
        QCOMPARE(m_hub->usageRecords().value(0).httpStatus, 404);
    }

    void upstreamBadKey_is401AndSaysWhichProviderKey()
    {
        m_mock->addRoute("POST", "/v1/messages",
                         MockResponse::json(401, R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_1"})"));
        const auto r = post(kStream);
        QCOMPARE(r.status, 401);
        QVERIFY2(r.body.contains("Check the key for \\\"anthropic\\\""), r.body.constData());
    }

    void jsonSchemaResponseFormat_rejectedBeforeCallingAnthropic()
    {
        const auto r = post(R"({"model":"anthropic/claude-x","messages":[{"role":"user","content":"Hi"}],
            "response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"object"}}}})");
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains("json_schema"), r.body.constData());
        QCOMPARE(m_mock->requestsReceived(), 0u);
    }
};

QTEST_GUILESS_MAIN(TestE2eAnthropic)
#include "tst_e2e_anthropic.moc"
