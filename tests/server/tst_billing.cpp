// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Credit billing through the running server: admission (402 before any upstream call), settlement of every way a
// call can end, and 200 concurrent requests against a balance that covers only a few.
#include "core/billing/billingsettings.h"
#include "core/billing/meter.h"
#include "core/server/serverhost.h"
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/rawhttpclient.h"
#include "tests/support/testhub.h"

#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

#include <memory>
#include <vector>

using namespace AiHub;
using namespace AiHub::Testing;
using namespace Qt::StringLiterals;
using Billing::Credits;

namespace {
Credits c(const QString &text) { return *Credits::parse(text); }

QByteArray chunk(const QByteArray &content)
{
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{"
           "\"index\":0,\"delta\":{\"content\":\""
        + content + "\"},\"finish_reason\":null}]}\n\n";
}
const QByteArray kUsageChunk = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                               "\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":9,"
                               "\"total_tokens\":16}}\n\n";
const QByteArray kDone = "data: [DONE]\n\n";

MockResponse sse(const QList<QByteArray> &chunks)
{
    return MockResponse::stream(200, "text/event-stream", chunks);
}

QByteArray chatBody(bool stream, int maxTokens = 100)
{
    return QByteArray(R"({"model":"openai/gpt-5-nano","max_tokens":)") + QByteArray::number(maxTokens)
        + (stream ? R"(,"stream":true)" : "") + R"(,"messages":[{"role":"user","content":"Hi"}]})";
}
} // namespace

class TestBilling final : public QObject {
    Q_OBJECT

    std::unique_ptr<MockUpstream> m_mock;
    std::unique_ptr<TestHub> m_hub;
    std::unique_ptr<Billing::Meter> m_meter;
    std::unique_ptr<Server::ServerHost> m_server;
    QByteArray m_key;
    quint16 m_port = 0;

    QList<QPair<QByteArray, QByteArray>> auth() const { return { { "Authorization", "Bearer " + m_key } }; }
    Credits balance() { return m_meter->ledger().balance(u"tester"_s)->balance; }
    Usage::UsageRecord lastRecord()
    {
        auto records = m_hub->usageRecords();
        return records.isEmpty() ? Usage::UsageRecord() : records.first();
    }
    int upstreamCalls() const { return int(m_mock->requests().size()); }

private Q_SLOTS:
    void init()
    {
        m_mock = std::make_unique<MockUpstream>();
        QVERIFY(m_mock->startInThread() > 0);
        m_mock->setRecordRequests(true);
        m_hub = std::make_unique<TestHub>();
        m_hub->addProvider(Providers::ProviderKind::OpenAI, u"openai"_s, m_mock->baseUrl());
        m_key = m_hub->createKey(u"tester"_s);
        QVERIFY(Billing::BillingSettings::set(*m_hub->database(), u"enabled"_s, u"on"_s));
        m_meter = std::make_unique<Billing::Meter>(m_hub->database());
        QVERIFY(m_meter->start());
        Billing::Rate rate;
        rate.provider = u"openai"_s;
        rate.model = u"gpt-5-nano"_s;
        rate.input = c(u"1000"_s);  // 0.001 per token
        rate.output = c(u"2000"_s); // 0.002 per token
        QVERIFY(m_meter->rates().set(rate));
        Server::HubServices services = m_hub->services();
        services.billing = m_meter.get();
        Server::ServerOptions options;
        options.address = QHostAddress::LocalHost;
        options.port = 0;
        options.threads = 2;
        m_server = std::make_unique<Server::ServerHost>(services, options);
        auto port = m_server->start();
        QVERIFY(port);
        m_port = *port;
    }
    void cleanup()
    {
        if (m_server) {
            QSignalSpy stopped(m_server.get(), &Server::ServerHost::stopped);
            m_server->stop();
            if (stopped.isEmpty())
                stopped.wait(10000);
            m_server.reset();
        }
        m_meter.reset();
        m_hub.reset();
        m_mock.reset();
    }

