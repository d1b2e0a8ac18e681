// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/gemini/geminiadapter.h"
#include "core/providers/liveprovider.h"
#include "core/providers/openaichatformat.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace AiHub::Providers;
using Json = nlohmann::json;

namespace {
LiveProvider provider(const QString &baseUrl = {}, bool withKey = true)
{
    LiveProvider p;
    p.config.kind = ProviderKind::Google;
    p.config.name = QStringLiteral("gem");
    p.config.baseUrl = baseUrl;
    if (withKey) {
        LiveCredential c;
        c.info.label = QStringLiteral("default");
        c.secret.apiKey = QStringLiteral("AIza-test-123");
        p.credentials.append(c);
    }
    return p;
}

QByteArray header(const Net::UpstreamRequest &r, const QByteArray &name)
{
    for (const auto &h : r.headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/gemini/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    const QByteArray all = f.readAll();
    if (!name.endsWith(QStringLiteral(".http")))
        return all;
    const qsizetype crlf = all.indexOf("\r\n\r\n");
    const qsizetype lf = all.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf))
        return all.mid(crlf + 4);
    return lf >= 0 ? all.mid(lf + 2) : all;
}

// QCOMPARE cannot print nlohmann::json; show both sides when they differ.
#define JSON_COMPARE(actual, expected)                                                                             \
    do {                                                                                                           \
        const Json a_ = (actual);                                                                                  \
        const Json e_ = (expected);                                                                                \
        QVERIFY2(a_ == e_, ("\n actual:   " + a_.dump() + "\n expected: " + e_.dump()).c_str());                   \
    } while (false)

Json json(const QByteArray &bytes)
{
    return Json::parse(bytes.toStdString());
}

ChatMessage text(ChatMessage::Role role, const QString &t)
{
    ChatMessage m;
    m.role = role;
    ContentPart part;
    part.text = t;
    m.content.append(part);
    return m;
}

ChatCall call(const ChatRequest &request, bool stream)
{
    ChatCall c;
    c.request = request;
    c.stream = stream;
    return c;
}

Json encode(const ChatRequest &request, bool stream = false)
{
    static const GeminiAdapter adapter;
    const LiveProvider p = provider();
    auto r = adapter.chatRequest(p, &p.credentials.constFirst(), call(request, stream));
    if (!r)
        qFatal("encode failed: %s", qPrintable(r.error().message));
    return json(r->body);
}

Error encodeError(const ChatRequest &request, bool stream = false)
{
    static const GeminiAdapter adapter;
    const LiveProvider p = provider();
    auto r = adapter.chatRequest(p, &p.credentials.constFirst(), call(request, stream));
    return r ? Error {} : r.error();
}
} // namespace

