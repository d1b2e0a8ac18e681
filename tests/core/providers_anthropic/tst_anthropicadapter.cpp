// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/anthropic/anthropicadapter.h"
#include "core/providers/liveprovider.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace AiHub::Providers;

namespace {
LiveProvider provider(const QString &baseUrl = {})
{
    LiveProvider p;
    p.config.kind = ProviderKind::Anthropic;
    p.config.name = QStringLiteral("claude");
    p.config.baseUrl = baseUrl;
    LiveCredential c;
    c.info.label = QStringLiteral("default");
    c.secret.apiKey = QStringLiteral("sk-ant-test-123");
    p.credentials.append(c);
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

QByteArray fixtureBody(const QString &name)
{
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/anthropic/") + name);
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

QByteArray errorBody(const char *type, const char *message)
{
    return QByteArray(R"({"type":"error","error":{"type":")") + type + R"(","message":")" + message
        + R"("},"request_id":"req_1"})";
}

ChatCall simpleCall(bool stream)
{
    ChatCall call;
    call.request.model = QStringLiteral("claude-sonnet-4");
    ChatMessage system;
    system.role = ChatMessage::Role::System;
    system.content.append(ContentPart { ContentPart::Type::Text, QStringLiteral("Be brief."), {}, {}, {}, {} });
    ChatMessage user;
    user.content.append(ContentPart { ContentPart::Type::Text, QStringLiteral("Hi"), {}, {}, {}, {} });
    call.request.messages = { system, user };
    call.request.maxTokens = 64;
    call.request.stream = stream;
    call.stream = stream;
    return call;
}
} // namespace

