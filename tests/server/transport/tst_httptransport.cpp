// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/transport/httpexchange.h"
#include "core/server/transport/httprequest.h"
#include "core/server/transport/httptransport.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

using namespace AiHub::Server;

namespace {

bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(2);
    }
    return true;
}

struct Response {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray raw;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

// Parses one response from the front of buffer. Returns the bytes it used, 0 while incomplete.
qsizetype parseResponse(const QByteArray &buffer, bool headRequest, bool peerClosed, Response *out)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return 0;
    Response r;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2)
        return 0;
    r.status = statusLine.at(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        r.headers.append({ line.left(colon), line.mid(colon + 1).trimmed() });
    }
    qsizetype pos = end + 4;
    if (headRequest || r.status == 100 || r.status == 204 || r.status == 304) {
        // no body
    } else if (r.header("transfer-encoding") == "chunked") {
        for (;;) {
            const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return 0;
            bool ok = false;
            const qsizetype size = buffer.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
            if (!ok || buffer.size() < lineEnd + 2 + size + 2)
                return 0;
            r.body += buffer.mid(lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
            if (size == 0)
                break;
        }
    } else if (!r.header("content-length").isEmpty()) {
        const qsizetype length = r.header("content-length").toLongLong();
        if (buffer.size() < pos + length)
            return 0;
        r.body = buffer.mid(pos, length);
        pos += length;
    } else {
        if (!peerClosed)
            return 0;
        r.body = buffer.mid(pos);
        pos = buffer.size();
    }
    r.raw = buffer.left(pos);
    *out = r;
    return pos;
}

// A raw HTTP client on a QTcpSocket, driven by the test's event loop.
class Client : public QObject
{
public:
    QTcpSocket socket;
    QByteArray received;
    bool connected = false;
    bool closed = false;

    Client()
    {
        connect(&socket, &QTcpSocket::connected, this, [this] { connected = true; });
        connect(&socket, &QTcpSocket::readyRead, this, [this] { received += socket.readAll(); });
        connect(&socket, &QTcpSocket::disconnected, this, [this] {
            if (socket.isOpen())
                received += socket.readAll();
            closed = true;
        });
    }

    bool connectTo(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        return waitUntil([this] { return connected; });
    }

    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }

    bool waitClosed(int timeoutMs = 5000)
    {
        return waitUntil([this] { return closed; }, timeoutMs);
    }

    // Waits for the next complete response and removes it from the buffer.
    std::optional<Response> next(bool headRequest = false, int timeoutMs = 5000)
    {
        Response r;
        qsizetype used = 0;
        const bool ok = waitUntil(
            [&] {
                used = parseResponse(received, headRequest, closed, &r);
                return used > 0 || (closed && received.isEmpty());
            },
            timeoutMs);
        if (!ok || used == 0)
            return std::nullopt;
        received.remove(0, used);
        return r;
    }
};

const QByteArray kJson = QByteArrayLiteral("application/json");

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: test\r\n" + extra + "\r\n";
}

} // namespace