    void noCredit_answers402InOpenAiFormWithoutCallingUpstream()
    {
        const auto r = RawHttpClient::request(m_port, "POST", "/v1/chat/completions", chatBody(false), auth());
        QCOMPARE(r.status, 402);
        const auto body = nlohmann::json::parse(r.body.toStdString(), nullptr, false);
        QVERIFY(body["error"]["code"] == "insufficient_credit");
        QVERIFY(body["error"]["type"] == "insufficient_quota");
        const QString message = QString::fromStdString(body["error"]["message"].get<std::string>());
        QVERIFY2(message.contains(u"0 credits available"_s), qPrintable(message));
        QVERIFY2(message.contains(u"needs up to about"_s), qPrintable(message));
        QVERIFY2(message.contains(u"aigne-hubd credits grant tester AMOUNT"_s), qPrintable(message));
        QCOMPARE(upstreamCalls(), 0);
        const auto record = lastRecord();
        QCOMPARE(record.httpStatus, 402);
        QCOMPARE(record.billingReason, u"insufficient_credit"_s);
    }

    void noCredit_onTheAigneApi_answers402NotEnoughWithoutCallingUpstream()
    {
        // The AIGNE CLI's "buy credits and retry" prompt depends on this exact shape.
        const QByteArray invoke = "{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                                  "\"modelOptions\":{\"model\":\"openai/gpt-5-nano\"}},\"options\":{\"streaming\":false}}";
        const auto r = RawHttpClient::request(m_port, "POST", "/api/v2/chat", invoke, auth());
        QCOMPARE(r.status, 402);
        const auto body = nlohmann::json::parse(r.body.toStdString(), nullptr, false);
        QVERIFY(body["error"]["type"] == "NOT_ENOUGH");
        QVERIFY(body["error"]["message"].is_string());
        QVERIFY(body["error"]["timestamp"].is_string());
        QVERIFY(body["error"].contains("link"));
        QCOMPARE(upstreamCalls(), 0);
    }

    void completed_chargesTheReportedUsageAtTheRate()
    {
        QVERIFY(m_meter->ledger().post(u"tester"_s, Billing::EntryKind::Topup, c(u"10"_s), u"test"_s));
        m_mock->addRoute("POST", "/v1/chat/completions",
                         MockResponse::json(200, R"({"id":"x","object":"chat.completion","created":1,"model":"m",
                             "choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},"finish_reason":"stop"}],
                             "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}})"));
        const auto r = RawHttpClient::request(m_port, "POST", "/v1/chat/completions", chatBody(false), auth());
        QCOMPARE(r.status, 200);
        QCOMPARE(balance().toString(), u"9.98"_s); // 10 × 0.001 + 5 × 0.002
        const auto record = lastRecord();
        QCOMPARE(record.creditsNanos, c(u"0.02"_s).nanos());
        QCOMPARE(record.billingReason, u"usage"_s);
        QVERIFY(record.rateId.has_value());
        QCOMPARE(m_meter->ledger().balance(u"tester"_s)->reserved, Credits()); // the rest of the hold released
    }

    void stream_withUsageReport_chargesTheReport()
    {
        QVERIFY(m_meter->ledger().post(u"tester"_s, Billing::EntryKind::Topup, c(u"10"_s), u"test"_s));
        m_mock->addRoute("POST", "/v1/chat/completions", sse({ chunk("Hello"), chunk(" world"), kUsageChunk, kDone }));
        const auto r = RawHttpClient::request(m_port, "POST", "/v1/chat/completions", chatBody(true), auth());
        QCOMPARE(r.status, 200);
        const auto record = lastRecord();
        QCOMPARE(record.billingReason, u"usage"_s);
        QCOMPARE(record.usageSource, Usage::UsageSource::Provider);
        QCOMPARE(record.creditsNanos, c(u"0.025"_s).nanos()); // 7 × 0.001 + 9 × 0.002
        QCOMPARE(balance().toString(), u"9.975"_s);
    }

    void stream_withoutUsageReport_isChargedFromCountedTokens()
    {
        QVERIFY(m_meter->ledger().post(u"tester"_s, Billing::EntryKind::Topup, c(u"10"_s), u"test"_s));
        // 16 bytes of text -> 4 counted output tokens; "Hi" -> 1 token + 4 per message = 5 input tokens.
        m_mock->addRoute("POST", "/v1/chat/completions", sse({ chunk("Hello, "), chunk("world ..."), kDone }));
        const auto r = RawHttpClient::request(m_port, "POST", "/v1/chat/completions", chatBody(true), auth());
        QCOMPARE(r.status, 200);
        const auto record = lastRecord();
        QCOMPARE(record.billingReason, u"counted"_s);
        QCOMPARE(record.usageSource, Usage::UsageSource::Counted);
        QCOMPARE(record.outputTokens, 4);
        QCOMPARE(record.inputTokens, 5);
        QCOMPARE(record.creditsNanos, c(u"0.013"_s).nanos());
        QCOMPARE(balance().toString(), u"9.987"_s);
    }

