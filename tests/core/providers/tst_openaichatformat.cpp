// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/openaichatformat.h"
#include "core/providers/openaichunkencoder.h"

#include <QFile>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Providers;
using Json = nlohmann::ordered_json;

namespace {
Json fixtureJson(const QString &path)
{
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/") + path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(path));
    QByteArray all = f.readAll();
    if (path.endsWith(QStringLiteral(".http"))) {
        const qsizetype lf = all.indexOf("\n\n");
        const qsizetype crlf = all.indexOf("\r\n\r\n");
        all = crlf >= 0 && (lf < 0 || crlf < lf) ? all.mid(crlf + 4) : all.mid(lf + 2);
    }
    return Json::parse(all.toStdString());
}
} // namespace

class TestOpenAiChatFormat final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseRequest_toolsFixture_everyFieldLands()
    {
        const Json body = fixtureJson(QStringLiteral("openai/chat-tools.request.json"));
        auto r = OpenAiChatFormat::parseRequest(body);
        QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->model, QString::fromStdString(body["model"].get<std::string>()));
        QCOMPARE(r->messages.size(), qsizetype(body["messages"].size()));
        QCOMPARE(r->tools.size(), qsizetype(body["tools"].size()));
        QVERIFY(!r->tools.first().name.isEmpty());
        QVERIFY(!r->tools.first().parameters.isEmpty());
    }
    void parseRequest_partsToolCallsAndOptions()
    {
        const Json body = fixtureJson(QStringLiteral("../requests/openai-rich-request.json"));
        auto r = OpenAiChatFormat::parseRequest(body);
        QVERIFY(r.has_value());
        QCOMPARE(r->messages.size(), 4);
        QCOMPARE(r->messages[0].role, ChatMessage::Role::System);
        QCOMPARE(r->messages[1].content.size(), 2);
        QCOMPARE(r->messages[1].content[1].type, ContentPart::Type::Image);
        QCOMPARE(r->messages[1].content[1].detail, QStringLiteral("low"));
        QCOMPARE(r->messages[2].toolCalls.first().arguments, QStringLiteral("{\"x\":1}"));
        QCOMPARE(r->messages[3].toolCallId, QStringLiteral("call_1"));
        QCOMPARE(r->maxTokens, 50);
        QCOMPARE(r->stop, QStringList { QStringLiteral("END") });
        QCOMPARE(r->seed, 7);
        QCOMPARE(r->responseFormat.type, ResponseFormat::Type::JsonSchema);
        QVERIFY(r->responseFormat.strict);
        QCOMPARE(r->toolChoice->mode, ToolChoice::Mode::Named);
        QCOMPARE(r->toolChoice->name, QStringLiteral("look"));
    }
    void parseRequest_badInput_saysWhichField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no messages") << QByteArray(R"({"model":"m"})") << "messages";
        QTest::newRow("bad role") << QByteArray(R"({"model":"m","messages":[{"role":"robot","content":"x"}]})") << "robot";
        QTest::newRow("bad part") << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"audio"}]}]})") << "audio";
        QTest::newRow("tool without id") << QByteArray(R"({"model":"m","messages":[{"role":"tool","content":"x"}]})") << "tool_call_id";
        QTest::newRow("bad max") << QByteArray(R"({"model":"m","max_tokens":0,"messages":[{"role":"user","content":"x"}]})") << "max_tokens";
        QTest::newRow("bad max_completion_tokens")
            << QByteArray(R"({"model":"m","max_completion_tokens":-3,"max_tokens":5,"messages":[{"role":"user","content":"x"}]})")
            << "max_tokens";
        QTest::newRow("not an object") << QByteArray(R"([1])") << "JSON object";
        QTest::newRow("empty messages") << QByteArray(R"({"model":"m","messages":[]})") << "messages";
        QTest::newRow("message no object") << QByteArray(R"({"model":"m","messages":["hi"]})") << "role";
        QTest::newRow("content number") << QByteArray(R"({"model":"m","messages":[{"role":"user","content":5}]})") << "content";
        QTest::newRow("image without url")
            << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{}}]}]})")
            << "url";
        QTest::newRow("tool without name")
            << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"function":{}}]})")
            << "function.name";
        QTest::newRow("stream string")
            << QByteArray(R"({"model":"m","stream":"yes","messages":[{"role":"user","content":"x"}]})") << "stream";
        // The first problem in reading order is the one reported.
        QTest::newRow("second message wrong")
            << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"x"},{"role":"tool","content":[{"type":"video"}]}]})")
            << "messages[1] has a content part";
    }
    void parseRequest_badInput_saysWhichField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        auto r = OpenAiChatFormat::parseRequest(Json::parse(body.toStdString()));
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
        // The check alone (what a relayed OpenAI body gets) refuses it with the same words.
        const Status checked = OpenAiChatFormat::checkRequest(Json::parse(body.toStdString()));
        QVERIFY(!checked.has_value());
        QCOMPARE(checked.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(checked.error().message, r.error().message);
    }
    void checkRequest_acceptsWhatParseRequestReads()
    {
        for (const char *body : { R"({"model":"m","messages":[{"role":"developer","content":null},{"role":"user","content":[{"type":"text","text":"a"},{"type":"image_url","image_url":"data:x"}]},{"role":"tool","tool_call_id":"c","content":"r"}],"stream":null,"max_tokens":2.5})",
                                  R"({"messages":[{"role":"assistant","content":"x"}],"tools":[{"function":{"name":"f"}}]})" }) {
            const Json json = Json::parse(body);
            QVERIFY(OpenAiChatFormat::checkRequest(json).has_value());
            auto r = OpenAiChatFormat::parseRequest(json);
            QVERIFY2(r.has_value(), body);
        }
    }
    void parseRequest_wrongTypedMembers_areReadAsMissing()
    {
        // Each of these made the old parser throw (value() on a non-object, or a non-boolean read as one), which
        // ended the process. Now they count as absent, as a missing member always did.
        auto r = OpenAiChatFormat::parseRequest(Json::parse(
            R"({"model":"m","parallel_tool_calls":"yes","tool_choice":{"function":3},)"
            R"("response_format":{"type":"json_schema","json_schema":{"name":"n","strict":"yes"}},)"
            R"("messages":[{"role":"assistant","content":null,"tool_calls":[1,{"id":"c","function":"f"}]}]})"));
        QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().message));
        QVERIFY(r->parallelToolCalls);
        QCOMPARE(r->toolChoice->mode, ToolChoice::Mode::Named);
        QVERIFY(r->toolChoice->name.isEmpty());
        QVERIFY(!r->responseFormat.strict);
        QCOMPARE(r->responseFormat.schema, QByteArray("{}")); // no schema given: an empty one, as before
        QCOMPARE(r->messages.first().toolCalls.size(), 2);
        QCOMPARE(r->messages.first().toolCalls[0].arguments, QStringLiteral("null"));
        QCOMPARE(r->messages.first().toolCalls[1].id, QStringLiteral("c"));
        auto strict = OpenAiChatFormat::parseRequest(Json::parse(
            R"({"model":"m","parallel_tool_calls":false,"response_format":{"type":"json_schema","json_schema":)"
            R"({"schema":{"type":"object"},"strict":true}},"messages":[{"role":"user","content":"x"}]})"));
        QVERIFY(strict.has_value());
        QVERIFY(!strict->parallelToolCalls);
        QVERIFY(strict->responseFormat.strict);
        QCOMPARE(strict->responseFormat.schema, QByteArray(R"({"type":"object"})"));
        // A tool that is no object has no name: the usual error.
        auto tool = OpenAiChatFormat::parseRequest(
            Json::parse(R"({"model":"m","tools":[1],"messages":[{"role":"user","content":"x"}]})"));
        QVERIFY(!tool.has_value());
        QVERIFY(tool.error().message.contains(QStringLiteral("function.name")));
        // An image_url that is neither a string nor an object has no url.
        auto image = OpenAiChatFormat::parseRequest(Json::parse(
            R"({"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":5}]}]})"));
        QVERIFY(!image.has_value());
        QVERIFY(image.error().message.contains(QStringLiteral("without a url")));
    }
    void parseCompletion_wrongTypedMembers_areReadAsMissing()
    {
        const ChatResult r = OpenAiChatFormat::parseCompletion(
            Json::parse(R"({"id":"x","created":"soon","choices":[1],"usage":{"prompt_tokens":3}})"));
        QCOMPARE(r.id, QStringLiteral("x"));
        QCOMPARE(r.created, 0);
        QVERIFY(r.text.isEmpty());
        QCOMPARE(r.usage.inputTokens, 3);
        const ChatResult calls = OpenAiChatFormat::parseCompletion(Json::parse(
            R"({"created":5,"choices":[{"message":{"content":"hi","tool_calls":[7]},"finish_reason":"stop"}]})"));
        QCOMPARE(calls.created, 5);
        QCOMPARE(calls.text, QStringLiteral("hi"));
        QCOMPARE(calls.finishReason, QStringLiteral("stop"));
        QCOMPARE(calls.toolCalls.size(), 1);
    }
    void chunkEncoder_idIsMadeOnceWhenNeeded_orLearned()
    {
        OpenAiChunkEncoder made(QStringLiteral("m"));
        const Json a = Json::parse(made.usageChunk("{}").toStdString());
        const Json b = Json::parse(made.usageChunk("{}").toStdString());
        QVERIFY(a["id"].get<std::string>().rfind("chatcmpl-", 0) == 0);
        QCOMPARE(a["id"].get<std::string>().size(), std::size_t(9 + 24));
        QVERIFY(a["id"] == b["id"]); // one id for the whole stream
        OpenAiChunkEncoder other(QStringLiteral("m"));
        QVERIFY(Json::parse(other.usageChunk("{}").toStdString())["id"] != a["id"]);
        // A provider's id, even an empty one, is kept as it came.
        OpenAiChunkEncoder learned(QStringLiteral("m"));
        learned.learnIdentity(R"({"id":"","created":5,"model":"x","choices":[]})");
        const Json c = Json::parse(learned.usageChunk("{}").toStdString());
        QVERIFY(c["id"] == "");
        QVERIFY(c["created"] == 5);
        QVERIFY(c["model"] == "x");
    }
    void encodeRequest_roundTripsThroughParse()
    {
        const Json original = fixtureJson(QStringLiteral("openai/chat-tools.request.json"));
        auto parsed = OpenAiChatFormat::parseRequest(original);
        QVERIFY(parsed.has_value());
        auto again = OpenAiChatFormat::parseRequest(OpenAiChatFormat::encodeRequest(*parsed));
        QVERIFY(again.has_value());
        QCOMPARE(again->messages.size(), parsed->messages.size());
        QCOMPARE(again->tools.size(), parsed->tools.size());
        QCOMPARE(again->tools.first().parameters, parsed->tools.first().parameters);
    }
    void parseCompletion_toolCallsFixture()
    {
        const ChatResult r = OpenAiChatFormat::parseCompletion(fixtureJson(QStringLiteral("openai/chat-tools.response.http")));
        QCOMPARE(r.finishReason, QStringLiteral("tool_calls"));
        QVERIFY(!r.toolCalls.isEmpty());
        QVERIFY(!r.toolCalls.first().name.isEmpty());
        QVERIFY(r.usage.inputTokens.has_value());
    }
    void encodeCompletion_isAChatCompletion()
    {
        ChatResult r;
        r.id = QStringLiteral("msg_1");
        r.model = QStringLiteral("claude-x");
        r.text = QStringLiteral("Hello");
        r.finishReason = QStringLiteral("stop");
        r.usage.inputTokens = 3;
        r.usage.outputTokens = 2;
        const Json j = OpenAiChatFormat::encodeCompletion(r);
        QVERIFY(j["object"] == "chat.completion");
        QVERIFY(j["choices"][0]["message"]["content"] == "Hello");
        QVERIFY(j["choices"][0]["finish_reason"] == "stop");
        QVERIFY(j["usage"]["total_tokens"] == 5);
    }
    void encodeCompletion_signaturesForTheNextTurn()
    {
        // Anthropic / Bedrock thinking signature: LiteLLM's thinking_blocks; Gemini's thought signature on a
        // tool call: extra_content.google.thought_signature, as Gemini's own OpenAI-compatible API sends it.
        ChatResult r;
        r.reasoning = QStringLiteral("Think.");
        r.thinkingBlocks.append(ThinkingBlock { QStringLiteral("Think."), "c2lnLTE=", {} });
        r.toolCalls.append(ToolCall { QStringLiteral("call_0"), QStringLiteral("f"), QStringLiteral("{}"), "EpwICpkI" });
        r.toolCalls.append(ToolCall { QStringLiteral("call_1"), QStringLiteral("g"), QStringLiteral("{}"), {} });
        Json message = OpenAiChatFormat::encodeCompletion(r)["choices"][0]["message"];
        QVERIFY(message["reasoning_content"] == "Think.");
        QVERIFY(message["thinking_blocks"]
                == Json::parse(R"([{"type":"thinking","thinking":"Think.","signature":"c2lnLTE="}])"));
        QVERIFY(message["tool_calls"][0]["extra_content"]["google"]["thought_signature"] == "EpwICpkI");
        QVERIFY(!message["tool_calls"][1].contains("extra_content"));
        // Without signatures nothing extra appears.
        r.thinkingBlocks.clear();
        QVERIFY(!OpenAiChatFormat::encodeCompletion(r)["choices"][0]["message"].contains("thinking_blocks"));
    }
    void parseRequest_signaturesComeBack()
    {
        const Json body = Json::parse(R"({"model":"m","messages":[{"role":"user","content":"Hi"},
            {"role":"assistant","content":null,"reasoning_content":"Think.",
             "thinking_blocks":[{"type":"redacted_thinking","data":"xx"},{"type":"thinking","thinking":"Think.","signature":"c2ln"}],
             "tool_calls":[{"id":"a","type":"function","function":{"name":"f","arguments":"{}"},
                            "extra_content":{"google":{"thought_signature":"R29vZ2xl"}}},
                           {"id":"b","type":"function","function":{"name":"g","arguments":"{}"},
                            "provider_specific_fields":{"thought_signature":"TGl0ZQ=="}},
                           {"id":"c","type":"function","function":{"name":"h","arguments":"{}"}}]},
            {"role":"tool","tool_call_id":"a","content":"1"}]})");
        auto r = OpenAiChatFormat::parseRequest(body);
        QVERIFY(r.has_value());
        const ChatMessage &assistant = r->messages[1];
        QCOMPARE(assistant.reasoning, QStringLiteral("Think.")); // not doubled by the thinking block
        QCOMPARE(assistant.thinkingBlocks.size(), 2); // both blocks, in the client's order
        QCOMPARE(assistant.thinkingBlocks[0].redactedData, QByteArray("xx"));
        QVERIFY(assistant.thinkingBlocks[0].thinking.isEmpty());
        QCOMPARE(assistant.thinkingBlocks[1].thinking, QStringLiteral("Think."));
        QCOMPARE(assistant.thinkingBlocks[1].signature, QByteArray("c2ln"));
        QVERIFY(!assistant.thinkingBlocks[1].isRedacted());
        QCOMPARE(assistant.toolCalls[0].signature, QByteArray("R29vZ2xl"));
        QCOMPARE(assistant.toolCalls[1].signature, QByteArray("TGl0ZQ=="));
        QVERIFY(assistant.toolCalls[2].signature.isEmpty());
        // Malformed carriers are ignored, not fatal.
        const Json odd = Json::parse(R"({"model":"m","messages":[{"role":"assistant","content":"x",
            "thinking_blocks":"nope","tool_calls":[{"id":"a","function":{"name":"f","arguments":"{}"},"extra_content":[1]}]}]})");
        auto o = OpenAiChatFormat::parseRequest(odd);
        QVERIFY(o.has_value());
        QVERIFY(o->messages[0].thinkingBlocks.isEmpty());
        QVERIFY(o->messages[0].toolCalls[0].signature.isEmpty());
    }
    void chunkEncoder_signaturesBecomeThinkingBlocksAndExtraContent()
    {
        OpenAiChunkEncoder encoder(QStringLiteral("claude-x"));
        Json reasoning = Json::parse(encoder.encode(ChatEvent::reasoningDelta(QStringLiteral("Hm"))).toStdString());
        QVERIFY(reasoning["choices"][0]["delta"]["reasoning_content"] == "Hm");
        Json signature = Json::parse(encoder.encode(ChatEvent::reasoningSignature("c2ln")).toStdString());
        QVERIFY(signature["choices"][0]["delta"]["thinking_blocks"]
                == Json::parse(R"([{"type":"thinking","thinking":"","signature":"c2ln"}])"));
        QVERIFY(!signature["choices"][0]["delta"].contains("reasoning_content"));
        Json call = Json::parse(
            encoder.encode(ChatEvent::toolCallDelta(ToolCallDelta { 0, QStringLiteral("c0"), QStringLiteral("f"),
                                                                    QStringLiteral("{}"), "R29vZ2xl" }))
                .toStdString());
        QVERIFY(call["choices"][0]["delta"]["tool_calls"][0]["extra_content"]["google"]["thought_signature"] == "R29vZ2xl");
    }
    void encodeCompletion_interleavedThinking_everyBlockInOrder()
    {
        ChatResult r;
        r.reasoning = QStringLiteral("A.B.");
        r.thinkingBlocks.append(ThinkingBlock { QStringLiteral("A."), "c2lnLUE=", {} });
        r.thinkingBlocks.append(ThinkingBlock { {}, {}, "cmVkYWN0ZWQ=" });
        r.thinkingBlocks.append(ThinkingBlock { QStringLiteral("B."), "c2lnLUI=", {} });
        const Json message = OpenAiChatFormat::encodeCompletion(r)["choices"][0]["message"];
        QVERIFY(message["reasoning_content"] == "A.B.");
        QVERIFY(message["thinking_blocks"]
                == Json::parse(R"([{"type":"thinking","thinking":"A.","signature":"c2lnLUE="},
                                   {"type":"redacted_thinking","data":"cmVkYWN0ZWQ="},
                                   {"type":"thinking","thinking":"B.","signature":"c2lnLUI="}])"));
        // What the hub hands out comes back as the same blocks.
        Json body { { "model", "m" }, { "messages", Json::array({ { { "role", "user" }, { "content", "Hi" } }, message }) } };
        auto parsed = OpenAiChatFormat::parseRequest(body);
        QVERIFY(parsed.has_value());
        const QList<ThinkingBlock> &back = parsed->messages[1].thinkingBlocks;
        QCOMPARE(back.size(), 3);
        QCOMPARE(back[0].thinking, QStringLiteral("A."));
        QCOMPARE(back[0].signature, QByteArray("c2lnLUE="));
        QCOMPARE(back[1].redactedData, QByteArray("cmVkYWN0ZWQ="));
        QCOMPARE(back[2].thinking, QStringLiteral("B."));
        QCOMPARE(back[2].signature, QByteArray("c2lnLUI="));
    }
    void parseRequest_emptyOrUnknownThinkingBlocks_skipped()
    {
        const Json body = Json::parse(R"({"model":"m","messages":[{"role":"assistant","content":"x",
            "thinking_blocks":[{"type":"redacted_thinking"},{"type":"thinking"},{"type":"other","data":"x"},7,
                               {"type":"thinking","thinking":"kept","signature":"c2ln"}]}]})");
        auto r = OpenAiChatFormat::parseRequest(body);
        QVERIFY(r.has_value());
        QCOMPARE(r->messages[0].thinkingBlocks.size(), 1);
        QCOMPARE(r->messages[0].thinkingBlocks[0].thinking, QStringLiteral("kept"));
        QCOMPARE(r->messages[0].reasoning, QStringLiteral("kept"));
    }
    void chunkEncoder_oneThinkingBlocksEntryPerCompletedBlock()
    {
        // Interleaved thinking: each completed block is one entry, in order; a block's text is the
        // reasoning_content since the previous entry.
        OpenAiChunkEncoder encoder(QStringLiteral("claude-x"));
        QList<Json> deltas;
        for (const ChatEvent &e : { ChatEvent::reasoningDelta(QStringLiteral("A.")), ChatEvent::reasoningSignature("c2lnLUE="),
                                    ChatEvent::redactedReasoning("cmVkYWN0ZWQ="), ChatEvent::reasoningDelta(QStringLiteral("B.")),
                                    ChatEvent::reasoningSignature("c2lnLUI=") })
            deltas.append(Json::parse(encoder.encode(e).toStdString())["choices"][0]["delta"]);
        QVERIFY(deltas[0]["reasoning_content"] == "A.");
        QVERIFY(deltas[1]["thinking_blocks"] == Json::parse(R"([{"type":"thinking","thinking":"","signature":"c2lnLUE="}])"));
        QVERIFY(deltas[2]["thinking_blocks"] == Json::parse(R"([{"type":"redacted_thinking","data":"cmVkYWN0ZWQ="}])"));
        QVERIFY(!deltas[2].contains("reasoning_content"));
        QVERIFY(deltas[3]["reasoning_content"] == "B.");
        QVERIFY(deltas[4]["thinking_blocks"] == Json::parse(R"([{"type":"thinking","thinking":"","signature":"c2lnLUI="}])"));
    }
    void chunkEncoder_neutralEvents_becomeSdkParsableChunks()
    {
        OpenAiChunkEncoder encoder(QStringLiteral("claude-x"));
        QList<Json> chunks;
        for (const ChatEvent &e : { ChatEvent::start(QStringLiteral("msg_9"), QStringLiteral("claude-3")),
                                    ChatEvent::textDelta(QStringLiteral("Hel")), ChatEvent::textDelta(QStringLiteral("lo")),
                                    ChatEvent::toolCallDelta(ToolCallDelta { 0, QStringLiteral("t1"), QStringLiteral("f"), QStringLiteral("{\"a\""), {} }),
                                    ChatEvent::toolCallDelta(ToolCallDelta { 0, {}, {}, QStringLiteral(":1}"), {} }),
                                    ChatEvent::finish(QStringLiteral("tool_calls")), ChatEvent::done() }) {
            const QByteArray c = encoder.encode(e);
            if (!c.isEmpty())
                chunks.append(Json::parse(c.toStdString()));
        }
        QCOMPARE(chunks.size(), 6);
        for (const Json &c : chunks) {
            QVERIFY(c["id"] == "msg_9");
            QVERIFY(c["object"] == "chat.completion.chunk");
            QVERIFY(c["model"] == "claude-3");
        }
        QVERIFY(chunks[0]["choices"][0]["delta"]["role"] == "assistant");
        QVERIFY(!chunks[1]["choices"][0]["delta"].contains("role"));
        QVERIFY(chunks[1]["choices"][0]["delta"]["content"] == "Hel");
        QVERIFY(chunks[3]["choices"][0]["delta"]["tool_calls"][0]["id"] == "t1");
        QVERIFY(!chunks[4]["choices"][0]["delta"]["tool_calls"][0].contains("id"));
        QVERIFY(chunks[5]["choices"][0]["finish_reason"] == "tool_calls");
        const Json usage = Json::parse(encoder.usageChunk(R"({"prompt_tokens":1})").toStdString());
        QVERIFY(usage["choices"].empty());
        QVERIFY(usage["id"] == "msg_9");
    }
};

QTEST_GUILESS_MAIN(TestOpenAiChatFormat)
#include "tst_openaichatformat.moc"
