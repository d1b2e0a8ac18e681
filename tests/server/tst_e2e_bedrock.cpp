// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Amazon Bedrock end to end: a client speaks OpenAI's /v1/chat/completions to the real server, which signs with
// SigV4 and relays to a mock Bedrock runtime (Converse JSON, ConverseStream event-stream bytes) serving recorded
// payloads (tests/data/fixtures/bedrock).
#include "core/providers/bedrock/sigv4signer.h"
#include "core/providers/credentialsecret.h"
#include "core/providers/providerstore.h"
#include "core/secrets/secretmask.h"
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/e2ehelpers.h"
#include "tests/support/rawhttpclient.h"
#include "tests/support/testhub.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace AiHub::Testing;
using Providers::ProviderKind;

namespace {
const QByteArray kChat = R"({"model":"bedrock/us.amazon.nova-micro-v1:0",
  "messages":[{"role":"system","content":"You are a chatbot."},{"role":"user","content":"Hello!"}]})";
const QByteArray kStream = R"({"model":"bedrock/us.amazon.nova-micro-v1:0","stream":true,"stream_options":{"include_usage":true},
  "messages":[{"role":"system","content":"You are a helpful chatbot."},{"role":"user","content":"What is the capital of France?"}]})";
const QByteArray kToolStream = R"({"model":"bedrock/us.amazon.nova-micro-v1:0","stream":true,"top_p":0.5,
  "messages":[{"role":"system","content":"You are a helpful chatbot."},
              {"role":"user","content":"What is the temperature of the capital of France?"}],
  "tools":[{"type":"function","function":{"name":"get_temperature","description":"Get the temperature in a city.",
            "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]})";
const QString kAccessKeyId = QStringLiteral("AKIDEXAMPLE");
const QString kSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QString kToken = QStringLiteral("session-token-e2e");





// Recomputes the SigV4 signature from the request exactly as the mock received it.
QByteArray expectedAuthorization(const RecordedRequest &up)
{
    const QByteArray auth = up.header("authorization");
    const qsizetype sh = auth.indexOf("SignedHeaders=");
    const QList<QByteArray> names = auth.mid(sh + 14, auth.indexOf(',', sh) - sh - 14).split(';');
    Providers::SigV4Request r;
    r.method = up.method;
    r.path = up.path;
    r.query = up.query;
    r.body = up.body;
    for (const QByteArray &name : names) {
        if (name != "x-amz-date" && name != "x-amz-security-token")
            r.headers.emplaceBack(name, up.header(name));
    }
    const QDateTime time = QDateTime::fromString(QString::fromLatin1(up.header("x-amz-date")),
                                                 QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const Providers::SigV4Signer signer(QStringLiteral("bedrock"), QStringLiteral("eu-central-1"),
                                        { kAccessKeyId, kSecret, kToken });
    const auto s = signer.signHeaders(r, QDateTime(time.date(), time.time(), Qt::UTC));
    if (!s)
        return {};
    for (const auto &[name, value] : s->headersToAdd) {
        if (name == "Authorization")
            return value;
    }
    return {};
}
} // namespace

class TestE2eBedrock final : public QObject {
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

    // TestHub::addProvider stores an API key; Bedrock needs an access key id, a secret key and a region.
    void addBedrockProvider()
    {
        Providers::ProviderConfig config;
        config.kind = ProviderKind::Bedrock;
        config.name = QStringLiteral("bedrock");
        config.baseUrl = m_mock->url(QString()).toString();
        config.region = QStringLiteral("eu-central-1");
        Providers::ProviderStore store(m_hub->database());
        auto id = store.addProvider(config);
        if (!id)
            QFAIL(qPrintable(id.error().message));
        Providers::CredentialInfo info;
        info.label = QStringLiteral("default");
        info.secretStore = m_hub->secrets()->id();
        info.secretRef = QStringLiteral("provider/bedrock/default");
        info.masked = Secrets::SecretMask::mask(kSecret);
        info.accessKeyId = kAccessKeyId;
        bool written = false;
        QObject context;
        m_hub->secrets()->write(info.secretRef, Providers::CredentialSecret { {}, kSecret, kToken }.toBytes(),
                                &context, [&written](Status s) { written = s.has_value(); });
        QVERIFY(QTest::qWaitFor([&written] { return written; }, 5000));
        auto c = store.addCredential(*id, info);
        if (!c)
            QFAIL(qPrintable(c.error().message));
        m_hub->reloadProviders();
    }

    void checkSigned(const RecordedRequest &up)
    {
        QCOMPARE(up.header("x-amz-security-token"), kToken.toUtf8());
        QVERIFY(up.header("authorization").startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"));
        QVERIFY(up.header("authorization").contains("/eu-central-1/bedrock/aws4_request"));
        QCOMPARE(up.header("authorization"), expectedAuthorization(up));
        QVERIFY(!up.body.contains(m_key));
    }

private Q_SLOTS:
    void init()
    {
        m_mock = std::make_unique<MockUpstream>();
        m_mock->setOpenAiDefaultsEnabled(false);
        QVERIFY(m_mock->startInThread() > 0);
        m_hub = std::make_unique<TestHub>();
        addBedrockProvider();
        m_key = m_hub->createKey(QStringLiteral("tester"));
        m_port = m_hub->startServer();
    }
    void cleanup()
    {
        m_hub.reset();
        m_mock.reset();
    }

    void nonStreaming_answerInOpenAiShapeSignedAndUsageRecorded()
    {
        m_mock->addRoute("POST", "/model/us.amazon.nova-micro-v1%3A0/converse",
                         fixture(QStringLiteral("bedrock/converse.response.http")));
        const auto r = post(kChat);
        QCOMPARE(r.status, 200);
        auto body = json(r.body);
        QVERIFY2(body["object"] == "chat.completion", r.body.constData());
        QVERIFY(str(body["choices"][0]["message"]["content"]).startsWith(QStringLiteral("Hello! How can I assist")));
        QVERIFY(body["choices"][0]["finish_reason"] == "stop");
        QVERIFY(body["usage"]["prompt_tokens"] == 7);
        QVERIFY(body["usage"]["completion_tokens"] == 30);

        const RecordedRequest up = m_mock->lastRequest();
        QCOMPARE(up.path, QByteArray("/model/us.amazon.nova-micro-v1%3A0/converse"));
        checkSigned(up);
        const auto sent = json(up.body);
        QVERIFY2(sent == json(R"({"messages":[{"role":"user","content":[{"text":"Hello!"}]}],
                                 "system":[{"text":"You are a chatbot."}],"inferenceConfig":{}})"),
                 up.body.constData());

        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].httpStatus, 200);
        QCOMPARE(records[0].provider, QStringLiteral("bedrock"));
        QCOMPARE(records[0].model, QStringLiteral("us.amazon.nova-micro-v1:0"));
        QCOMPARE(records[0].inputTokens, 7);
        QCOMPARE(records[0].outputTokens, 30);
        QVERIFY(!records[0].stream);
    }

    void streaming_eventStreamRelayedAsChunksWithUsageOnce()
    {
        m_mock->addRoute("POST", "/model/us.amazon.nova-micro-v1%3A0/converse-stream",
                         fixture(QStringLiteral("bedrock/converse-stream-text.response.b64")));
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
                QVERIFY(chunk["usage"]["prompt_tokens"] == 13);
                QVERIFY(chunk["usage"]["completion_tokens"] == 82);
            }
            if (!chunk["choices"].is_array() || chunk["choices"].empty())
                continue;
            text += str(chunk["choices"][0]["delta"]["content"]);
            if (chunk["choices"][0]["finish_reason"].is_string())
                finish = str(chunk["choices"][0]["finish_reason"]);
        }
        QVERIFY2(text.startsWith(QStringLiteral("The capital of France is Paris.")), qPrintable(text));
        QVERIFY(text.endsWith(QStringLiteral("\"The City of Love.\"")));
        QCOMPARE(finish, QStringLiteral("stop"));
        QCOMPARE(usageChunks, 1);
        const RecordedRequest up = m_mock->lastRequest();
        QCOMPARE(up.header("accept"), QByteArray("application/vnd.amazon.eventstream"));
        checkSigned(up);

        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QVERIFY(records[0].stream);
        QCOMPARE(records[0].inputTokens, 13);
        QCOMPARE(records[0].outputTokens, 82);
    }

    void streaming_toolUseBecomesOpenAiToolCall()
    {
        m_mock->addRoute("POST", "/model/us.amazon.nova-micro-v1%3A0/converse-stream",
                         fixture(QStringLiteral("bedrock/converse-stream-tool-use.response.b64")));
        const auto r = post(kToolStream);
        QCOMPARE(r.status, 200);
        const StreamedToolCall call = streamedToolCall(r.body);
        QCOMPARE(call.id, QStringLiteral("tooluse_lAG_zP8QRHmSYOwZzzaCqA"));
        QCOMPARE(call.name, QStringLiteral("get_temperature"));
        QCOMPARE(call.arguments, QStringLiteral("{\"city\":\"Paris\"}"));
        QCOMPARE(call.finishReason, QStringLiteral("tool_calls"));
        const auto sent = json(m_mock->lastRequest().body);
        QVERIFY(sent["toolConfig"]["tools"][0]["toolSpec"]["name"] == "get_temperature");
        QVERIFY(sent["inferenceConfig"]["topP"] == 0.5);
        const auto records = m_hub->usageRecords();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].inputTokens, 471);
        QCOMPARE(records[0].outputTokens, 91);
    }

    void interleavedReasoning_reachesTheClient_andGoesBackInOrderBeforeToolUse()
    {
        // A Converse answer with two signed reasoning blocks and a redacted one between tool calls (hand-written
        // in Converse's documented shape: reasoningText{text,signature}, redactedContent as base64).
        m_mock->addRoute("POST", "/model/us.amazon.nova-micro-v1%3A0/converse",
                         MockResponse::json(200, R"({"output":{"message":{"role":"assistant","content":[
            {"reasoningContent":{"reasoningText":{"text":"Paris first.","signature":"c2lnLUE="}}},
            {"toolUse":{"toolUseId":"t1","name":"get_temperature","input":{"city":"Paris"}}},
            {"reasoningContent":{"redactedContent":"cmVkYWN0ZWQ="}},
            {"reasoningContent":{"reasoningText":{"text":"Now Rome.","signature":"c2lnLUI="}}},
            {"toolUse":{"toolUseId":"t2","name":"get_temperature","input":{"city":"Rome"}}}]}},
            "stopReason":"tool_use","usage":{"inputTokens":5,"outputTokens":6,"totalTokens":11}})"));
        nlohmann::json request = json(kToolStream);
        request.erase("stream");
        const auto r = post(QByteArray::fromStdString(request.dump()));
        QCOMPARE(r.status, 200);
        const auto message = json(r.body)["choices"][0]["message"];
        QVERIFY2(message["thinking_blocks"] == json(R"([
            {"type":"thinking","thinking":"Paris first.","signature":"c2lnLUE="},
            {"type":"redacted_thinking","data":"cmVkYWN0ZWQ="},
            {"type":"thinking","thinking":"Now Rome.","signature":"c2lnLUI="}])"),
                 r.body.constData());

        // The client replays the turn as it got it; Bedrock receives every block, in order, before toolUse.
        request["messages"].push_back(message);
        request["messages"].push_back({ { "role", "tool" }, { "tool_call_id", "t1" }, { "content", "15" } });
        request["messages"].push_back({ { "role", "tool" }, { "tool_call_id", "t2" }, { "content", "21" } });
        QCOMPARE(post(QByteArray::fromStdString(request.dump())).status, 200);
        const RecordedRequest up = m_mock->lastRequest();
        checkSigned(up);
        const auto sent = json(up.body);
        QVERIFY2(sent["messages"][1]["content"] == json(R"([
            {"reasoningContent":{"reasoningText":{"text":"Paris first.","signature":"c2lnLUE="}}},
            {"reasoningContent":{"redactedContent":"cmVkYWN0ZWQ="}},
            {"reasoningContent":{"reasoningText":{"text":"Now Rome.","signature":"c2lnLUI="}}},
            {"toolUse":{"toolUseId":"t1","name":"get_temperature","input":{"city":"Paris"}}},
            {"toolUse":{"toolUseId":"t2","name":"get_temperature","input":{"city":"Rome"}}}])"),
                 up.body.constData());
    }

    void invalidModel_is404()
    {
        m_mock->addRoute("POST", "/model/us.amazon.nova-micro-v1%3A0/converse-stream",
                         fixture(QStringLiteral("bedrock/error-400-invalid-model.http")));
        const auto r = post(kStream);
        QCOMPARE(r.status, 404);
        QVERIFY2(r.body.contains("The provided model identifier is invalid."), r.body.constData());
        QCOMPARE(m_hub->usageRecords().value(0).httpStatus, 404);
    }

    void throttled_is429()
    {
        m_mock->addRoute("POST", "/model/us.amazon.nova-micro-v1%3A0/converse",
                         fixture(QStringLiteral("bedrock/error-429-throttling.http")));
        const auto r = post(kChat);
        QCOMPARE(r.status, 429);
        QVERIFY2(r.body.contains("Amazon Bedrock"), r.body.constData());
        QVERIFY2(r.body.contains("Rate exceeded"), r.body.constData());
    }

    void badCredentials_is401AndNamesTheKey()
    {
        m_mock->addRoute("POST", "/model/us.amazon.nova-micro-v1%3A0/converse",
                         MockResponse::json(403, R"({"message":"The security token included in the request is invalid."})")
                             .setHeader("x-amzn-ErrorType", "UnrecognizedClientException:"));
        const auto r = post(kChat);
        QCOMPARE(r.status, 401);
        QVERIFY2(r.body.contains("Check the key for \\\"bedrock\\\""), r.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestE2eBedrock)
#include "tst_e2e_bedrock.moc"