    void stream_upstreamFailsBeforeAnyToken_chargesNothing()
    {
        QVERIFY(m_meter->ledger().post(u"tester"_s, Billing::EntryKind::Topup, c(u"10"_s), u"test"_s));
        m_mock->addRoute("POST", "/v1/chat/completions",
                         MockResponse::json(500, R"({"error":{"message":"boom","type":"server_error"}})"));
        const auto r = RawHttpClient::request(m_port, "POST", "/v1/chat/completions", chatBody(true), auth());
        QVERIFY(r.status >= 500);
        const auto record = lastRecord();
        QCOMPARE(record.billingReason, u"failed_before_output"_s);
        QCOMPARE(record.creditsNanos, 0);
        QCOMPARE(balance().toString(), u"10"_s);
        QCOMPARE(m_meter->ledger().balance(u"tester"_s)->reserved, Credits());
    }

    void stream_upstreamDropsMidway_chargesWhatWasDelivered()
    {
        QVERIFY(m_meter->ledger().post(u"tester"_s, Billing::EntryKind::Topup, c(u"10"_s), u"test"_s));
        m_mock->addRoute("POST", "/v1/chat/completions",
                         sse({ chunk("abcdefgh"), chunk("ijklmnop"), chunk("never sent"), kDone }).resetAfterChunks(2));
        RawHttpClient::request(m_port, "POST", "/v1/chat/completions", chatBody(true), auth());
        const auto record = lastRecord();
        QCOMPARE(record.billingReason, u"failed_partial"_s);
        QCOMPARE(record.outputTokens, 4); // 16 bytes delivered
        QCOMPARE(record.creditsNanos, c(u"0.013"_s).nanos());
        QCOMPARE(balance().toString(), u"9.987"_s);
    }

    void stream_clientDisconnects_paysTokensProducedUntilCancelled()
    {
        QVERIFY(m_meter->ledger().post(u"tester"_s, Billing::EntryKind::Topup, c(u"10"_s), u"test"_s));
        m_mock->addRoute("POST", "/v1/chat/completions",
                         sse({ chunk("abcdefgh"), chunk("ijklmnop"), chunk("later"), chunk("later"), kDone })
                             .setDelayBetweenChunksMs(400));
        {
            RawHttpClient client(m_port);
            QVERIFY(client.connectToServer());
            client.sendRequest("POST", "/v1/chat/completions", chatBody(true), auth());
            QVERIFY(client.waitFor("abcdefgh", 5000));
            client.close();
        }
        QVERIFY(QTest::qWaitFor([this] { return !m_hub->usageRecords().isEmpty(); }, 5000));
        const auto record = lastRecord();
        QCOMPARE(record.billingReason, u"cancelled"_s);
        QCOMPARE(record.usageSource, Usage::UsageSource::Counted);
        QVERIFY2(record.outputTokens >= 2 && record.outputTokens <= 4, qPrintable(QString::number(*record.outputTokens)));
        QVERIFY(record.creditsNanos > 0);
        QCOMPARE(balance().nanos(), c(u"10"_s).nanos() - *record.creditsNanos);
        QCOMPARE(m_meter->ledger().balance(u"tester"_s)->reserved, Credits());
    }