class TestHttpTransport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpTransport> m_transport;
    quint16 m_port = 0;
    QList<QByteArray> m_dispatched;          // paths in the order the handler saw them
    QList<HttpRequest> m_requests;
    QList<QPointer<HttpExchange>> m_held;    // /hold and /stream exchanges, answered by the test
    int m_clientGone = 0;                    // clientGone() of held exchanges
    bool m_slowDone = false;
    bool m_helloSawSlowDone = false;

    void handle(const HttpRequest &request, HttpExchange *exchange)
    {
        m_dispatched.append(request.path.toUtf8());
        m_requests.append(request);
        const QString &path = request.path;
        if (path == u"/hello") {
            m_helloSawSlowDone = m_slowDone;
            exchange->respond(200, { { "Content-Type", kJson } }, R"({"ok":true})");
        } else if (path == u"/slow") {
            QPointer<HttpExchange> guard(exchange);
            QTimer::singleShot(100, this, [this, guard] {
                m_slowDone = true;
                if (guard)
                    guard->respond(200, { { "Content-Type", "text/plain" } }, "slow");
            });
        } else if (path == u"/stream") {
            exchange->beginStream(200, { { "Content-Type", "text/event-stream" } });
            m_held.append(exchange);
            connect(exchange, &HttpExchange::clientGone, this, [this] { ++m_clientGone; });
        } else if (path == u"/hold") {
            m_held.append(exchange);
            connect(exchange, &HttpExchange::clientGone, this, [this] { ++m_clientGone; });
        } else if (request.method == HttpRequest::Method::Unknown) {
            exchange->respond(501, { { "Content-Type", kJson } }, R"({"error":"unknown method"})");
        } else {
            exchange->respond(200, { { "Content-Type", "application/octet-stream" } }, request.body);
        }
    }

    bool start(const TransportLimits &limits = {})
    {
        m_transport = std::make_unique<HttpTransport>();
        m_transport->setLimits(limits);
        m_transport->setHandler([this](const HttpRequest &r, HttpExchange *e) { handle(r, e); });
        const auto port = m_transport->listen(QHostAddress::LocalHost, 0);
        if (!port)
            return false;
        m_port = *port;
        return m_port != 0;
    }

