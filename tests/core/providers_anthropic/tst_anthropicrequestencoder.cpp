// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// What the hub sends to Anthropic for each kind of neutral request, compared as parsed JSON.
#include "core/providers/anthropic/anthropicrequestencoder.h"
#include "core/providers/openaichatformat.h"

#include <QFile>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Providers;

// QCOMPARE cannot print nlohmann values; this shows both sides when they differ.
#define JSON_COMPARE(actual, expected)                                                                          \
    do {                                                                                                      \
        const nlohmann::json a_ = (actual);                                                                   \
        const nlohmann::json e_ = (expected);                                                                 \
        QVERIFY2(a_ == e_, qPrintable(QStringLiteral("\n  actual:   %1\n  expected: %2")                     \
                                          .arg(QString::fromStdString(a_.dump()), QString::fromStdString(e_.dump())))); \
    } while (false)

namespace {
using Json = nlohmann::json; // unordered: key order is not significant on the wire

const QString who = QStringLiteral("Anthropic (provider \"claude\")");

ContentPart text(const QString &t)
{
    ContentPart p;
    p.text = t;
    return p;
}

ChatMessage message(ChatMessage::Role role, const QString &t)
{
    ChatMessage m;
    m.role = role;
    if (!t.isNull())
        m.content.append(text(t));
    return m;
}

ChatRequest basic()
{
    ChatRequest r;
    r.model = QStringLiteral("claude-x");
    r.messages.append(message(ChatMessage::Role::User, QStringLiteral("Hi")));
    return r;
}

Json encode(const ChatRequest &r, bool stream = false)
{
    auto body = AnthropicRequestEncoder::encode(r, stream, who);
    if (!body) {
        qWarning() << body.error().message;
        return Json();
    }
    return Json::parse(body->dump());
}

Error encodeError(const ChatRequest &r)
{
    auto body = AnthropicRequestEncoder::encode(r, false, who);
    if (body)
        return Error::make(ErrorCode::Internal, QStringLiteral("unexpectedly encoded"));
    return body.error();
}

Json parse(const char *text)
{
    return Json::parse(text);
}

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/anthropic/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

QByteArray thinkingData(const QString &name)
{
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/thinking/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return f.readAll();
}

QByteArray pngBytes()
{
    return QByteArray::fromHex("89504e470d0a1a0a0000000d49484452");
}
} // namespace