class TestAnthropicAdapter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chatRequest_golden_headersUrlAndBody_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("streaming") << true;
        QTest::newRow("not streaming") << false;
    }
    void chatRequest_golden_headersUrlAndBody()
    {
        QFETCH(bool, stream);
        const AnthropicAdapter adapter;
        const LiveProvider p = provider();
        auto request = adapter.chatRequest(p, &p.credentials.constFirst(), simpleCall(stream));
        QVERIFY(request.has_value());
        QCOMPARE(request->method, QByteArray("POST"));
        QCOMPARE(request->url.toString(), QStringLiteral("https://api.anthropic.com/v1/messages"));
        QCOMPARE(header(*request, "x-api-key"), QByteArray("sk-ant-test-123"));
        QCOMPARE(header(*request, "anthropic-version"), QByteArray("2023-06-01"));
        QCOMPARE(header(*request, "content-type"), QByteArray("application/json"));
        QCOMPARE(header(*request, "accept"), stream ? QByteArray("text/event-stream") : QByteArray("application/json"));
        QVERIFY(header(*request, "Authorization").isEmpty()); // Anthropic takes the key in x-api-key only
        nlohmann::json expected = nlohmann::json::parse(
            R"({"model":"claude-sonnet-4","max_tokens":64,"system":"Be brief.","messages":[{"role":"user","content":"Hi"}]})");
        expected["stream"] = stream;
        QVERIFY2(nlohmann::json::parse(request->body.toStdString()) == expected, request->body.constData());
    }
    void chatRequest_customBaseUrl_trailingSlashIgnored()
    {
        const AnthropicAdapter adapter;
        const LiveProvider p = provider(QStringLiteral("http://127.0.0.1:9/"));
        auto request = adapter.chatRequest(p, &p.credentials.constFirst(), simpleCall(false));
        QVERIFY(request.has_value());
        QCOMPARE(request->url.toString(), QStringLiteral("http://127.0.0.1:9/v1/messages"));
    }
    void chatRequest_withoutCredential_explainsHowToAddOne()
    {
        const AnthropicAdapter adapter;
        const LiveProvider p = provider();
        auto request = adapter.chatRequest(p, nullptr, simpleCall(false));
        QVERIFY(!request.has_value());
        QCOMPARE(request.error().code, ErrorCode::UpstreamBadCredentials);
        QVERIFY(request.error().message.contains(QStringLiteral("provider credential add claude")));
    }
    void chatRequest_unsupportedOption_invalidArgumentNamingTheProvider()
    {
        const AnthropicAdapter adapter;
        const LiveProvider p = provider();
        ChatCall call = simpleCall(false);
        call.request.responseFormat.type = ResponseFormat::Type::JsonSchema;
        auto request = adapter.chatRequest(p, &p.credentials.constFirst(), call);
        QVERIFY(!request.has_value());
        QCOMPARE(request.error().code, ErrorCode::InvalidArgument);
        QVERIFY(request.error().message.contains(QStringLiteral("Anthropic (provider \"claude\")")));
    }
    void chatRequest_invalidBaseUrl_invalidArgument()
    {
        const AnthropicAdapter adapter;
        const LiveProvider p = provider(QStringLiteral("not a url"));
        auto request = adapter.chatRequest(p, &p.credentials.constFirst(), simpleCall(false));
        QVERIFY(!request.has_value());
        QCOMPARE(request.error().code, ErrorCode::InvalidArgument);
    }
    void parseCompletion_fixture_textToolCallFinishAndUsage()
    {
        const AnthropicAdapter adapter;
        auto completion = adapter.parseCompletion(provider(), fixtureBody(QStringLiteral("messages-tool-use.response.http")));
        QVERIFY(completion.has_value());
        const ChatResult &r = completion->result;
        QCOMPARE(r.id, QStringLiteral("msg_012foMGXNQ1eqhaq3QvA5dY6"));
        QCOMPARE(r.model, QStringLiteral("claude-opus-4-8"));
        QVERIFY(r.created > 0);
        QCOMPARE(r.text, QStringLiteral("I'll use the test_tool with the value \"test\" as requested, then provide a final response."));
        QCOMPARE(r.toolCalls.size(), 1);
        QCOMPARE(r.toolCalls[0].id, QStringLiteral("toolu_011LF2VkWpAfJnTKJcmh1PNf"));
        QCOMPARE(r.toolCalls[0].name, QStringLiteral("test_tool"));
        QVERIFY(nlohmann::json::parse(r.toolCalls[0].arguments.toStdString()) == nlohmann::json::parse(R"({"value":"test"})"));
        QCOMPARE(r.finishReason, QStringLiteral("tool_calls"));
        QCOMPARE(r.usage.inputTokens, 415);
        QCOMPARE(r.usage.outputTokens, 76);
        QCOMPARE(r.usage.cacheReadTokens, 0);
        QCOMPARE(r.usage.cacheWriteTokens, 0);
        QCOMPARE(completion->usage.inputTokens, r.usage.inputTokens);
        QCOMPARE(completion->usage.outputTokens, r.usage.outputTokens);
    }
    void parseCompletion_interleavedThinking_everyBlockKeptInOrder()
    {
        // tests/data/thinking (composed from the fixtures' real block shapes, see the README there).
        QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/thinking/anthropic-interleaved-thinking.response.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const AnthropicAdapter adapter;
        auto completion = adapter.parseCompletion(provider(), f.readAll());
        QVERIFY(completion.has_value());
        const ChatResult &r = completion->result;
        QCOMPARE(r.thinkingBlocks.size(), 3);
        QCOMPARE(r.thinkingBlocks[0].thinking, QStringLiteral("I will look up Paris first."));
        QCOMPARE(r.thinkingBlocks[0].signature, QByteArray("EqQBCkYIARgCIkBYtKGMxQ2wKpJ7wQmNnLWmP1sA"));
        QVERIFY(r.thinkingBlocks[1].isRedacted());
        QCOMPARE(r.thinkingBlocks[1].redactedData, QByteArray("EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP"));
        QVERIFY(r.thinkingBlocks[1].signature.isEmpty());
        QCOMPARE(r.thinkingBlocks[2].thinking, QStringLiteral("Now Rome."));
        QCOMPARE(r.thinkingBlocks[2].signature, QByteArray("ErUBCkYIARgCIkCMkRFgNNhwET9y5IN2hGVaMO"));
        QCOMPARE(r.reasoning, QStringLiteral("I will look up Paris first.Now Rome."));
        QCOMPARE(r.toolCalls.size(), 2);
        QCOMPARE(r.toolCalls[1].id, QStringLiteral("toolu_01B"));
        QCOMPARE(r.finishReason, QStringLiteral("tool_calls"));
    }
    void parseRelayedCompletion_defaultIsTheFullParse()
    {
        // Anthropic answers are no OpenAI completions: what an OpenAI client gets must be built from the document.
        const AnthropicAdapter adapter;
        const IProviderAdapter &base = adapter;
        const QByteArray body = fixtureBody(QStringLiteral("messages-tool-use.response.http"));
        auto relayed = base.parseRelayedCompletion(provider(), body);
        auto full = adapter.parseCompletion(provider(), body);
        QVERIFY(relayed.has_value());
        QVERIFY(full.has_value());
        QVERIFY(!relayed->usageOnly);
        QCOMPARE(relayed->result.text, full->result.text);
        QVERIFY(!relayed->result.text.isEmpty());
        QCOMPARE(relayed->result.toolCalls.size(), 1);
        QCOMPARE(relayed->usage.outputTokens, full->usage.outputTokens);
        QVERIFY(!base.parseRelayedCompletion(provider(), "<html>bad gateway</html>").has_value());
    }
    void parseCompletion_thinkingBecomesReasoning()
    {
        const AnthropicAdapter adapter;
        auto completion = adapter.parseCompletion(provider(), QByteArray(R"({"id":"msg_1","type":"message","role":"assistant","model":"m",
            "content":[{"type":"thinking","thinking":"Let me think.","signature":"sig"},{"type":"redacted_thinking","data":"xx"},
                       {"type":"text","text":"Four."}],
            "stop_reason":"max_tokens","usage":{"input_tokens":5,"output_tokens":7,"cache_creation_input_tokens":100,"cache_read_input_tokens":30}})"));
        QVERIFY(completion.has_value());
        QCOMPARE(completion->result.reasoning, QStringLiteral("Let me think."));
        // Both blocks kept whole, in order, for the next turn.
        QCOMPARE(completion->result.thinkingBlocks.size(), 2);
        QCOMPARE(completion->result.thinkingBlocks[0].thinking, QStringLiteral("Let me think."));
        QCOMPARE(completion->result.thinkingBlocks[0].signature, QByteArray("sig"));
        QCOMPARE(completion->result.thinkingBlocks[1].redactedData, QByteArray("xx"));
        QCOMPARE(completion->result.text, QStringLiteral("Four."));
        QVERIFY(completion->result.toolCalls.isEmpty());
        QCOMPARE(completion->result.finishReason, QStringLiteral("length"));
        QCOMPARE(completion->usage.cacheWriteTokens, 100);
        QCOMPARE(completion->usage.cacheReadTokens, 30);
    }
    void parseCompletion_notAMessage_protocolError_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("html") << QByteArray("<html>bad gateway</html>");
        QTest::newRow("no content") << QByteArray(R"({"id":"msg_1"})");
        QTest::newRow("array") << QByteArray("[]");
    }
    void parseCompletion_notAMessage_protocolError()
    {
        QFETCH(QByteArray, body);
        const AnthropicAdapter adapter;
        auto completion = adapter.parseCompletion(provider(), body);
        QVERIFY(!completion.has_value());
        QCOMPARE(completion.error().code, ErrorCode::UpstreamProtocol);
        QVERIFY(completion.error().message.contains(QStringLiteral("Anthropic")));
    }
    void mapError_table_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("401") << 401 << errorBody("authentication_error", "invalid x-api-key")
                             << int(ErrorCode::UpstreamBadCredentials)
                             << QStringLiteral("`aigne-hubd provider credential add claude`");
        QTest::newRow("403") << 403 << errorBody("permission_error", "Your API key does not have permission")
                             << int(ErrorCode::UpstreamBadCredentials) << QStringLiteral("Check the key for \"claude\"");
        QTest::newRow("404 fixture") << 404 << fixtureBody(QStringLiteral("error-404-not-found.http"))
                                     << int(ErrorCode::UpstreamModelNotFound)
                                     << QStringLiteral("model: claude-does-not-exist");
        QTest::newRow("429") << 429 << errorBody("rate_limit_error", "Number of request tokens has exceeded")
                             << int(ErrorCode::UpstreamRateLimited) << QStringLiteral("Wait 30 s");
        QTest::newRow("529") << 529 << errorBody("overloaded_error", "Overloaded")
                             << int(ErrorCode::UpstreamUnavailable) << QStringLiteral("overloaded");
        QTest::newRow("500") << 500 << errorBody("api_error", "Internal server error")
                             << int(ErrorCode::UpstreamUnavailable) << QStringLiteral("Try again shortly");
        QTest::newRow("prompt too long")
            << 400 << errorBody("invalid_request_error", "prompt is too long: 208310 tokens > 200000 maximum")
            << int(ErrorCode::UpstreamBadRequest) << QStringLiteral("too long for this model");
        QTest::newRow("no credit") << 400
                                   << errorBody("invalid_request_error",
                                                "Your credit balance is too low to access the Anthropic API.")
                                   << int(ErrorCode::UpstreamUnavailable) << QStringLiteral("run out of credit");
        QTest::newRow("other 400") << 400 << errorBody("invalid_request_error", "max_tokens: Field required")
                                   << int(ErrorCode::UpstreamBadRequest) << QStringLiteral("max_tokens: Field required");
        QTest::newRow("413") << 413 << errorBody("request_too_large", "Request exceeds the maximum allowed number of bytes.")
                             << int(ErrorCode::UpstreamBadRequest) << QStringLiteral("too large");
        QTest::newRow("504") << 504 << errorBody("timeout_error", "Request timed out")
                             << int(ErrorCode::UpstreamTimeout) << QStringLiteral("timed out");
        QTest::newRow("408") << 408 << QByteArray() << int(ErrorCode::UpstreamTimeout) << QStringLiteral("no details");
        QTest::newRow("502 html") << 502 << QByteArray("<html>Bad Gateway</html>")
                                  << int(ErrorCode::UpstreamUnavailable) << QStringLiteral("Bad Gateway");
    }
    void mapError_table()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        const AnthropicAdapter adapter;
        const Error e = adapter.mapError(provider(), status, body, status == 429 ? 30 : -1);
        QCOMPARE(int(e.code), code);
        QCOMPARE(e.upstreamStatus, status);
        QCOMPARE(e.provider, QStringLiteral("claude"));
        QVERIFY2(e.message.contains(QStringLiteral("Anthropic (provider \"claude\")")), qPrintable(e.message));
        QVERIFY2(e.message.contains(mentions), qPrintable(e.message));
        QCOMPARE(e.retryAfterSeconds, status == 429 ? 30 : -1);
    }
    void modelsRequest_listsEveryModelWithTheKeyHeaders()
    {
        const AnthropicAdapter adapter;
        const LiveProvider p = provider();
        auto request = adapter.modelsRequest(p, &p.credentials.constFirst());
        QVERIFY(request.has_value());
        QCOMPARE(request->method, QByteArray("GET"));
        QCOMPARE(request->url.toString(), QStringLiteral("https://api.anthropic.com/v1/models?limit=1000"));
        QCOMPARE(header(*request, "x-api-key"), QByteArray("sk-ant-test-123"));
        QCOMPARE(header(*request, "anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(request->body.isEmpty());
    }
    void parseModels_readsDataIds()
    {
        const AnthropicAdapter adapter;
        auto ids = adapter.parseModels(QByteArray(R"({"data":[{"type":"model","id":"claude-sonnet-4-20250514","display_name":"Claude Sonnet 4"},
            {"type":"model","id":"claude-3-5-haiku-20241022"},{"type":"model"}],"has_more":false,"first_id":"a","last_id":"b"})"));
        QVERIFY(ids.has_value());
        QCOMPARE(*ids, (QStringList { QStringLiteral("claude-sonnet-4-20250514"), QStringLiteral("claude-3-5-haiku-20241022") }));
        auto bad = adapter.parseModels(QByteArray(R"({"models":[]})"));
        QVERIFY(!bad.has_value());
        QCOMPARE(bad.error().code, ErrorCode::UpstreamProtocol);
    }
    void testRequest_getsTheModelList()
    {
        const AnthropicAdapter adapter;
        const LiveProvider p = provider();
        auto request = adapter.testRequest(p, &p.credentials.constFirst());
        QVERIFY(request.has_value());
        QCOMPARE(request->method, QByteArray("GET"));
        QCOMPARE(request->url.path(), QStringLiteral("/v1/models"));
        QCOMPARE(header(*request, "x-api-key"), QByteArray("sk-ant-test-123"));
        QVERIFY(!adapter.testRequest(p, nullptr).has_value());
    }
    void streamDecoder_neutralEventsEvenWhenChunksAsked()
    {
        const AnthropicAdapter adapter;
        auto decoder = adapter.streamDecoder(provider(), StreamOutput::OpenAiChunks);
        QVERIFY(decoder);
        std::vector<ChatEvent> out;
        decoder->feed(fixtureBody(QStringLiteral("messages-stream-basic.sse")), out);
        decoder->finish(out);
        QVERIFY(!out.empty());
        for (const ChatEvent &e : out)
            QVERIFY(e.kind != ChatEvent::Kind::Chunk);
        QCOMPARE(out.back().kind, ChatEvent::Kind::Done);
    }
    void embeddingsAndImages_unsupported()
    {
        const AnthropicAdapter adapter;
        const LiveProvider p = provider();
        auto embeddings = adapter.embeddingRequest(p, &p.credentials.constFirst(), EmbeddingRequest());
        QVERIFY(!embeddings.has_value());
        QCOMPARE(embeddings.error().code, ErrorCode::InvalidArgument);
        auto images = adapter.imageRequest(p, &p.credentials.constFirst(), ImageRequest());
        QVERIFY(!images.has_value());
        QCOMPARE(images.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestAnthropicAdapter)
#include "tst_anthropicadapter.moc"
