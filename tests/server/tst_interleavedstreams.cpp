// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Many chat streams open at once on one worker thread, their provider events arriving interleaved (and several
// to a read): every client gets exactly its own events, in order, however the hub shares its per-read scratch
// state between the streams of a thread; and each stream's usage is recorded as a stream once its request has
// been released.
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/e2ehelpers.h"
#include "tests/support/rawhttpclient.h"
#include "tests/support/testhub.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Testing;
using Providers::ProviderKind;

namespace {

constexpr int kPieces = 6;

QByteArray chunkEvent(const QByteArray &tag, const QByteArray &content)
{
    return "data: {\"id\":\"chatcmpl-" + tag + "\",\"object\":\"chat.completion.chunk\",\"created\":1,"
           "\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content
        + "\"},\"finish_reason\":null}]}\n\n";
}

// The provider's answer names the caller: "<tag>-0" ... "<tag>-5". Odd streams send their pieces two to a
// write, so one read can decode into several events.
MockResponse taggedStream(const RecordedRequest &request)
{
    const QByteArray tag = request.jsonBody()
                               .value(QStringLiteral("messages"))
                               .toArray()
                               .at(0)
                               .toObject()
                               .value(QStringLiteral("content"))
                               .toString()
                               .toUtf8();
    const bool paired = tag.endsWith('1') || tag.endsWith('3') || tag.endsWith('5') || tag.endsWith('7');
    QList<QByteArray> chunks;
    for (int i = 0; i < kPieces; ++i) {
        const QByteArray event = chunkEvent(tag, tag + '-' + QByteArray::number(i));
        if (paired && i % 2 == 1)
            chunks.last() += event;
        else
            chunks.append(event);
    }
    chunks.append("data: {\"id\":\"chatcmpl-" + tag + "\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                  "\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                  "data: {\"id\":\"chatcmpl-" + tag + "\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                  "\"model\":\"gpt-test\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":"
                  + QByteArray::number(kPieces) + ",\"total_tokens\":" + QByteArray::number(kPieces + 3)
                  + "}}\n\ndata: [DONE]\n\n");
    return MockResponse::stream(200, "text/event-stream", chunks).setDelayBetweenChunksMs(15);
}

QByteArray streamRequest(const QByteArray &tag)
{
    return "{\"model\":\"openai/gpt-test\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"" + tag
        + "\"}]}";
}

} // namespace

class TestInterleavedStreams final : public QObject {
    Q_OBJECT

    std::unique_ptr<TestHub> m_hub;
    std::unique_ptr<MockUpstream> m_mock;
    QByteArray m_key;
    quint16 m_port = 0;

private Q_SLOTS:
    void init()
    {
        m_mock = std::make_unique<MockUpstream>();
        QVERIFY(m_mock->startInThread() > 0);
        m_mock->addRoute("POST", "/v1/chat/completions", &taggedStream);
        m_hub = std::make_unique<TestHub>();
        m_hub->addProvider(ProviderKind::OpenAI, QStringLiteral("openai"), m_mock->baseUrl());
        m_key = m_hub->createKey(QStringLiteral("tester"));
        Server::ServerOptions options;
        options.threads = 1; // every stream on the same worker thread
        m_port = m_hub->startServer(options);
    }
    void cleanup()
    {
        m_hub.reset();
        m_mock.reset();
    }

    void interleavedStreams_eachClientGetsOnlyItsOwnEventsInOrder()
    {
        constexpr int kStreams = 8;
        const QList<QPair<QByteArray, QByteArray>> auth { { "Authorization", "Bearer " + m_key } };
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int s = 0; s < kStreams; ++s) {
            clients.push_back(std::make_unique<RawHttpClient>(m_port));
            QVERIFY(clients.back()->connectToServer());
            clients.back()->sendRequest("POST", "/v1/chat/completions", streamRequest("s" + QByteArray::number(s)),
                                        auth);
        }
        for (int s = 0; s < kStreams; ++s) {
            const QByteArray tag = "s" + QByteArray::number(s);
            const auto r = clients[std::size_t(s)]->readResponse(15000);
            QCOMPARE(r.status, 200);
            const QList<QByteArray> events = sseData(r.body);
            QList<QByteArray> contents;
            for (const QByteArray &event : events) {
                if (event == "[DONE]")
                    continue;
                const auto chunk = json(event);
                QVERIFY2(chunk["id"] == QByteArray("chatcmpl-" + tag).toStdString(), event.constData());
                const auto &choices = chunk["choices"];
                if (!choices.empty() && choices[0]["delta"].contains("content"))
                    contents.append(QByteArray::fromStdString(choices[0]["delta"]["content"].get<std::string>()));
            }
            QList<QByteArray> expected;
            for (int i = 0; i < kPieces; ++i)
                expected.append(tag + '-' + QByteArray::number(i));
            QCOMPARE(contents, expected);
            QCOMPARE(events.last(), QByteArray("[DONE]"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_hub->usageRecords().size(), kStreams, 5000);
        for (const Usage::UsageRecord &record : m_hub->usageRecords()) {
            QCOMPARE(record.httpStatus, 200);
            QVERIFY(record.stream);
            QCOMPARE(record.outputTokens, kPieces);
            QVERIFY(record.timeToFirstTokenMs.has_value());
        }
    }

    void clientLeavingMidStream_doesNotDisturbTheOthers()
    {
        const QList<QPair<QByteArray, QByteArray>> auth { { "Authorization", "Bearer " + m_key } };
        RawHttpClient leaving(m_port);
        RawHttpClient staying(m_port);
        QVERIFY(leaving.connectToServer());
        QVERIFY(staying.connectToServer());
        leaving.sendRequest("POST", "/v1/chat/completions", streamRequest("s2"), auth);
        staying.sendRequest("POST", "/v1/chat/completions", streamRequest("s3"), auth);
        QVERIFY(leaving.waitFor("s2-1", 5000));
        leaving.close();
        const auto r = staying.readResponse(15000);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("s3-5"));
        QVERIFY(!r.body.contains("s2-"));
        QVERIFY(r.body.endsWith("data: [DONE]\n\n"));
        QTRY_COMPARE_WITH_TIMEOUT(m_hub->usageRecords().size(), 2, 5000);
    }
};

QTEST_GUILESS_MAIN(TestInterleavedStreams)
#include "tst_interleavedstreams.moc"
