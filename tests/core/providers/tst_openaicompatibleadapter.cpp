// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/openaicompatibleadapter.h"
#include "core/providers/iprovideradapter.h"
#include "core/providers/liveprovider.h"
#include "core/providers/openaichatformat.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace AiHub::Providers;

namespace {
const OpenAiCompatibleAdapter kAdapter;

LiveProvider provider(ProviderKind kind, const QString &name, const QString &baseUrl = {})
{
    LiveProvider p;
    p.config.kind = kind;
    p.config.name = name;
    p.config.baseUrl = baseUrl;
    p.adapter = &kAdapter;
    LiveCredential c;
    c.info.label = QStringLiteral("default");
    c.secret.apiKey = QStringLiteral("sk-test-123");
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

QByteArray fixtureBody(const QString &path)
{
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/") + path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(path));
    QByteArray all = f.readAll();
    if (!path.endsWith(QStringLiteral(".http")))
        return all;
    const qsizetype crlf = all.indexOf("\r\n\r\n");
    const qsizetype lf = all.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf))
        return all.mid(crlf + 4);
    return lf >= 0 ? all.mid(lf + 2) : all;
}

// What the adapter sent before it wrote the body member by member: copy the document, edit it, dump it.
std::string referenceUpstreamBody(nlohmann::ordered_json body, bool stream)
{
    if (stream) {
        body["stream"] = true;
        body["stream_options"]["include_usage"] = true;
    } else {
        body.erase("stream_options");
    }
    return body.dump();
}

// Client bodies with what the edit has to get right: members present or missing, escapes in keys and values,
// numbers nlohmann rewrites, nesting, duplicate keys, non-ASCII text.
const char *const kRelayedBodies[] = {
    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
    "{\"stream\":false,\"model\":\"m\",\"messages\":[]}",
    "{\"model\":\"m\",\"stream\":null,\"x\":1}",
    "{\"model\":\"m\",\"stream_options\":{\"include_usage\":false,\"x\":[1,{\"y\":2}]},\"stream\":true}",
    "{\"model\":\"m\",\"stream_options\":{}}",
    "{\"model\":\"m\",\"stream_options\":null,\"temperature\":0.7}",
    "{\"model\":\"m\",\"stream_options\":{\"other\":\"a\\\"b\",\"include_usage\":true}}",
    "{ \"we\\\"ird\" : 1 , \"tab\\tkey\":\"v\\u0001\\u00e9\\/\", \"\\u00fcn\":\"\xc3\xa7\xf0\x9f\x98\x80\"}",
    "{\"temperature\":0.70,\"top_p\":1e-3,\"big\":12345678901234567890,\"neg\":-0.0,\"e\":1E2,\"i\":-5,"
    "\"arr\":[1.5,2,\"x\\\\y\",[],{}],\"nested\":{\"a\":{\"b\":null,\"c\":[true,false]}}}",
    "{\"model\":\"a\",\"model\":\"b\",\"stream\":true,\"stream\":false,\"stream_options\":{\"q\":1},\"stream_options\":{\"r\":2}}",
    "{}",
    "{\"m\":{\"we\\\"ird\":{\"x\\ny\":[1,-2,3.5,\"\\u0007\",\"\xe4\xb8\xad\",18446744073709551615,-9223372036854775808,1e300]}}}",
    "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"line\\nnext\\r\\t\\b\\f\"}]}],\"model\":\"m\"}",
};
} // namespace