    void embeddings_chargedForReportedInputTokens_and402WithoutCredit()
    {
        Billing::Rate rate;
        rate.provider = u"openai"_s;
        rate.model = u"text-embedding-3-small"_s;
        rate.type = Billing::RateType::Embedding;
        rate.input = c(u"20000"_s); // 0.02 per token
        QVERIFY(m_meter->rates().set(rate));
        m_mock->addRoute("POST", "/v1/embeddings",
                         MockResponse::json(200, R"({"object":"list","data":[{"object":"embedding","index":0,
                             "embedding":[0.5,0.25]}],"model":"text-embedding-3-small",
                             "usage":{"prompt_tokens":3,"total_tokens":3}})"));
        const QByteArray body = R"({"model":"openai/text-embedding-3-small","input":"hello there"})";
        auto refused = RawHttpClient::request(m_port, "POST", "/v1/embeddings", body, auth());
        QCOMPARE(refused.status, 402);
        QCOMPARE(upstreamCalls(), 0);
        QVERIFY(m_meter->ledger().post(u"tester"_s, Billing::EntryKind::Topup, c(u"1"_s), u"test"_s));
        auto r = RawHttpClient::request(m_port, "POST", "/v1/embeddings", body, auth());
        QCOMPARE(r.status, 200);
        QCOMPARE(balance().toString(), u"0.94"_s); // 3 × 0.02
        const auto record = lastRecord();
        QCOMPARE(record.billingReason, u"usage"_s);
        QCOMPARE(record.creditsNanos, c(u"0.06"_s).nanos());
    }

    void images_chargedPerDeliveredImage()
    {
        Billing::Rate rate;
        rate.provider = u"openai"_s;
        rate.model = u"dall-e-3"_s;
        rate.type = Billing::RateType::Image;
        rate.output = c(u"0.04"_s);
        QVERIFY(m_meter->rates().set(rate));
        QVERIFY(m_meter->ledger().post(u"tester"_s, Billing::EntryKind::Topup, c(u"1"_s), u"test"_s));
        m_mock->addRoute("POST", "/v1/images/generations",
                         MockResponse::json(200, R"({"created":1,"data":[{"b64_json":"iVBORw0KGgo="},
                             {"b64_json":"iVBORw0KGgo="}]})"));
        const QByteArray body = R"({"model":"openai/dall-e-3","prompt":"a cat","n":2,"response_format":"b64_json"})";
        auto r = RawHttpClient::request(m_port, "POST", "/v1/images/generations", body, auth());
        QCOMPARE(r.status, 200);
        QCOMPARE(balance().toString(), u"0.92"_s);
        const auto record = lastRecord();
        QCOMPARE(record.creditsNanos, c(u"0.08"_s).nanos());
        QCOMPARE(record.billingReason, u"usage"_s);
    }

    void unpricedModel_refusedWithClearMessage()
    {
        QVERIFY(m_meter->ledger().post(u"tester"_s, Billing::EntryKind::Topup, c(u"1"_s), u"test"_s));
        const QByteArray body = R"({"model":"openai/unpriced-model","messages":[{"role":"user","content":"Hi"}]})";
        const auto r = RawHttpClient::request(m_port, "POST", "/v1/chat/completions", body, auth());
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains("aigne-hubd rates set openai/unpriced-model"), r.body.constData());
        QCOMPARE(upstreamCalls(), 0);
        QCOMPARE(lastRecord().billingReason, u"refused_unpriced"_s);
    }

    void concurrent200_smallBalance_neverNegativeAndTheRestGet402WithoutUpstreamCalls()
    {
        // Each call holds (5 input + 100 output) tokens = 0.205; 1 credit covers 4 of them at once.
        QVERIFY(m_meter->ledger().post(u"tester"_s, Billing::EntryKind::Topup, c(u"1"_s), u"test"_s));
        m_mock->addRoute("POST", "/v1/chat/completions",
                         MockResponse::json(200, R"({"id":"x","object":"chat.completion","created":1,"model":"m",
                             "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
                             "usage":{"prompt_tokens":5,"completion_tokens":10,"total_tokens":15}})")
                             .setDelayBeforeHeadersMs(3000));
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < 200; ++i) {
            clients.push_back(std::make_unique<RawHttpClient>(m_port));
            QVERIFY(clients.back()->connectToServer());
            clients.back()->sendRequest("POST", "/v1/chat/completions", chatBody(false), auth());
        }
        int ok = 0, refused = 0, other = 0;
        for (auto &client : clients) {
            const auto r = client->readResponse(20000);
            (r.status == 200 ? ok : r.status == 402 ? refused : other)++;
        }
        QCOMPARE(other, 0);
        QCOMPARE(ok, 4);
        QCOMPARE(refused, 196);
        QCOMPARE(upstreamCalls(), 4); // refused calls never reached the provider
        QCOMPARE(balance().toString(), u"0.9"_s); // 4 × (5 × 0.001 + 10 × 0.002)
        QVERIFY(!balance().isNegative());
        QCOMPARE(m_meter->ledger().balance(u"tester"_s)->reserved, Credits());
    }
};

QTEST_GUILESS_MAIN(TestBilling)
#include "tst_billing.moc"
