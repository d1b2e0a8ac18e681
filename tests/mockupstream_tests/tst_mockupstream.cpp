// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "rawhttpclient.h"
#include "tests/mockupstream/mockupstream.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#endif

#include <memory>
#include <vector>

using namespace AiHub;
using namespace AiHub::Testing;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &relative)
{
    return QStringLiteral(AIHUB_TEST_DATA_DIR) + u"/fixtures/"_s + relative;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

QByteArray recordedBody(const QString &path)
{
    const QByteArray all = readFile(path);
    return all.mid(all.indexOf("\n\n") + 2);
}

MockResponse load(const QString &relative)
{
    auto r = MockResponse::fromFixture(relative);
    if (!r)
        qFatal("%s", qPrintable(r.error().message));
    return *r;
}

QByteArray get(const QByteArray &path, const QByteArray &extraHeaders = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

QByteArray post(const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "POST " + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

#ifdef Q_OS_UNIX
// A blocking POSIX client, to tell a FIN (recv() == 0) from a RST (ECONNRESET), which QTcpSocket hides.
class PosixClient final {
public:
    explicit PosixClient(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
        timeval tv { 5, 0 };
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
    ~PosixClient() { ::close(m_fd); }
    Q_DISABLE_COPY_MOVE(PosixClient)
    bool connected() const { return m_connected; }
    void send(const QByteArray &bytes)
    {
        [[maybe_unused]] auto n = ::send(m_fd, bytes.constData(), bytes.size(), 0);
    }
    // Reads until the peer ends the connection; returns the errno that ended it (0 = orderly FIN).
    int readUntilEnd(QByteArray &received)
    {
        char buf[4096];
        for (;;) {
            const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
            if (n > 0) {
                received.append(buf, n);
                continue;
            }
            return n == 0 ? 0 : errno;
        }
    }

private:
    int m_fd = -1;
    bool m_connected = false;
};
#endif

} // namespace

class TestMockUpstream final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listen_bindsLoopbackAnyPort()
    {
        MockUpstream mock;
        const quint16 port = mock.listen();
        QVERIFY(port != 0);
        QCOMPARE(mock.port(), port);
        QVERIFY(mock.isListening());
        QCOMPARE(mock.baseUrl(), QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port)));
        QCOMPARE(mock.url(u"/x"_s), QUrl(u"http://127.0.0.1:%1/x"_s.arg(port)));
    }

    void listen_portInUse_failsWithReason()
    {
        MockUpstream first;
        const quint16 port = first.listen();
        QVERIFY(port != 0);
        MockUpstream second;
        QCOMPARE(second.listen(port), quint16(0));
        QVERIFY(!second.isListening());
        QVERIFY(second.errorString().contains(QString::number(port)));
        QCOMPARE(first.listen(), quint16(0)); // already listening
        QVERIFY(first.errorString().contains(u"already listening"_s));
    }

    void httpFixture_servedWithRecomputedFraming()
    {
        MockUpstream mock;
        // Recorded with "content-length: 136" and "transfer-encoding: chunked" around a 145-byte body.
        mock.addRoute("POST", "/v1/messages/count_tokens", load(u"anthropic/error-404-not-found.http"_s));
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/v1/messages/count_tokens", "{}"));
        auto r = client.readResponse();
        QVERIFY(r);
        QCOMPARE(r->statusLine, QByteArray("HTTP/1.1 404 Not Found"));
        QCOMPARE(r->header("content-length"), QByteArray("145"));
        QVERIFY(!r->hasHeader("transfer-encoding"));
        QCOMPARE(r->header("content-type"), QByteArray("application/json"));
        QCOMPARE(r->header("strict-transport-security"),
            QByteArray("max-age=31536000; includeSubDomains; preload"));
        QCOMPARE(r->body, recordedBody(fixture(u"anthropic/error-404-not-found.http"_s)));
        QVERIFY(client.buffer().isEmpty()); // nothing after the declared body
    }

    void httpFixture_http2StatusLine_answeredAsHttp11()
    {
        MockUpstream mock;
        mock.addRoute(
            "POST", "/v1/chat/completions", load(u"openai/error-404-model-not-found.response.http"_s));
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/v1/chat/completions", "{}"));
        auto r = client.readResponse();
        QVERIFY(r);
        QCOMPARE(r->statusLine, QByteArray("HTTP/1.1 404 Not Found"));
        QCOMPARE(r->body, recordedBody(fixture(u"openai/error-404-model-not-found.response.http"_s)));
    }

    void streamFixture_servedChunked_oneChunkPerEvent_byteIdentical_data()
    {
        QTest::addColumn<QString>("relative");
        const QString root = fixture(QString());
        QDirIterator it(root, { u"*.sse"_s, u"*.ndjson"_s }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString rel = QDir(root).relativeFilePath(it.next());
            QTest::newRow(qPrintable(rel)) << rel;
        }
    }
    void streamFixture_servedChunked_oneChunkPerEvent_byteIdentical()
    {
        QFETCH(QString, relative);
        const MockResponse response = load(relative);
        MockUpstream mock;
        mock.addRoute("POST", "/stream", response);
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/stream", "{}"));
        auto r = client.readResponse();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QVERIFY(r->chunked);
        QVERIFY(!r->hasHeader("content-length"));
        QCOMPARE(r->body, readFile(fixture(relative)));
        QCOMPARE(r->chunks, response.chunks());
    }

    void eventStreamFixture_servedByteIdentical()
    {
        MockUpstream mock;
        mock.addRoute("POST", "/model/us.amazon.nova-micro-v1%3A0/converse-stream",
            load(u"bedrock/converse-stream-text.response.b64"_s));
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/model/us.amazon.nova-micro-v1%3A0/converse-stream",
            readFile(fixture(u"bedrock/converse-stream-text.request.json"_s))));
        auto r = client.readResponse();
        QVERIFY(r);
        QCOMPARE(r->header("content-type"), QByteArray("application/vnd.amazon.eventstream"));
        QCOMPARE(r->body,
            QByteArray::fromHex(readFile(fixture(u"bedrock/converse-stream-text.response.hex"_s)).trimmed()));
        QCOMPARE(mock.lastRequest().path, QByteArray("/model/us.amazon.nova-micro-v1%3A0/converse-stream"));
    }

    void streamedEvents_arriveIncrementally_withTheDelay()
    {
        const QString path = fixture(u"openai/chat-stream-include-usage.response.sse"_s);
        MockResponse response = load(u"openai/chat-stream-include-usage.response.sse"_s);
        response.setDelayBetweenChunksMs(150);
        MockUpstream mock;
        mock.addRoute("POST", "/v1/chat/completions", response);
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/v1/chat/completions", "{}"));
        QVERIFY(
            client.waitFor([](const QByteArray &b) { return b.contains("\"role\":\"assistant\""); }, 5000));
        QVERIFY(!client.buffer().contains("[DONE]")); // the rest has not been sent yet
        QElapsedTimer sinceFirst;
        sinceFirst.start();
        auto r = client.readResponse();
        QVERIFY(r);
        // 4 events, 3 gaps of 150 ms after the first one arrived
        QVERIFY2(sinceFirst.elapsed() >= 3 * 150 - 40, qPrintable(QString::number(sinceFirst.elapsed())));
        QCOMPARE(r->body, readFile(path));
        // The bytes trickled in: the last byte came well after the first.
        const qint64 first = client.arrivalMsOfByte(1);
        const qint64 last = client.arrivalMsOfByte(r->wireSize);
        QVERIFY2(last - first >= 3 * 150 - 40, qPrintable(u"%1 -> %2"_s.arg(first).arg(last)));
    }

    void delayBeforeHeaders_holdsTheWholeResponse()
    {
        MockUpstream mock;
        mock.addRoute("GET", "/slow", MockResponse::json(200, "{}").setDelayBeforeHeadersMs(300));
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        QElapsedTimer timer;
        timer.start();
        client.send(get("/slow"));
        QVERIFY(!client.waitFor([](const QByteArray &b) { return !b.isEmpty(); }, 200));
        auto r = client.readResponse();
        QVERIFY(r);
        QVERIFY(timer.elapsed() >= 280);
        QCOMPARE(r->body, QByteArray("{}"));
    }

    void latencyKnob_delaysEveryResponse()
    {
        MockUpstream mock;
        mock.setLatencyMs(250);
        QCOMPARE(mock.latencyMs(), 250);
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        QElapsedTimer timer;
        timer.start();
        client.send(get("/v1/models"));
        auto r = client.readResponse();
        QVERIFY(r);
        QVERIFY2(timer.elapsed() >= 230, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(r->status, 200);
    }

    void perChunkDelayKnob_slowsEveryStream()
    {
        MockUpstream mock;
        mock.setPerChunkDelayMs(100);
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        QElapsedTimer timer;
        timer.start();
        client.send(post("/v1/chat/completions", R"({"model":"gpt-5-nano","stream":true})"));
        auto r = client.readResponse();
        QVERIFY(r);
        QVERIFY2(timer.elapsed() >= 3 * 100 - 30, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(r->body, readFile(fixture(u"openai/chat-stream-include-usage.response.sse"_s)));
    }

    void closeAfterChunks_disconnectsMidStream()
    {
        MockResponse response = load(u"openai/chat-stream-tool-call.sse"_s);
        const QList<QByteArray> events = response.chunks();
        response.closeAfterChunks(2);
        MockUpstream mock;
        mock.addRoute("POST", "/v1/chat/completions", response);
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/v1/chat/completions", "{}"));
        QVERIFY(client.waitForDisconnected());
        RawHttpClient::Response partial;
        QCOMPARE(RawHttpClient::parse(client.buffer(), false, partial), RawHttpClient::Parse::Incomplete);
        QCOMPARE(partial.status, 200);
        QCOMPARE(partial.chunks, events.first(2)); // exactly two events, then no terminating chunk
        QVERIFY(!client.buffer().endsWith("0\r\n\r\n"));
        QTRY_COMPARE(mock.openConnections(), 0);
        QCOMPARE(mock.requestsServed(), quint64(0));
    }

    void closeAfterChunks_zero_sendsOnlyTheHeaderBlock()
    {
        MockUpstream mock;
        mock.addRoute("GET", "/x", MockResponse::json(200, "{\"a\":1}").closeAfterChunks(0));
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(get("/x"));
        QVERIFY(client.waitForDisconnected());
        QVERIFY(client.buffer().endsWith("Content-Length: 7\r\n\r\n"));
    }

#ifdef Q_OS_UNIX
    void resetAfterChunks_sendsTcpReset()
    {
        MockResponse response = load(u"openai/chat-stream-tool-call.sse"_s);
        const QList<QByteArray> events = response.chunks();
        response.resetAfterChunks(1);
        MockUpstream mock;
        mock.addRoute("POST", "/v1/chat/completions", response);
        QVERIFY(mock.startInThread() != 0); // the blocking POSIX client must not starve the server
        PosixClient client(mock.port());
        QVERIFY(client.connected());
        client.send(post("/v1/chat/completions", "{}"));
        QByteArray received;
        QCOMPARE(client.readUntilEnd(received), ECONNRESET);
        QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(received.contains(events.at(0))); // what came before the fault was delivered
        QVERIFY(!received.contains("0\r\n\r\n"));
        QVERIFY(!received.contains(events.at(1)));
    }

    void closeAfterChunks_isAnOrderlyFin_notAReset()
    {
        MockResponse response = load(u"openai/chat-stream-tool-call.sse"_s);
        const QList<QByteArray> events = response.chunks();
        response.closeAfterChunks(3);
        MockUpstream mock;
        mock.addRoute("POST", "/v1/chat/completions", response);
        QVERIFY(mock.startInThread() != 0);
        PosixClient client(mock.port());
        QVERIFY(client.connected());
        client.send(post("/v1/chat/completions", "{}"));
        QByteArray received;
        QCOMPARE(client.readUntilEnd(received), 0);
        QVERIFY(received.contains(events.at(2)));
        QVERIFY(!received.contains(events.at(3)));
    }
#endif

    void hangAfterChunks_staysOpenAndSilent()
    {
        MockResponse response = load(u"openai/chat-stream-tool-call.sse"_s);
        const QList<QByteArray> events = response.chunks();
        response.hangAfterChunks(1);
        MockUpstream mock;
        mock.addRoute("POST", "/v1/chat/completions", response);
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/v1/chat/completions", "{}"));
        QVERIFY(client.waitFor([&](const QByteArray &b) { return b.contains(events.first()); }, 5000));
        const qsizetype size = client.buffer().size();
        QTest::qWait(400);
        QCOMPARE(client.buffer().size(), size);
        QVERIFY(client.isConnected());
        QCOMPARE(mock.openConnections(), 1);
        client.close();
        QTRY_COMPARE(mock.openConnections(), 0);
    }

    void hangAfterChunks_withResume_leavesAnIdleGapThenFinishes()
    {
        const QString path = fixture(u"openai/chat-stream-tool-call.sse"_s);
        MockResponse response = load(u"openai/chat-stream-tool-call.sse"_s);
        const QList<QByteArray> events = response.chunks();
        response.hangAfterChunks(2, 350);
        MockUpstream mock;
        mock.addRoute("POST", "/v1/chat/completions", response);
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/v1/chat/completions", "{}"));
        QVERIFY(client.waitFor([&](const QByteArray &b) { return b.contains(events.at(1)); }, 5000));
        QElapsedTimer gap;
        gap.start();
        QVERIFY(!client.buffer().contains(events.at(2)));
        auto r = client.readResponse();
        QVERIFY(r);
        QVERIFY2(gap.elapsed() >= 300, qPrintable(QString::number(gap.elapsed())));
        QCOMPARE(r->body, readFile(path));
        QCOMPARE(mock.requestsServed(), quint64(1));
    }

    void neverRespond_readsTheRequestButNeverAnswers()
    {
        MockUpstream mock;
        mock.addRoute("POST", "/v1/chat/completions", MockResponse().neverRespond());
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/v1/chat/completions", R"({"model":"m"})"));
        QTRY_COMPARE(mock.requestsReceived(), quint64(1));
        QVERIFY(!client.waitFor([](const QByteArray &b) { return !b.isEmpty(); }, 400));
        QVERIFY(client.isConnected());
        QCOMPARE(mock.lastRequest().body, QByteArray(R"({"model":"m"})"));
        QCOMPARE(mock.requestsServed(), quint64(0));
    }

    void recordedRequest_keepsMethodTargetHeadersAndBody()
    {
        MockUpstream mock;
        QSignalSpy spy(&mock, &MockUpstream::requestReceived);
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        const QByteArray body = readFile(fixture(u"openai/chat-basic.request.json"_s));
        client.send(post("/v1/chat/completions?api-version=2024-10-21", body,
            "Authorization: Bearer sk-test\r\nX-Custom:  spaced value  \r\n"));
        QVERIFY(client.readResponse());
        const QList<RecordedRequest> all = mock.requests();
        QCOMPARE(all.size(), 1);
        const RecordedRequest &r = all.first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, QByteArray("/v1/chat/completions?api-version=2024-10-21"));
        QCOMPARE(r.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(r.query, QByteArray("api-version=2024-10-21"));
        QCOMPARE(r.httpVersion, QByteArray("HTTP/1.1"));
        QCOMPARE(r.header("authorization"), QByteArray("Bearer sk-test"));
        QCOMPARE(r.header("X-CUSTOM"), QByteArray("spaced value"));
        QCOMPARE(r.headers.first().first, QByteArray("Host"));
        QCOMPARE(r.body, body);
        QCOMPARE(r.jsonBody().value(u"model"_s).toString(),
            QJsonDocument::fromJson(body).object().value(u"model"_s).toString());
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<RecordedRequest>().body, body);
        mock.clearRequests();
        QVERIFY(mock.requests().isEmpty());
        QVERIFY(mock.lastRequest().method.isEmpty());
    }

    void requestReceivedSlot_mayCloseTheMock()
    {
        MockUpstream mock;
        connect(&mock, &MockUpstream::requestReceived, this, [&mock] { mock.close(); });
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(get("/v1/models"));
        QVERIFY(client.waitForDisconnected());
        QVERIFY(!mock.isListening());
        QCOMPARE(mock.openConnections(), 0);
    }

    void recordingOff_storesNothing()
    {
        MockUpstream mock;
        mock.setRecordRequests(false);
        QSignalSpy spy(&mock, &MockUpstream::requestReceived);
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(get("/v1/models"));
        QVERIFY(client.readResponse());
        QVERIFY(mock.requests().isEmpty());
        QVERIFY(!spy.wait(100));
        QCOMPARE(mock.requestsReceived(), quint64(1));
        QCOMPARE(mock.requestsServed(), quint64(1));
    }

    void keepAlive_servesSeveralRequestsOnOneConnection()
    {
        MockUpstream mock;
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        for (int i = 0; i < 3; ++i) {
            client.send(post("/v1/chat/completions", R"({"model":"gpt-5-nano"})"));
            auto r = client.readResponse();
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QVERIFY(!r->hasHeader("connection"));
        }
        QVERIFY(client.isConnected());
        QCOMPARE(mock.connectionsAccepted(), quint64(1));
        const QList<RecordedRequest> all = mock.requests();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).connectionId, all.at(2).connectionId);
        QCOMPARE(mock.requestsServed(), quint64(3));
    }

    void pipelinedRequests_answeredInOrder()
    {
        MockUpstream mock;
        MockResponse slowStream
            = MockResponse::stream(200, "text/event-stream", { "data: 1\n\n", "data: 2\n\n" });
        slowStream.setDelayBetweenChunksMs(100);
        mock.addRoute("GET", "/a", slowStream);
        mock.addRoute("GET", "/b", MockResponse::json(200, "{\"b\":true}"));
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(get("/a") + get("/b") + get("/v1/models"));
        auto a = client.readResponse();
        auto b = client.readResponse();
        auto models = client.readResponse();
        QVERIFY(a && b && models);
        QCOMPARE(a->body, QByteArray("data: 1\n\ndata: 2\n\n"));
        QCOMPARE(b->body, QByteArray("{\"b\":true}"));
        QCOMPARE(QJsonDocument::fromJson(models->body).object().value(u"object"_s).toString(), u"list"_s);
        QCOMPARE(mock.connectionsAccepted(), quint64(1));
    }

    void connectionClose_closesAfterTheResponse()
    {
        MockUpstream mock;
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(get("/v1/models", "Connection: close\r\n"));
        auto r = client.readResponse();
        QVERIFY(r);
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QVERIFY(client.waitForDisconnected());
        QTRY_COMPARE(mock.openConnections(), 0);
    }

    void http10Request_isAnsweredAndClosed()
    {
        MockUpstream mock;
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send("GET /v1/models HTTP/1.0\r\n\r\n");
        auto r = client.readResponse();
        QVERIFY(r);
        QCOMPARE(r->statusLine, QByteArray("HTTP/1.1 200 OK"));
        QVERIFY(client.waitForDisconnected());
    }

    void closeDelimitedFraming_hasNoLengthAndCloses()
    {
        const QString path = fixture(u"openai/chat-stream-include-usage.response.sse"_s);
        MockResponse response = load(u"openai/chat-stream-include-usage.response.sse"_s);
        response.setFraming(MockResponse::Framing::CloseDelimited);
        MockUpstream mock;
        mock.addRoute("POST", "/v1/chat/completions", response);
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/v1/chat/completions", "{}"));
        QVERIFY(client.waitForDisconnected());
        auto r = client.readResponse();
        QVERIFY(r);
        QVERIFY(!r->hasHeader("content-length"));
        QVERIFY(!r->hasHeader("transfer-encoding"));
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QCOMPARE(r->body, readFile(path));
    }

    void streamWithContentLengthFraming_isDeclaredUpFront()
    {
        MockResponse response
            = MockResponse::stream(200, "application/x-ndjson", { "{\"a\":1}\n", "{\"b\":2}\n" });
        response.setFraming(MockResponse::Framing::ContentLength).setDelayBetweenChunksMs(50);
        MockUpstream mock;
        mock.addRoute("POST", "/api/chat", response);
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/api/chat", "{}"));
        auto r = client.readResponse();
        QVERIFY(r);
        QCOMPARE(r->header("content-length"), QByteArray("16"));
        QCOMPARE(r->body, QByteArray("{\"a\":1}\n{\"b\":2}\n"));
    }

    void defaultChat_nonStreaming_servesTheRecordedCompletion()
    {
        MockUpstream mock;
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/v1/chat/completions", readFile(fixture(u"openai/chat-basic.request.json"_s))));
        auto r = client.readResponse();
        QVERIFY(r);
        QCOMPARE(r->statusLine, QByteArray("HTTP/1.1 200 OK"));
        QCOMPARE(r->header("x-request-id"), QByteArray("req_ff7b0a8af7a14d1bbe00df50025271ca"));
        QCOMPARE(r->body, recordedBody(fixture(u"openai/chat-basic.response.http"_s)));
    }

    void defaultChat_streamTrue_servesTheRecordedStream()
    {
        MockUpstream mock;
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post(
            "/v1/chat/completions", readFile(fixture(u"openai/chat-stream-include-usage.request.json"_s))));
        auto r = client.readResponse();
        QVERIFY(r);
        QVERIFY(r->chunked);
        QCOMPARE(r->header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(r->chunks.size(), 4);
        QCOMPARE(r->body, readFile(fixture(u"openai/chat-stream-include-usage.response.sse"_s)));

        // "stream": false and a "stream" text inside a message are not stream requests
        client.send(post("/v1/chat/completions",
            "{\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"\\\"stream\\\": true\"}]}"));
        auto plain = client.readResponse();
        QVERIFY(plain);
        QVERIFY(!plain->chunked);
        QCOMPARE(plain->body, recordedBody(fixture(u"openai/chat-basic.response.http"_s)));
    }

    void defaultStreamChunks_repeatsRecordedContentEvents()
    {
        MockUpstream mock;
        mock.setDefaultStreamChunks(25);
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/v1/chat/completions", R"({"stream":true})"));
        auto r = client.readResponse();
        QVERIFY(r);
        const QList<QByteArray> recorded
            = MockResponse::splitSseEvents(readFile(fixture(u"openai/chat-stream-text-with-usage.sse"_s)));
        QCOMPARE(r->chunks.size(), 1 + 25 + 3);
        QCOMPARE(r->chunks.first(), recorded.first());
        for (int i = 0; i < 25; ++i)
            QVERIFY(recorded.contains(r->chunks.at(1 + i)));
        QCOMPARE(r->chunks.mid(26), recorded.mid(recorded.size() - 3));
        QCOMPARE(r->chunks.last(), QByteArray("data: [DONE]\n\n"));
    }

    void defaultModels_listInOpenAiShape()
    {
        MockUpstream mock;
        mock.setModels({ u"m-1"_s, u"m-2"_s });
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(get("/v1/models"));
        auto r = client.readResponse();
        QVERIFY(r);
        QCOMPARE(r->header("content-type"), QByteArray("application/json"));
        const QJsonObject o = QJsonDocument::fromJson(r->body).object();
        QCOMPARE(o.value(u"object"_s).toString(), u"list"_s);
        const QJsonArray data = o.value(u"data"_s).toArray();
        QCOMPARE(data.size(), 2);
        QCOMPARE(data.at(1).toObject().value(u"id"_s).toString(), u"m-2"_s);
        QCOMPARE(data.at(1).toObject().value(u"object"_s).toString(), u"model"_s);
    }

    void apiPrefix_isConfigurable_data()
    {
        QTest::addColumn<QByteArray>("prefix");
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("deepseek: no prefix") << QByteArray("") << QByteArray("/chat/completions");
        QTest::newRow("openrouter") << QByteArray("/api/v1") << QByteArray("/api/v1/chat/completions");
        QTest::newRow("trailing slash, no leading")
            << QByteArray("v1/") << QByteArray("/v1/chat/completions");
    }
    void apiPrefix_isConfigurable()
    {
        QFETCH(QByteArray, prefix);
        QFETCH(QByteArray, path);
        MockUpstream mock;
        mock.setApiPrefix(prefix);
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        QCOMPARE(mock.baseUrl().toString() + u"/chat/completions"_s,
            mock.url(QString::fromLatin1(path)).toString());
        client.send(post(path, "{}"));
        auto r = client.readResponse();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        if (!prefix.isEmpty()) {
            client.send(post("/chat/completions", "{}"));
            auto other = client.readResponse();
            QVERIFY(other);
            QCOMPARE(other->status, 404);
        }
    }

    void unknownRoute_gets404FromTheMock()
    {
        MockUpstream mock;
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(get("/v1/nothing-here"));
        auto r = client.readResponse();
        QVERIFY(r);
        QCOMPARE(r->status, 404);
        QVERIFY(r->body.contains("no route for GET /v1/nothing-here"));
        QVERIFY(client.isConnected()); // a 404 does not end keep-alive

        mock.setOpenAiDefaultsEnabled(false);
        client.send(get("/v1/models"));
        auto disabled = client.readResponse();
        QVERIFY(disabled);
        QCOMPARE(disabled->status, 404);
    }

    void routes_matchMethodAndPath_queryRoutesNeedTheQuery()
    {
        MockUpstream mock;
        mock.addRoute("POST", "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse",
            load(u"gemini/streamGenerateContent-text.response.sse"_s));
        mock.addRoute("POST", "/v1beta/models/gemini-2.0-flash:streamGenerateContent",
            load(u"gemini/error-404-model-not-found.http"_s));
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse", "{}"));
        auto sse = client.readResponse();
        QVERIFY(sse);
        QCOMPARE(sse->body, readFile(fixture(u"gemini/streamGenerateContent-text.response.sse"_s)));
        client.send(post("/v1beta/models/gemini-2.0-flash:streamGenerateContent?key=abc", "{}"));
        auto byPath = client.readResponse();
        QVERIFY(byPath);
        QCOMPARE(byPath->status, 404);
        client.send(get("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse"));
        auto wrongMethod = client.readResponse();
        QVERIFY(wrongMethod);
        QVERIFY(wrongMethod->body.contains("no route"));
    }

    void enqueuedResponses_areServedOnceBeforeTheRoute()
    {
        MockUpstream mock;
        mock.enqueueResponse(
            "POST", "/v1/chat/completions", load(u"openrouter/error-429-upstream-rate-limited.http"_s));
        mock.enqueueResponse("POST", "/v1/chat/completions", MockResponse::json(503, "{}"));
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        QList<int> statuses;
        for (int i = 0; i < 3; ++i) {
            client.send(post("/v1/chat/completions", "{}"));
            auto r = client.readResponse();
            QVERIFY(r);
            statuses.append(r->status);
        }
        QCOMPARE(statuses, (QList<int> { 429, 503, 200 }));
        mock.clearRoutes();
    }

    void handlerRoute_answersFromTheRequest()
    {
        MockUpstream mock;
        mock.addRoute("POST", "/echo", [](const RecordedRequest &request) {
            return MockResponse::json(201, request.body).setHeader("X-Seen-Path", request.target);
        });
        mock.setRecordRequests(false); // the handler still sees the request
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(post("/echo?x=1", R"({"hello":"world"})"));
        auto r = client.readResponse();
        QVERIFY(r);
        QCOMPARE(r->status, 201);
        QCOMPARE(r->header("x-seen-path"), QByteArray("/echo?x=1"));
        QCOMPARE(r->body, QByteArray(R"({"hello":"world"})"));
    }

    void requestBodyInPieces_andExpectContinue_areHandled()
    {
        MockUpstream mock;
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        const QByteArray body = R"({"model":"gpt-5-nano","stream":true})";
        client.send(
            "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n");
        QVERIFY(
            client.waitFor([](const QByteArray &b) { return b == "HTTP/1.1 100 Continue\r\n\r\n"; }, 5000));
        client.send(body.left(10));
        QTest::qWait(50);
        QCOMPARE(mock.requestsReceived(), quint64(0));
        client.send(body.mid(10));
        QVERIFY(client.waitFor([](const QByteArray &b) { return b.contains("[DONE]"); }, 5000));
        QCOMPARE(mock.lastRequest().body, body);
    }

    void malformedRequests_getAnErrorAndAClose_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << 400;
        QTest::newRow("bad version") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 400;
        QTest::newRow("relative target") << QByteArray("GET v1/models HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n") << 400;
        QTest::newRow("negative length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("conflicting lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
        QTest::newRow("chunked body")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 501;
        QTest::newRow("huge body") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 999999999999\r\n\r\n")
                                   << 413;
        QTest::newRow("huge header") << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(70000, 'a')) << 431;
    }
    void malformedRequests_getAnErrorAndAClose()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        MockUpstream mock;
        RawHttpClient client;
        QVERIFY(client.connectTo(mock.listen()));
        client.send(request);
        QVERIFY(client.waitForDisconnected());
        auto r = client.readResponse();
        QVERIFY(r);
        QCOMPARE(r->status, status);
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QCOMPARE(mock.requestsReceived(), quint64(0));
    }

    void close_dropsOpenConnections_andCountersStay()
    {
        MockUpstream mock;
        mock.addRoute("GET", "/hang", MockResponse::json(200, "{}").hangAfterChunks(0));
        RawHttpClient a;
        RawHttpClient b;
        const quint16 port = mock.listen();
        QVERIFY(a.connectTo(port));
        QVERIFY(b.connectTo(port));
        a.send(get("/hang"));
        QTRY_COMPARE(mock.requestsReceived(), quint64(1));
        QTRY_COMPARE(mock.openConnections(), 2);
        QCOMPARE(mock.peakConnections(), 2);
        mock.close();
        QVERIFY(!mock.isListening());
        QCOMPARE(mock.openConnections(), 0);
        QVERIFY(a.waitForDisconnected());
        QVERIFY(b.waitForDisconnected());
        QCOMPARE(mock.peakConnections(), 2);
        QCOMPARE(mock.requestsReceived(), quint64(1));
        QCOMPARE(mock.requestsServed(), quint64(0));
        mock.resetPeakConnections();
        QCOMPARE(mock.peakConnections(), 0);
    }

    void startInThread_servesFromItsOwnThread_andSignalsHere()
    {
        MockUpstream mock;
        QSignalSpy spy(&mock, &MockUpstream::requestReceived);
        const quint16 port = mock.startInThread();
        QVERIFY(port != 0);
        QThread *servingThread = nullptr;
        mock.addRoute("GET", "/where", [&servingThread](const RecordedRequest &) {
            servingThread = QThread::currentThread();
            return MockResponse::json(200, "{}");
        });
        RawHttpClient client;
        QVERIFY(client.connectTo(port));
        client.send(get("/where"));
        QVERIFY(client.readResponse());
        QVERIFY(servingThread != nullptr);
        QVERIFY(servingThread != QThread::currentThread());
        QTRY_COMPARE(spy.count(), 1);
        mock.close();
        QCOMPARE(mock.openConnections(), 0);
        QVERIFY(client.waitForDisconnected());
    }

    void concurrentSlowStreams_200_allCompleteTogether()
    {
        constexpr int clients = 200;
        constexpr int delayMs = 100;
        const QByteArray expected = readFile(fixture(u"openai/chat-stream-include-usage.response.sse"_s));
        MockUpstream mock;
        mock.setPerChunkDelayMs(delayMs); // 4 events: each stream lasts about 300 ms
        mock.setRecordRequests(false);
        const quint16 port = mock.startInThread();
        QVERIFY(port != 0);
        std::vector<std::unique_ptr<RawHttpClient>> all;
        for (int i = 0; i < clients; ++i) {
            all.push_back(std::make_unique<RawHttpClient>());
            all.back()->socket()->connectToHost(QHostAddress::LocalHost, port);
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(all.begin(), all.end(),
                [](const auto &c) { return c->socket()->state() == QAbstractSocket::ConnectedState; }),
            10000);
        QElapsedTimer timer;
        timer.start();
        for (auto &c : all)
            c->send(post("/v1/chat/completions", R"({"stream":true})"));
        int done = 0;
        for (auto &c : all) {
            auto r = c->readResponse(20000);
            QVERIFY(r);
            QCOMPARE(r->body, expected);
            ++done;
        }
        QCOMPARE(done, clients);
        // Served side by side: far below 200 x 300 ms.
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(mock.peakConnections() >= clients);
        QCOMPARE(mock.requestsServed(), quint64(clients));
    }
};

QTEST_GUILESS_MAIN(TestMockUpstream)
#include "tst_mockupstream.moc"