class TestOpenAiCompatibleAdapter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chatRequest_golden_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("url");
        QTest::newRow("openai") << int(ProviderKind::OpenAI) << QStringLiteral("https://api.openai.com/v1/chat/completions");
        QTest::newRow("deepseek") << int(ProviderKind::DeepSeek) << QStringLiteral("https://api.deepseek.com/chat/completions");
        QTest::newRow("xai") << int(ProviderKind::XAI) << QStringLiteral("https://api.x.ai/v1/chat/completions");
        QTest::newRow("openrouter") << int(ProviderKind::OpenRouter)
                                    << QStringLiteral("https://openrouter.ai/api/v1/chat/completions");
    }
    void chatRequest_golden()
    {
        QFETCH(int, kind);
        QFETCH(QString, url);
        const LiveProvider p = provider(ProviderKind(kind), QStringLiteral("p"));
        ChatCall call;
        call.openAiBody = nlohmann::ordered_json::parse(R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],"temperature":0.2,"logprobs":true,"stream":true})");
        call.stream = true;
        auto request = p.adapter->chatRequest(p, &p.credentials.constFirst(), call);
        QVERIFY(request.has_value());
        QCOMPARE(request->method, QByteArray("POST"));
        QCOMPARE(request->url.toString(), url);
        QCOMPARE(header(*request, "Authorization"), QByteArray("Bearer sk-test-123"));
        QCOMPARE(header(*request, "Content-Type"), QByteArray("application/json"));
        QCOMPARE(header(*request, "Accept"), QByteArray("text/event-stream"));
        QCOMPARE(header(*request, "X-Title").isEmpty(), ProviderKind(kind) != ProviderKind::OpenRouter);
        const auto body = nlohmann::json::parse(request->body.toStdString());
        QVERIFY(body["model"] == "gpt-4o-mini");
        QVERIFY(body["stream"] == true);
        QVERIFY(body["stream_options"]["include_usage"] == true); // always asked, so every call is accounted
        QVERIFY(body["temperature"] == 0.2);                       // unknown-to-us fields pass through
        QVERIFY(body["logprobs"] == true);
    }
    void chatRequest_nonStreaming_dropsStreamOptions()
    {
        const LiveProvider p = provider(ProviderKind::OpenAI, QStringLiteral("openai"), QStringLiteral("http://127.0.0.1:9/v1/"));
        ChatCall call;
        call.openAiBody = nlohmann::ordered_json::parse(R"({"model":"m","messages":[],"stream_options":{"include_usage":true}})");
        auto request = p.adapter->chatRequest(p, &p.credentials.constFirst(), call);
        QVERIFY(request.has_value());
        QCOMPARE(request->url.toString(), QStringLiteral("http://127.0.0.1:9/v1/chat/completions"));
        QVERIFY(!nlohmann::json::parse(request->body.toStdString()).contains("stream_options"));
        QCOMPARE(header(*request, "Accept"), QByteArray("application/json"));
    }
    void chatRequest_withoutCredential_explainsHowToAddOne()
    {
        const LiveProvider p = provider(ProviderKind::OpenAI, QStringLiteral("work"));
        auto request = p.adapter->chatRequest(p, nullptr, ChatCall());
        QVERIFY(!request.has_value());
        QCOMPARE(request.error().code, ErrorCode::UpstreamBadCredentials);
        QVERIFY(request.error().message.contains(QStringLiteral("provider credential add work")));
    }
    void parseCompletion_fixture_keepsBodyAndReadsUsage()
    {
        const LiveProvider p = provider(ProviderKind::OpenAI, QStringLiteral("openai"));
        const QByteArray body = fixtureBody(QStringLiteral("openai/chat-basic.response.http"));
        auto completion = p.adapter->parseCompletion(p, body);
        QVERIFY(completion.has_value());
        QCOMPARE(completion->body, body);
        QCOMPARE(completion->usage.outputTokens, 377);
        QVERIFY(completion->usage.inputTokens.has_value());
        QVERIFY(!p.adapter->parseCompletion(p, "<html>bad gateway</html>").has_value());
    }
    void parseRelayedCompletion_fixture_readsTheSameUsageAsTheFullParse()
    {
        const LiveProvider p = provider(ProviderKind::OpenAI, QStringLiteral("openai"));
        const QByteArray body = fixtureBody(QStringLiteral("openai/chat-basic.response.http"));
        auto full = kAdapter.parseCompletion(p, body);
        auto relayed = kAdapter.parseRelayedCompletion(p, body);
        QVERIFY(full.has_value());
        QVERIFY(relayed.has_value());
        QCOMPARE(relayed->body, body);
        QCOMPARE(relayed->usage.inputTokens, full->usage.inputTokens);
        QCOMPARE(relayed->usage.outputTokens, full->usage.outputTokens);
        QCOMPARE(relayed->usage.cacheReadTokens, full->usage.cacheReadTokens);
        QCOMPARE(relayed->result.usage.outputTokens, full->usage.outputTokens);
    }
    void parseRelayedCompletion_isTheAdaptersOverride_andSaysItHoldsOnlyUsage()
    {
        // ChatSession calls it through IProviderAdapter; usageOnly tells it to parse fully when it must count.
        const LiveProvider p = provider(ProviderKind::OpenAI, QStringLiteral("openai"));
        const QByteArray body = fixtureBody(QStringLiteral("openai/chat-basic.response.http"));
        const IProviderAdapter &adapter = kAdapter;
        auto relayed = adapter.parseRelayedCompletion(p, body);
        QVERIFY(relayed.has_value());
        QVERIFY(relayed->usageOnly);
        QVERIFY(relayed->result.text.isEmpty());
        auto full = adapter.parseCompletion(p, body);
        QVERIFY(full.has_value());
        QVERIFY(!full->usageOnly);
        QVERIFY(!full->result.text.isEmpty());
    }
    void parseRelayedCompletion_usageAfterNestedBracketsInStrings()
    {
        const LiveProvider p = provider(ProviderKind::OpenAI, QStringLiteral("openai"));
        const QByteArray body = "  {\"id\":\"x\",\"choices\":[{\"message\":{\"content\":\"a } ] \\\" { [ usage\"}}],"
                                "\"usage\": {\"prompt_tokens\":12,\"completion_tokens\":3,"
                                "\"prompt_tokens_details\":{\"cached_tokens\":4}} ,\"n\":[1,-2.5e3,true,null]}\n";
        auto relayed = kAdapter.parseRelayedCompletion(p, body);
        QVERIFY(relayed.has_value());
        QCOMPARE(relayed->usage.inputTokens, 12);
        QCOMPARE(relayed->usage.outputTokens, 3);
        QCOMPARE(relayed->usage.cacheReadTokens, 4);
        // DeepSeek's cache hits beside the details; fractions are cut off; non-numbers are no count.
        auto deepSeek = kAdapter.parseRelayedCompletion(
            p, "{\"choices\":[],\"usage\":{\"prompt_tokens\":7.0,\"completion_tokens\":\"5\",\"prompt_cache_hit_tokens\":6}}");
        QVERIFY(deepSeek.has_value());
        QCOMPARE(deepSeek->usage.inputTokens, 7);
        QVERIFY(!deepSeek->usage.outputTokens.has_value());
        QCOMPARE(deepSeek->usage.cacheReadTokens, 6);
        // An escaped backslash right before the closing quote ends the string.
        auto backslash = kAdapter.parseRelayedCompletion(p, "{\"choices\":[\"x\\\\\"],\"usage\":{\"prompt_tokens\":2}}");
        QVERIFY(backslash.has_value());
        QCOMPARE(backslash->usage.inputTokens, 2);
        // A repeated "usage": the last one counts, as in a full parse; one that is no object reports nothing.
        auto twice = kAdapter.parseRelayedCompletion(
            p, "{\"usage\":{\"prompt_tokens\":1},\"choices\":[],\"usage\":{\"completion_tokens\":9}}");
        QVERIFY(twice.has_value());
        QVERIFY(!twice->usage.inputTokens.has_value());
        QCOMPARE(twice->usage.outputTokens, 9);
        auto thenNull = kAdapter.parseRelayedCompletion(
            p, "{\"usage\":{\"prompt_tokens\":1},\"choices\":[],\"usage\":null}");
        QVERIFY(thenNull.has_value());
        QVERIFY(!thenNull->usage.reported());
        // Without usage: a completion all the same, nothing reported.
        auto bare = kAdapter.parseRelayedCompletion(p, "{\"choices\":[]}");
        QVERIFY(bare.has_value());
        QVERIFY(!bare->usage.reported());
    }
    void parseRelayedCompletion_refusesWhatIsNotACompletion_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("html") << QByteArray("<html>bad gateway</html>");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("no choices") << QByteArray("{\"id\":\"x\",\"usage\":{\"prompt_tokens\":1}}");
        QTest::newRow("array") << QByteArray("[{\"choices\":[]}]");
        QTest::newRow("cut off") << QByteArray("{\"choices\":[{\"message\":{\"content\":\"hi\"}}");
        QTest::newRow("open string") << QByteArray("{\"choices\":[],\"id\":\"abc}");
        QTest::newRow("mismatched") << QByteArray("{\"choices\":[}]}");
        QTest::newRow("trailing") << QByteArray("{\"choices\":[]} x");
        QTest::newRow("two objects") << QByteArray("{\"choices\":[]}{\"choices\":[]}");
        QTest::newRow("missing colon") << QByteArray("{\"choices\" []}");
        QTest::newRow("bad usage") << QByteArray("{\"choices\":[],\"usage\":{\"prompt_tokens\":1,}}");
        QTest::newRow("escape cut off") << QByteArray("{\"choices\":[],\"id\":\"abc\\");
        QTest::newRow("bare word") << QByteArray("{\"choices\":[],\"usage\":{\"prompt_tokens\":one}}");
        QTest::newRow("nested usage object without colon")
            << QByteArray("{\"choices\":[],\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\" 1}}}");
        QTest::newRow("usage cut off") << QByteArray("{\"choices\":[],\"usage\":{\"prompt_tokens\":1");
        QTest::newRow("control char") << QByteArray("{\"choices\":[],\"id\":\"a\x01b\"}");
    }
    void parseRelayedCompletion_refusesWhatIsNotACompletion()
    {
        QFETCH(QByteArray, body);
        const LiveProvider p = provider(ProviderKind::OpenAI, QStringLiteral("openai"));
        auto relayed = kAdapter.parseRelayedCompletion(p, body);
        QVERIFY(!relayed.has_value());
        QCOMPARE(relayed.error().code, ErrorCode::UpstreamProtocol);
    }
    void chatRequest_relayedBody_isWhatCopyEditAndDumpGave()
    {
        const LiveProvider p = provider(ProviderKind::OpenAI, QStringLiteral("openai"));
        for (const char *text : kRelayedBodies) {
            for (const bool stream : { false, true }) {
                ChatCall call;
                call.openAiBody = nlohmann::ordered_json::parse(text);
                call.stream = stream;
                auto request = p.adapter->chatRequest(p, &p.credentials.constFirst(), call);
                QVERIFY(request.has_value());
                const QByteArray expected = QByteArray::fromStdString(referenceUpstreamBody(call.openAiBody, stream));
                if (request->body != expected)
                    qWarning("body %s stream %d", text, int(stream));
                QCOMPARE(request->body, expected);
            }
        }
    }
    void chatRequest_encodedBody_isWhatCopyEditAndDumpGave()
    {
        // A client of another API: the neutral request is encoded, then edited the same way.
        const LiveProvider p = provider(ProviderKind::OpenAI, QStringLiteral("openai"));
        for (const bool stream : { false, true }) {
            ChatCall call;
            call.request.model = QStringLiteral("gpt-4o-mini");
            ChatMessage message;
            message.content.append(ContentPart { ContentPart::Type::Text, QStringLiteral("Hi \"there\"\n"), {}, {}, {}, {} });
            call.request.messages.append(message);
            call.request.temperature = 0.3;
            call.request.stream = stream;
            call.stream = stream;
            auto request = p.adapter->chatRequest(p, &p.credentials.constFirst(), call);
            QVERIFY(request.has_value());
            QCOMPARE(request->body, QByteArray::fromStdString(referenceUpstreamBody(
                                        OpenAiChatFormat::encodeRequest(call.request), stream)));
        }
    }
    void chatRequest_streamOptionsNotAnObject_isReplaced()
    {
        // Editing the document threw here (a string has no members); the hub now asks for usage all the same.
        const LiveProvider p = provider(ProviderKind::OpenAI, QStringLiteral("openai"));
        ChatCall call;
        call.openAiBody = nlohmann::ordered_json::parse(R"({"model":"m","stream_options":"x","stream":true})");
        call.stream = true;
        auto request = p.adapter->chatRequest(p, &p.credentials.constFirst(), call);
        QVERIFY(request.has_value());
        QCOMPARE(request->body, QByteArray(R"({"model":"m","stream_options":{"include_usage":true},"stream":true})"));
        call.stream = false;
        request = p.adapter->chatRequest(p, &p.credentials.constFirst(), call);
        QVERIFY(request.has_value());
        QCOMPARE(request->body, QByteArray(R"({"model":"m","stream":true})"));
    }
    void parseRelayedCompletion_findsStopsAtEveryOffset()
    {
        // The scanner takes sixteen bytes at a time: put each byte that matters at every position of a block.
        const LiveProvider p = provider(ProviderKind::OpenAI, QStringLiteral("openai"));
        for (int pad = 0; pad < 40; ++pad) {
            const QByteArray text(pad, 'a');
            const QByteArray spaces(pad, ' ');
            const QByteArray good = "{\"id\":\"" + text + "\\\"}]\xc3\xa9\",\"choices\":[" + spaces + "{\"m\":\"" + text
                + "[{\"}" + spaces + "],\"usage\":{\"prompt_tokens\":" + QByteArray::number(pad) + "}}";
            auto ok = kAdapter.parseRelayedCompletion(p, good);
            QVERIFY2(ok.has_value(), good.constData());
            QCOMPARE(ok->usage.inputTokens, pad);
            const QByteArray control = "{\"choices\":[],\"id\":\"" + text + '\x1f' + text + "\"}";
            QVERIFY2(!kAdapter.parseRelayedCompletion(p, control).has_value(), control.constData());
            const QByteArray unclosed = "{\"choices\":[{\"a\":[" + spaces + "}],\"id\":\"" + text + "\"}";
            QVERIFY2(!kAdapter.parseRelayedCompletion(p, unclosed).has_value(), unclosed.constData());
            const QByteArray openString = "{\"choices\":[],\"id\":\"" + text + "}";
            QVERIFY(!kAdapter.parseRelayedCompletion(p, openString).has_value());
            // Whitespace runs of every length between tokens, as pretty-printed answers have them.
            QByteArray ws;
            for (int i = 0; i < pad; ++i)
                ws += " \n\t\r"[i % 4];
            const QByteArray spaced = ws + "{" + ws + "\"choices\"" + ws + ":" + ws + "[]" + ws + "," + ws + "\"usage\"" + ws
                + ":" + ws + "{" + ws + "\"prompt_tokens\"" + ws + ":" + ws + "7" + ws + "}" + ws + "}" + ws;
            auto spacedOk = kAdapter.parseRelayedCompletion(p, spaced);
            QVERIFY2(spacedOk.has_value(), spaced.constData());
            QCOMPARE(spacedOk->usage.inputTokens, 7);
            QVERIFY(!kAdapter.parseRelayedCompletion(p, spaced + "x").has_value());
            QVERIFY(!kAdapter.parseRelayedCompletion(p, ws + "{" + ws + "x" + ws + "\"choices\":[]}").has_value());
        }
    }
    void mapError_table_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("401") << int(ProviderKind::OpenAI) << 401
                             << QByteArray(R"({"error":{"message":"Incorrect API key provided: sk-...","type":"invalid_request_error","code":"invalid_api_key"}})")
                             << int(ErrorCode::UpstreamBadCredentials) << QStringLiteral("Check the key for \"p\"");
        QTest::newRow("xai bad key is 400") << int(ProviderKind::XAI) << 400
                                            << QByteArray("{\"code\":\"Client specified an invalid argument\",\"error\":\"Incorrect API key provided: xa***. "
                                                          "You can obtain an API key from https:/" "/console.x.ai.\"}")
                                            << int(ErrorCode::UpstreamBadCredentials) << QStringLiteral("xAI");
        QTest::newRow("404 fixture") << int(ProviderKind::OpenAI) << 404
                                     << fixtureBody(QStringLiteral("openai/error-404-model-not-found.response.http"))
                                     << int(ErrorCode::UpstreamModelNotFound) << QStringLiteral("does not offer");
        QTest::newRow("400 fixture") << int(ProviderKind::OpenAI) << 400
                                     << fixtureBody(QStringLiteral("openai/error-400-unsupported-parameter.response.http"))
                                     << int(ErrorCode::UpstreamBadRequest) << QStringLiteral("max_tokens");
        QTest::newRow("context") << int(ProviderKind::OpenAI) << 400
                                 << QByteArray(R"({"error":{"message":"This model has a maximum context length of 8192 tokens","code":"context_length_exceeded"}})")
                                 << int(ErrorCode::UpstreamBadRequest) << QStringLiteral("too long");
        QTest::newRow("429 openrouter fixture") << int(ProviderKind::OpenRouter) << 429
                                                << fixtureBody(QStringLiteral("openrouter/error-429-upstream-rate-limited.http"))
                                                << int(ErrorCode::UpstreamRateLimited) << QStringLiteral("Wait 7 s");
        QTest::newRow("502 html") << int(ProviderKind::DeepSeek) << 502 << QByteArray("<html>Bad Gateway</html>")
                                  << int(ErrorCode::UpstreamUnavailable) << QStringLiteral("Bad Gateway");
        QTest::newRow("504") << int(ProviderKind::OpenAI) << 504 << QByteArray("{}")
                             << int(ErrorCode::UpstreamTimeout) << QStringLiteral("timed out");
        QTest::newRow("402 deepseek") << int(ProviderKind::DeepSeek) << 402
                                      << QByteArray(R"({"error":{"message":"Insufficient Balance"}})")
                                      << int(ErrorCode::UpstreamUnavailable) << QStringLiteral("balance");
    }
    void mapError_table()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        const LiveProvider p = provider(ProviderKind(kind), QStringLiteral("p"));
        const Error e = p.adapter->mapError(p, status, body, status == 429 ? 7 : -1);
        QCOMPARE(int(e.code), code);
        QCOMPARE(e.upstreamStatus, status);
        QCOMPARE(e.provider, QStringLiteral("p"));
        QVERIFY2(e.message.contains(mentions), qPrintable(e.message));
        QVERIFY(e.message.contains(QStringLiteral("\"p\"")));
    }
    void parseModels_openAiShape()
    {
        const LiveProvider p = provider(ProviderKind::OpenAI, QStringLiteral("p"));
        auto ids = p.adapter->parseModels(R"({"object":"list","data":[{"id":"gpt-4o"},{"id":"gpt-4o-mini"}]})");
        QVERIFY(ids.has_value());
        QCOMPARE(*ids, QStringList({ QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini") }));
        QVERIFY(!p.adapter->parseModels("[]").has_value());
    }
    void testRequest_openRouterAsksAboutTheKey()
    {
        const LiveProvider p = provider(ProviderKind::OpenRouter, QStringLiteral("or"));
        auto r = p.adapter->testRequest(p, &p.credentials.constFirst());
        QVERIFY(r.has_value());
        QCOMPARE(r->method, QByteArray("GET"));
        QVERIFY(r->url.path().endsWith(QStringLiteral("/key")));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiCompatibleAdapter)
#include "tst_openaicompatibleadapter.moc"
