// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/net/filelimits.h"
#include "core/net/upstreamcall.h"
#include "core/net/upstreamclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace AiHub;
using namespace AiHub::Net;
using namespace Qt::StringLiterals;

namespace {

// One request as the scripted server saw it.
struct ServerRequest {
    QByteArray method;
    QByteArray target;
    QByteArray head; // request line and headers
    QByteArray body;
    int connection = 0;        // 1-based id of the connection it came on
    int indexOnConnection = 0; // 1 for the first request on that connection

    QByteArray header(QByteArrayView name) const
    {
        const QList<QByteArray> lines = head.split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && name.compare(line.left(colon), Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

// A tiny HTTP/1.1 server on 127.0.0.1 whose answers are scripted per test by a handler.
class ScriptedServer final : public QTcpServer {
public:
    using Handler = std::function<void(QTcpSocket *socket, const ServerRequest &request)>;

    explicit ScriptedServer(Handler handler = {})
        : m_handler(std::move(handler))
    {
        setListenBacklogSize(2048);
        setMaxPendingConnections(4096);
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, &ScriptedServer::acceptAll);
    }

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    QUrl url(const QString &pathAndQuery = u"/v1/chat"_s) const
    {
        return QUrl(u"http://127.0.0.1:%1"_s.arg(serverPort()) + pathAndQuery);
    }
    QString endpoint() const { return u"127.0.0.1:%1"_s.arg(serverPort()); }

    int accepted() const { return m_accepted; }
    int openConnections() const { return m_open; }
    int maxOpenConnections() const { return m_maxOpen; }
    int disconnects() const { return m_disconnects; }
    const QList<ServerRequest> &requests() const { return m_requests; }

private:
    struct Peer {
        QByteArray buffer;
        int id = 0;
        int requests = 0;
    };

    void acceptAll()
    {
        while (QTcpSocket *socket = nextPendingConnection()) {
            ++m_accepted;
            ++m_open;
            m_maxOpen = std::max(m_maxOpen, m_open);
            m_peers.insert(socket, Peer { {}, m_accepted, 0 });
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                --m_open;
                ++m_disconnects;
                m_peers.remove(socket);
                socket->deleteLater();
            });
        }
    }

    void onData(QTcpSocket *socket)
    {
        auto it = m_peers.find(socket);
        if (it == m_peers.end())
            return;
        it->buffer += socket->readAll();
        for (;;) {
            it = m_peers.find(socket);
            if (it == m_peers.end() || socket->state() != QAbstractSocket::ConnectedState)
                return;
            const qsizetype end = it->buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            ServerRequest request;
            request.head = it->buffer.left(end);
            const qsizetype lengthAt = request.head.toLower().indexOf("\r\ncontent-length:");
            qsizetype length = 0;
            if (lengthAt >= 0) {
                const qsizetype eol = request.head.indexOf("\r\n", lengthAt + 2);
                length = request.head.mid(lengthAt + 17, eol < 0 ? -1 : eol - lengthAt - 17).trimmed().toLongLong();
            }
            if (it->buffer.size() < end + 4 + length)
                return;
            request.body = it->buffer.mid(end + 4, length);
            it->buffer.remove(0, end + 4 + length);
            const QList<QByteArray> requestLine = request.head.left(request.head.indexOf("\r\n")).split(' ');
            request.method = requestLine.value(0);
            request.target = requestLine.value(1);
            request.connection = it->id;
            request.indexOnConnection = ++it->requests;
            m_requests.append(request);
            if (m_handler)
                m_handler(socket, request);
        }
    }

    Handler m_handler;
    QHash<QTcpSocket *, Peer> m_peers;
    QList<ServerRequest> m_requests;
    int m_accepted = 0;
    int m_open = 0;
    int m_maxOpen = 0;
    int m_disconnects = 0;
};

QByteArray reply(int status, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " Whatever\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n" + extraHeaders + "\r\n" + body;
}

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

// Closes with a TCP reset instead of a FIN.
void resetConnection(QTcpSocket *socket)
{
    const linger hard { 1, 0 };
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    socket->abort();
}

// Records everything a call emits. Owns the call.
class Recorder final : public QObject {
public:
    explicit Recorder(UpstreamCall *c)
        : call(c)
    {
        connect(c, &UpstreamCall::responseStarted, this, [this](int s) {
            ++started;
            status = s;
            order += 'S';
        });
        connect(c, &UpstreamCall::bodyData, this, [this](const QByteArray &data) {
            chunks.append(data);
            body += data;
            order += 'B';
        });
        connect(c, &UpstreamCall::finished, this, [this] {
            ++finishedCount;
            order += 'F';
        });
        connect(c, &UpstreamCall::failed, this, [this](const AiHub::Error &e) {
            ++failedCount;
            error = e;
            order += 'X';
        });
    }

    bool done() const { return finishedCount + failedCount > 0; }
    bool wait(int ms = 5000) const
    {
        return QTest::qWaitFor([this] { return done(); }, ms);
    }

    std::unique_ptr<UpstreamCall> call;
    int started = 0;
    int status = 0;
    int finishedCount = 0;
    int failedCount = 0;
    QList<QByteArray> chunks;
    QByteArray body;
    QByteArray order;
    AiHub::Error error;
};

// Takes a call's events as its Receiver (no signal connections). Owns the call.
class ReceiverRecorder final : public UpstreamCall::Receiver {
public:
    explicit ReceiverRecorder(UpstreamCall *c)
        : call(c)
    {
        c->setReceiver(this);
    }

    void upstreamCallStarted(int s) override
    {
        status = s;
        order += 'S';
    }
    void upstreamCallData(const QByteArray &data) override
    {
        body += data;
        order += 'B';
    }
    void upstreamCallFinished() override { order += 'F'; }
    void upstreamCallFailed(const AiHub::Error &e) override
    {
        error = e;
        order += 'X';
    }
    bool wait(int ms = 5000) const
    {
        return QTest::qWaitFor([this] { return order.contains('F') || order.contains('X'); }, ms);
    }