class TestAnthropicRequestEncoder final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixtureToolRequest_encodesTheSameBody()
    {
        ChatRequest r;
        r.model = QStringLiteral("claude-opus-4-8");
        r.maxTokens = 1000;
        r.messages.append(message(ChatMessage::Role::User,
                                  QStringLiteral("Use the test_tool with value \"test\", then provide a final response")));
        ToolDefinition tool;
        tool.name = QStringLiteral("test_tool");
        tool.description = QStringLiteral("A test tool");
        Json expected = Json::parse(fixture(QStringLiteral("messages-tool-use.request.json")).toStdString());
        tool.parameters = QByteArray::fromStdString(expected["tools"][0]["input_schema"].dump());
        r.tools.append(tool);
        // The SDK's beta tool runner marks tools "custom"; that is the default type, so the hub leaves it out.
        expected["tools"][0].erase("type");
        JSON_COMPARE(encode(r), expected);
    }
    void minimal_defaultsMaxTokensAndSendsStream()
    {
        const Json body = encode(basic(), true);
        JSON_COMPARE(body, parse(R"({"model":"claude-x","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}],"stream":true})"));
        QCOMPARE(qint64(body["max_tokens"]), AnthropicRequestEncoder::DefaultMaxTokens);
    }
    void systemMessages_movedToTopLevelAndJoined()
    {
        ChatRequest r;
        r.model = QStringLiteral("m");
        r.maxTokens = 10;
        r.messages = { message(ChatMessage::Role::System, QStringLiteral("Be brief.")),
                       message(ChatMessage::Role::User, QStringLiteral("Hi")),
                       message(ChatMessage::Role::System, QStringLiteral("Answer in French.")) };
        JSON_COMPARE(encode(r), parse(R"({"model":"m","max_tokens":10,"system":"Be brief.\n\nAnswer in French.",
                                     "messages":[{"role":"user","content":"Hi"}],"stream":false})"));
    }
    void consecutiveSameRole_mergedIntoOneMessage()
    {
        ChatRequest r = basic();
        r.messages.append(message(ChatMessage::Role::User, QStringLiteral("Still there?")));
        r.messages.append(message(ChatMessage::Role::Assistant, QStringLiteral("Yes.")));
        r.messages.append(message(ChatMessage::Role::Assistant, QStringLiteral("Go on.")));
        JSON_COMPARE(encode(r)["messages"], parse(R"([
            {"role":"user","content":[{"type":"text","text":"Hi"},{"type":"text","text":"Still there?"}]},
            {"role":"assistant","content":[{"type":"text","text":"Yes."},{"type":"text","text":"Go on."}]}])"));
    }
    void emptyTextAndEmptyMessages_leftOut()
    {
        ChatRequest r = basic();
        r.messages.append(message(ChatMessage::Role::Assistant, QString()));
        r.messages.append(message(ChatMessage::Role::User, QStringLiteral("")));
        r.messages.append(message(ChatMessage::Role::User, QStringLiteral("Again")));
        JSON_COMPARE(encode(r)["messages"], parse(R"([
            {"role":"user","content":[{"type":"text","text":"Hi"},{"type":"text","text":"Again"}]}])"));
    }
    void toolConversation_toolUseAndToolResultBlocks()
    {
        ChatRequest r = basic();
        ChatMessage assistant = message(ChatMessage::Role::Assistant, QStringLiteral("Checking."));
        assistant.toolCalls.append(ToolCall { QStringLiteral("toolu_1"), QStringLiteral("get_weather"),
                                              QStringLiteral("{\"location\":\"Paris\"}"), {} });
        assistant.toolCalls.append(ToolCall { QStringLiteral("toolu_2"), QStringLiteral("get_time"), QString(), {} });
        r.messages.append(assistant);
        ChatMessage result1 = message(ChatMessage::Role::Tool, QStringLiteral("18 C"));
        result1.toolCallId = QStringLiteral("toolu_1");
        ChatMessage result2 = message(ChatMessage::Role::Tool, QStringLiteral("noon"));
        result2.toolCallId = QStringLiteral("toolu_2");
        r.messages.append(result1);
        r.messages.append(result2);
        r.messages.append(message(ChatMessage::Role::User, QStringLiteral("Thanks")));
        JSON_COMPARE(encode(r)["messages"], parse(R"([
            {"role":"user","content":"Hi"},
            {"role":"assistant","content":[{"type":"text","text":"Checking."},
                {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"location":"Paris"}},
                {"type":"tool_use","id":"toolu_2","name":"get_time","input":{}}]},
            {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18 C"},
                {"type":"tool_result","tool_use_id":"toolu_2","content":"noon"},
                {"type":"text","text":"Thanks"}]}])"));
    }
    void toolArgumentsNotAnObject_invalidArgument_data()
    {
        QTest::addColumn<QString>("arguments");
        QTest::newRow("broken") << QStringLiteral("{\"a\":");
        QTest::newRow("array") << QStringLiteral("[1,2]");
        QTest::newRow("string") << QStringLiteral("\"x\"");
    }
    void toolArgumentsNotAnObject_invalidArgument()
    {
        QFETCH(QString, arguments);
        ChatRequest r = basic();
        ChatMessage assistant;
        assistant.role = ChatMessage::Role::Assistant;
        assistant.toolCalls.append(ToolCall { QStringLiteral("toolu_1"), QStringLiteral("f"), arguments, {} });
        r.messages.append(assistant);
        const Error e = encodeError(r);
        QCOMPARE(e.code, ErrorCode::InvalidArgument);
        QVERIFY(e.message.contains(QStringLiteral("toolu_1")));
    }
    void toolResultWithoutId_invalidArgument()
    {
        ChatRequest r = basic();
        r.messages.append(message(ChatMessage::Role::Tool, QStringLiteral("x")));
        const Error e = encodeError(r);
        QCOMPARE(e.code, ErrorCode::InvalidArgument);
        QVERIFY(e.message.contains(QStringLiteral("tool_call_id")));
    }
    void toolResultWithImage_contentBlocks()
    {
        ChatRequest r = basic();
        ChatMessage assistant;
        assistant.role = ChatMessage::Role::Assistant;
        assistant.toolCalls.append(ToolCall { QStringLiteral("toolu_1"), QStringLiteral("chart"), QStringLiteral("{}"), {} });
        r.messages.append(assistant);
        ChatMessage result = message(ChatMessage::Role::Tool, QStringLiteral("chart:"));
        result.toolCallId = QStringLiteral("toolu_1");
        ContentPart image;
        image.type = ContentPart::Type::Image;
        image.imageUrl = QStringLiteral("https://example.com/c.png");
        result.content.append(image);
        r.messages.append(result);
        JSON_COMPARE(encode(r)["messages"][2], parse(R"({"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1",
            "content":[{"type":"text","text":"chart:"},{"type":"image","source":{"type":"url","url":"https:\/\/example.com\/c.png"}}]}]})"));
    }
    void toolDefinitions_schemaParsedOrDefaulted()
    {
        ChatRequest r = basic();
        r.tools.append(ToolDefinition { QStringLiteral("noargs"), QString(), QByteArray() });
        r.tools.append(ToolDefinition { QStringLiteral("f"), QStringLiteral("does f"),
                                        QByteArray(R"({"type":"object","properties":{"a":{"type":"integer"}}})") });
        JSON_COMPARE(encode(r)["tools"], parse(R"([
            {"name":"noargs","input_schema":{"type":"object","properties":{}}},
            {"name":"f","description":"does f","input_schema":{"type":"object","properties":{"a":{"type":"integer"}}}}])"));
        QVERIFY(!encode(r).contains("tool_choice"));
    }
    void toolDefinitionWithBrokenSchema_invalidArgument()
    {
        ChatRequest r = basic();
        r.tools.append(ToolDefinition { QStringLiteral("f"), QString(), QByteArray("{oops") });
        const Error e = encodeError(r);
        QCOMPARE(e.code, ErrorCode::InvalidArgument);
        QVERIFY(e.message.contains(QStringLiteral("\"f\"")));
    }
    void toolChoice_mapped_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("parallel");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("auto") << int(ToolChoice::Mode::Auto) << true << QByteArray(R"({"type":"auto"})");
        QTest::newRow("required") << int(ToolChoice::Mode::Required) << true << QByteArray(R"({"type":"any"})");
        QTest::newRow("none") << int(ToolChoice::Mode::None) << true << QByteArray(R"({"type":"none"})");
        QTest::newRow("named") << int(ToolChoice::Mode::Named) << true << QByteArray(R"({"type":"tool","name":"f"})");
        QTest::newRow("required, one call")
            << int(ToolChoice::Mode::Required) << false << QByteArray(R"({"type":"any","disable_parallel_tool_use":true})");
        QTest::newRow("none, one call") << int(ToolChoice::Mode::None) << false << QByteArray(R"({"type":"none"})");
    }
    void toolChoice_mapped()
    {
        QFETCH(int, mode);
        QFETCH(bool, parallel);
        QFETCH(QByteArray, expected);
        ChatRequest r = basic();
        r.tools.append(ToolDefinition { QStringLiteral("f"), QString(), QByteArray() });
        r.toolChoice = ToolChoice { ToolChoice::Mode(mode), QStringLiteral("f") };
        r.parallelToolCalls = parallel;
        JSON_COMPARE(encode(r)["tool_choice"], Json::parse(expected.toStdString()));
    }
    void noParallelToolCallsWithoutChoice_autoWithDisable()
    {
        ChatRequest r = basic();
        r.tools.append(ToolDefinition { QStringLiteral("f"), QString(), QByteArray() });
        r.parallelToolCalls = false;
        JSON_COMPARE(encode(r)["tool_choice"], parse(R"({"type":"auto","disable_parallel_tool_use":true})"));
    }
    void toolChoiceWithoutTools_dropped()
    {
        ChatRequest r = basic();
        r.toolChoice = ToolChoice { ToolChoice::Mode::Required, {} };
        QVERIFY(!encode(r).contains("tool_choice"));
        QVERIFY(!encode(r).contains("tools"));
    }
    void images_base64UrlAndBytes()
    {
        ChatRequest r;
        r.model = QStringLiteral("m");
        ChatMessage user = message(ChatMessage::Role::User, QStringLiteral("What is this?"));
        ContentPart dataUrl;
        dataUrl.type = ContentPart::Type::Image;
        dataUrl.imageUrl = QStringLiteral("data:image/jpeg;base64,/9j/4AAQ");
        ContentPart httpUrl;
        httpUrl.type = ContentPart::Type::Image;
        httpUrl.imageUrl = QStringLiteral("https://example.com/cat.png");
        ContentPart bytes;
        bytes.type = ContentPart::Type::Image;
        bytes.imageData = pngBytes(); // no MIME type given: recognised as PNG
        ContentPart typedBytes;
        typedBytes.type = ContentPart::Type::Image;
        typedBytes.imageData = QByteArray("GIF89a");
        typedBytes.mimeType = QStringLiteral("image/gif");
        user.content += { dataUrl, httpUrl, bytes, typedBytes };
        r.messages.append(user);
        const Json content = encode(r)["messages"][0]["content"];
        QCOMPARE(content.size(), size_t(5));
        JSON_COMPARE(content[1], parse(R"({"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQ"}})"));
        JSON_COMPARE(content[2], parse(R"({"type":"image","source":{"type":"url","url":"https:\/\/example.com\/cat.png"}})"));
        JSON_COMPARE(content[3]["source"]["media_type"], "image/png");
        JSON_COMPARE(content[3]["source"]["data"], pngBytes().toBase64().toStdString());
        JSON_COMPARE(content[4]["source"], parse(R"({"type":"base64","media_type":"image/gif","data":"R0lGODlh"})"));
    }
    void badImages_invalidArgument_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("ftp url") << QStringLiteral("ftp://example.com/x.png") << QByteArray();
        QTest::newRow("data url without comma") << QStringLiteral("data:image/png;base64") << QByteArray();
        QTest::newRow("data url without data") << QStringLiteral("data:image/png;base64,") << QByteArray();
        QTest::newRow("unknown bytes") << QString() << QByteArray("not an image");
    }
    void badImages_invalidArgument()
    {
        QFETCH(QString, url);
        QFETCH(QByteArray, bytes);
        ChatRequest r;
        r.model = QStringLiteral("m");
        ChatMessage user;
        ContentPart image;
        image.type = ContentPart::Type::Image;
        image.imageUrl = url;
        image.imageData = bytes;
        user.content.append(image);
        r.messages.append(user);
        const Error e = encodeError(r);
        QCOMPARE(e.code, ErrorCode::InvalidArgument);
        QVERIFY(e.message.contains(who));
    }
    void imageInAssistantMessage_invalidArgument()
    {
        ChatRequest r = basic();
        ChatMessage assistant;
        assistant.role = ChatMessage::Role::Assistant;
        ContentPart image;
        image.type = ContentPart::Type::Image;
        image.imageUrl = QStringLiteral("https://example.com/x.png");
        assistant.content.append(image);
        r.messages.append(assistant);
        QCOMPARE(encodeError(r).code, ErrorCode::InvalidArgument);
    }
    void assistantReasoningWithSignature_thinkingBlockFirst()
    {
        ChatRequest r = basic();
        ChatMessage assistant = message(ChatMessage::Role::Assistant, QStringLiteral("42."));
        assistant.reasoning = QStringLiteral("Deep Thought...");
        assistant.thinkingBlocks.append(ThinkingBlock { QStringLiteral("Deep Thought..."), "ErUBCkYI", {} });
        r.messages.append(assistant);
        JSON_COMPARE(encode(r)["messages"][1], parse(R"({"role":"assistant","content":[
            {"type":"thinking","thinking":"Deep Thought...","signature":"ErUBCkYI"},{"type":"text","text":"42."}]})"));
    }
    void openAiClientThinkingBlocks_signedThinkingBeforeToolUse()
    {
        // Golden: an OpenAI client replays a thinking + tool turn with LiteLLM's thinking_blocks, as the hub handed
        // them out; Anthropic gets the signed thinking block first, then tool_use, then the tool_result.
        const QByteArray client = R"({"model":"claude-x","messages":[
            {"role":"user","content":"Weather in Paris?"},
            {"role":"assistant","content":null,"reasoning_content":"I should call the tool.",
             "thinking_blocks":[{"type":"thinking","thinking":"I should call the tool.","signature":"ErUBCkYIARgC"}],
             "tool_calls":[{"id":"toolu_1","type":"function","function":{"name":"get_weather"}}]},
            {"role":"tool","tool_call_id":"toolu_1","content":"15 C"}],
            "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}]})";
        auto request = nlohmann::ordered_json::parse(client.toStdString());
        request["messages"][1]["tool_calls"][0]["function"]["arguments"] = R"({"city":"Paris"})"; // a JSON text
        auto parsed = OpenAiChatFormat::parseRequest(request);
        QVERIFY(parsed.has_value());
        const Json body = encode(*parsed);
        JSON_COMPARE(body["messages"][1], parse(R"({"role":"assistant","content":[
            {"type":"thinking","thinking":"I should call the tool.","signature":"ErUBCkYIARgC"},
            {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}]})"));
        JSON_COMPARE(body["messages"][2], parse(R"({"role":"user","content":[
            {"type":"tool_result","tool_use_id":"toolu_1","content":"15 C"}]})"));
        // thinking_blocks alone (no reasoning_content) carry the text as well.
        const QByteArray blocksOnly = R"({"model":"claude-x","messages":[{"role":"user","content":"Hi"},
            {"role":"assistant","content":"Hello.","thinking_blocks":[{"type":"thinking","thinking":"Greet.","signature":"c2ln"}]},
            {"role":"user","content":"Again"}]})";
        parsed = OpenAiChatFormat::parseRequest(nlohmann::ordered_json::parse(blocksOnly.toStdString()));
        QVERIFY(parsed.has_value());
        JSON_COMPARE(encode(*parsed)["messages"][1]["content"][0],
                     parse(R"({"type":"thinking","thinking":"Greet.","signature":"c2ln"})"));
    }
    void openAiInterleavedThinking_everyBlockInOrderBeforeToolUse_golden()
    {
        // Two signed thinking blocks and a redacted one (interleaved thinking): each goes back whole with its own
        // signature, in the client's order, before the tool_use blocks; a joined block would fail Anthropic's check.
        auto parsed = OpenAiChatFormat::parseRequest(
            nlohmann::ordered_json::parse(thinkingData(QStringLiteral("openai-request-interleaved-thinking.json"))
                                              .toStdString()));
        QVERIFY(parsed.has_value());
        JSON_COMPARE(encode(*parsed),
                     Json::parse(thinkingData(QStringLiteral("anthropic-request-interleaved-thinking.expected.json"))
                                     .toStdString()));
    }
    void unsignedThinkingBlock_droppedSignedAndRedactedKept()
    {
        ChatRequest r = basic();
        ChatMessage assistant = message(ChatMessage::Role::Assistant, QStringLiteral("42."));
        assistant.thinkingBlocks.append(ThinkingBlock { QStringLiteral("unsigned"), {}, {} });
        assistant.thinkingBlocks.append(ThinkingBlock { {}, {}, "cmVkYWN0ZWQ=" });
        assistant.thinkingBlocks.append(ThinkingBlock { QStringLiteral("signed"), "c2ln", {} });
        r.messages.append(assistant);
        JSON_COMPARE(encode(r)["messages"][1], parse(R"({"role":"assistant","content":[
            {"type":"redacted_thinking","data":"cmVkYWN0ZWQ="},
            {"type":"thinking","thinking":"signed","signature":"c2ln"},{"type":"text","text":"42."}]})"));
    }
    void assistantReasoningWithoutSignature_dropped()
    {
        ChatRequest r = basic();
        ChatMessage assistant = message(ChatMessage::Role::Assistant, QStringLiteral("42."));
        assistant.reasoning = QStringLiteral("from another provider");
        r.messages.append(assistant);
        JSON_COMPARE(encode(r)["messages"][1], parse(R"({"role":"assistant","content":"42."})"));
    }
    void samplingOptions_mapped()
    {
        ChatRequest r = basic();
        r.maxTokens = 256;
        r.stop = { QStringLiteral("END"), QStringLiteral("\n\n") };
        r.temperature = 0.5;
        r.topP = 0.9;
        r.topK = 40;
        r.user = QStringLiteral("user-7");
        r.seed = 1;
        r.presencePenalty = 0.1;
        r.frequencyPenalty = 0.2;
        JSON_COMPARE(encode(r), parse(R"({"model":"claude-x","max_tokens":256,"messages":[{"role":"user","content":"Hi"}],
            "stop_sequences":["END","\n\n"],"temperature":0.5,"top_p":0.9,"top_k":40,"metadata":{"user_id":"user-7"},
            "stream":false})")); // seed and penalties have no Anthropic equivalent: dropped
    }
    void responseFormatJson_invalidArgument_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("named");
        QTest::newRow("json_object") << int(ResponseFormat::Type::JsonObject) << QStringLiteral("json_object");
        QTest::newRow("json_schema") << int(ResponseFormat::Type::JsonSchema) << QStringLiteral("json_schema");
    }
    void responseFormatJson_invalidArgument()
    {
        QFETCH(int, type);
        QFETCH(QString, named);
        ChatRequest r = basic();
        r.responseFormat.type = ResponseFormat::Type(type);
        r.responseFormat.schema = R"({"type":"object"})";
        const Error e = encodeError(r);
        QCOMPARE(e.code, ErrorCode::InvalidArgument);
        QVERIFY(e.message.contains(named));
        QVERIFY(e.message.contains(QStringLiteral("no JSON response mode")));
    }
    void moreThanOneChoice_invalidArgument()
    {
        ChatRequest r = basic();
        r.n = 2;
        const Error e = encodeError(r);
        QCOMPARE(e.code, ErrorCode::InvalidArgument);
        QVERIFY(e.message.contains(QStringLiteral("n = 2")));
        r.n = 1;
        QVERIFY(!encode(r).is_null());
    }
    void reasoningEffort_enablesThinkingWithinMaxTokens()
    {
        ChatRequest r = basic();
        r.reasoningEffort = QStringLiteral("medium");
        Json body = encode(r);
        JSON_COMPARE(body["thinking"], parse(R"({"type":"enabled","budget_tokens":4096})"));
        JSON_COMPARE(body["max_tokens"], 4096 + AnthropicRequestEncoder::DefaultMaxTokens); // room to answer after thinking
        r.maxTokens = 3000;
        body = encode(r);
        JSON_COMPARE(body["max_tokens"], 3000);
        JSON_COMPARE(body["thinking"]["budget_tokens"], 2999); // the budget must stay below max_tokens
        r.maxTokens = 500;
        QCOMPARE(encodeError(r).code, ErrorCode::InvalidArgument);
        r.reasoningEffort = QStringLiteral("whatever");
        QVERIFY(!encode(r).contains("thinking"));
    }
};

QTEST_GUILESS_MAIN(TestAnthropicRequestEncoder)
#include "tst_anthropicrequestencoder.moc"