class TestGeminiAdapter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chatRequest_streamFixture_matchesGoldenBodyUrlAndHeaders()
    {
        const GeminiAdapter adapter;
        const LiveProvider p = provider();
        ChatRequest r;
        r.model = QStringLiteral("gemini-2.0-flash-exp");
        r.messages = { text(ChatMessage::Role::System, QStringLiteral("You are a helpful chatbot.")),
                       text(ChatMessage::Role::User, QStringLiteral("What is the capital of France?")) };
        r.temperature = 0.0;
        auto request = adapter.chatRequest(p, &p.credentials.constFirst(), call(r, true));
        QVERIFY(request.has_value());
        QCOMPARE(request->method, QByteArray("POST"));
        QCOMPARE(request->url.toString(QUrl::FullyEncoded),
                 QStringLiteral("https://generativelanguage.googleapis.com/v1beta/models/"
                                "gemini-2.0-flash-exp:streamGenerateContent?alt=sse"));
        QCOMPARE(header(*request, "x-goog-api-key"), QByteArray("AIza-test-123"));
        QVERIFY(header(*request, "Authorization").isEmpty());
        QCOMPARE(header(*request, "Content-Type"), QByteArray("application/json"));
        QCOMPARE(header(*request, "Accept"), QByteArray("text/event-stream"));
        JSON_COMPARE(json(request->body), json(fixture(QStringLiteral("streamGenerateContent-text.request.json"))));
    }
    void chatRequest_nonStreaming_usesGenerateContentAndBaseUrl()
    {
        const GeminiAdapter adapter;
        const LiveProvider p = provider(QStringLiteral("http://127.0.0.1:9/v1beta/"));
        ChatRequest r;
        r.model = QStringLiteral("models/gemini-2.5-pro");
        r.messages = { text(ChatMessage::Role::User, QStringLiteral("Hi")) };
        auto request = adapter.chatRequest(p, &p.credentials.constFirst(), call(r, false));
        QVERIFY(request.has_value());
        QCOMPARE(request->url.toString(), QStringLiteral("http://127.0.0.1:9/v1beta/models/gemini-2.5-pro:generateContent"));
        QCOMPARE(header(*request, "Accept"), QByteArray("application/json"));
        const Json body = json(request->body);
        QVERIFY(!body.contains("generationConfig"));
        QVERIFY(!body.contains("systemInstruction"));
        JSON_COMPARE(body["contents"], Json::parse(R"([{"role":"user","parts":[{"text":"Hi"}]}])"));
    }
    void chatRequest_withoutKey_explainsHowToAddOne()
    {
        const GeminiAdapter adapter;
        const LiveProvider p = provider({}, false);
        ChatRequest r;
        r.model = QStringLiteral("gemini-2.5-flash");
        r.messages = { text(ChatMessage::Role::User, QStringLiteral("Hi")) };
        auto request = adapter.chatRequest(p, nullptr, call(r, false));
        QVERIFY(!request.has_value());
        QCOMPARE(request.error().code, ErrorCode::UpstreamBadCredentials);
        QVERIFY(request.error().message.contains(QStringLiteral("provider credential add gem")));
    }
    void chatRequest_toolTurn_matchesFixtureContents()
    {
        // The second turn of the recorded tool conversation: functionCall with its thoughtSignature echoed back,
        // then the functionResponse parsed from the tool's JSON text.
        const Json golden = json(fixture(QStringLiteral("streamGenerateContent-functioncall-turn2.request.json")));
        const std::string signature = golden["contents"][1]["parts"][0]["thoughtSignature"];
        ChatRequest r;
        r.model = QStringLiteral("gemini-3-pro-preview");
        r.messages.append(text(ChatMessage::Role::User,
                               QStringLiteral("What is the capital of the user country? Call the tool")));
        ChatMessage assistant;
        assistant.role = ChatMessage::Role::Assistant;
        assistant.toolCalls.append(ToolCall { QStringLiteral("call_0"), QStringLiteral("get_country"), QStringLiteral("{}"),
                                              QByteArray::fromStdString(signature) });
        r.messages.append(assistant);
        ChatMessage result = text(ChatMessage::Role::Tool, QStringLiteral(R"({"return_value":"Mexico"})"));
        result.toolCallId = QStringLiteral("call_0"); // no name: found from the call
        r.messages.append(result);
        r.tools.append(ToolDefinition { QStringLiteral("get_country"), QString(),
                                        QByteArray(R"({"additionalProperties":false,"properties":{},"type":"object"})") });
        const Json body = encode(r, true);
        Json expected = golden["contents"];
        // pydantic-ai adds ids of its own; the hub sends none (Gemini's ids are optional).
        expected[1]["parts"][0]["functionCall"].erase("id");
        expected[2]["parts"][0]["functionResponse"].erase("id");
        JSON_COMPARE(body["contents"], expected);
        const Json &declaration = body["tools"][0]["functionDeclarations"][0];
        JSON_COMPARE(declaration["name"], Json("get_country"));
        JSON_COMPARE(declaration["parametersJsonSchema"],
                 golden["tools"][0]["functionDeclarations"][0]["parameters_json_schema"]);
        QVERIFY(!body.contains("toolConfig"));
    }
    void chatRequest_openAiClientSignature_reachesGemini_data()
    {
        QTest::addColumn<QString>("convention");
        QTest::newRow("Gemini's OpenAI API: extra_content.google") << QStringLiteral("extra_content");
        QTest::newRow("LiteLLM: provider_specific_fields") << QStringLiteral("provider_specific_fields");
    }
    void chatRequest_openAiClientSignature_reachesGemini()
    {
        // Golden: an OpenAI client sends the recorded turn 2 back with the signature where the hub handed it out;
        // the upstream body is the recorded one, thoughtSignature on the functionCall part.
        QFETCH(QString, convention);
        const Json golden = json(fixture(QStringLiteral("streamGenerateContent-functioncall-turn2.request.json")));
        const std::string signature = golden["contents"][1]["parts"][0]["thoughtSignature"];
        nlohmann::ordered_json call = { { "id", "call_0" },
                                        { "type", "function" },
                                        { "function", { { "name", "get_country" }, { "arguments", "{}" } } } };
        if (convention == QStringLiteral("extra_content"))
            call["extra_content"]["google"]["thought_signature"] = signature;
        else
            call["provider_specific_fields"]["thought_signature"] = signature;
        nlohmann::ordered_json client;
        client["model"] = "gemini-3-pro-preview";
        client["messages"] = nlohmann::ordered_json::array(
            { { { "role", "user" }, { "content", "What is the capital of the user country? Call the tool" } },
              { { "role", "assistant" }, { "content", nullptr }, { "tool_calls", nlohmann::ordered_json::array({ call }) } },
              { { "role", "tool" }, { "tool_call_id", "call_0" }, { "content", R"({"return_value":"Mexico"})" } } });
        auto parsed = OpenAiChatFormat::parseRequest(client);
        QVERIFY(parsed.has_value());
        const Json body = encode(*parsed, true);
        Json expected = golden["contents"];
        expected[1]["parts"][0]["functionCall"].erase("id"); // pydantic-ai's own ids; the hub sends none
        expected[2]["parts"][0]["functionResponse"].erase("id");
        JSON_COMPARE(body["contents"], expected);
    }
    void chatRequest_toolResults_nonObjectTextWrappedAndGroupedInOneTurn()
    {
        ChatRequest r;
        r.model = QStringLiteral("m");
        r.messages.append(text(ChatMessage::Role::User, QStringLiteral("weather?")));
        ChatMessage assistant = text(ChatMessage::Role::Assistant, QStringLiteral("Checking."));
        assistant.toolCalls = { ToolCall { QStringLiteral("a"), QStringLiteral("weather"), QStringLiteral(R"({"city":"Paris"})"), {} },
                                ToolCall { QStringLiteral("b"), QStringLiteral("time"), QString(), {} } };
        r.messages.append(assistant);
        ChatMessage first = text(ChatMessage::Role::Tool, QStringLiteral("sunny, 21 C"));
        first.toolCallId = QStringLiteral("a");
        ChatMessage second = text(ChatMessage::Role::Tool, QStringLiteral("[1,2]"));
        second.toolCallId = QStringLiteral("b");
        second.name = QStringLiteral("time");
        r.messages += { first, second };
        const Json body = encode(r);
        JSON_COMPARE(body["contents"].size(), std::size_t(3));
        JSON_COMPARE(body["contents"][1], Json::parse(R"({"role":"model","parts":[{"text":"Checking."},
            {"functionCall":{"name":"weather","args":{"city":"Paris"}}},{"functionCall":{"name":"time","args":{}}}]})"));
        JSON_COMPARE(body["contents"][2], Json::parse(R"({"role":"user","parts":[
            {"functionResponse":{"name":"weather","response":{"result":"sunny, 21 C"}}},
            {"functionResponse":{"name":"time","response":{"result":"[1,2]"}}}]})"));
    }
    void chatRequest_unsignedCallForGemini3_getsDocumentedPlaceholderOnFirstCallOnly()
    {
        ChatRequest r;
        r.model = QStringLiteral("gemini-3-pro-preview");
        r.messages.append(text(ChatMessage::Role::User, QStringLiteral("x")));
        ChatMessage assistant;
        assistant.role = ChatMessage::Role::Assistant;
        assistant.toolCalls = { ToolCall { QStringLiteral("a"), QStringLiteral("f"), QStringLiteral("{}"), {} },
                                ToolCall { QStringLiteral("b"), QStringLiteral("g"), QStringLiteral("{}"), {} } };
        r.messages.append(assistant);
        Json parts = encode(r)["contents"][1]["parts"];
        JSON_COMPARE(parts[0]["thoughtSignature"], Json("skip_thought_signature_validator"));
        QVERIFY(!parts[1].contains("thoughtSignature"));
        // Older models need no signature, and a real one is never replaced.
        r.model = QStringLiteral("gemini-2.5-flash");
        QVERIFY(!encode(r)["contents"][1]["parts"][0].contains("thoughtSignature"));
        r.model = QStringLiteral("gemini-3-pro-preview");
        r.messages[1].toolCalls[1].signature = "real-sig";
        parts = encode(r)["contents"][1]["parts"];
        QVERIFY(!parts[0].contains("thoughtSignature"));
        JSON_COMPARE(parts[1]["thoughtSignature"], Json("real-sig"));
    }
    void chatRequest_toolResultForUnknownCall_isRejected()
    {
        ChatRequest r;
        r.model = QStringLiteral("m");
        r.messages.append(text(ChatMessage::Role::User, QStringLiteral("x")));
        ChatMessage result = text(ChatMessage::Role::Tool, QStringLiteral("42"));
        result.toolCallId = QStringLiteral("nowhere");
        r.messages.append(result);
        const Error e = encodeError(r);
        QCOMPARE(e.code, ErrorCode::InvalidArgument);
        QVERIFY(e.message.contains(QStringLiteral("nowhere")));
    }
    void chatRequest_toolArgumentsNotObject_isRejected()
    {
        ChatRequest r;
        r.model = QStringLiteral("m");
        r.messages.append(text(ChatMessage::Role::User, QStringLiteral("x")));
        ChatMessage assistant;
        assistant.role = ChatMessage::Role::Assistant;
        assistant.toolCalls.append(ToolCall { QStringLiteral("a"), QStringLiteral("f"), QStringLiteral("[1"), {} });
        r.messages.append(assistant);
        QCOMPARE(encodeError(r).code, ErrorCode::InvalidArgument);
    }
    void chatRequest_generationConfigAndJsonSchema()
    {
        ChatRequest r;
        r.model = QStringLiteral("m");
        r.messages = { text(ChatMessage::Role::User, QStringLiteral("x")) };
        r.temperature = 0.5;
        r.topP = 0.9;
        r.topK = 40;
        r.maxTokens = 256;
        r.stop = { QStringLiteral("END") };
        r.seed = 7;
        r.n = 2;
        r.responseFormat.type = ResponseFormat::Type::JsonSchema;
        r.responseFormat.schema = QByteArray(R"({"type":"object","properties":{"a":{"type":"string"}}})");
        const Json body = encode(r, true);
        JSON_COMPARE(body["generationConfig"], Json::parse(R"({"temperature":0.5,"topP":0.9,"topK":40,"maxOutputTokens":256,
            "stopSequences":["END"],"seed":7,"candidateCount":2,"responseMimeType":"application/json",
            "responseJsonSchema":{"type":"object","properties":{"a":{"type":"string"}}}})"));
    }
    void chatRequest_jsonObject_setsMimeTypeOnly()
    {
        ChatRequest r;
        r.model = QStringLiteral("m");
        r.messages = { text(ChatMessage::Role::User, QStringLiteral("x")) };
        r.responseFormat.type = ResponseFormat::Type::JsonObject;
        JSON_COMPARE(encode(r)["generationConfig"], Json::parse(R"({"responseMimeType":"application/json"})"));
    }
    void chatRequest_badInputs_areRejected()
    {
        ChatRequest r;
        r.model = QStringLiteral("m");
        r.messages = { text(ChatMessage::Role::User, QStringLiteral("x")) };
        r.n = 3;
        QCOMPARE(encodeError(r, false).code, ErrorCode::InvalidArgument); // one choice fits a non-streamed answer
        r.n.reset();
        r.responseFormat.type = ResponseFormat::Type::JsonSchema;
        r.responseFormat.schema = QByteArray("not json");
        QCOMPARE(encodeError(r).code, ErrorCode::InvalidArgument);
        ChatRequest onlySystem;
        onlySystem.model = QStringLiteral("m");
        onlySystem.messages = { text(ChatMessage::Role::System, QStringLiteral("be nice")) };
        QCOMPARE(encodeError(onlySystem).code, ErrorCode::InvalidArgument);
    }
    void chatRequest_toolChoice_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("auto") << int(ToolChoice::Mode::Auto) << QByteArray(R"({"mode":"AUTO"})");
        QTest::newRow("none") << int(ToolChoice::Mode::None) << QByteArray(R"({"mode":"NONE"})");
        QTest::newRow("required") << int(ToolChoice::Mode::Required) << QByteArray(R"({"mode":"ANY"})");
        QTest::newRow("named") << int(ToolChoice::Mode::Named)
                               << QByteArray(R"({"mode":"ANY","allowedFunctionNames":["lookup"]})");
    }
    void chatRequest_toolChoice()
    {
        QFETCH(int, mode);
        QFETCH(QByteArray, expected);
        ChatRequest r;
        r.model = QStringLiteral("m");
        r.messages = { text(ChatMessage::Role::User, QStringLiteral("x")) };
        r.tools.append(ToolDefinition { QStringLiteral("lookup"), QStringLiteral("Looks up"), {} });
        r.toolChoice = ToolChoice { ToolChoice::Mode(mode), QStringLiteral("lookup") };
        const Json body = encode(r);
        JSON_COMPARE(body["toolConfig"]["functionCallingConfig"], json(expected));
        JSON_COMPARE(body["tools"][0]["functionDeclarations"][0],
                 Json::parse(R"({"name":"lookup","description":"Looks up"})"));
    }
    void chatRequest_images_inlineDataUrlAndFileUri()
    {
        ChatRequest r;
        r.model = QStringLiteral("m");
        ChatMessage m = text(ChatMessage::Role::User, QStringLiteral("what is this?"));
        ContentPart bytes;
        bytes.type = ContentPart::Type::Image;
        bytes.imageData = QByteArray("\x89PNG", 4);
        bytes.mimeType = QStringLiteral("image/png");
        ContentPart dataUrl;
        dataUrl.type = ContentPart::Type::Image;
        dataUrl.imageUrl = QStringLiteral("data:image/jpeg;base64,/9j/AA==");
        ContentPart remote;
        remote.type = ContentPart::Type::Image;
        remote.imageUrl = QStringLiteral("https://example.com/cat.webp");
        m.content += { bytes, dataUrl, remote };
        r.messages = { m };
        JSON_COMPARE(encode(r)["contents"][0]["parts"], Json::parse(R"([{"text":"what is this?"},
            {"inlineData":{"mimeType":"image/png","data":"iVBORw=="}},
            {"inlineData":{"mimeType":"image/jpeg","data":"/9j/AA=="}},
            {"fileData":{"fileUri":"https:\/\/example.com\/cat.webp","mimeType":"image/webp"}}])"));
    }
    void parseCompletion_textFixture_readsTextModelAndUsage()
    {
        const GeminiAdapter adapter;
        auto c = adapter.parseCompletion(provider(), fixture(QStringLiteral("generateContent.response.http")));
        QVERIFY(c.has_value());
        QCOMPARE(c->result.text, QStringLiteral("The capital of France is **Paris**."));
        QCOMPARE(c->result.finishReason, QStringLiteral("stop"));
        QCOMPARE(c->result.id, QStringLiteral("1FpeaOWpAs-lkdUP_4eY2QY"));
        QCOMPARE(c->result.model, QStringLiteral("gemini-2.5-pro"));
        QVERIFY(c->result.created > 0);
        QCOMPARE(c->usage.inputTokens, std::optional<qint64>(15));
        QCOMPARE(c->usage.outputTokens, std::optional<qint64>(8 + 275)); // thoughts are billed as output
        QVERIFY(!c->usage.cacheReadTokens.has_value());
        QCOMPARE(c->result.usage.outputTokens, c->usage.outputTokens);
    }
    void parseCompletion_functionCallFixture_makesToolCall()
    {
        const GeminiAdapter adapter;
        auto c = adapter.parseCompletion(provider(), fixture(QStringLiteral("generateContent-functioncall.response.json")));
        QVERIFY(c.has_value());
        QCOMPARE(c->result.toolCalls.size(), 1);
        const ToolCall &call = c->result.toolCalls.constFirst();
        QCOMPARE(call.id, QStringLiteral("call_0"));
        QCOMPARE(call.name, QStringLiteral("weather"));
        JSON_COMPARE(json(call.arguments.toUtf8()),
                 Json::parse(R"({"options":{"decimals":false,"days":1,"alerts":[],"unit":"Fahrenheit"},"city":"Detroit"})"));
        QCOMPARE(c->result.finishReason, QStringLiteral("tool_calls"));
        QCOMPARE(c->usage.inputTokens, std::optional<qint64>(124));
        QCOMPARE(c->usage.outputTokens, std::optional<qint64>(12));
    }
    void parseCompletion_thoughtsCacheAndLength()
    {
        const GeminiAdapter adapter;
        const QByteArray body = R"({"candidates":[{"content":{"parts":[{"text":"hmm","thought":true},{"text":"Hi"}]},
            "finishReason":"MAX_TOKENS"}],"usageMetadata":{"promptTokenCount":100,"cachedContentTokenCount":64,
            "candidatesTokenCount":5}})";
        auto c = adapter.parseCompletion(provider(), body);
        QVERIFY(c.has_value());
        QCOMPARE(c->result.reasoning, QStringLiteral("hmm"));
        QCOMPARE(c->result.text, QStringLiteral("Hi"));
        QCOMPARE(c->result.finishReason, QStringLiteral("length"));
        QCOMPARE(c->usage.cacheReadTokens, std::optional<qint64>(64));
        QCOMPARE(c->usage.inputTokens, std::optional<qint64>(100));
    }
    void parseCompletion_blockedPrompt_isRefused()
    {
        const GeminiAdapter adapter;
        auto c = adapter.parseCompletion(provider(), R"({"promptFeedback":{"blockReason":"SAFETY"},
            "usageMetadata":{"promptTokenCount":7,"totalTokenCount":7}})");
        QVERIFY(!c.has_value());
        QCOMPARE(c.error().code, ErrorCode::UpstreamRefused);
        QVERIFY(c.error().message.contains(QStringLiteral("SAFETY")));
    }
    void parseCompletion_garbage_isProtocolError()
    {
        const GeminiAdapter adapter;
        QCOMPARE(adapter.parseCompletion(provider(), "<html>").error().code, ErrorCode::UpstreamProtocol);
        QCOMPARE(adapter.parseCompletion(provider(), R"({"candidates":[]})").error().code, ErrorCode::UpstreamProtocol);
    }
    void mapError_table_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("retryAfter");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("expectedRetry");
        QTest::newRow("400 bad key") << 400 << fixture(QStringLiteral("error-400-api-key-invalid.json")) << -1
                                     << int(ErrorCode::UpstreamBadCredentials) << -1;
        QTest::newRow("403") << 403 << QByteArray(R"({"error":{"code":403,"message":"Permission denied","status":"PERMISSION_DENIED"}})")
                             << -1 << int(ErrorCode::UpstreamBadCredentials) << -1;
        QTest::newRow("404 model") << 404 << fixture(QStringLiteral("error-404-model-not-found.http")) << -1
                                   << int(ErrorCode::UpstreamModelNotFound) << -1;
        QTest::newRow("429 retryDelay") << 429 << fixture(QStringLiteral("error-429-resource-exhausted.json")) << -1
                                        << int(ErrorCode::UpstreamRateLimited) << 33;
        QTest::newRow("429 header wins") << 429 << fixture(QStringLiteral("error-429-resource-exhausted.json")) << 5
                                         << int(ErrorCode::UpstreamRateLimited) << 5;
        QTest::newRow("400 too long")
            << 400
            << QByteArray(R"({"error":{"code":400,"message":"The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).","status":"INVALID_ARGUMENT"}})")
            << -1 << int(ErrorCode::UpstreamBadRequest) << -1;
        QTest::newRow("400 other") << 400 << QByteArray(R"({"error":{"code":400,"message":"Invalid value at 'contents'","status":"INVALID_ARGUMENT"}})")
                                   << -1 << int(ErrorCode::UpstreamBadRequest) << -1;
        QTest::newRow("500") << 500 << QByteArray(R"({"error":{"code":500,"message":"Internal error","status":"INTERNAL"}})")
                             << -1 << int(ErrorCode::UpstreamUnavailable) << -1;
        QTest::newRow("503 not json") << 503 << QByteArray("Service Unavailable") << -1
                                      << int(ErrorCode::UpstreamUnavailable) << -1;
        QTest::newRow("504") << 504 << QByteArray() << -1 << int(ErrorCode::UpstreamTimeout) << -1;
    }
    void mapError_table()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, retryAfter);
        QFETCH(int, code);
        QFETCH(int, expectedRetry);
        const GeminiAdapter adapter;
        const Error e = adapter.mapError(provider(), status, body, retryAfter);
        QCOMPARE(int(e.code), code);
        QCOMPARE(e.upstreamStatus, status);
        QCOMPARE(e.provider, QStringLiteral("gem"));
        QCOMPARE(e.retryAfterSeconds, expectedRetry);
        QVERIFY2(e.message.contains(QStringLiteral("Google Gemini (provider \"gem\")")), qPrintable(e.message));
        if (e.code == ErrorCode::UpstreamBadCredentials)
            QVERIFY(e.message.contains(QStringLiteral("`aigne-hubd provider credential add gem`")));
        if (status == 400 && body.contains("token count"))
            QVERIFY(e.message.contains(QStringLiteral("too long")));
    }
    void models_requestAndParse()
    {
        const GeminiAdapter adapter;
        const LiveProvider p = provider();
        auto request = adapter.modelsRequest(p, &p.credentials.constFirst());
        QVERIFY(request.has_value());
        QCOMPARE(request->method, QByteArray("GET"));
        QCOMPARE(request->url.path(), QStringLiteral("/v1beta/models"));
        QCOMPARE(header(*request, "x-goog-api-key"), QByteArray("AIza-test-123"));
        auto test = adapter.testRequest(p, &p.credentials.constFirst());
        QVERIFY(test.has_value());
        QCOMPARE(test->url.path(), QStringLiteral("/v1beta/models"));
        auto models = adapter.parseModels(R"({"models":[{"name":"models/gemini-2.5-flash"},{"name":"models/embedding-001"}],"nextPageToken":"x"})");
        QVERIFY(models.has_value());
        QCOMPARE(*models, QStringList({ QStringLiteral("gemini-2.5-flash"), QStringLiteral("embedding-001") }));
        QCOMPARE(adapter.parseModels("[]").error().code, ErrorCode::UpstreamProtocol);
    }
    void models_listWithLimitsAndTypes()
    {
        const GeminiAdapter adapter;
        const auto list = adapter.parseModelList(R"({"models":[
            {"name":"models/gemini-2.0-flash","inputTokenLimit":1048576,"outputTokenLimit":8192,
             "supportedGenerationMethods":["generateContent","countTokens"]},
            {"name":"models/text-embedding-004","inputTokenLimit":2048,"supportedGenerationMethods":["embedContent"]},
            {"name":"models/imagen-3.0-generate-002","supportedGenerationMethods":["predict"]},
            {"name":"models/aqa"},{"displayName":"no name"}]})");
        QVERIFY(list.has_value());
        QCOMPARE(list->size(), 4);
        QCOMPARE(list->at(0).id, QStringLiteral("gemini-2.0-flash"));
        QCOMPARE(list->at(0).contextLength, 1048576);
        QCOMPARE(list->at(0).maxOutputTokens, 8192);
        QCOMPARE(list->at(0).type, ModelInfo::Type::Chat);
        QCOMPARE(list->at(1).type, ModelInfo::Type::Embedding);
        QCOMPARE(list->at(1).contextLength, 2048);
        QCOMPARE(list->at(2).type, ModelInfo::Type::Image);
        QCOMPARE(list->at(3).type, ModelInfo::Type::Unknown);
        QCOMPARE(adapter.parseModelList("[]").error().code, ErrorCode::UpstreamProtocol);
    }
    void embeddings_oneInput_usesEmbedContent()
    {
        const GeminiAdapter adapter;
        const LiveProvider p = provider();
        EmbeddingRequest r { QStringLiteral("gemini-embedding-001"), { QStringLiteral("Hello") }, 256 };
        auto request = adapter.embeddingRequest(p, &p.credentials.constFirst(), r);
        QVERIFY(request.has_value());
        QCOMPARE(request->url.toString(),
                 QStringLiteral("https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:embedContent"));
        JSON_COMPARE(json(request->body), Json::parse(R"({"model":"models/gemini-embedding-001",
            "content":{"parts":[{"text":"Hello"}]},"outputDimensionality":256})"));
        auto result = adapter.parseEmbeddings(p, fixture(QStringLiteral("embedContent.response.json")));
        QVERIFY(result.has_value());
        QCOMPARE(result->vectors.size(), 1);
        QVERIFY(result->vectors.constFirst().size() > 100);
        QCOMPARE(result->vectors.constFirst().constFirst(), -0.010632273f);
        QVERIFY(!result->usage.reported());
    }
    void embeddings_severalInputs_useBatchEmbedContents()
    {
        const GeminiAdapter adapter;
        const LiveProvider p = provider();
        EmbeddingRequest r { QStringLiteral("gemini-embedding-2-preview"), { QStringLiteral("a"), QStringLiteral("b") }, std::nullopt };
        auto request = adapter.embeddingRequest(p, &p.credentials.constFirst(), r);
        QVERIFY(request.has_value());
        QVERIFY(request->url.path().endsWith(QStringLiteral("/models/gemini-embedding-2-preview:batchEmbedContents")));
        JSON_COMPARE(json(request->body), Json::parse(R"({"requests":[
            {"model":"models/gemini-embedding-2-preview","content":{"parts":[{"text":"a"}]}},
            {"model":"models/gemini-embedding-2-preview","content":{"parts":[{"text":"b"}]}}]})"));
        // The recorded batch request has the same shape (plus a taskType the hub does not set).
        Json golden = json(fixture(QStringLiteral("batchEmbedContents.request.json")));
        QVERIFY(golden["requests"][0].contains("content") && golden["requests"][0].contains("model"));
        auto result = adapter.parseEmbeddings(p, fixture(QStringLiteral("batchEmbedContents.response.json")));
        QVERIFY(result.has_value());
        QCOMPARE(result->vectors.size(), 1);
        QCOMPARE(result->vectors.constFirst().size(), 768);
        QCOMPARE(adapter.parseEmbeddings(p, R"({"embeddings":[{"values":["x"]}]})").error().code, ErrorCode::UpstreamProtocol);
        EmbeddingRequest empty { QStringLiteral("m"), {}, std::nullopt };
        QCOMPARE(adapter.embeddingRequest(p, &p.credentials.constFirst(), empty).error().code, ErrorCode::InvalidArgument);
    }
    void images_imagenPredict()
    {
        const GeminiAdapter adapter;
        const LiveProvider p = provider();
        ImageRequest r;
        r.model = QStringLiteral("imagen-4.0-generate-001");
        r.prompt = QStringLiteral("a cat");
        r.n = 2;
        r.size = QStringLiteral("1792x1024");
        auto request = adapter.imageRequest(p, &p.credentials.constFirst(), r);
        QVERIFY(request.has_value());
        QVERIFY(request->url.path().endsWith(QStringLiteral("/models/imagen-4.0-generate-001:predict")));
        JSON_COMPARE(json(request->body), Json::parse(R"({"instances":[{"prompt":"a cat"}],
            "parameters":{"sampleCount":2,"aspectRatio":"16:9"}})"));
        auto images = adapter.parseImages(p, R"({"predictions":[{"mimeType":"image/png","bytesBase64Encoded":"iVBORw=="}]})");
        QVERIFY(images.has_value());
        QCOMPARE(images->images.size(), 1);
        QCOMPARE(images->images.constFirst().data, QByteArray("\x89PNG", 4));
        QCOMPARE(images->images.constFirst().mimeType, QStringLiteral("image/png"));
        QCOMPARE(adapter.parseImages(p, "{}").error().code, ErrorCode::UpstreamRefused);
        r.size = QStringLiteral("333x333");
        QCOMPARE(adapter.imageRequest(p, &p.credentials.constFirst(), r).error().code, ErrorCode::InvalidArgument);
        r.size.clear();
        r.n = 9;
        QCOMPARE(adapter.imageRequest(p, &p.credentials.constFirst(), r).error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestGeminiAdapter)
#include "tst_geminiadapter.moc"
