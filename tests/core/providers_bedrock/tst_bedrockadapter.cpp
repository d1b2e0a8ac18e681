// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/bedrock/bedrockadapter.h"
#include "core/providers/bedrock/bedrockconverse.h"
#include "core/providers/openaichatformat.h"
#include "core/providers/bedrock/sigv4signer.h"
#include "core/providers/liveprovider.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace AiHub::Providers;
using namespace Qt::StringLiterals;
using Json = nlohmann::json;

// QCOMPARE cannot take nlohmann::json (its overloads drag in qfloat16 conversions).
#define QCOMPARE_JSON(actual, expected)                                                                       \
    do {                                                                                                      \
        const Json a_ = (actual);                                                                             \
        const Json e_ = (expected);                                                                           \
        QVERIFY2(a_ == e_, (a_.dump() + "\n   !=\n" + e_.dump()).c_str());                                   \
    } while (false)

namespace {
const QString kFixtures = QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/bedrock");
const QDateTime kNow = QDateTime::fromString(u"2026-03-04T05:06:07Z"_s, Qt::ISODate);

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

struct HttpFixture {
    int status = 0;
    QByteArray body;
};

HttpFixture httpFixture(const QString &name)
{
    const QByteArray raw = readFile(kFixtures + u'/' + name);
    HttpFixture out;
    out.status = raw.split(' ').value(1).toInt();
    qsizetype split = raw.indexOf("\r\n\r\n");
    out.body = split >= 0 ? raw.mid(split + 4) : raw.mid(raw.indexOf("\n\n") + 2);
    return out;
}

Json parse(const QByteArray &bytes) { return Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false); }

LiveProvider provider(const QString &region = u"us-east-1"_s, const QString &baseUrl = {})
{
    LiveProvider p;
    p.config.name = u"aws"_s;
    p.config.kind = ProviderKind::Bedrock;
    p.config.region = region;
    p.config.baseUrl = baseUrl;
    return p;
}

LiveCredential credential(const QString &token = {})
{
    LiveCredential c;
    c.info.accessKeyId = u"AKIDEXAMPLE"_s;
    c.secret.secretAccessKey = u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s;
    c.secret.sessionToken = token;
    return c;
}