    std::unique_ptr<UpstreamCall> call;
    int status = 0;
    QByteArray body;
    QByteArray order;
    AiHub::Error error;
};

UpstreamRequest post(const QUrl &url, const QByteArray &body = "{}")
{
    UpstreamRequest request;
    request.url = url;
    request.body = body;
    request.headers = { { "Content-Type", "application/json" } };
    return request;
}

UpstreamRequest get(const QUrl &url)
{
    UpstreamRequest request;
    request.method = "GET";
    request.url = url;
    return request;
}

} // namespace

class TestUpstreamClient final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const auto limit = FileLimits::raiseSoftLimit();
        QVERIFY2(limit.has_value(), limit ? "" : qPrintable(limit.error().message));
    }

    void contentLength_deliversStatusHeadersAndBody()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &r) {
            s->write(reply(201, "echo:" + r.body, "X-Request-Id: abc\r\n"));
        });
        UpstreamClient client;
        Recorder rec(client.send(post(server.url(), "{\"model\":\"m\"}")));
        QVERIFY(rec.wait());
        QCOMPARE(rec.order, QByteArray("SBF"));
        QCOMPARE(rec.status, 201);
        QCOMPARE(rec.call->status(), 201);
        QCOMPARE(rec.body, QByteArray("echo:{\"model\":\"m\"}"));
        QCOMPARE(rec.call->header("x-request-id"), QByteArray("abc"));
        QCOMPARE(rec.call->header("X-REQUEST-ID"), QByteArray("abc"));
        QVERIFY(rec.call->header("x-missing").isNull());
        QCOMPARE(rec.call->headers().size(), 2);
        QVERIFY(!rec.call->isRunning());
        QVERIFY(!rec.call->reusedConnection());
        QVERIFY(rec.call->connectElapsedNs() > 0);
        QVERIFY(rec.call->firstByteElapsedNs() >= rec.call->connectElapsedNs());
        QVERIFY(rec.call->totalElapsedNs() >= rec.call->firstByteElapsedNs());
        QCOMPARE(rec.call->bodyBytesReceived(), rec.body.size());
        QTest::qWait(50);
        QCOMPARE(rec.finishedCount + rec.failedCount, 1);
    }

    void request_isWellFormed_withHostLengthUserAgentAndCallerHeaders()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) { s->write(reply(200, "ok")); });
        UpstreamClient client;
        UpstreamRequest request = post(server.url(u"/v1/chat/completions?api-version=2024-01&q=a%20b"_s), "hello");
        request.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer sk-test")));
        request.headers.append(qMakePair(QByteArray("Content-Length"), QByteArray("999"))); // ignored: the client frames the body
        Recorder rec(client.send(request));
        QVERIFY(rec.wait());
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(server.requests().size(), 1);
        const ServerRequest &seen = server.requests().first();
        QCOMPARE(seen.method, QByteArray("POST"));
        QCOMPARE(seen.target, QByteArray("/v1/chat/completions?api-version=2024-01&q=a%20b"));
        QVERIFY(seen.head.contains(" HTTP/1.1\r\n"));
        QCOMPARE(seen.header("host"), server.endpoint().toLatin1());
        QCOMPARE(seen.header("content-length"), QByteArray("5"));
        QCOMPARE(seen.header("user-agent"), QByteArray("aigne-hub/" AIHUB_VERSION));
        QCOMPARE(seen.header("authorization"), QByteArray("Bearer sk-test"));
        QCOMPARE(seen.header("content-type"), QByteArray("application/json"));
        QVERIFY(seen.header("accept-encoding").isNull());
        QCOMPARE(seen.head.count("Content-Length"), 1);
        QCOMPARE(seen.body, QByteArray("hello"));
    }

    void receiver_getsTheEvents_andTheSignalsStaySilent()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &r) { s->write(reply(200, "echo:" + r.body)); });
        UpstreamClient client;
        auto *call = client.send(post(server.url(), "x"));
        Recorder viaSignals(call); // connected, but a receiver takes precedence
        viaSignals.call.release(); // owned by the receiver below
        ReceiverRecorder receiver(call);
        QVERIFY(receiver.wait());
        QCOMPARE(receiver.order, QByteArray("SBF"));
        QCOMPARE(receiver.status, 200);
        QCOMPARE(receiver.body, QByteArray("echo:x"));
        QCOMPARE(viaSignals.order, QByteArray());
        // A failure (here a refused connection, reported once control is back in the event loop) goes there too.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        ReceiverRecorder refused(client.send(post(QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port)))));
        QVERIFY(refused.wait());
        QCOMPARE(refused.order, QByteArray("X"));
        QCOMPARE(refused.error.code, ErrorCode::UpstreamUnavailable);
    }
    void receiver_cleared_givesTheEventsBackToTheSignals_andNothingFollowsCancel()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) {
            QTimer::singleShot(30, s, [s] { s->write(reply(200, "late")); });
        });
        UpstreamClient client;
        auto *call = client.send(post(server.url()));
        ReceiverRecorder receiver(call);
        call->setReceiver(nullptr);
        receiver.call.release();
        Recorder viaSignals(call);
        QVERIFY(viaSignals.wait());
        QCOMPARE(viaSignals.order, QByteArray("SBF"));
        QCOMPARE(receiver.order, QByteArray());
        ReceiverRecorder cancelled(client.send(post(server.url())));
        cancelled.call->cancel();
        QTest::qWait(100);
        QCOMPARE(cancelled.order, QByteArray());
    }
    void dispose_insideItsOwnCallback_deletesOnceTheCallbackReturned_andOutsideAtOnce()
    {
        // A receiver that disposes of the call from within its callbacks, as ChatSession does when the answer is
        // complete or the client asked for too much.
        class Disposer final : public UpstreamCall::Receiver {
        public:
            void upstreamCallStarted(int) override { order += 'S'; }
            void upstreamCallData(const QByteArray &) override
            {
                order += 'B';
                if (disposeOnData)
                    dispose();
            }
            void upstreamCallFinished() override
            {
                order += 'F';
                dispose();
            }
            void upstreamCallFailed(const AiHub::Error &) override
            {
                order += 'X';
                dispose();
            }
            void dispose()
            {
                QVERIFY(!call.isNull());
                call->cancel();
                call->dispose();
                // Still alive: the call is delivering this very event.
                QVERIFY(!call.isNull());
                disposedInside = true;
            }
            QPointer<UpstreamCall> call;
            QByteArray order;
            bool disposeOnData = false;
            bool disposedInside = false;
        };

        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) { s->write(reply(200, "done")); });
        UpstreamClient client;
        Disposer finishing;
        finishing.call = client.send(post(server.url()));
        finishing.call->setReceiver(&finishing);
        QVERIFY(QTest::qWaitFor([&] { return finishing.call.isNull(); }, 5000));
        QCOMPARE(finishing.order, QByteArray("SBF"));
        QVERIFY(finishing.disposedInside);

        // Disposed in the middle of the body: gone at once after that callback, nothing more is delivered.
        ScriptedServer streaming([](QTcpSocket *s, const ServerRequest &) {
            s->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\npart\r\n");
            QTimer::singleShot(50, s, [s] { s->write("4\r\nmore\r\n0\r\n\r\n"); });
        });
        Disposer cutting;
        cutting.disposeOnData = true;
        cutting.call = client.send(post(streaming.url()));
        cutting.call->setReceiver(&cutting);
        QVERIFY(QTest::qWaitFor([&] { return cutting.call.isNull(); }, 5000));
        QTest::qWait(120);
        QCOMPARE(cutting.order, QByteArray("SB"));

        // Outside any callback, dispose() deletes at once (and a running call is cancelled by that).
        QPointer<UpstreamCall> idle = client.send(post(server.url()));
        idle->dispose();
        QVERIFY(idle.isNull());
    }

    void dropHeaders_forgetsThem_andTheCallGoesOn()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) {
            s->write("HTTP/1.1 200 OK\r\nX-Request-Id: abc\r\nTransfer-Encoding: chunked\r\n\r\n4\r\npart\r\n");
            QTimer::singleShot(30, s, [s] { s->write("4\r\nmore\r\n0\r\n\r\n"); });
        });
        UpstreamClient client;
        Recorder recorder(client.send(post(server.url())));
        QVERIFY(QTest::qWaitFor([&] { return recorder.status != 0; }, 5000));
        QCOMPARE(recorder.call->header("x-request-id"), QByteArray("abc"));
        recorder.call->dropHeaders();
        QVERIFY(recorder.call->headers().isEmpty());
        QVERIFY(recorder.call->header("x-request-id").isNull());
        QVERIFY(recorder.wait());
        QCOMPARE(recorder.body, QByteArray("partmore"));
        QCOMPARE(recorder.finishedCount, 1);
    }

    void urls_whatEachYieldsIsKeptApart()
    {
        // The client keeps what it derived from each URL it saw: alternating URLs (and a copy of one that was
        // changed afterwards) must each still reach their own server, path and Host.
        ScriptedServer first([](QTcpSocket *s, const ServerRequest &) { s->write(reply(200, "one")); });
        ScriptedServer second([](QTcpSocket *s, const ServerRequest &) { s->write(reply(200, "two")); });
        UpstreamClient client;
        const QUrl a = first.url(u"/a/chat?x=1"_s);
        QUrl b = second.url(u"/b"_s);
        for (int round = 0; round < 3; ++round) {
            Recorder one(client.send(post(a)));
            Recorder two(client.send(post(b)));
            QVERIFY(one.wait());
            QVERIFY(two.wait());
            QCOMPARE(one.body, QByteArray("one"));
            QCOMPARE(two.body, QByteArray("two"));
        }
        QUrl changed = a; // shares a's data until changed
        changed.setPath(u"/changed"_s);
        Recorder three(client.send(post(changed)));
        QVERIFY(three.wait());
        for (int i = 0; i < 12; ++i) { // more URLs than the client keeps
            Recorder other(client.send(post(first.url(u"/n%1"_s.arg(i)))));
            QVERIFY(other.wait());
        }
        Recorder again(client.send(post(a)));
        QVERIFY(again.wait());
        QCOMPARE(first.requests().size(), 3 + 1 + 12 + 1);
        QCOMPARE(second.requests().size(), 3);
        QCOMPARE(first.requests().at(0).target, QByteArray("/a/chat?x=1"));
        QCOMPARE(first.requests().at(3).target, QByteArray("/changed?x=1")); // setPath keeps the query
        QCOMPARE(first.requests().at(15).target, QByteArray("/n11"));
        QCOMPARE(first.requests().last().target, QByteArray("/a/chat?x=1"));
        QCOMPARE(second.requests().at(2).target, QByteArray("/b"));
        QCOMPARE(first.requests().last().header("host"), first.endpoint().toLatin1());
        QCOMPARE(second.requests().at(2).header("host"), second.endpoint().toLatin1());
    }

    void request_emptyPath_becomesSlash_andGetHasNoContentLength()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) { s->write(reply(200, "ok")); });
        UpstreamClient client;
        UpstreamRequest request = get(QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort())));
        request.headers = { { "Host", "api.example.test" } };
        Recorder rec(client.send(request));
        QVERIFY(rec.wait());
        const ServerRequest &seen = server.requests().first();
        QCOMPARE(seen.target, QByteArray("/"));
        QVERIFY(seen.header("content-length").isNull());
        QCOMPARE(seen.header("host"), QByteArray("api.example.test"));
        QCOMPARE(seen.head.count("Host:"), 1);
    }

    void largeBodies_travelIntactBothWays_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("content-length") << false;
        QTest::newRow("chunked") << true;
    }
    void largeBodies_travelIntactBothWays()
    {
        QFETCH(bool, chunked);
        QByteArray payload(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char('a' + (i * 7919) % 26);
        ScriptedServer server([chunked](QTcpSocket *s, const ServerRequest &r) {
            if (!chunked) {
                s->write(reply(200, r.body));
                return;
            }
            s->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (qsizetype at = 0; at < r.body.size(); at += 100000)
                s->write(chunk(r.body.mid(at, 100000)));
            s->write("0\r\n\r\n");
        });
        UpstreamClient client;
        Recorder rec(client.send(post(server.url(), payload)));
        QVERIFY(rec.wait(20000));
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(server.requests().first().body.size(), payload.size());
        QVERIFY(server.requests().first().body == payload);
        QCOMPARE(rec.body.size(), payload.size());
        QVERIFY(rec.body == payload);
        QVERIFY(rec.chunks.size() > 1); // streamed as it came, not collected
        QCOMPARE(client.idleConnectionCount(), 1);
    }

    void chunked_isDecoded_extensionsAndTrailersIgnored()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) {
            s->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/event-stream\r\n\r\n"
                     "6;ext=1\r\ndata: \r\n"
                     "3\r\nabc\r\n"
                     "0\r\nX-Checksum: 42\r\n\r\n");
        });
        UpstreamClient client;
        Recorder rec(client.send(post(server.url())));
        QVERIFY(rec.wait());
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.body, QByteArray("data: abc"));
        QCOMPARE(rec.call->header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(client.idleConnectionCount(), 1);
    }

    void chunked_sentOneBytePerWrite_isDecodedTheSame()
    {
        const QByteArray response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    "5;x=y\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nT: 1\r\n\r\n";
        ScriptedServer server([response](QTcpSocket *s, const ServerRequest &) {
            auto *timer = new QTimer(s);
            auto sent = std::make_shared<qsizetype>(0);
            QObject::connect(timer, &QTimer::timeout, s, [s, timer, sent, response] {
                s->write(response.mid((*sent)++, 1));
                s->flush();
                if (*sent >= response.size())
                    timer->stop();
            });
            timer->start(1);
        });
        UpstreamClient client;
        Recorder rec(client.send(post(server.url())));
        QVERIFY(rec.wait(10000));
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.body, QByteArray("hello world"));
        QVERIFY2(rec.chunks.size() >= 3, "bytes were not delivered as they arrived");
    }

    void closeDelimitedBody_finishesAtClose_andIsNotPooled()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) {
            s->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the ");
            s->flush();
            QTimer::singleShot(30, s, [s] {
                s->write("very end");
                s->disconnectFromHost();
            });
        });
        UpstreamClient client;
        Recorder rec(client.send(post(server.url())));
        QVERIFY(rec.wait());
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.body, QByteArray("until the very end"));
        QCOMPARE(client.openConnectionCount(), 0);
        QCOMPARE(client.idleConnectionCount(), 0);
    }

    void headRequest_hasNoBody_andKeepsConnection()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &r) {
            if (r.method == "HEAD")
                s->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
            else
                s->write(reply(200, "after head"));
        });
        UpstreamClient client;
        UpstreamRequest head = get(server.url());
        head.method = "HEAD";
        Recorder first(client.send(head));
        QVERIFY(first.wait());
        QCOMPARE(first.order, QByteArray("SF"));
        QCOMPARE(first.call->header("content-length"), QByteArray("1000"));
        Recorder second(client.send(get(server.url())));
        QVERIFY(second.wait());
        QCOMPARE(second.body, QByteArray("after head"));
        QCOMPARE(server.accepted(), 1);
    }

    void noContent204_hasNoBody_andKeepsConnection()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &r) {
            s->write(r.indexOnConnection == 1 ? QByteArray("HTTP/1.1 204 No Content\r\n\r\n") : reply(200, "next"));
        });
        UpstreamClient client;
        Recorder first(client.send(post(server.url())));
        QVERIFY(first.wait());
        QCOMPARE(first.order, QByteArray("SF"));
        QCOMPARE(first.status, 204);
        Recorder second(client.send(post(server.url())));
        QVERIFY(second.wait());
        QCOMPARE(second.body, QByteArray("next"));
        QCOMPARE(server.accepted(), 1);
    }

    void malformedResponse_failsWithProtocolError_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<QString>("message");
        QTest::newRow("garbage") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << u"did not answer with HTTP"_s;
        QTest::newRow("bad status") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << u"malformed status code"_s;
        QTest::newRow("bad length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1e3\r\n\r\n")
                                    << u"invalid Content-Length"_s;
        QTest::newRow("bad chunk") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n")
                                   << u"malformed chunk size line"_s;
    }
    void malformedResponse_failsWithProtocolError()
    {
        QFETCH(QByteArray, response);
        QFETCH(QString, message);
        ScriptedServer server([response](QTcpSocket *s, const ServerRequest &) { s->write(response); });
        UpstreamClient client;
        Recorder rec(client.send(post(server.url())));
        QVERIFY(rec.wait());
        QCOMPARE(rec.failedCount, 1);
        QCOMPARE(rec.finishedCount, 0);
        QCOMPARE(rec.error.code, ErrorCode::UpstreamProtocol);
        QVERIFY2(rec.error.message.contains(u"malformed response from "_s + server.endpoint()),
                 qPrintable(rec.error.message));
        QVERIFY2(rec.error.message.contains(message), qPrintable(rec.error.message));
        QCOMPARE(client.openConnectionCount(), 0);
        QTRY_COMPARE(server.disconnects(), 1);
    }

    void keepAlive_sequentialCalls_shareOneConnection()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &r) {
            s->write(reply(200, "answer " + QByteArray::number(r.indexOnConnection)));
        });
        UpstreamClient client;
        for (int i = 1; i <= 5; ++i) {
            Recorder rec(client.send(post(server.url())));
            QVERIFY(rec.wait());
            QCOMPARE(rec.body, "answer " + QByteArray::number(i));
            QCOMPARE(rec.call->reusedConnection(), i > 1);
            if (i > 1)
                QCOMPARE(rec.call->connectElapsedNs(), 0);
            QCOMPARE(client.idleConnectionCount(), 1);
            QCOMPARE(client.openConnectionCount(), 1);
        }
        QCOMPARE(server.accepted(), 1);
        QCOMPARE(server.requests().size(), 5);
    }

    void keepAlive_reusesTheMostRecentlyReleasedConnectionFirst()
    {
        QList<QPointer<QTcpSocket>> held;
        ScriptedServer server([&held](QTcpSocket *s, const ServerRequest &r) {
            if (r.indexOnConnection > 1) {
                s->write(reply(200, "conn " + QByteArray::number(r.connection)));
                return;
            }
            held.append(s);
            if (held.size() < 2)
                return;
            // Answer the first connection first, so the second one goes back to the pool last.
            held.at(0)->write(reply(200, "first"));
            QTimer::singleShot(50, held.at(1), [socket = held.at(1)] { socket->write(reply(200, "second")); });
        });
        UpstreamClient client;
        Recorder a(client.send(post(server.url())));
        Recorder b(client.send(post(server.url())));
        QVERIFY(a.wait());
        QVERIFY(b.wait());
        QCOMPARE(client.idleConnectionCount(), 2);
        Recorder next(client.send(post(server.url())));
        QVERIFY(next.wait());
        QCOMPARE(next.body, QByteArray("conn 2"));
    }

    void bytesAfterTheResponse_keepTheConnectionOutOfThePool()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) { s->write(reply(200, "ok") + "JUNK"); });
        UpstreamClient client;
        Recorder rec(client.send(post(server.url())));
        QVERIFY(rec.wait());
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.body, QByteArray("ok"));
        QCOMPARE(client.idleConnectionCount(), 0);
        QCOMPARE(client.openConnectionCount(), 0);
    }

    void dataOnAnIdleConnection_dropsItFromThePool()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) {
            s->write(reply(200, "ok"));
            QTimer::singleShot(50, s, [s] { s->write("HTTP/1.1 200 OK\r\n"); });
        });
        UpstreamClient client;
        Recorder rec(client.send(post(server.url())));
        QVERIFY(rec.wait());
        QCOMPARE(client.idleConnectionCount(), 1);
        QTRY_COMPARE(client.idleConnectionCount(), 0);
        QCOMPARE(client.openConnectionCount(), 0);
        QTRY_COMPARE(server.disconnects(), 1);
    }

    void keepAlive_sendFromFinishedSlot_reusesConnection()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &r) {
            s->write(reply(200, QByteArray::number(r.indexOnConnection)));
        });
        UpstreamClient client;
        std::unique_ptr<Recorder> second;
        Recorder first(client.send(post(server.url())));
        connect(first.call.get(), &UpstreamCall::finished, this,
                [&] { second = std::make_unique<Recorder>(client.send(post(server.url()))); });
        QVERIFY(first.wait());
        QVERIFY(second);
        QVERIFY(second->wait());
        QCOMPARE(second->body, QByteArray("2"));
        QVERIFY(second->call->reusedConnection());
        QCOMPARE(server.accepted(), 1);
    }

    void connectionCloseResponse_isNotReused()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) {
            s->write(reply(200, "bye", "Connection: close\r\n"));
            s->disconnectFromHost();
        });
        UpstreamClient client;
        for (int i = 0; i < 2; ++i) {
            Recorder rec(client.send(post(server.url())));
            QVERIFY(rec.wait());
            QCOMPARE(rec.finishedCount, 1);
            QCOMPARE(client.idleConnectionCount(), 0);
        }
        QCOMPARE(server.accepted(), 2);
    }

    void concurrentCalls_300ToOneHost_areAllInFlightAtOnce()
    {
        constexpr int count = 300;
        QList<QPointer<QTcpSocket>> held;
        ScriptedServer server;
        // The server answers nobody until every request has arrived: any queueing in the client would deadlock.
        server.setHandler([&held](QTcpSocket *s, const ServerRequest &) {
            held.append(s);
            if (held.size() < count)
                return;
            for (const auto &socket : std::as_const(held)) {
                if (socket)
                    socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
            }
        });
        UpstreamClient client;
        std::vector<std::unique_ptr<Recorder>> recs;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < count; ++i)
            recs.push_back(std::make_unique<Recorder>(client.send(post(server.url()))));
        QCOMPARE(client.openConnectionCount(), count);
        QVERIFY(QTest::qWaitFor(
            [&] { return std::all_of(recs.begin(), recs.end(), [](const auto &r) { return r->done(); }); }, 30000));
        qInfo("300 concurrent calls done in %lld ms", qint64(timer.elapsed()));
        QCOMPARE(server.maxOpenConnections(), count);
        QCOMPARE(server.accepted(), count);
        for (const auto &r : recs) {
            QCOMPARE(r->finishedCount, 1);
            QCOMPARE(r->body, QByteArray("hello"));
        }
        // Pooled up to the per-host idle cap, the rest closed.
        QCOMPARE(client.idleConnectionCount(), UpstreamClient::DefaultMaxIdlePerHost);
        QCOMPARE(client.openConnectionCount(), UpstreamClient::DefaultMaxIdlePerHost);
        QTRY_COMPARE(server.openConnections(), UpstreamClient::DefaultMaxIdlePerHost);
    }

    void connectRefused_failsUnavailable_namingTheEndpoint()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        UpstreamClient client;
        Recorder rec(client.send(post(QUrl(u"http://127.0.0.1:%1/v1/chat"_s.arg(port)))));
        QVERIFY(rec.wait());
        QCOMPARE(rec.failedCount, 1);
        QCOMPARE(rec.finishedCount, 0);
        QCOMPARE(rec.error.code, ErrorCode::UpstreamUnavailable);
        QVERIFY2(rec.error.message.contains(u"127.0.0.1:%1"_s.arg(port)), qPrintable(rec.error.message));
        QVERIFY2(rec.error.message.contains(u"refused"_s), qPrintable(rec.error.message));
        QCOMPARE(client.openConnectionCount(), 0);
    }

    void connectTimeout_failsWithTimeout_whenTheListenerNeverAccepts()
    {
        // A listening socket with a full accept queue drops new SYNs, so a connect hangs like one to a dead host.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        const auto closeFd = qScopeGuard([fd] { ::close(fd); });
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        QCOMPARE(::listen(fd, 0), 0);
        socklen_t length = sizeof address;
        QCOMPARE(::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length), 0);
        const quint16 port = ntohs(address.sin_port);
        std::vector<std::unique_ptr<QTcpSocket>> fillers;
        bool queueFull = false;
        for (int i = 0; i < 16 && !queueFull; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, port);
            queueFull = !socket->waitForConnected(300);
            fillers.push_back(std::move(socket));
        }
        if (!queueFull)
            QSKIP("this kernel completes loopback connects to a listener with a full backlog; no way to stall a connect");

        UpstreamClient client;
        UpstreamRequest request = post(QUrl(u"http://127.0.0.1:%1/v1/chat"_s.arg(port)));
        request.timeouts.connectMs = 300;
        QElapsedTimer timer;
        timer.start();
        Recorder rec(client.send(request));
        QVERIFY(rec.wait());
        QCOMPARE(rec.failedCount, 1);
        QCOMPARE(rec.error.code, ErrorCode::UpstreamTimeout);
        QVERIFY2(rec.error.message.contains(u"could not connect to 127.0.0.1:%1 within 300 ms"_s.arg(port)),
                 qPrintable(rec.error.message));
        QVERIFY(timer.elapsed() >= 290);
        QVERIFY(timer.elapsed() < 3000);
        QCOMPARE(client.openConnectionCount(), 0);
    }

    void firstByteTimeout_failsWithTimeout_namingEndpointAndLimit()
    {
        ScriptedServer server([](QTcpSocket *, const ServerRequest &) {}); // reads, never answers
        UpstreamClient client;
        UpstreamRequest request = post(server.url());
        request.timeouts.firstByteMs = 300;
        request.timeouts.idleMs = 50; // must not apply before the first byte
        QElapsedTimer timer;
        timer.start();
        Recorder rec(client.send(request));
        QVERIFY(rec.wait());
        QCOMPARE(rec.failedCount, 1);
        QCOMPARE(rec.started, 0);
        QCOMPARE(rec.error.code, ErrorCode::UpstreamTimeout);
        QCOMPARE(rec.error.message, u"no response from "_s + server.endpoint() + u" within 300 ms"_s);
        QVERIFY(timer.elapsed() >= 290);
        QVERIFY(timer.elapsed() < 3000);
        QTRY_COMPARE(server.disconnects(), 1);
        QCOMPARE(client.openConnectionCount(), 0);
    }

    void timeoutMessage_usesSecondsForWholeSeconds()
    {
        ScriptedServer server([](QTcpSocket *, const ServerRequest &) {});
        UpstreamClient client;
        UpstreamRequest request = post(server.url());
        request.timeouts.firstByteMs = 1000;
        Recorder rec(client.send(request));
        QVERIFY(rec.wait());
        QCOMPARE(rec.error.message, u"no response from "_s + server.endpoint() + u" within 1 s"_s);
    }

    void idleGapTimeout_failsAfterPartialBody()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) {
            s->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk("data: first\n\n"));
        });
        UpstreamClient client;
        UpstreamRequest request = post(server.url());
        request.timeouts.idleMs = 300;
        Recorder rec(client.send(request));
        QVERIFY(rec.wait());
        QCOMPARE(rec.order, QByteArray("SBX"));
        QCOMPARE(rec.body, QByteArray("data: first\n\n"));
        QCOMPARE(rec.error.code, ErrorCode::UpstreamTimeout);
        QVERIFY2(rec.error.message.contains(server.endpoint() + u" sent nothing for 300 ms"_s),
                 qPrintable(rec.error.message));
        QTRY_COMPARE(server.disconnects(), 1);
    }

    void steadyStream_slowerThanTotalButFasterThanIdle_succeeds()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) {
            s->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            auto *timer = new QTimer(s);
            auto n = std::make_shared<int>(0);
            QObject::connect(timer, &QTimer::timeout, s, [s, timer, n] {
                if (++*n <= 8) {
                    s->write(chunk("tick"));
                    return;
                }
                s->write("0\r\n\r\n");
                timer->stop();
            });
            timer->start(80);
        });
        UpstreamClient client;
        UpstreamRequest request = post(server.url());
        request.timeouts.firstByteMs = 300;
        request.timeouts.idleMs = 300;
        Recorder rec(client.send(request));
        QVERIFY(rec.wait(5000));
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.body, QByteArray("tick").repeated(8));
        QVERIFY(rec.call->totalElapsedNs() > 600'000'000LL);
    }

    void droppedMidBody_failsUnavailable_data()
    {
        QTest::addColumn<bool>("reset");
        QTest::newRow("reset") << true;
        QTest::newRow("closed") << false;
    }
    void droppedMidBody_failsUnavailable()
    {
        QFETCH(bool, reset);
        ScriptedServer server([reset](QTcpSocket *s, const ServerRequest &) {
            s->write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
            s->flush();
            QTimer::singleShot(50, s, [s, reset] {
                if (reset)
                    resetConnection(s);
                else
                    s->disconnectFromHost();
            });
        });
        UpstreamClient client;
        Recorder rec(client.send(post(server.url())));
        QVERIFY(rec.wait());
        QCOMPARE(rec.order, QByteArray("SBX"));
        QCOMPARE(rec.body, QByteArray("0123456789"));
        QCOMPARE(rec.error.code, ErrorCode::UpstreamUnavailable);
        QVERIFY2(rec.error.message.startsWith(server.endpoint()), qPrintable(rec.error.message));
        QVERIFY2(rec.error.message.contains(u"after 10 of 100 body bytes"_s), qPrintable(rec.error.message));
        QCOMPARE(client.openConnectionCount(), 0);
    }

    void bodyData_isDeliveredBeforeTheResponseEnds()
    {
        QPointer<QTcpSocket> upstream;
        ScriptedServer server([&upstream](QTcpSocket *s, const ServerRequest &) {
            upstream = s;
            s->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk("data: one\n\n"));
        });
        UpstreamClient client;
        Recorder rec(client.send(post(server.url())));
        QTRY_COMPARE(rec.chunks.size(), 1);
        QCOMPARE(rec.chunks.first(), QByteArray("data: one\n\n"));
        QTest::qWait(100);
        QVERIFY(!rec.done()); // the server has not finished, yet the first event is already out
        QVERIFY(upstream);
        upstream->write(chunk("data: two\n\n"));
        QTRY_COMPARE(rec.chunks.size(), 2);
        QVERIFY(!rec.done());
        upstream->write("0\r\n\r\n");
        QVERIFY(rec.wait());
        QCOMPARE(rec.order, QByteArray("SBBF"));
    }

    void cancel_closesServerSideConnection_andEmitsNothing()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) {
            s->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk("first"));
        });
        UpstreamClient client;
        Recorder rec(client.send(post(server.url())));
        QTRY_COMPARE(rec.chunks.size(), 1);
        rec.call->cancel();
        QVERIFY(!rec.call->isRunning());
        QCOMPARE(client.openConnectionCount(), 0);
        QCOMPARE(client.activeCallCount(), 0);
        QTRY_COMPARE(server.disconnects(), 1);
        QTest::qWait(250); // past a sweep: no late timeout or failure either
        QCOMPARE(rec.finishedCount, 0);
        QCOMPARE(rec.failedCount, 0);
        rec.call->cancel(); // harmless twice
        QCOMPARE(client.idleConnectionCount(), 0);
    }

    void deleteCall_midFlight_cancelsAndClosesConnection()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) {
            s->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial");
        });
        UpstreamClient client;
        auto rec = std::make_unique<Recorder>(client.send(post(server.url())));
        QTRY_COMPARE(rec->chunks.size(), 1);
        rec.reset();
        QCOMPARE(client.openConnectionCount(), 0);
        QCOMPARE(client.activeCallCount(), 0);
        QTRY_COMPARE(server.disconnects(), 1);
    }

    void deleteCall_insideItsOwnBodySignal_isSafe()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) {
            // The whole response in one read: the parser still holds the end of it when the call dies.
            s->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk("a") + "0\r\n\r\n");
        });
        UpstreamClient client;
        UpstreamCall *call = client.send(post(server.url()));
        int bodies = 0;
        connect(call, &UpstreamCall::bodyData, this, [&](const QByteArray &) {
            ++bodies;
            delete call;
        });
        QTRY_COMPARE(bodies, 1);
        QCOMPARE(client.openConnectionCount(), 0);
        QTRY_COMPARE(server.disconnects(), 1);
        QTest::qWait(100);
        QCOMPARE(bodies, 1);
    }

    void stalePooledConnection_isRetriedOnceOnAFreshOne()
    {
        // The server drops every connection at its second request without answering: exactly what a pooled
        // connection looks like when the server closed it just as the request went out.
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &r) {
            if (r.indexOnConnection >= 2) {
                s->abort();
                return;
            }
            s->write(reply(200, "conn " + QByteArray::number(r.connection)));
        });
        UpstreamClient client;
        Recorder first(client.send(post(server.url())));
        QVERIFY(first.wait());
        QCOMPARE(first.body, QByteArray("conn 1"));
        QCOMPARE(client.idleConnectionCount(), 1);

        Recorder second(client.send(post(server.url())));
        QVERIFY(second.wait());
        QCOMPARE(second.failedCount, 0);
        QCOMPARE(second.finishedCount, 1);
        QCOMPARE(second.body, QByteArray("conn 2"));
        QVERIFY(second.call->wasRetried());
        QVERIFY(!second.call->reusedConnection());
        QCOMPARE(server.accepted(), 2);
        QCOMPARE(server.requests().size(), 3);
    }

    void stalePooledConnection_retryFailsToo_reportsFailureOnce()
    {
        int answered = 0;
        ScriptedServer server([&answered](QTcpSocket *s, const ServerRequest &) {
            if (answered++ == 0) {
                s->write(reply(200, "only once"));
                return;
            }
            s->abort();
        });
        UpstreamClient client;
        Recorder first(client.send(post(server.url())));
        QVERIFY(first.wait());
        Recorder second(client.send(post(server.url())));
        QVERIFY(second.wait());
        QCOMPARE(second.failedCount, 1);
        QCOMPARE(second.error.code, ErrorCode::UpstreamUnavailable);
        QVERIFY2(second.error.message.contains(u"without sending a response"_s), qPrintable(second.error.message));
        QVERIFY(second.call->wasRetried());
        QCOMPARE(server.requests().size(), 3); // original, the stale attempt, one retry: no more
        QTest::qWait(50);
        QCOMPARE(second.failedCount + second.finishedCount, 1);
    }

    void freshConnectionClosedWithoutResponse_isNotRetried()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) { s->abort(); });
        UpstreamClient client;
        Recorder rec(client.send(post(server.url())));
        QVERIFY(rec.wait());
        QCOMPARE(rec.failedCount, 1);
        QCOMPARE(rec.error.code, ErrorCode::UpstreamUnavailable);
        QVERIFY(!rec.call->wasRetried());
        QCOMPARE(server.requests().size(), 1);
    }

    void idleConnectionClosedByServer_leavesThePool()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) {
            s->write(reply(200, "ok"));
            QTimer::singleShot(50, s, [s] { s->disconnectFromHost(); });
        });
        UpstreamClient client;
        Recorder rec(client.send(post(server.url())));
        QVERIFY(rec.wait());
        QCOMPARE(client.idleConnectionCount(), 1);
        QTRY_COMPARE(client.idleConnectionCount(), 0);
        QCOMPARE(client.openConnectionCount(), 0);
        // And the next call simply opens a new connection.
        Recorder next(client.send(post(server.url())));
        QVERIFY(next.wait());
        QCOMPARE(next.finishedCount, 1);
        QVERIFY(!next.call->wasRetried());
        QCOMPARE(server.accepted(), 2);
    }

    void idleExpiry_closesPooledConnections()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &) { s->write(reply(200, "ok")); });
        UpstreamClient client;
        QCOMPARE(client.idleTimeoutMs(), 30000);
        client.setIdleTimeoutMs(200);
        Recorder rec(client.send(post(server.url())));
        QVERIFY(rec.wait());
        QCOMPARE(client.idleConnectionCount(), 1);
        QTest::qWait(100);
        QCOMPARE(client.idleConnectionCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(client.idleConnectionCount(), 0, 3000);
        QCOMPARE(client.openConnectionCount(), 0);
        QTRY_COMPARE(server.disconnects(), 1);
    }

    void maxIdlePerHost_closesConnectionsBeyondIt()
    {
        QList<QPointer<QTcpSocket>> held;
        ScriptedServer server([&held](QTcpSocket *s, const ServerRequest &) {
            held.append(s);
            if (held.size() == 4) {
                for (const auto &socket : std::as_const(held))
                    socket->write(reply(200, "ok"));
            }
        });
        UpstreamClient client;
        client.setMaxIdlePerHost(2);
        std::vector<std::unique_ptr<Recorder>> recs;
        for (int i = 0; i < 4; ++i)
            recs.push_back(std::make_unique<Recorder>(client.send(post(server.url()))));
        QVERIFY(QTest::qWaitFor([&] { return std::all_of(recs.begin(), recs.end(), [](const auto &r) { return r->done(); }); }, 5000));
        QCOMPARE(client.idleConnectionCount(), 2);
        QCOMPARE(client.openConnectionCount(), 2);
        QTRY_COMPARE(server.disconnects(), 2);
    }

    void maxOpenConnections_failsBeyondCap_andEvictsIdleFirst()
    {
        QList<QPointer<QTcpSocket>> held;
        ScriptedServer server([&held](QTcpSocket *s, const ServerRequest &) { held.append(s); });
        ScriptedServer other([](QTcpSocket *s, const ServerRequest &) { s->write(reply(200, "other")); });
        UpstreamClient client;
        client.setMaxOpenConnections(2);
        Recorder a(client.send(post(server.url())));
        Recorder b(client.send(post(server.url())));
        Recorder c(client.send(post(server.url())));
        QCOMPARE(c.failedCount, 0); // not before send() returned
        QVERIFY(c.wait());
        QCOMPARE(c.failedCount, 1);
        QCOMPARE(c.error.code, ErrorCode::UpstreamUnavailable);
        QVERIFY2(c.error.message.contains(u"2 upstream connections open"_s), qPrintable(c.error.message));
        QTRY_COMPARE(held.size(), 2);
        for (const auto &socket : std::as_const(held))
            socket->write(reply(200, "ok"));
        QVERIFY(a.wait());
        QVERIFY(b.wait());
        QCOMPARE(a.finishedCount + b.finishedCount, 2);
        QCOMPARE(client.idleConnectionCount(), 2);
        // At the cap with idle connections: the oldest idle one makes room.
        Recorder d(client.send(post(other.url())));
        QVERIFY(d.wait());
        QCOMPARE(d.finishedCount, 1);
        QCOMPARE(d.body, QByteArray("other"));
        QCOMPARE(client.openConnectionCount(), 2);
        QTRY_COMPARE(server.disconnects(), 1);
    }

    void invalidRequest_failsWithInvalidArgument_afterSendReturns_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("headerValue");
        QTest::addColumn<QString>("message");
        QTest::newRow("ftp") << QUrl(u"ftp://127.0.0.1/x"_s) << QByteArray("POST") << QByteArray("v")
                             << u"use an http:// or https:// URL"_s;
        QTest::newRow("no host") << QUrl(u"http:///v1/chat"_s) << QByteArray("POST") << QByteArray("v")
                                 << u"has no host"_s;
        QTest::newRow("bad method") << QUrl(u"http://127.0.0.1:9/x"_s) << QByteArray("PO ST") << QByteArray("v")
                                    << u"invalid HTTP method"_s;
        QTest::newRow("header injection") << QUrl(u"http://127.0.0.1:9/x"_s) << QByteArray("POST")
                                          << QByteArray("v\r\nX-Injected: 1") << u"invalid request header"_s;
    }
    void invalidRequest_failsWithInvalidArgument_afterSendReturns()
    {
        QFETCH(QUrl, url);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, headerValue);
        QFETCH(QString, message);
        UpstreamClient client;
        UpstreamRequest request = post(url);
        request.method = method;
        request.headers.append(qMakePair(QByteArray("X-Test"), headerValue));
        Recorder rec(client.send(request));
        QCOMPARE(rec.failedCount, 0);
        QVERIFY(rec.wait());
        QCOMPARE(rec.failedCount, 1);
        QCOMPARE(rec.error.code, ErrorCode::InvalidArgument);
        QVERIFY2(rec.error.message.contains(message), qPrintable(rec.error.message));
        QCOMPARE(client.openConnectionCount(), 0);
        QCOMPARE(client.activeCallCount(), 0);
    }

    void cancel_beforeQueuedFailure_suppressesIt()
    {
        UpstreamClient client;
        Recorder rec(client.send(post(QUrl(u"ftp://127.0.0.1/x"_s))));
        rec.call->cancel();
        QTest::qWait(50);
        QCOMPARE(rec.failedCount, 0);
        QCOMPARE(rec.finishedCount, 0);
    }

    void clientMovedToWorkerThread_sendsAndTimesOutThere()
    {
        ScriptedServer server([](QTcpSocket *s, const ServerRequest &r) {
            if (r.body == "answer")
                s->write(reply(200, "from worker"));
        });
        QTest::failOnWarning(QRegularExpression(u"cannot be (started|stopped) from another thread"_s));
        QThread worker;
        worker.start();
        auto *client = new UpstreamClient;
        client->moveToThread(&worker);
        QAtomicInt finished = 0;
        QAtomicInt timedOut = 0;
        QByteArray body; // written in the worker thread, read after it is joined
        const auto start = [&](const QByteArray &payload, int firstByteMs) {
            QMetaObject::invokeMethod(client, [&, client, payload, firstByteMs] {
                UpstreamRequest request = post(server.url(), payload);
                request.timeouts.firstByteMs = firstByteMs;
                UpstreamCall *call = client->send(request);
                connect(call, &UpstreamCall::bodyData, call, [&](const QByteArray &d) { body += d; });
                connect(call, &UpstreamCall::finished, call, [&, call] {
                    finished.fetchAndAddOrdered(1);
                    call->deleteLater();
                });
                connect(call, &UpstreamCall::failed, call, [&, call](const AiHub::Error &e) {
                    if (e.code == ErrorCode::UpstreamTimeout)
                        timedOut.fetchAndAddOrdered(1);
                    call->deleteLater();
                });
            });
        };
        start("answer", 5000);
        QTRY_COMPARE(finished.loadAcquire(), 1);
        start("stall", 300); // the sweep timer runs in the worker thread
        QTRY_COMPARE_WITH_TIMEOUT(timedOut.loadAcquire(), 1, 3000);
        QMetaObject::invokeMethod(client, &QObject::deleteLater);
        worker.quit();
        QVERIFY(worker.wait(5000));
        QCOMPARE(body, QByteArray("from worker"));
    }

    void destroyingTheClient_failsRunningCalls_andClosesConnections()
    {
        ScriptedServer server([](QTcpSocket *, const ServerRequest &) {});
        auto client = std::make_unique<UpstreamClient>();
        Recorder rec(client->send(post(server.url())));
        QTRY_COMPARE(server.requests().size(), 1);
        client.reset();
        QCOMPARE(rec.failedCount, 0); // never from inside the destructor
        QVERIFY(rec.wait());
        QCOMPARE(rec.failedCount, 1);
        QCOMPARE(rec.error.code, ErrorCode::ShuttingDown);
        QTRY_COMPARE(server.disconnects(), 1);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamClient)
#include "tst_upstreamclient.moc"
