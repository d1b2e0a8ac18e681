// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/liveprovider.h"
#include "core/providers/ollama/ollamaadapter.h"

#include <QDateTime>
#include <QFile>
#include <QTimeZone>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace AiHub::Providers;
using Json = nlohmann::json;

namespace {
// QCOMPARE cannot print nlohmann::json; show both sides when they differ.
#define JSON_COMPARE(actual, expected)                                                                             \
    do {                                                                                                           \
        const Json a_ = (actual);                                                                                  \
        const Json e_ = (expected);                                                                                \
        QVERIFY2(a_ == e_, ("\n actual:   " + a_.dump() + "\n expected: " + e_.dump()).c_str());                   \
    } while (false)

LiveProvider provider(const QString &baseUrl = {}, const QString &key = {})
{
    LiveProvider p;
    p.config.kind = ProviderKind::Ollama;
    p.config.name = QStringLiteral("local");
    p.config.baseUrl = baseUrl;
    if (!key.isEmpty()) {
        LiveCredential c;
        c.secret.apiKey = key;
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
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/ollama/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

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

Result<Net::UpstreamRequest> chat(const ChatRequest &request, bool stream, const LiveProvider &p = provider())
{
    static const OllamaAdapter adapter;
    ChatCall c;
    c.request = request;
    c.stream = stream;
    return adapter.chatRequest(p, p.credentials.isEmpty() ? nullptr : &p.credentials.constFirst(), c);
}

ChatRequest simple()
{
    ChatRequest r;
    r.model = QStringLiteral("llama3.2");
    r.messages = { text(ChatMessage::Role::User, QStringLiteral("why is the sky blue?")) };
    return r;
}
} // namespace

class TestOllamaAdapter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chatRequest_docsExample_matchesGoldenBodyWithoutKey()
    {
        auto request = chat(simple(), true);
        QVERIFY(request.has_value());
        QCOMPARE(request->method, QByteArray("POST"));
        QCOMPARE(request->url.toString(), QStringLiteral("http://127.0.0.1:11434/api/chat"));
        QVERIFY(header(*request, "Authorization").isEmpty()); // Ollama needs no key
        QCOMPARE(header(*request, "Content-Type"), QByteArray("application/json"));
        Json body = json(request->body);
        JSON_COMPARE(body["stream"], Json(true));
        body.erase("stream"); // the docs example relies on the default (true)
        JSON_COMPARE(body, json(fixture(QStringLiteral("docs-api-chat-stream.request.json"))));
    }
    void chatRequest_nonStreaming_saysStreamFalse_andProxyKeyIsBearer()
    {
        auto request = chat(simple(), false, provider(QStringLiteral("http://127.0.0.1:9/"), QStringLiteral("proxy-key")));
        QVERIFY(request.has_value());
        QCOMPARE(request->url.toString(), QStringLiteral("http://127.0.0.1:9/api/chat"));
        QCOMPARE(header(*request, "Authorization"), QByteArray("Bearer proxy-key"));
        JSON_COMPARE(json(request->body)["stream"], Json(false)); // Ollama streams unless told not to
    }
    void chatRequest_optionsFormatAndTools()
    {
        ChatRequest r = simple();
        r.temperature = 0.3;
        r.topP = 0.8;
        r.topK = 20;
        r.maxTokens = 100;
        r.stop = { QStringLiteral("\n\n") };
        r.seed = 42;
        r.responseFormat.type = ResponseFormat::Type::JsonSchema;
        r.responseFormat.schema = QByteArray(R"({"type":"object","properties":{"age":{"type":"integer"}}})");
        r.tools.append(ToolDefinition { QStringLiteral("weather"), QStringLiteral("Gets weather"),
                                        QByteArray(R"({"type":"object","properties":{"city":{"type":"string"}}})") });
        r.toolChoice = ToolChoice { ToolChoice::Mode::Auto, {} };
        const Json body = json(chat(r, false)->body);
        JSON_COMPARE(body["options"], Json::parse(R"({"temperature":0.3,"top_p":0.8,"top_k":20,"num_predict":100,
            "stop":["\n\n"],"seed":42})"));
        JSON_COMPARE(body["format"], Json::parse(R"({"type":"object","properties":{"age":{"type":"integer"}}})"));
        JSON_COMPARE(body["tools"], Json::parse(R"([{"type":"function","function":{"name":"weather",
            "description":"Gets weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}])"));
        r.responseFormat.type = ResponseFormat::Type::JsonObject;
        JSON_COMPARE(json(chat(r, false)->body)["format"], Json("json"));
        r.toolChoice = ToolChoice { ToolChoice::Mode::None, {} };
        QVERIFY(!json(chat(r, false)->body).contains("tools"));
    }
    void chatRequest_conversation_toolCallsAsObjectsImagesAndToolResults()
    {
        ChatRequest r;
        r.model = QStringLiteral("qwen3:14b");
        ChatMessage user = text(ChatMessage::Role::User, QStringLiteral("What is in this picture, and the weather?"));
        ContentPart bytes;
        bytes.type = ContentPart::Type::Image;
        bytes.imageData = QByteArray("\x89PNG", 4);
        ContentPart dataUrl;
        dataUrl.type = ContentPart::Type::Image;
        dataUrl.imageUrl = QStringLiteral("data:image/jpeg;base64,/9j/AA==");
        user.content += { bytes, dataUrl };
        ChatMessage assistant;
        assistant.role = ChatMessage::Role::Assistant;
        assistant.toolCalls.append(ToolCall { QStringLiteral("call_0"), QStringLiteral("weather"),
                                              QStringLiteral(R"({"city":"Detroit"})"), {} });
        ChatMessage result = text(ChatMessage::Role::Tool, QStringLiteral("72F"));
        result.toolCallId = QStringLiteral("call_0");
        r.messages = { text(ChatMessage::Role::System, QStringLiteral("Be brief.")), user, assistant, result };
        const Json body = json(chat(r, true)->body);
        JSON_COMPARE(body["messages"], Json::parse(R"([
            {"role":"system","content":"Be brief."},
            {"role":"user","content":"What is in this picture, and the weather?","images":["iVBORw==","/9j/AA=="]},
            {"role":"assistant","content":"","tool_calls":[{"function":{"name":"weather","arguments":{"city":"Detroit"}}}]},
            {"role":"tool","content":"72F","tool_name":"weather"}])"));
    }
    void chatRequest_unanswerable_isRejected_data()
    {
        QTest::addColumn<int>("what");
        QTest::newRow("n>1") << 0;
        QTest::newRow("required tool") << 1;
        QTest::newRow("named tool") << 2;
        QTest::newRow("image link") << 3;
        QTest::newRow("bad arguments") << 4;
        QTest::newRow("bad schema") << 5;
    }
    void chatRequest_unanswerable_isRejected()
    {
        QFETCH(int, what);
        ChatRequest r = simple();
        r.tools.append(ToolDefinition { QStringLiteral("f"), {}, {} });
        if (what == 0)
            r.n = 2;
        if (what == 1)
            r.toolChoice = ToolChoice { ToolChoice::Mode::Required, {} };
        if (what == 2)
            r.toolChoice = ToolChoice { ToolChoice::Mode::Named, QStringLiteral("f") };
        if (what == 3) {
            ContentPart link;
            link.type = ContentPart::Type::Image;
            link.imageUrl = QStringLiteral("https://example.com/a.png");
            r.messages.first().content.append(link);
        }
        if (what == 4) {
            ChatMessage assistant;
            assistant.role = ChatMessage::Role::Assistant;
            assistant.toolCalls.append(ToolCall { QStringLiteral("c"), QStringLiteral("f"), QStringLiteral("\"x\""), {} });
            r.messages.append(assistant);
        }
        if (what == 5) {
            r.responseFormat.type = ResponseFormat::Type::JsonSchema;
            r.responseFormat.schema = QByteArray("[");
        }
        auto request = chat(r, false);
        QVERIFY(!request.has_value());
        QCOMPARE(request.error().code, ErrorCode::InvalidArgument);
        QVERIFY(request.error().message.contains(QStringLiteral("provider \"local\"")) || what == 5 || what == 4);
    }
    void parseCompletion_fixture()
    {
        const OllamaAdapter adapter;
        auto c = adapter.parseCompletion(provider(), fixture(QStringLiteral("api-chat.response.json")));
        QVERIFY(c.has_value());
        QVERIFY(c->result.text.startsWith(QStringLiteral("I am Nyx")));
        QCOMPARE(c->result.model, QStringLiteral("qwen2.5:14b"));
        QCOMPARE(c->result.finishReason, QStringLiteral("stop"));
        QCOMPARE(c->result.created, QDateTime(QDate(2025, 1, 30), QTime(14, 16, 30), QTimeZone::utc()).toSecsSinceEpoch());
        const Json raw = json(fixture(QStringLiteral("api-chat.response.json")));
        QCOMPARE(c->usage.inputTokens, std::optional<qint64>(raw["prompt_eval_count"].get<qint64>()));
        QCOMPARE(c->usage.outputTokens, std::optional<qint64>(raw["eval_count"].get<qint64>()));
        QCOMPARE(c->result.usage.outputTokens, c->usage.outputTokens);
    }
    void parseCompletion_thinkingFixture()
    {
        const OllamaAdapter adapter;
        auto c = adapter.parseCompletion(provider(), fixture(QStringLiteral("api-chat-thinking.response.json")));
        QVERIFY(c.has_value());
        QCOMPARE(c->result.text, QStringLiteral("Got it! How can I help you with your test?"));
        QVERIFY(c->result.reasoning.startsWith(QStringLiteral("User just says")));
    }
    void parseCompletion_toolCallsAndLength()
    {
        const OllamaAdapter adapter;
        auto c = adapter.parseCompletion(provider(), R"({"model":"m","message":{"role":"assistant","content":"",
            "tool_calls":[{"function":{"name":"a","arguments":{"x":1}}},{"function":{"name":"b","arguments":{}}}]},
            "done":true,"done_reason":"stop"})");
        QVERIFY(c.has_value());
        QCOMPARE(c->result.toolCalls.size(), 2);
        QCOMPARE(c->result.toolCalls[0].id, QStringLiteral("call_0"));
        QCOMPARE(c->result.toolCalls[1].id, QStringLiteral("call_1"));
        QCOMPARE(c->result.toolCalls[0].arguments, QStringLiteral(R"({"x":1})"));
        QCOMPARE(c->result.finishReason, QStringLiteral("tool_calls"));
        QVERIFY(!c->usage.reported()); // no counts sent, none invented
        auto cut = adapter.parseCompletion(provider(), R"({"message":{"content":"abc"},"done":true,"done_reason":"length"})");
        QCOMPARE(cut->result.finishReason, QStringLiteral("length"));
    }
    void parseCompletion_badBodies()
    {
        const OllamaAdapter adapter;
        QCOMPARE(adapter.parseCompletion(provider(), "not json").error().code, ErrorCode::UpstreamProtocol);
        QCOMPARE(adapter.parseCompletion(provider(), R"({"model":"m"})").error().code, ErrorCode::UpstreamProtocol);
        QCOMPARE(adapter.parseCompletion(provider(), fixture(QStringLiteral("docs-error.json"))).error().code,
                 ErrorCode::UpstreamUnavailable);
    }
    void mapError_table_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::newRow("404 model") << 404 << QByteArray(R"({"error":"model 'llama9' not found"})")
                                   << int(ErrorCode::UpstreamModelNotFound);
        QTest::newRow("400 docs") << 400 << fixture(QStringLiteral("docs-error.json")) << int(ErrorCode::UpstreamBadRequest);
        QTest::newRow("401 proxy") << 401 << QByteArray("Unauthorized") << int(ErrorCode::UpstreamBadCredentials);
        QTest::newRow("429") << 429 << QByteArray(R"({"error":"server busy, please try again.  maximum pending requests exceeded"})")
                             << int(ErrorCode::UpstreamRateLimited);
        QTest::newRow("500 docs") << 500 << fixture(QStringLiteral("docs-error.json")) << int(ErrorCode::UpstreamUnavailable);
        QTest::newRow("502") << 502 << QByteArray() << int(ErrorCode::UpstreamUnavailable);
        QTest::newRow("504") << 504 << QByteArray() << int(ErrorCode::UpstreamTimeout);
    }
    void mapError_table()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        const OllamaAdapter adapter;
        const Error e = adapter.mapError(provider(), status, body, status == 429 ? 3 : -1);
        QCOMPARE(int(e.code), code);
        QCOMPARE(e.upstreamStatus, status);
        QCOMPARE(e.provider, QStringLiteral("local"));
        QVERIFY2(e.message.contains(QStringLiteral("Ollama (provider \"local\")")), qPrintable(e.message));
        if (e.code == ErrorCode::UpstreamModelNotFound)
            QVERIFY(e.message.contains(QStringLiteral("llama9")) && e.message.contains(QStringLiteral("ollama pull")));
        if (e.code == ErrorCode::UpstreamRateLimited)
            QCOMPARE(e.retryAfterSeconds, 3);
        if (e.code == ErrorCode::UpstreamBadCredentials)
            QVERIFY(e.message.contains(QStringLiteral("provider credential add local")));
        if (status == 500)
            QVERIFY(e.message.contains(QStringLiteral("the model failed to generate a response")));
    }
    void models_tagsRequestAndParse()
    {
        const OllamaAdapter adapter;
        auto request = adapter.modelsRequest(provider(), nullptr);
        QVERIFY(request.has_value());
        QCOMPARE(request->method, QByteArray("GET"));
        QCOMPARE(request->url.toString(), QStringLiteral("http://127.0.0.1:11434/api/tags"));
        auto test = adapter.testRequest(provider(), nullptr);
        QVERIFY(test.has_value());
        QCOMPARE(test->url.path(), QStringLiteral("/api/tags"));
        auto names = adapter.parseModels(R"({"models":[{"name":"llama3.2:latest","size":1},{"name":"qwen3:14b"}]})");
        QVERIFY(names.has_value());
        QCOMPARE(*names, QStringList({ QStringLiteral("llama3.2:latest"), QStringLiteral("qwen3:14b") }));
        QCOMPARE(adapter.parseModels("{}").error().code, ErrorCode::UpstreamProtocol);
    }
    void embeddings_docsRequestAndResponses()
    {
        const OllamaAdapter adapter;
        EmbeddingRequest r { QStringLiteral("all-minilm"),
                             { QStringLiteral("Why is the sky blue?"), QStringLiteral("Why is the grass green?") },
                             std::nullopt };
        auto request = adapter.embeddingRequest(provider(), nullptr, r);
        QVERIFY(request.has_value());
        QCOMPARE(request->url.path(), QStringLiteral("/api/embed"));
        JSON_COMPARE(json(request->body), json(fixture(QStringLiteral("docs-api-embed.request.json"))));
        auto docs = adapter.parseEmbeddings(provider(), fixture(QStringLiteral("docs-api-embed.response.json")));
        QVERIFY(docs.has_value());
        QCOMPARE(docs->vectors.size(), 2);
        QCOMPARE(docs->vectors[1].size(), 10);
        QCOMPARE(docs->vectors[1][0], -0.0098027075f);
        QVERIFY(!docs->usage.reported());
        auto recorded = adapter.parseEmbeddings(provider(), fixture(QStringLiteral("api-embed.response.json")));
        QVERIFY(recorded.has_value());
        QCOMPARE(recorded->model, QStringLiteral("mxbai-embed-large"));
        const Json raw = json(fixture(QStringLiteral("api-embed.response.json")));
        QCOMPARE(recorded->usage.inputTokens, std::optional<qint64>(raw["prompt_eval_count"].get<qint64>()));
        QCOMPARE(qsizetype(recorded->vectors[0].size()), qsizetype(raw["embeddings"][0].size()));
        r.dimensions = 256;
        JSON_COMPARE(json(adapter.embeddingRequest(provider(), nullptr, r)->body)["dimensions"], Json(256));
        QCOMPARE(adapter.parseEmbeddings(provider(), R"({"embeddings":[["x"]]})").error().code, ErrorCode::UpstreamProtocol);
        r.inputs.clear();
        QCOMPARE(adapter.embeddingRequest(provider(), nullptr, r).error().code, ErrorCode::InvalidArgument);
    }
    void images_areNotOffered()
    {
        const OllamaAdapter adapter;
        ImageRequest r;
        r.model = QStringLiteral("x");
        QCOMPARE(adapter.imageRequest(provider(), nullptr, r).error().code, ErrorCode::InvalidArgument);
    }
    void transportError_unreachableSaysStartOllamaOrFixTheUrl()
    {
        const OllamaAdapter adapter;
        const LiveProvider p = provider(QStringLiteral("http://127.0.0.1:11500/"));
        const Error refused = Error::make(ErrorCode::UpstreamUnavailable,
                                          QStringLiteral("connection to 127.0.0.1:11500 was refused; check that the "
                                                         "provider is running and the URL's port is right"));
        const Error e = adapter.describeTransportError(p.config, refused);
        QCOMPARE(e.code, ErrorCode::UpstreamUnavailable);
        QVERIFY2(e.message.startsWith(QStringLiteral("The hub could not reach Ollama at http://127.0.0.1:11500 "
                                                     "(provider \"local\"): connection to 127.0.0.1:11500 was refused.")),
                 qPrintable(e.message));
        QVERIFY(e.message.contains(QStringLiteral("ollama serve")));
        QVERIFY(e.message.contains(QStringLiteral("base URL")));
        // The default base URL is named when none is set.
        QVERIFY(adapter.describeTransportError(provider().config, refused)
                    .message.contains(QStringLiteral("http://127.0.0.1:11434")));
        // Timeouts and other failures keep their own words.
        const Error timeout = Error::make(ErrorCode::UpstreamTimeout, QStringLiteral("no first byte within 300 s"));
        QCOMPARE(adapter.describeTransportError(p.config, timeout).message, timeout.message);
    }
    void requests_carryTheTransportHint()
    {
        const OllamaAdapter adapter;
        auto request = chat(simple(), false);
        QVERIFY(request.has_value());
        QVERIFY(request->describeFailure);
        const Error e = request->describeFailure(Error::make(ErrorCode::UpstreamUnavailable, QStringLiteral("x")));
        QVERIFY(e.message.contains(QStringLiteral("ollama serve")));
        QVERIFY(adapter.modelsRequest(provider(), nullptr)->describeFailure);
    }
};

QTEST_GUILESS_MAIN(TestOllamaAdapter)
#include "tst_ollamaadapter.moc"