private Q_SLOTS:
    void init()
    {
        m_dispatched.clear();
        m_requests.clear();
        m_held.clear();
        m_clientGone = 0;
        m_slowDone = false;
        m_helloSawSlowDone = false;
        QVERIFY(start());
    }

    void cleanup()
    {
        m_transport.reset();
    }

    void simpleResponse_hasExactBytes()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send(get("/hello"));
        const auto r = c.next();
        QVERIFY(r);
        const QByteArray date = r->header("date");
        const QDateTime parsed = QLocale::c().toDateTime(QString::fromLatin1(date), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_qs);
        QVERIFY2(parsed.isValid(), date.constData());
        QCOMPARE(r->raw, "HTTP/1.1 200 OK\r\nDate: " + date
                             + "\r\nContent-Type: application/json\r\nContent-Length: 11\r\n"
                               "Connection: keep-alive\r\n\r\n{\"ok\":true}");
        QVERIFY(c.received.isEmpty());
    }

    void keepAlive_sequentialRequests_shareOneConnection()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        for (int i = 0; i < 5; ++i) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\n" + QByteArray::number(i));
            const auto r = c.next();
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QCOMPARE(r->body, QByteArray::number(i));
            QCOMPARE(r->header("connection"), QByteArray("keep-alive"));
        }
        QVERIFY(!c.closed);
        QCOMPARE(m_requests.size(), 5);
        QVERIFY(m_requests.at(1).id > m_requests.at(0).id);
        QCOMPARE(m_requests.at(0).peer, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(m_requests.at(0).peerPort, c.socket.localPort());
        QCOMPARE(m_transport->openConnections(), 1);
    }

    void pipelined_asyncFirst_answeredInOrder()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send(get("/slow") + get("/hello"));
        const auto first = c.next();
        const auto second = c.next();
        QVERIFY(first && second);
        QCOMPARE(first->body, QByteArray("slow"));
        QCOMPARE(second->body, QByteArray(R"({"ok":true})"));
        QCOMPARE(m_dispatched, (QList<QByteArray> { "/slow", "/hello" }));
        QVERIFY(m_helloSawSlowDone); // queued, not answered behind the slow one's back
    }

    void pipelined_duringStream_waitsForTheStreamToEnd()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send(get("/stream"));
        QVERIFY(waitUntil([&] { return m_held.size() == 1; }));
        QVERIFY(m_held.at(0)->writeChunk("data: 1\n\n"));
        QVERIFY(waitUntil([&] { return c.received.contains("data: 1"); }));
        c.send(get("/hello"));
        QTest::qWait(100);
        QCOMPARE(m_dispatched, QList<QByteArray> { "/stream" }); // not dispatched while the stream is open
        QVERIFY(!c.received.contains("ok"));
        QVERIFY(m_held.at(0)->writeChunk("data: 2\n\n"));
        m_held.at(0)->endStream();
        const auto stream = c.next();
        QVERIFY(stream);
        QCOMPARE(stream->header("transfer-encoding"), QByteArray("chunked"));
        QCOMPARE(stream->body, QByteArray("data: 1\n\ndata: 2\n\n"));
        const auto hello = c.next();
        QVERIFY(hello);
        QCOMPARE(hello->body, QByteArray(R"({"ok":true})"));
    }

    void stream_chunksArriveOneByOne_andConnectionStaysUsable()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send(get("/stream"));
        QVERIFY(waitUntil([&] { return m_held.size() == 1; }));
        QPointer<HttpExchange> stream = m_held.at(0);
        QVERIFY(stream->isStreaming());
        for (int i = 1; i <= 3; ++i) {
            const QByteArray part = "part-" + QByteArray::number(i);
            QVERIFY(stream->writeChunk(part));
            // each chunk is on the wire before the next one exists
            QVERIFY(waitUntil([&] { return c.received.contains(part); }));
            QVERIFY(!c.received.contains("0\r\n\r\n"));
        }
        QSignalSpy finished(stream.data(), &HttpExchange::finished);
        stream->endStream();
        QCOMPARE(finished.size(), 1);
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->body, QByteArray("part-1part-2part-3"));
        c.send(get("/hello"));
        const auto after = c.next();
        QVERIFY(after);
        QCOMPARE(after->status, 200);
        QVERIFY(waitUntil([&] { return stream.isNull(); })); // the transport deleted it
    }

    void connectionClose_isHonoured()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send(get("/hello", "Connection: close\r\n") + get("/hello"));
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QVERIFY(c.waitClosed());
        QTest::qWait(50);
        QCOMPARE(m_dispatched.size(), 1); // nothing after "Connection: close" is served
        QVERIFY(!c.next(false, 100));
    }

    void http10_withoutKeepAlive_closesAfterResponse()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send("GET /hello HTTP/1.0\r\n\r\n");
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QVERIFY(c.waitClosed());
        QVERIFY(m_requests.at(0).http10);
        QVERIFY(!m_requests.at(0).keepAlive);
    }

    void http10_withKeepAlive_staysOpen()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        for (int i = 0; i < 2; ++i) {
            c.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            const auto r = c.next();
            QVERIFY(r);
            QCOMPARE(r->header("connection"), QByteArray("keep-alive"));
        }
        QVERIFY(!c.closed);
    }

    void http10_stream_isCloseDelimited()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send("GET /stream HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QVERIFY(waitUntil([&] { return m_held.size() == 1; }));
        QVERIFY(m_held.at(0)->writeChunk("abc"));
        m_held.at(0)->endStream();
        QVERIFY(c.waitClosed());
        const auto r = c.next();
        QVERIFY(r);
        QVERIFY(r->header("transfer-encoding").isEmpty());
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QCOMPARE(r->body, QByteArray("abc"));
    }

    void head_hasHeadersButNoBody()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n");
        const auto r = c.next(true);
        QVERIFY(r);
        QCOMPARE(r->header("content-length"), QByteArray("11"));
        QTest::qWait(50);
        QVERIFY(c.received.isEmpty()); // no body bytes followed
        c.send(get("/hello"));
        const auto after = c.next();
        QVERIFY(after);
        QCOMPARE(after->body, QByteArray(R"({"ok":true})"));
    }

    void head_onAStream_sendsHeadersOnly()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send("HEAD /stream HTTP/1.1\r\nHost: t\r\n\r\n");
        QVERIFY(waitUntil([&] { return m_held.size() == 1; }));
        QVERIFY(m_held.at(0)->writeChunk("ignored"));
        m_held.at(0)->endStream();
        const auto r = c.next(true);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        c.send(get("/hello"));
        const auto after = c.next();
        QVERIFY(after);
        QCOMPARE(after->body, QByteArray(R"({"ok":true})")); // nothing of the stream leaked before it
    }

    void handlerConnectionClose_closesAfterTheResponse()
    {
        m_transport->setHandler([](const HttpRequest &, HttpExchange *e) {
            e->respond(400, { { "Connection", "close" } }, "bye");
        });
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send(get("/x"));
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QCOMPARE(r->body, QByteArray("bye"));
        QVERIFY(c.waitClosed());
    }

    void stream_bytesPendingReflectsASlowReader()
    {
        Client c;
        c.socket.setReadBufferSize(4096); // the client stops reading from the kernel
        QVERIFY(c.connectTo(m_port));
        c.send(get("/stream"));
        QVERIFY(waitUntil([&] { return m_held.size() == 1; }));
        QPointer<HttpExchange> stream = m_held.at(0);
        QSignalSpy written(stream.data(), &HttpExchange::bytesWritten);
        const QByteArray block(64 * 1024, 'x');
        int blocks = 0;
        while (stream->bytesPending() == 0 && blocks < 512) {
            QVERIFY(stream->writeChunk(block));
            ++blocks;
        }
        QVERIFY2(stream->bytesPending() > 0, "the kernel buffers never filled");
        c.socket.setReadBufferSize(0);
        // QTcpSocket does not resume reading by itself after the limit is lifted
        QMetaObject::invokeMethod(&c.socket, &QTcpSocket::readyRead, Qt::QueuedConnection);
        QVERIFY(waitUntil([&] { return stream->bytesPending() == 0; }, 20000));
        QVERIFY(written.size() > 0); // the producer's cue to go on
        stream->endStream();
        const auto r = c.next(false, 20000);
        QVERIFY(r);
        QCOMPARE(r->body.size(), qsizetype(blocks) * block.size());
    }

    void slowReaderHangsUp_whileOutputIsQueued_clientGoneOnce()
    {
        Client c;
        c.socket.setReadBufferSize(4096);
        QVERIFY(c.connectTo(m_port));
        c.send(get("/stream"));
        QVERIFY(waitUntil([&] { return m_held.size() == 1; }));
        QPointer<HttpExchange> stream = m_held.at(0);
        const QByteArray block(64 * 1024, 'x');
        for (int blocks = 0; stream->bytesPending() == 0 && blocks < 512; ++blocks)
            QVERIFY(stream->writeChunk(block));
        QVERIFY(stream->bytesPending() > 0);
        c.socket.abort(); // gone with our output still queued
        QVERIFY(waitUntil([&] { return m_clientGone == 1; }));
        QVERIFY(!stream->writeChunk(block));
        stream->endStream();
        QVERIFY(waitUntil([&] { return m_transport->openConnections() == 0; }));
        QCOMPARE(m_clientGone, 1);
        QCOMPARE(m_transport->openExchanges(), 0);
    }

    void oversizedContentLength_refusedBeforeTheBodyIsSent()
    {
        TransportLimits limits;
        limits.maxBodyBytes = 1024 * 1024;
        QVERIFY(start(limits));
        Client c;
        QVERIFY(c.connectTo(m_port));
        // Only the head: the 413 must come without the server waiting for (or buffering) 100 MiB.
        c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 104857600\r\n\r\n");
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QVERIFY(r->body.contains("payload_too_large"));
        QVERIFY(c.waitClosed());
        QVERIFY(m_dispatched.isEmpty());
    }

    void oversizedChunkedBody_isRefused()
    {
        TransportLimits limits;
        limits.maxBodyBytes = 1024;
        QVERIFY(start(limits));
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n" + QByteArray(1024, 'a')
               + "\r\n10\r\n");
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QVERIFY(c.waitClosed());
        QVERIFY(m_dispatched.isEmpty());
    }

    void oversizedChunkedBody_overTheLimitInALaterRead_isRefused()
    {
        TransportLimits limits;
        limits.maxBodyBytes = 1024;
        QVERIFY(start(limits));
        Client c;
        QVERIFY(c.connectTo(m_port));
        // Half of the body is read and kept when the limit is hit.
        c.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n200\r\n" + QByteArray(512, 'a')
               + "\r\n");
        QTest::qWait(50);
        QVERIFY(!c.closed);
        c.send("200\r\n" + QByteArray(512, 'b') + "\r\n1\r\n");
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QVERIFY(c.waitClosed());
        QVERIFY(m_dispatched.isEmpty());
    }

    void chunkedRequestBody_inSmallPieces_isDecoded()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        const QByteArray request = "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   "5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n";
        for (qsizetype i = 0; i < request.size(); i += 7) {
            c.send(request.mid(i, 7));
            QTest::qWait(1);
        }
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->body, QByteArray("hello world"));
        c.send(get("/hello"));
        QVERIFY(c.next());
    }

    void hugeHeaders_areRefusedWith431()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Big: " + QByteArray(70 * 1024, 'x') + "\r\n\r\n");
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 431);
        QVERIFY(c.waitClosed());
        QVERIFY(m_dispatched.isEmpty());
    }

    void garbage_isRefusedWith400_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("text") << QByteArray("GARBAGE\r\n\r\n");
        QTest::newRow("tls") << QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03", 11);
    }

    void garbage_isRefusedWith400()
    {
        QFETCH(QByteArray, bytes);
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send(bytes);
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 400);
        QCOMPARE(r->header("content-type"), kJson);
        QVERIFY(c.waitClosed());
    }

    void unsupportedVersion_isRefusedWith505()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send("GET /hello HTTP/2.0\r\nHost: t\r\n\r\n");
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 505);
        QVERIFY(c.waitClosed());
    }

    void refusedRequestAfterGoodOnes_earlierOnesAreAnsweredFirst()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send(get("/slow") + get("/hello") + "GARBAGE\r\n\r\n");
        const auto first = c.next();
        const auto second = c.next();
        const auto third = c.next();
        QVERIFY(first && second && third);
        QCOMPARE(first->body, QByteArray("slow"));
        QCOMPARE(second->status, 200);
        QCOMPARE(third->status, 400);
        QVERIFY(c.waitClosed());
    }

    void expectContinue_withinLimit_gets100ThenTheResponse()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
        QVERIFY(waitUntil([&] { return c.received == "HTTP/1.1 100 Continue\r\n\r\n"; }));
        QVERIFY(m_dispatched.isEmpty());
        c.received.clear();
        c.send("hello");
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->body, QByteArray("hello"));
    }

    void expectContinue_behindAnOpenExchange_waitsForItsResponse()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send(get("/slow"));
        QVERIFY(waitUntil([&] { return m_dispatched.size() == 1; }));
        c.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        const auto slow = c.next();
        QVERIFY(slow);
        QCOMPARE(slow->body, QByteArray("slow")); // the interim response did not jump ahead of it
        QVERIFY(waitUntil([&] { return c.received == "HTTP/1.1 100 Continue\r\n\r\n"; }));
        c.received.clear();
        c.send("hi");
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->body, QByteArray("hi"));
    }

    void expectContinue_overLimit_gets413AndNo100()
    {
        TransportLimits limits;
        limits.maxBodyBytes = 10;
        QVERIFY(start(limits));
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n");
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QVERIFY(!r->raw.contains("100 Continue"));
        QVERIFY(c.waitClosed());
    }

    void idleTimeout_closesIdleConnections_butNotOnesInFlight()
    {
        TransportLimits limits;
        limits.idleTimeoutMs = 200;
        QVERIFY(start(limits));
        Client idle;
        Client busy;
        QVERIFY(idle.connectTo(m_port));
        QVERIFY(busy.connectTo(m_port));
        idle.send(get("/hello"));
        QVERIFY(idle.next());
        busy.send(get("/hold"));
        QVERIFY(waitUntil([&] { return m_held.size() == 1; }));
        QVERIFY(idle.waitClosed(3000));
        QTest::qWait(300); // well past the timeout
        QVERIFY(!busy.closed);
        m_held.at(0)->respond(200, {}, "late");
        const auto r = busy.next();
        QVERIFY(r);
        QCOMPARE(r->body, QByteArray("late"));
    }

    void idleTimeout_withPartialRequest_answers408()
    {
        TransportLimits limits;
        limits.idleTimeoutMs = 150;
        QVERIFY(start(limits));
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send("GET /hello HTTP/1.1\r\nHost: t\r\n"); // never finished
        const auto r = c.next(false, 3000);
        QVERIFY(r);
        QCOMPARE(r->status, 408);
        QVERIFY(c.waitClosed());
    }

    void clientDisconnectMidStream_emitsClientGoneOnce()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send(get("/stream"));
        QVERIFY(waitUntil([&] { return m_held.size() == 1; }));
        QPointer<HttpExchange> stream = m_held.at(0);
        QSignalSpy gone(stream.data(), &HttpExchange::clientGone);
        QSignalSpy finished(stream.data(), &HttpExchange::finished);
        QVERIFY(stream->writeChunk("first"));
        QVERIFY(waitUntil([&] { return c.received.contains("first"); }));
        c.socket.abort();
        QVERIFY(waitUntil([&] { return gone.size() == 1; }));
        QTest::qWait(50);
        QCOMPARE(gone.size(), 1);
        QVERIFY(stream);
        QVERIFY(!stream->isClientConnected());
        QVERIFY(!stream->writeChunk("second"));
        QCOMPARE(m_transport->openExchanges(), 0);
        stream->endStream();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(gone.size(), 1);
        QVERIFY(waitUntil([&] { return stream.isNull(); }));
    }

    void stopAccepting_letsTheExchangeInFlightFinish_thenDrains()
    {
        Client inFlight;
        Client idle;
        QVERIFY(inFlight.connectTo(m_port));
        QVERIFY(idle.connectTo(m_port));
        idle.send(get("/hello"));
        QVERIFY(idle.next());
        inFlight.send(get("/hold"));
        QVERIFY(waitUntil([&] { return m_held.size() == 1; }));
        QSignalSpy drained(m_transport.get(), &HttpTransport::drained);
        m_transport->stopAccepting();
        QVERIFY(!m_transport->isListening());
        QVERIFY(idle.waitClosed());
        QCOMPARE(m_transport->openExchanges(), 1);

        QTcpSocket late;
        late.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(waitUntil([&] { return late.state() == QAbstractSocket::UnconnectedState; }));

        QTest::qWait(50);
        QCOMPARE(drained.size(), 0);
        QVERIFY(!inFlight.closed);
        m_held.at(0)->respond(200, {}, "done");
        const auto r = inFlight.next();
        QVERIFY(r);
        QCOMPARE(r->body, QByteArray("done"));
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QVERIFY(inFlight.waitClosed());
        QCOMPARE(drained.size(), 1);
        QCOMPARE(m_transport->openExchanges(), 0);
    }

    void closeIdleConnections_keepsTheOnesInFlight()
    {
        Client idle;
        Client busy;
        QVERIFY(idle.connectTo(m_port));
        QVERIFY(busy.connectTo(m_port));
        idle.send(get("/hello"));
        QVERIFY(idle.next());
        busy.send(get("/hold"));
        QVERIFY(waitUntil([&] { return m_held.size() == 1; }));
        m_transport->closeIdleConnections();
        QVERIFY(idle.waitClosed());
        QVERIFY(!busy.closed);
        m_held.at(0)->respond(200, {}, "still here");
        const auto r = busy.next();
        QVERIFY(r);
        QCOMPARE(r->body, QByteArray("still here"));
        QVERIFY(m_transport->isListening()); // new connections are still welcome
    }

    void stopAccepting_withNothingInFlight_drainsAtOnce()
    {
        QSignalSpy drained(m_transport.get(), &HttpTransport::drained);
        m_transport->stopAccepting();
        QVERIFY(drained.wait(1000));
    }

    void reusePort_twoTransportsShareOnePort()
    {
        HttpTransport first;
        HttpTransport second;
        int servedByFirst = 0;
        int servedBySecond = 0;
        first.setHandler([&](const HttpRequest &, HttpExchange *e) {
            ++servedByFirst;
            e->respond(200, {}, "1");
        });
        second.setHandler([&](const HttpRequest &, HttpExchange *e) {
            ++servedBySecond;
            e->respond(200, {}, "2");
        });
        const auto port = first.listen(QHostAddress::LocalHost, 0, true);
        QVERIFY(port);
        const auto again = second.listen(QHostAddress::LocalHost, *port, true);
        QVERIFY2(again, again ? "" : qPrintable(again.error().message));
        QCOMPARE(*again, *port);

        constexpr int kClients = 32;
        std::vector<std::unique_ptr<Client>> clients;
        for (int i = 0; i < kClients; ++i) {
            clients.push_back(std::make_unique<Client>());
            QVERIFY(clients.back()->connectTo(*port));
            clients.back()->send(get("/x", "Connection: close\r\n"));
        }
        for (auto &c : clients)
            QVERIFY(c->next());
        QCOMPARE(servedByFirst + servedBySecond, kClients);
        QVERIFY(servedByFirst > 0);
        QVERIFY(servedBySecond > 0);
    }

    void reusePort_transportOnAWorkerThread_servesTheSharedPort()
    {
        // The production shape: one transport per worker thread, all on one port.
        QThread worker;
        worker.start();
        QObject context;
        context.moveToThread(&worker);
        HttpTransport *remote = nullptr;
        std::atomic<int> servedRemotely { 0 };
        QMetaObject::invokeMethod(
            &context,
            [&] {
                remote = new HttpTransport;
                remote->setHandler([&](const HttpRequest &, HttpExchange *e) {
                    ++servedRemotely;
                    e->respond(200, {}, "worker");
                });
            },
            Qt::BlockingQueuedConnection);
        HttpTransport local;
        int servedLocally = 0;
        local.setHandler([&](const HttpRequest &, HttpExchange *e) {
            ++servedLocally;
            e->respond(200, {}, "main");
        });
        const auto port = local.listen(QHostAddress::LocalHost, 0, true);
        QVERIFY(port);
        AiHub::Result<quint16> bound = AiHub::fail(AiHub::ErrorCode::Internal, {});
        QMetaObject::invokeMethod(
            &context, [&] { bound = remote->listen(QHostAddress::LocalHost, *port, true); },
            Qt::BlockingQueuedConnection);
        QVERIFY(bound);

        constexpr int kClients = 32;
        std::vector<std::unique_ptr<Client>> clients;
        for (int i = 0; i < kClients; ++i) {
            clients.push_back(std::make_unique<Client>());
            QVERIFY(clients.back()->connectTo(*port));
            clients.back()->send(get("/x"));
        }
        for (auto &c : clients) {
            const auto r = c->next();
            QVERIFY(r);
            QVERIFY(r->body == "main" || r->body == "worker");
        }
        QCOMPARE(servedLocally + servedRemotely.load(), kClients);
        QVERIFY(servedRemotely.load() > 0);
        QMetaObject::invokeMethod(&context, [&] { delete remote; }, Qt::BlockingQueuedConnection);
        worker.quit();
        worker.wait();
    }

    void listen_onAPortInUse_withoutReusePort_fails()
    {
        HttpTransport other;
        const auto r = other.listen(QHostAddress::LocalHost, m_port);
        QVERIFY(!r);
        QCOMPARE(r.error().code, AiHub::ErrorCode::AlreadyExists);
    }

    void unknownMethod_reachesTheHandlerWithItsToken()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send("BREW /pot HTTP/1.1\r\nHost: t\r\n\r\n");
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 501);
        QCOMPARE(m_requests.at(0).method, HttpRequest::Method::Unknown);
        QCOMPARE(m_requests.at(0).methodToken, QByteArray("BREW"));
    }

    void requestFields_areDecoded()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send("PUT /a%20b/c?x=1&y=two%20words HTTP/1.1\r\nHost: t\r\nX-Test: Value\r\nContent-Length: 3\r\n\r\nabc");
        QVERIFY(c.next());
        const HttpRequest &r = m_requests.at(0);
        QCOMPARE(r.method, HttpRequest::Method::Put);
        QCOMPARE(r.path, u"/a b/c"_qs);
        QCOMPARE(r.query.queryItemValue(u"x"_qs), u"1"_qs);
        QCOMPARE(r.query.queryItemValue(u"y"_qs, QUrl::FullyDecoded), u"two words"_qs);
        QCOMPARE(r.header("x-test"), QByteArray("Value"));
        QVERIFY(r.header("x-missing").isEmpty());
        QCOMPARE(r.body, QByteArray("abc"));
        QCOMPARE(r.target, QByteArray("/a%20b/c?x=1&y=two%20words"));
    }

    void largeHeaderWithinTheLimit_reachesTheHandlerIntact()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        const QByteArray big(60 * 1024, 'v');
        c.send("POST /echo HTTP/1.1\r\nHost: t\r\nX-Big: " + big + "\r\nContent-Length: 2\r\n\r\nok");
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->body, QByteArray("ok"));
        QCOMPARE(m_requests.at(0).header("x-big"), big);
    }

    void bareLineFeeds_inTheHead_areAccepted()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        c.send("POST /echo HTTP/1.1\nHost: t\nContent-Length: 3\n\nabcGET /hello HTTP/1.1\nHost: t\n\n");
        const auto first = c.next();
        const auto second = c.next();
        QVERIFY(first && second);
        QCOMPARE(first->body, QByteArray("abc"));
        QCOMPARE(second->status, 200);
        QCOMPARE(m_dispatched, (QList<QByteArray> { "/echo", "/hello" }));
    }

    void maxConnections_refusesTheNextWith503()
    {
        TransportLimits limits;
        limits.maxConnections = 2;
        QVERIFY(start(limits));
        Client a;
        Client b;
        QVERIFY(a.connectTo(m_port));
        QVERIFY(b.connectTo(m_port));
        a.send(get("/hello"));
        b.send(get("/hello"));
        QVERIFY(a.next() && b.next());
        Client c;
        QVERIFY(c.connectTo(m_port));
        const auto r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 503);
        QVERIFY(c.waitClosed());
        a.send(get("/hello"));
        QVERIFY(a.next()); // the admitted ones still work
    }

    void tooManyPipelinedRequests_closeTheConnection()
    {
        Client c;
        QVERIFY(c.connectTo(m_port));
        QByteArray burst = get("/hold");
        for (int i = 0; i < 40; ++i)
            burst += get("/hello");
        c.send(burst);
        QVERIFY(c.waitClosed());
        QCOMPARE(m_held.size(), 1);
        QVERIFY(waitUntil([&] { return m_clientGone == 1; }));
        QCOMPARE(m_dispatched.size(), 1);
        QCOMPARE(m_transport->openExchanges(), 0);
    }

    void networkAccessManager_getAndPost_work()
    {
        QNetworkAccessManager nam;
        const QUrl base(u"http://127.0.0.1:%1"_qs.arg(m_port));
        std::unique_ptr<QNetworkReply> getReply(nam.get(QNetworkRequest(base.resolved(QUrl(u"/hello"_qs)))));
        QVERIFY(waitUntil([&] { return getReply->isFinished(); }));
        QCOMPARE(getReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(getReply->readAll(), QByteArray(R"({"ok":true})"));

        QNetworkRequest post(base.resolved(QUrl(u"/echo"_qs)));
        post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/plain"));
        std::unique_ptr<QNetworkReply> postReply(nam.post(post, QByteArray(200000, 'z')));
        QVERIFY(waitUntil([&] { return postReply->isFinished(); }));
        QCOMPARE(postReply->error(), QNetworkReply::NoError);
        QCOMPARE(postReply->readAll(), QByteArray(200000, 'z'));
    }
};

QTEST_GUILESS_MAIN(TestHttpTransport)
#include "tst_httptransport.moc"