QByteArray header(const Net::UpstreamRequest &r, QByteArrayView name)
{
    for (const auto &[n, v] : r.headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

ChatMessage textMessage(ChatMessage::Role role, const QString &text)
{
    ChatMessage m;
    m.role = role;
    ContentPart part;
    part.text = text;
    m.content.append(part);
    return m;
}

// Checks that the Authorization header is the SigV4 signature of the request exactly as it will be sent.
void verifySignature(const Net::UpstreamRequest &r, const LiveCredential &c, const QString &region)
{
    SigV4Signer::Request sr;
    sr.method = r.method;
    sr.path = r.url.path(QUrl::FullyEncoded).toLatin1();
    sr.query = r.url.query(QUrl::FullyEncoded).toLatin1();
    sr.body = r.body;
    for (const auto &h : r.headers) {
        const QByteArray lower = h.first.toLower();
        if (lower != "authorization" && lower != "x-amz-date" && lower != "x-amz-security-token")
            sr.headers.append(h);
    }
    const SigV4Signer signer(u"bedrock"_s, region,
                             { c.info.accessKeyId, c.secret.secretAccessKey, c.secret.sessionToken });
    const auto s = signer.signHeaders(sr, kNow);
    QVERIFY(s.has_value());
    QByteArray expected;
    for (const auto &h : s->headersToAdd) {
        if (h.first == "Authorization")
            expected = h.second;
    }
    QCOMPARE(header(r, "Authorization"), expected);
}
} // namespace

class TestBedrockAdapter final : public QObject {
    Q_OBJECT

private:
    BedrockAdapter m_adapter { [] { return kNow; } };

private Q_SLOTS:
    void chatRequest_simpleConverse_matchesFixtureBodyUrlAndSignature()
    {
        ChatCall call;
        call.request.model = u"us.amazon.nova-micro-v1:0"_s;
        call.request.messages = { textMessage(ChatMessage::Role::System, u"You are a chatbot."_s),
                                  textMessage(ChatMessage::Role::User, u"Hello!"_s) };
        const LiveCredential c = credential();
        const auto r = m_adapter.chatRequest(provider(), &c, call);
        QVERIFY(r.has_value());
        QCOMPARE(r->method, QByteArray("POST"));
        QCOMPARE(r->url.toString(QUrl::FullyEncoded),
                 u"https://bedrock-runtime.us-east-1.amazonaws.com/model/us.amazon.nova-micro-v1%3A0/converse"_s);
        QCOMPARE_JSON(parse(r->body), parse(readFile(kFixtures + u"/converse.request.json"_s)));
        QCOMPARE(header(*r, "Host"), QByteArray("bedrock-runtime.us-east-1.amazonaws.com"));
        QCOMPARE(header(*r, "Content-Type"), QByteArray("application/json"));
        QCOMPARE(header(*r, "Accept"), QByteArray("application/json"));
        QCOMPARE(header(*r, "X-Amz-Date"), QByteArray("20260304T050607Z"));
        QVERIFY(header(*r, "X-Amz-Security-Token").isEmpty());
        QVERIFY(header(*r, "Authorization")
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260304/us-east-1/bedrock/aws4_request, "
                                "SignedHeaders=accept;content-type;host;x-amz-date, Signature="));
        verifySignature(*r, c, u"us-east-1"_s);
    }

    void chatRequest_streamWithTools_matchesFixtureBody()
    {
        ChatCall call;
        call.stream = true;
        call.request.model = u"us.amazon.nova-micro-v1:0"_s;
        call.request.messages = { textMessage(ChatMessage::Role::System, u"You are a helpful chatbot."_s),
                                  textMessage(ChatMessage::Role::User,
                                              u"What is the temperature of the capital of France?"_s) };
        call.request.topP = 0.5;
        call.request.tools = {
            { u"get_capital"_s, u"Get the capital of a country."_s,
              R"({"properties": {"country": {"description": "The country name.", "title": "Country", "type": "string"}}, "required": ["country"], "type": "object", "additionalProperties": false})" },
            { u"get_temperature"_s, u"Get the temperature in a city."_s,
              R"({"properties": {"city": {"description": "The city name.", "title": "City", "type": "string"}}, "required": ["city"], "type": "object", "additionalProperties": false})" },
        };
        const LiveCredential c = credential();
        const auto r = m_adapter.chatRequest(provider(), &c, call);
        QVERIFY(r.has_value());
        QCOMPARE(r->url.path(QUrl::FullyEncoded), u"/model/us.amazon.nova-micro-v1%3A0/converse-stream"_s);
        QCOMPARE(header(*r, "Accept"), QByteArray("application/vnd.amazon.eventstream"));
        QCOMPARE_JSON(parse(r->body), parse(readFile(kFixtures + u"/converse-stream-tool-use.request.json"_s)));
        verifySignature(*r, c, u"us-east-1"_s);
    }

    void chatRequest_claudeWithReasoningEffort_matchesFixtureBody()
    {
        ChatCall call;
        call.stream = true;
        call.request.model = u"us.anthropic.claude-sonnet-4-20250514-v1:0"_s;
        call.request.messages = { textMessage(ChatMessage::Role::User, u"Hello"_s) };
        call.request.reasoningEffort = u"low"_s;
        const LiveCredential c = credential();
        const auto r = m_adapter.chatRequest(provider(), &c, call);
        QVERIFY(r.has_value());
        QCOMPARE(r->url.path(QUrl::FullyEncoded),
                 u"/model/us.anthropic.claude-sonnet-4-20250514-v1%3A0/converse-stream"_s);
        QCOMPARE_JSON(parse(r->body), parse(readFile(kFixtures + u"/converse-stream-reasoning.request.json"_s)));
    }

    void chatRequest_fullConversation_encodesEveryBlockKind()
    {
        ChatCall call;
        call.request.model = u"anthropic.claude-3-haiku-20240307-v1:0"_s;
        ChatMessage user = textMessage(ChatMessage::Role::User, u"What is in this picture?"_s);
        ContentPart image;
        image.type = ContentPart::Type::Image;
        image.imageUrl = u"data:image/png;base64,iVBORw0K"_s;
        user.content.append(image);
        ChatMessage assistant = textMessage(ChatMessage::Role::Assistant, u"Let me look."_s);
        assistant.toolCalls.append({ u"tu_1"_s, u"lookup"_s, u"{\"q\":\"cat\"}"_s, {} });
        ChatMessage tool = textMessage(ChatMessage::Role::Tool, u"a cat"_s);
        tool.toolCallId = u"tu_1"_s;
        ChatMessage after = textMessage(ChatMessage::Role::User, u"Thanks"_s);
        call.request.messages = { user, assistant, tool, after };
        call.request.maxTokens = 100;
        call.request.temperature = 0.25;
        call.request.stop = { u"END"_s };
        call.request.tools = { { u"lookup"_s, {}, {} } };
        call.request.toolChoice = ToolChoice { ToolChoice::Mode::Named, u"lookup"_s };
        const LiveCredential c = credential();
        const auto r = m_adapter.chatRequest(provider(), &c, call);
        QVERIFY(r.has_value());
        const Json expected = Json::parse(R"({
          "messages": [
            {"role": "user", "content": [{"text": "What is in this picture?"},
                                         {"image": {"format": "png", "source": {"bytes": "iVBORw0K"}}}]},
            {"role": "assistant", "content": [{"text": "Let me look."},
                                              {"toolUse": {"toolUseId": "tu_1", "name": "lookup", "input": {"q": "cat"}}}]},
            {"role": "user", "content": [{"toolResult": {"toolUseId": "tu_1", "content": [{"text": "a cat"}]}},
                                         {"text": "Thanks"}]}
          ],
          "system": [],
          "inferenceConfig": {"maxTokens": 100, "temperature": 0.25, "stopSequences": ["END"]},
          "toolConfig": {"tools": [{"toolSpec": {"name": "lookup", "inputSchema": {"json": {"type": "object", "properties": {}}}}}],
                         "toolChoice": {"tool": {"name": "lookup"}}}
        })");
        QCOMPARE_JSON(parse(r->body), expected);
    }

    void chatRequest_toolChoiceRequired_isAny()
    {
        ChatCall call;
        call.request.model = u"m"_s;
        call.request.messages = { textMessage(ChatMessage::Role::User, u"hi"_s) };
        call.request.tools = { { u"t"_s, u"d"_s, R"({"type":"object"})" } };
        call.request.toolChoice = ToolChoice { ToolChoice::Mode::Required, {} };
        const LiveCredential c = credential();
        const auto r = m_adapter.chatRequest(provider(), &c, call);
        QVERIFY(r.has_value());
        QCOMPARE_JSON(parse(r->body)["toolConfig"]["toolChoice"], Json::parse(R"({"any": {}})"));
        call.request.toolChoice = ToolChoice { ToolChoice::Mode::None, {} };
        const auto none = m_adapter.chatRequest(provider(), &c, call);
        QVERIFY(none.has_value());
        QVERIFY(!parse(none->body).contains("toolConfig"));
    }

    void chatRequest_sessionToken_isSentAndSigned()
    {
        ChatCall call;
        call.request.model = u"m"_s;
        call.request.messages = { textMessage(ChatMessage::Role::User, u"hi"_s) };
        const LiveCredential c = credential(u"session-token-1"_s);
        const auto r = m_adapter.chatRequest(provider(u"eu-west-3"_s), &c, call);
        QVERIFY(r.has_value());
        QCOMPARE(r->url.host(), u"bedrock-runtime.eu-west-3.amazonaws.com"_s);
        QCOMPARE(header(*r, "X-Amz-Security-Token"), QByteArray("session-token-1"));
        QVERIFY(header(*r, "Authorization").contains("/eu-west-3/bedrock/aws4_request"));
        QVERIFY(header(*r, "Authorization").contains("x-amz-security-token"));
        verifySignature(*r, c, u"eu-west-3"_s);
    }

    void chatRequest_arnModelId_isPathEncoded()
    {
        ChatCall call;
        call.request.model = u"arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0"_s;
        call.request.messages = { textMessage(ChatMessage::Role::User, u"hi"_s) };
        const LiveCredential c = credential();
        const auto r = m_adapter.chatRequest(provider(), &c, call);
        QVERIFY(r.has_value());
        QCOMPARE(r->url.path(QUrl::FullyEncoded),
                 u"/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.amazon.nova-pro-v1%3A0/converse"_s);
        verifySignature(*r, c, u"us-east-1"_s);
    }

    void chatRequest_customBaseUrl_isUsedAndSigned()
    {
        ChatCall call;
        call.request.model = u"m:1"_s;
        call.request.messages = { textMessage(ChatMessage::Role::User, u"hi"_s) };
        const LiveCredential c = credential();
        const auto r = m_adapter.chatRequest(provider(u"us-west-2"_s, u"http://127.0.0.1:4567/"_s), &c, call);
        QVERIFY(r.has_value());
        QCOMPARE(r->url.toString(QUrl::FullyEncoded), u"http://127.0.0.1:4567/model/m%3A1/converse"_s);
        QCOMPARE(header(*r, "Host"), QByteArray("127.0.0.1:4567"));
        verifySignature(*r, c, u"us-west-2"_s);
    }

    void chatRequest_missingCredential_reportsBadCredentials()
    {
        ChatCall call;
        call.request.model = u"m"_s;
        call.request.messages = { textMessage(ChatMessage::Role::User, u"hi"_s) };
        auto r = m_adapter.chatRequest(provider(), nullptr, call);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::UpstreamBadCredentials);
        QVERIFY(r.error().message.contains(u"aigne-hubd provider credential add aws"_s));
        LiveCredential noId = credential();
        noId.info.accessKeyId.clear();
        r = m_adapter.chatRequest(provider(), &noId, call);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::UpstreamBadCredentials);
    }

    void chatRequest_unsupportedOptions_failClearly_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("n=2") << 0;
        QTest::newRow("json_schema") << 1;
        QTest::newRow("image URL") << 2;
        QTest::newRow("bad tool schema") << 3;
        QTest::newRow("no messages") << 4;
    }

    void chatRequest_unsupportedOptions_failClearly()
    {
        QFETCH(int, which);
        ChatCall call;
        call.request.model = u"m"_s;
        call.request.messages = { textMessage(ChatMessage::Role::User, u"hi"_s) };
        if (which == 0)
            call.request.n = 2;
        if (which == 1)
            call.request.responseFormat.type = ResponseFormat::Type::JsonSchema;
        if (which == 2) {
            ContentPart image;
            image.type = ContentPart::Type::Image;
            image.imageUrl = u"https://example.com/cat.png"_s;
            call.request.messages[0].content.append(image);
        }
        if (which == 3)
            call.request.tools = { { u"t"_s, {}, "[1,2]" } };
        if (which == 4)
            call.request.messages = { textMessage(ChatMessage::Role::System, u"only a system prompt"_s) };
        const LiveCredential c = credential();
        const auto r = m_adapter.chatRequest(provider(), &c, call);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!r.error().message.isEmpty());
    }

    void parseCompletion_fixture_givesTextFinishAndUsage()
    {
        const HttpFixture f = httpFixture(u"converse.response.http"_s);
        QCOMPARE(f.status, 200);
        const auto c = m_adapter.parseCompletion(provider(), f.body);
        QVERIFY(c.has_value());
        QVERIFY(c->result.text.startsWith(u"Hello! How can I assist you today?"_s));
        QCOMPARE(c->result.finishReason, u"stop"_s);
        QCOMPARE(c->usage.inputTokens, std::optional<qint64>(7));
        QCOMPARE(c->usage.outputTokens, std::optional<qint64>(30));
        QVERIFY(!c->usage.cacheReadTokens.has_value());
        QVERIFY(!c->usage.cacheWriteTokens.has_value());
        QCOMPARE(c->result.usage.inputTokens, c->usage.inputTokens);
        QVERIFY(c->result.created > 0);
    }

    void openAiInterleavedThinking_converseBody_everyBlockInOrderBeforeToolUse_golden()
    {
        // tests/data/thinking: two signed reasoning blocks and a redacted one, as an OpenAI client replays them.
        auto parsed = OpenAiChatFormat::parseRequest(
            nlohmann::ordered_json::parse(readFile(QStringLiteral(AIHUB_TEST_DATA_DIR "/thinking/openai-request-interleaved-thinking.json"))
                                              .toStdString()));
        QVERIFY(parsed.has_value());
        parsed->model = u"anthropic.claude-sonnet-4-20250514-v1:0"_s;
        const auto body = BedrockConverse::encodeRequest(*parsed);
        QVERIFY(body.has_value());
        const nlohmann::json expected = nlohmann::json::parse(
            readFile(QStringLiteral(AIHUB_TEST_DATA_DIR "/thinking/bedrock-converse-interleaved-thinking.expected.json")).toStdString());
        QVERIFY2(nlohmann::json::parse(body->dump()) == expected, body->dump().c_str());
    }

    void parseCompletion_interleavedReasoning_everyBlockKeptInOrder()
    {
        const QByteArray body = R"({"output":{"message":{"role":"assistant","content":[
            {"reasoningContent":{"reasoningText":{"text":"A.","signature":"c2lnLUE="}}},
            {"toolUse":{"toolUseId":"t1","name":"f","input":{}}},
            {"reasoningContent":{"redactedContent":"cmVkYWN0ZWQ="}},
            {"reasoningContent":{"reasoningText":{"text":"B.","signature":"c2lnLUI="}}},
            {"toolUse":{"toolUseId":"t2","name":"f","input":{}}}]}},
            "stopReason":"tool_use","usage":{"inputTokens":5,"outputTokens":6,"totalTokens":11}})";
        const auto c = m_adapter.parseCompletion(provider(), body);
        QVERIFY(c.has_value());
        QCOMPARE(c->result.reasoning, u"A.B."_s);
        QCOMPARE(c->result.thinkingBlocks.size(), 3);
        QCOMPARE(c->result.thinkingBlocks[0].signature, QByteArray("c2lnLUE="));
        QCOMPARE(c->result.thinkingBlocks[1].redactedData, QByteArray("cmVkYWN0ZWQ="));
        QCOMPARE(c->result.thinkingBlocks[2].thinking, u"B."_s);
        QCOMPARE(c->result.thinkingBlocks[2].signature, QByteArray("c2lnLUI="));
        QCOMPARE(c->result.toolCalls.size(), 2);
    }

    void parseCompletion_toolUseAndReasoning_areExtracted()
    {
        const QByteArray body = R"({"output":{"message":{"role":"assistant","content":[
            {"reasoningContent":{"reasoningText":{"text":"Think.","signature":"sig"}}},
            {"text":"Calling."},
            {"toolUse":{"toolUseId":"t1","name":"get_temperature","input":{"city":"Paris"}}}]}},
            "stopReason":"tool_use",
            "usage":{"inputTokens":5,"outputTokens":6,"totalTokens":11,"cacheReadInputTokens":3,"cacheWriteInputTokens":2}})";
        const auto c = m_adapter.parseCompletion(provider(), body);
        QVERIFY(c.has_value());
        QCOMPARE(c->result.reasoning, u"Think."_s);
        QCOMPARE(c->result.thinkingBlocks.size(), 1); // kept for the next turn
        QCOMPARE(c->result.thinkingBlocks[0].thinking, u"Think."_s);
        QCOMPARE(c->result.thinkingBlocks[0].signature, QByteArray("sig"));
        QCOMPARE(c->result.text, u"Calling."_s);
        QCOMPARE(c->result.toolCalls.size(), 1);
        QCOMPARE(c->result.toolCalls[0].id, u"t1"_s);
        QCOMPARE(c->result.toolCalls[0].name, u"get_temperature"_s);
        QCOMPARE_JSON(parse(c->result.toolCalls[0].arguments.toUtf8()), Json::parse(R"({"city":"Paris"})"));
        QCOMPARE(c->result.finishReason, u"tool_calls"_s);
        QCOMPARE(c->usage.cacheReadTokens, std::optional<qint64>(3));
        QCOMPARE(c->usage.cacheWriteTokens, std::optional<qint64>(2));
    }

    void parseCompletion_stopReasons_mapToOpenAiWords_data()
    {
        QTest::addColumn<QString>("stop");
        QTest::addColumn<QString>("finish");
        QTest::newRow("end_turn") << u"end_turn"_s << u"stop"_s;
        QTest::newRow("stop_sequence") << u"stop_sequence"_s << u"stop"_s;
        QTest::newRow("max_tokens") << u"max_tokens"_s << u"length"_s;
        QTest::newRow("tool_use") << u"tool_use"_s << u"tool_calls"_s;
        QTest::newRow("content_filtered") << u"content_filtered"_s << u"content_filter"_s;
        QTest::newRow("guardrail_intervened") << u"guardrail_intervened"_s << u"content_filter"_s;
    }

    void parseCompletion_stopReasons_mapToOpenAiWords()
    {
        QFETCH(QString, stop);
        QFETCH(QString, finish);
        const QByteArray body = QByteArray("{\"output\":{\"message\":{\"content\":[{\"text\":\"x\"}]}},\"stopReason\":\"") + stop.toUtf8() + "\"}";
        const auto c = m_adapter.parseCompletion(provider(), body);
        QVERIFY(c.has_value());
        QCOMPARE(c->result.finishReason, finish);
        QVERIFY(!c->usage.reported()); // no usage in the body: none invented
    }

    void parseCompletion_garbage_reportsProtocolError()
    {
        for (const QByteArray &body : { QByteArray("not json"), QByteArray(R"({"output":{}})"), QByteArray("[]") }) {
            const auto c = m_adapter.parseCompletion(provider(), body);
            QVERIFY(!c.has_value());
            QCOMPARE(c.error().code, ErrorCode::UpstreamProtocol);
        }
    }

    void mapError_table_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("needle");
        const HttpFixture invalidModel = httpFixture(u"error-400-invalid-model.http"_s);
        const HttpFixture throttled = httpFixture(u"error-429-throttling.http"_s);
        QTest::newRow("fixture 400 invalid model") << invalidModel.status << invalidModel.body
                                                   << int(ErrorCode::UpstreamModelNotFound) << u"model identifier"_s;
        QTest::newRow("fixture 429 throttling") << throttled.status << throttled.body
                                                << int(ErrorCode::UpstreamRateLimited) << u"Rate exceeded"_s;
        QTest::newRow("403 unrecognized client")
            << 403 << QByteArray(R"({"message":"The security token included in the request is invalid."})")
            << int(ErrorCode::UpstreamBadCredentials) << u"aigne-hubd provider credential add aws"_s;
        QTest::newRow("400 UnrecognizedClientException type")
            << 400 << QByteArray(R"({"__type":"UnrecognizedClientException","message":"bad"})")
            << int(ErrorCode::UpstreamBadCredentials) << u"Check the key for \"aws\""_s;
        QTest::newRow("403 InvalidSignatureException")
            << 403 << QByteArray("{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\","
                          "\"message\":\"The request signature we calculated does not match\"}")
            << int(ErrorCode::UpstreamBadCredentials) << u"InvalidSignatureException"_s;
        QTest::newRow("403 AccessDeniedException")
            << 403 << QByteArray(R"({"__type":"AccessDeniedException","message":"You do not have access to the model"})")
            << int(ErrorCode::UpstreamBadCredentials) << u"Bedrock console"_s;
        QTest::newRow("404 ResourceNotFound") << 404 << QByteArray(R"({"message":"Model not found"})")
                                              << int(ErrorCode::UpstreamModelNotFound) << u"/v1/models"_s;
        QTest::newRow("400 too long")
            << 400 << QByteArray("{\"__type\":\"ValidationException:http:/" "/internal.amazon.com/coral/com.amazon.bedrock/\","
                          "\"message\":\"Input is too long for requested model.\"}")
            << int(ErrorCode::UpstreamBadRequest) << u"too long for this model"_s;
        QTest::newRow("400 guardrail") << 400 << QByteArray(R"({"message":"Blocked by guardrail policy"})")
                                       << int(ErrorCode::UpstreamRefused) << u"refused"_s;
        QTest::newRow("400 other") << 400 << QByteArray(R"({"message":"Malformed input request"})")
                                   << int(ErrorCode::UpstreamBadRequest) << u"Malformed input request"_s;
        QTest::newRow("408 model timeout") << 408 << QByteArray(R"({"message":"Model has timed out"})")
                                           << int(ErrorCode::UpstreamTimeout) << u"timed out"_s;
        QTest::newRow("504") << 504 << QByteArray("gateway timeout") << int(ErrorCode::UpstreamTimeout)
                             << u"gateway timeout"_s;
        QTest::newRow("424 model error") << 424 << QByteArray(R"({"__type":"ModelErrorException","message":"boom"})")
                                         << int(ErrorCode::UpstreamUnavailable) << u"boom"_s;
        QTest::newRow("500") << 500 << QByteArray(R"({"message":"internal"})") << int(ErrorCode::UpstreamUnavailable)
                             << u"Try again shortly"_s;
        QTest::newRow("503") << 503 << QByteArray(R"({"__type":"ServiceUnavailableException","message":"busy"})")
                             << int(ErrorCode::UpstreamUnavailable) << u"busy"_s;
    }

    void mapError_table()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, needle);
        const Error e = m_adapter.mapError(provider(), status, body, 7);
        QCOMPARE(int(e.code), code);
        QCOMPARE(e.upstreamStatus, status);
        QCOMPARE(e.provider, u"aws"_s);
        QCOMPARE(e.retryAfterSeconds, 7);
        QVERIFY2(e.message.contains(u"Amazon Bedrock (provider \"aws\")"_s), qPrintable(e.message));
        QVERIFY2(e.message.contains(needle), qPrintable(e.message));
    }

    void mapError_rateLimited_saysHowLongToWait()
    {
        const Error e = m_adapter.mapError(provider(), 429, R"({"message":"Too many requests"})", 12);
        QVERIFY(e.message.contains(u"Wait 12 s"_s));
    }

    void modelsRequest_usesControlPlaneHost()
    {
        const LiveCredential c = credential();
        const auto r = m_adapter.modelsRequest(provider(u"ap-northeast-1"_s), &c);
        QVERIFY(r.has_value());
        QCOMPARE(r->method, QByteArray("GET"));
        QCOMPARE(r->url.toString(QUrl::FullyEncoded), u"https://bedrock.ap-northeast-1.amazonaws.com/foundation-models"_s);
        QCOMPARE(header(*r, "Host"), QByteArray("bedrock.ap-northeast-1.amazonaws.com"));
        QVERIFY(r->body.isEmpty());
        QVERIFY(header(*r, "Content-Type").isEmpty());
        QVERIFY(header(*r, "Authorization").contains("/ap-northeast-1/bedrock/aws4_request"));
        verifySignature(*r, c, u"ap-northeast-1"_s);
        const auto t = m_adapter.testRequest(provider(u"ap-northeast-1"_s), &c);
        QVERIFY(t.has_value());
        QCOMPARE(t->url, r->url);
    }

    void controlPlaneBaseUrl_followsCustomBaseUrl()
    {
        QCOMPARE(BedrockAdapter::controlPlaneBaseUrl(provider(u"us-east-1"_s, u"https://bedrock-runtime.us-gov-west-1.amazonaws.com"_s)),
                 u"https://bedrock.us-gov-west-1.amazonaws.com"_s);
        QCOMPARE(BedrockAdapter::controlPlaneBaseUrl(provider(u"us-east-1"_s, u"http://127.0.0.1:9000"_s)),
                 u"http://127.0.0.1:9000"_s);
    }

    void parseModels_readsModelSummaries()
    {
        const auto ids = m_adapter.parseModels(R"({"modelSummaries":[{"modelId":"amazon.nova-micro-v1:0","modelName":"Nova Micro"},{"modelId":"anthropic.claude-3-haiku-20240307-v1:0"},{"noId":true}]})");
        QVERIFY(ids.has_value());
        QCOMPARE(*ids, (QStringList { u"amazon.nova-micro-v1:0"_s, u"anthropic.claude-3-haiku-20240307-v1:0"_s }));
        QVERIFY(!m_adapter.parseModels(R"({"data":[]})").has_value());
    }

    void parseModelList_typeFromOutputModalities()
    {
        const auto list = m_adapter.parseModelList(R"({"modelSummaries":[
            {"modelId":"amazon.nova-micro-v1:0","inputModalities":["TEXT"],"outputModalities":["TEXT"]},
            {"modelId":"amazon.titan-embed-text-v2:0","inputModalities":["TEXT"],"outputModalities":["EMBEDDING"]},
            {"modelId":"amazon.nova-canvas-v1:0","inputModalities":["TEXT","IMAGE"],"outputModalities":["IMAGE"]},
            {"modelId":"x.odd-v1:0"},{"noId":true}]})");
        QVERIFY(list.has_value());
        QCOMPARE(list->size(), 4);
        QCOMPARE(list->at(0).type, ModelInfo::Type::Chat);
        QCOMPARE(list->at(1).type, ModelInfo::Type::Embedding);
        QCOMPARE(list->at(2).type, ModelInfo::Type::Image);
        QCOMPARE(list->at(2).inputModalities, (QStringList { u"text"_s, u"image"_s }));
        QCOMPARE(list->at(3).type, ModelInfo::Type::Unknown);
        QVERIFY(!m_adapter.parseModelList(R"({"data":[]})").has_value());
    }

    void embeddingRequest_titan_singleInput()
    {
        const LiveCredential c = credential();
        EmbeddingRequest req { u"amazon.titan-embed-text-v2:0"_s, { u"hello"_s }, 256 };
        const auto r = m_adapter.embeddingRequest(provider(), &c, req);
        QVERIFY(r.has_value());
        QCOMPARE(r->url.path(QUrl::FullyEncoded), u"/model/amazon.titan-embed-text-v2%3A0/invoke"_s);
        QCOMPARE_JSON(parse(r->body), Json::parse(R"({"inputText":"hello","dimensions":256})"));
        verifySignature(*r, c, u"us-east-1"_s);

        req.inputs.append(u"second"_s);
        const auto two = m_adapter.embeddingRequest(provider(), &c, req);
        QVERIFY(!two.has_value());
        QCOMPARE(two.error().code, ErrorCode::InvalidArgument);
        QVERIFY(two.error().message.contains(u"one input per request"_s));
    }

    void embeddingRequest_cohere_batch()
    {
        const LiveCredential c = credential();
        const EmbeddingRequest req { u"cohere.embed-english-v3"_s, { u"a"_s, u"b"_s }, std::nullopt };
        const auto r = m_adapter.embeddingRequest(provider(), &c, req);
        QVERIFY(r.has_value());
        QCOMPARE(r->url.path(QUrl::FullyEncoded), u"/model/cohere.embed-english-v3/invoke"_s);
        QCOMPARE_JSON(parse(r->body), Json::parse(R"({"texts":["a","b"],"input_type":"search_document"})"));
        const EmbeddingRequest sized { u"cohere.embed-english-v3"_s, { u"a"_s }, 64 };
        QVERIFY(!m_adapter.embeddingRequest(provider(), &c, sized).has_value());
        const EmbeddingRequest unknown { u"meta.llama3-8b-instruct-v1:0"_s, { u"a"_s }, std::nullopt };
        const auto u = m_adapter.embeddingRequest(provider(), &c, unknown);
        QVERIFY(!u.has_value());
        QCOMPARE(u.error().code, ErrorCode::InvalidArgument);
    }

    void parseEmbeddings_titanAndCohereShapes()
    {
        const auto titan = m_adapter.parseEmbeddings(provider(), R"({"embedding":[0.5,-0.25],"inputTextTokenCount":3,"embeddingsByType":{"float":[0.5,-0.25]}})");
        QVERIFY(titan.has_value());
        QCOMPARE(titan->vectors.size(), 1);
        QCOMPARE(titan->vectors[0], (QList<float> { 0.5f, -0.25f }));
        QCOMPARE(titan->usage.inputTokens, std::optional<qint64>(3));

        const auto cohere = m_adapter.parseEmbeddings(provider(), R"({"id":"x","embeddings":[[1,2],[3,4]],"response_type":"embeddings_floats","texts":["a","b"]})");
        QVERIFY(cohere.has_value());
        QCOMPARE(cohere->vectors.size(), 2);
        QCOMPARE(cohere->vectors[1], (QList<float> { 3.f, 4.f }));
        QVERIFY(!cohere->usage.inputTokens.has_value());

        const auto typed = m_adapter.parseEmbeddings(provider(), R"({"embeddings":{"float":[[1,2]]}})");
        QVERIFY(typed.has_value());
        QCOMPARE(typed->vectors.size(), 1);

        const auto bad = m_adapter.parseEmbeddings(provider(), R"({"embedding":"nope"})");
        QVERIFY(!bad.has_value());
        QCOMPARE(bad.error().code, ErrorCode::UpstreamProtocol);
    }

    void imageRequest_titanTextImage()
    {
        const LiveCredential c = credential();
        ImageRequest req;
        req.model = u"amazon.titan-image-generator-v2:0"_s;
        req.prompt = u"a red fox"_s;
        req.n = 2;
        req.size = u"512x768"_s;
        req.quality = u"hd"_s;
        const auto r = m_adapter.imageRequest(provider(), &c, req);
        QVERIFY(r.has_value());
        QCOMPARE(r->url.path(QUrl::FullyEncoded), u"/model/amazon.titan-image-generator-v2%3A0/invoke"_s);
        QCOMPARE_JSON(parse(r->body), Json::parse(R"({"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a red fox"},
            "imageGenerationConfig":{"numberOfImages":2,"width":512,"height":768,"quality":"premium"}})"));
        req.size = u"big"_s;
        QVERIFY(!m_adapter.imageRequest(provider(), &c, req).has_value());
        req.size.clear();
        req.model = u"stability.sd3-large-v1:0"_s;
        QVERIFY(!m_adapter.imageRequest(provider(), &c, req).has_value());
    }

    void parseImages_decodesBase64AndReportsRefusals()
    {
        const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8);
        const auto ok = m_adapter.parseImages(provider(), QByteArray("{\"images\":[\"") + png.toBase64() + "\"],\"error\":null}");
        QVERIFY(ok.has_value());
        QCOMPARE(ok->images.size(), 1);
        QCOMPARE(ok->images[0].data, png);
        QCOMPARE(ok->images[0].mimeType, u"image/png"_s);
        const auto refused = m_adapter.parseImages(provider(), R"({"images":[],"error":"This request has been blocked by our content filters."})");
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().code, ErrorCode::UpstreamRefused);
        QVERIFY(refused.error().message.contains(u"content filters"_s));
        QVERIFY(!m_adapter.parseImages(provider(), "{}").has_value());
    }
};

QTEST_GUILESS_MAIN(TestBedrockAdapter)
#include "tst_bedrockadapter.moc"
