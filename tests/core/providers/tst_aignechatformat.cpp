// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/aignechatformat.h"
#include "core/providers/aignestreamencoder.h"

#include <QFile>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Providers;
using Json = nlohmann::ordered_json;

namespace {
Json requestJson(const QString &name)
{
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/requests/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(f.fileName()));
    return Json::parse(f.readAll().toStdString());
}

Json parse(const QByteArray &text) { return Json::parse(text.toStdString()); }
Json parse(const char *text) { return Json::parse(text); }
} // namespace

class TestAigneChatFormat final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseInvoke_richBody_fillsEveryField()
    {
        auto invoke = AigneChatFormat::parseInvoke(requestJson(QStringLiteral("aigne-invoke-rich.json")));
        QVERIFY2(invoke.has_value(), invoke ? "" : qPrintable(invoke.error().message));
        const ChatRequest &r = invoke->request;
        QVERIFY(invoke->stream);
        QVERIFY(r.stream);
        QCOMPARE(r.model, QStringLiteral("openai/gpt-4o-mini"));
        QCOMPARE(r.messages.size(), 5);
        QCOMPARE(r.messages[0].role, ChatMessage::Role::System);
        QCOMPARE(r.messages[1].content.size(), 3);
        QCOMPARE(r.messages[1].content[1].type, ContentPart::Type::Image);
        QCOMPARE(r.messages[1].content[1].imageUrl, QStringLiteral("https://example.com/cat.png"));
        QCOMPARE(r.messages[1].content[2].imageData, QByteArray::fromBase64("iVBORw0KGgo="));
        QCOMPARE(r.messages[1].content[2].mimeType, QStringLiteral("image/png"));
        QCOMPARE(r.messages[2].role, ChatMessage::Role::Assistant); // "agent"
        QCOMPARE(r.messages[2].toolCalls.size(), 1);
        QCOMPARE(r.messages[2].toolCalls[0].name, QStringLiteral("get_weather"));
        // Object arguments become the JSON text the neutral model carries.
        QVERIFY(parse(r.messages[2].toolCalls[0].arguments.toUtf8()) == parse(R"({"city":"Paris","days":2})"));
        QCOMPARE(r.messages[3].role, ChatMessage::Role::Tool);
        QCOMPARE(r.messages[3].toolCallId, QStringLiteral("call_1"));
        QCOMPARE(r.messages[3].text(), QStringLiteral("{\"temp\":21}"));
        QCOMPARE(r.temperature, 0.3);
        QCOMPARE(r.topP, 0.9);
        QCOMPARE(r.presencePenalty, 0.1);
        QCOMPARE(r.frequencyPenalty, 0.2);
        QCOMPARE(r.reasoningEffort, QStringLiteral("minimal"));
        QVERIFY(!r.parallelToolCalls);
        QCOMPARE(r.tools.size(), 1);
        QVERIFY(parse(r.tools[0].parameters)["required"][0] == "city");
        QVERIFY(r.toolChoice.has_value());
        QCOMPARE(r.toolChoice->mode, ToolChoice::Mode::Named);
        QCOMPARE(r.toolChoice->name, QStringLiteral("get_weather"));
        QCOMPARE(r.responseFormat.type, ResponseFormat::Type::JsonSchema);
        QCOMPARE(r.responseFormat.name, QStringLiteral("answer"));
        QVERIFY(r.responseFormat.strict);
    }

    void parseInvoke_modelFallbacks_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("model");
        QTest::newRow("modelOptions") << QByteArray(R"({"model":"b/x","input":{"model":"c/x","modelOptions":{"model":"a/x"},"messages":[{"role":"user","content":"hi"}]}})") << QStringLiteral("a/x");
        QTest::newRow("body.model") << QByteArray(R"({"model":"b/x","input":{"model":"c/x","messages":[{"role":"user","content":"hi"}]}})") << QStringLiteral("b/x");
        QTest::newRow("input.model") << QByteArray(R"({"input":{"model":"c/x","messages":[{"role":"user","content":"hi"}]}})") << QStringLiteral("c/x");
        QTest::newRow("default") << QByteArray(R"({"input":{"messages":[{"role":"user","content":"hi"}]}})") << QStringLiteral("openai/gpt-5-mini");
    }
    void parseInvoke_modelFallbacks()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, model);
        auto invoke = AigneChatFormat::parseInvoke(parse(body));
        QVERIFY(invoke.has_value());
        QCOMPARE(invoke->request.model, model);
        QVERIFY(!invoke->stream);
    }

    void parseInvoke_badInput_isInvalidArgumentNamingTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("array body") << QByteArray("[]") << QStringLiteral("JSON object");
        QTest::newRow("no input") << QByteArray(R"({"messages":[]})") << QStringLiteral("\"input\"");
        QTest::newRow("no messages") << QByteArray(R"({"input":{}})") << QStringLiteral("input.messages");
        QTest::newRow("empty messages") << QByteArray(R"({"input":{"messages":[]}})") << QStringLiteral("input.messages");
        QTest::newRow("assistant role") << QByteArray(R"({"input":{"messages":[{"role":"assistant","content":"x"}]}})") << QStringLiteral("\"agent\"");
        QTest::newRow("tool without id") << QByteArray(R"({"input":{"messages":[{"role":"tool","content":"x"}]}})") << QStringLiteral("toolCallId");
        QTest::newRow("local file") << QByteArray(R"({"input":{"messages":[{"role":"user","content":[{"type":"local","path":"/tmp/a.png"}]}]}})") << QStringLiteral("local");
        QTest::newRow("bad base64") << QByteArray(R"({"input":{"messages":[{"role":"user","content":[{"type":"file","data":"@@@"}]}]}})") << QStringLiteral("base64");
        QTest::newRow("temperature string") << QByteArray(R"({"input":{"messages":[{"role":"user","content":"x"}],"modelOptions":{"temperature":"hot"}}})") << QStringLiteral("temperature");
        QTest::newRow("toolChoice unknown") << QByteArray(R"({"input":{"messages":[{"role":"user","content":"x"}],"toolChoice":"sometimes"}})") << QStringLiteral("toolChoice");
        QTest::newRow("tool without name") << QByteArray(R"({"input":{"messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{}}]}})") << QStringLiteral("function.name");
        QTest::newRow("schema missing") << QByteArray(R"({"input":{"messages":[{"role":"user","content":"x"}],"responseFormat":{"type":"json_schema","jsonSchema":{"name":"a"}}}})") << QStringLiteral("schema");
        QTest::newRow("streaming string") << QByteArray(R"({"input":{"messages":[{"role":"user","content":"x"}]},"options":{"streaming":"yes"}})") << QStringLiteral("options.streaming");
    }
    void parseInvoke_badInput_isInvalidArgumentNamingTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        auto invoke = AigneChatFormat::parseInvoke(parse(body));
        QVERIFY(!invoke.has_value());
        QCOMPARE(invoke.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(invoke.error().message.contains(mentions), qPrintable(invoke.error().message));
    }

    void encodeOutput_textToolCallsUsageAndProvider()
    {
        ChatResult r;
        r.model = QStringLiteral("gpt-5-mini-2025-08-07");
        r.text = QStringLiteral("Hello world!");
        r.reasoning = QStringLiteral("thinking");
        r.toolCalls.append(ToolCall { QStringLiteral("call_9"), QStringLiteral("f"), QStringLiteral("{\"a\":1}"), {} });
        r.usage.inputTokens = 10;
        r.usage.outputTokens = 5;
        r.usage.cacheReadTokens = 3;
        AigneOutputExtras extras { QStringLiteral("req_1"), 0.25, QStringLiteral("$"), QStringLiteral("openai/gpt-5-mini") };
        const Json out = AigneChatFormat::encodeOutput(r, ResponseFormat {}, extras);
        QVERIFY(out["text"] == "Hello world!");
        QVERIFY(out["thoughts"] == "thinking");
        QVERIFY(out["toolCalls"][0]["function"]["arguments"] == parse(R"({"a":1})")); // an object, not a string
        QVERIFY(out["toolCalls"][0]["type"] == "function");
        QVERIFY(out["model"] == "gpt-5-mini-2025-08-07");
        QVERIFY(out["usage"]["inputTokens"] == 10);
        QVERIFY(out["usage"]["outputTokens"] == 5);
        QVERIFY(out["usage"]["cacheReadInputTokens"] == 3);
        QVERIFY(!out["usage"].contains("cacheCreationInputTokens")); // not reported, not invented
        QVERIFY(out["usage"]["aigneHubCredits"] == 0.25);
        QVERIFY(out["usage"]["creditPrefix"] == "$");
        QVERIFY(out["usage"]["modelCallId"] == "req_1");
        QVERIFY(out["modelWithProvider"] == "openai/gpt-5-mini");
    }

    void encodeOutput_jsonFormat_parsesTheText()
    {
        ChatResult r;
        r.text = QStringLiteral("{\"answer\":42}");
        ResponseFormat format;
        format.type = ResponseFormat::Type::JsonObject;
        const Json out = AigneChatFormat::encodeOutput(r, format, {});
        QVERIFY(out["json"]["answer"] == 42);
        QVERIFY(!out.contains("text"));
        r.text = QStringLiteral("not json");
        const Json fallback = AigneChatFormat::encodeOutput(r, format, {});
        QVERIFY(fallback["text"] == "not json"); // nothing is lost when the model ignored the format
        QVERIFY(!fallback.contains("json"));
    }

    void streamEncoder_textThenUsageThenFullOutput()
    {
        AigneStreamEncoder encoder { ResponseFormat {} };
        QList<QByteArray> chunks;
        chunks += encoder.encode(ChatEvent::start(QStringLiteral("id"), QStringLiteral("gpt-5-mini")));
        chunks += encoder.encode(ChatEvent::textDelta(QStringLiteral("Hel")));
        chunks += encoder.encode(ChatEvent::reasoningDelta(QStringLiteral("hmm")));
        chunks += encoder.encode(ChatEvent::textDelta(QStringLiteral("lo")));
        chunks += encoder.encode(ChatEvent::textDelta(QStringLiteral("x"), 1)); // a second choice is dropped
        chunks += encoder.encode(ChatEvent::finish(QStringLiteral("stop")));
        TokenUsage usage;
        usage.inputTokens = 7;
        usage.outputTokens = 2;
        chunks += encoder.finish(usage, AigneOutputExtras { QStringLiteral("req_2"), 0, {}, QStringLiteral("openai/gpt-5-mini") });
        QCOMPARE(chunks.size(), 6);
        QCOMPARE(chunks[0], QByteArray(R"({"delta":{"json":{"model":"gpt-5-mini"}}})"));
        QCOMPARE(chunks[1], QByteArray(R"({"delta":{"text":{"text":"Hel"}}})"));
        QCOMPARE(chunks[2], QByteArray(R"({"delta":{"text":{"thoughts":"hmm"}}})"));
        QCOMPARE(chunks[3], QByteArray(R"({"delta":{"text":{"text":"lo"}}})"));
        QCOMPARE(chunks[4], QByteArray(R"({"delta":{"json":{"usage":{"inputTokens":7,"outputTokens":2}}}})"));
        const Json last = parse(chunks[5]);
        QVERIFY(last["delta"]["json"]["text"] == "Hello");
        QVERIFY(last["delta"]["json"]["thoughts"] == "hmm");
        QVERIFY(last["delta"]["json"]["usage"]["modelCallId"] == "req_2");
        QVERIFY(last["delta"]["json"]["usage"]["aigneHubCredits"] == 0);
        QVERIFY(last["delta"]["json"]["usage"]["creditPrefix"] == "");
        QVERIFY(last["delta"]["json"]["modelWithProvider"] == "openai/gpt-5-mini");
    }

    void streamEncoder_toolCallsAssembledAndJsonModeHoldsTextBack()
    {
        ResponseFormat format;
        format.type = ResponseFormat::Type::JsonObject;
        AigneStreamEncoder encoder { format };
        QList<QByteArray> chunks;
        chunks += encoder.encode(ChatEvent::textDelta(QStringLiteral("{\"a\":")));
        chunks += encoder.encode(ChatEvent::textDelta(QStringLiteral("1}")));
        chunks += encoder.encode(ChatEvent::toolCallDelta(ToolCallDelta { 0, QStringLiteral("c1"), QStringLiteral("f"), QStringLiteral("{\"x\""), {} }));
        chunks += encoder.encode(ChatEvent::toolCallDelta(ToolCallDelta { 0, {}, {}, QStringLiteral(":2}"), {} }));
        QVERIFY(chunks.isEmpty()); // JSON text and tool calls only arrive whole, at the end
        chunks += encoder.finish(TokenUsage {}, AigneOutputExtras {});
        QCOMPARE(chunks.size(), 3);
        QVERIFY(parse(chunks[0])["delta"]["json"]["usage"]["inputTokens"] == 0);
        const Json middle = parse(chunks[1]);
        QVERIFY(middle["delta"]["json"]["json"]["a"] == 1);
        QVERIFY(middle["delta"]["json"]["toolCalls"][0]["id"] == "c1");
        QVERIFY(middle["delta"]["json"]["toolCalls"][0]["function"]["arguments"]["x"] == 2);
        QVERIFY(!parse(chunks[2])["delta"]["json"].contains("text"));
        for (const QByteArray &c : chunks)
            QVERIFY(!c.contains("[DONE]"));
    }
};

QTEST_GUILESS_MAIN(TestAigneChatFormat)
#include "tst_aignechatformat.moc"
