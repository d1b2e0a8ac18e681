// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/transport/requestparser.h"

#include <QTest>

#include <vector>

using AiHub::Server::RequestParser;
using namespace Qt::StringLiterals;

namespace {

struct Outcome {
    std::vector<RequestParser::Request> heads; // complete requests, in order
    int headEvents = 0;                         // heads reported before their body
    bool failed = false;
    int status = 0;
    qint64 failedRequestStart = -1;
};

// Feeds the bytes in pieces of the given size and collects what the parser reports.
Outcome frame(const QByteArray &bytes, qsizetype piece = 0, qint64 maxBody = 1024, qint64 maxHeader = 4096,
              RequestParser *out = nullptr)
{
    RequestParser local;
    RequestParser &parser = out ? *out : local;
    parser.setLimits(maxHeader, maxBody);
    Outcome outcome;
    if (piece <= 0)
        piece = bytes.size();
    for (qsizetype start = 0; start < bytes.size() && !outcome.failed; start += piece) {
        const char *p = bytes.constData() + start;
        qsizetype left = qMin(piece, bytes.size() - start);
        while (left > 0) {
            RequestParser::Event event;
            const qsizetype used = parser.feed(p, left, &event);
            p += used;
            left -= used;
            if (event == RequestParser::Event::Head)
                ++outcome.headEvents;
            if (event == RequestParser::Event::Request)
                outcome.heads.push_back(parser.takeRequest());
            if (event == RequestParser::Event::Failed) {
                outcome.failed = true;
                outcome.status = parser.failure().status;
                outcome.failedRequestStart = parser.failure().requestStart;
                break;
            }
        }
    }
    return outcome;
}

const QByteArray kGet = QByteArrayLiteral("GET /a?b=1 HTTP/1.1\r\nHost: x\r\n\r\n");

} // namespace

class TestRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simpleGet_reportsHead()
    {
        const Outcome o = frame(kGet);
        QVERIFY(!o.failed);
        QCOMPARE(o.heads.size(), size_t(1));
        QCOMPARE(o.heads[0].methodToken, QByteArray("GET"));
        QCOMPARE(o.heads[0].target, QByteArray("/a?b=1"));
        QVERIFY(!o.heads[0].http10);
        QVERIFY(o.heads[0].keepAlive);
        QCOMPARE(o.heads[0].contentLength, 0);
    }

    void anySplit_givesTheSameHeads_data()
    {
        QTest::addColumn<int>("piece");
        for (int piece : { 1, 2, 3, 7, 13, 64 })
            QTest::addRow("%d", piece) << piece;
    }

    void anySplit_givesTheSameHeads()
    {
        QFETCH(int, piece);
        const QByteArray stream = kGet
            + "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
            + "\r\n" // a blank line between requests is tolerated
            + "PUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\n\r\n"
            + "DELETE /d HTTP/1.0\r\n\r\n";
        RequestParser parser;
        const Outcome o = frame(stream, piece, 1024, 4096, &parser);
        QVERIFY(!o.failed);
        QCOMPARE(o.heads.size(), size_t(4));
        QCOMPARE(o.heads[0].body, QByteArray());
        QCOMPARE(o.heads[0].headers.size(), 1);
        QCOMPARE(o.heads[0].headers.nameAt(0), "Host");
        QCOMPARE(o.heads[0].headers.valueAt(0), "x");
        QCOMPARE(o.heads[1].methodToken, QByteArray("POST"));
        QCOMPARE(o.heads[1].contentLength, 5);
        QCOMPARE(o.heads[1].body, QByteArray("hello"));
        QCOMPARE(o.heads[1].startOffset, kGet.size());
        QVERIFY(o.heads[2].chunked);
        QCOMPARE(o.heads[2].body, QByteArray("abc0123456789"));
        QCOMPARE(o.headEvents, 2); // the two requests with a body
        QCOMPARE(o.heads[3].methodToken, QByteArray("DELETE"));
        QVERIFY(o.heads[3].http10);
        QVERIFY(!o.heads[3].keepAlive);
        QVERIFY(parser.isStopped()); // nothing after an HTTP/1.0 request without keep-alive is a request
        QCOMPARE(parser.requestStart(), stream.size());
    }

    void keepAlive_followsVersionAndConnectionHeader_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("1.1 default") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << true;
        QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") << false;
        QTest::newRow("1.1 list close") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: foo, Close\r\n\r\n") << false;
        QTest::newRow("1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true;
    }

    void keepAlive_followsVersionAndConnectionHeader()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, keepAlive);
        const Outcome o = frame(request);
        QVERIFY(!o.failed);
        QCOMPARE(o.heads.size(), size_t(1));
        QCOMPARE(o.heads[0].keepAlive, keepAlive);
    }

    void badInput_isRefusedWithStatus_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage line") << QByteArray("GARBAGE\r\n\r\n") << 400;
        QTest::newRow("tls hello") << QByteArray("\x16\x03\x01\x02\x00\x01\x00", 7) << 400;
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("double space") << QByteArray("GET  / HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("bad target") << QByteArray("GET a HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("http/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
        QTest::newRow("http/9.9") << QByteArray("GET / HTTP/9.9\r\nHost: x\r\n\r\n") << 505;
        QTest::newRow("bad version text") << QByteArray("GET / HTTX/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("missing host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
        QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n") << 400;
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
        QTest::newRow("obs fold") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nA: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("ctl in value") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nA: b\x01\r\n\r\n") << 400;
        QTest::newRow("bad content-length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n") << 400;
        QTest::newRow("negative content-length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("conflicting content-length")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
        QTest::newRow("cl and te")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
        QTest::newRow("gzip te") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") << 501;
        QTest::newRow("expect other") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n") << 417;
        QTest::newRow("websocket")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n") << 501;
        QTest::newRow("content-length over limit")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\n\r\n") << 413;
        QTest::newRow("chunked over limit")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n200\r\n") + QByteArray(512, 'a')
                   + "\r\n201\r\n" << 413;
        QTest::newRow("bad chunk size")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
        QTest::newRow("chunk size bare lf")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\r\n0\r\n\r\n") << 400;
        QTest::newRow("chunk end bare lf")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\n0\r\n\r\n") << 400;
        QTest::newRow("trailers")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: 1\r\n\r\n") << 400;
        QTest::newRow("header block over limit")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-Big: ") + QByteArray(5000, 'a') + "\r\n\r\n" << 431;
        QByteArray many("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 101; ++i)
            many += "X-" + QByteArray::number(i) + ": 1\r\n";
        QTest::newRow("too many fields") << many + "\r\n" << 431;
    }

    void badInput_isRefusedWithStatus()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        const Outcome o = frame(request);
        QVERIFY(o.failed);
        QCOMPARE(o.status, status);
        // byte by byte gives the same verdict
        const Outcome slow = frame(request, 1);
        QVERIFY(slow.failed);
        QCOMPARE(slow.status, status);
    }

    void longValues_controlCharactersAreFoundAtEveryPosition()
    {
        // Values are checked sixteen bytes at a time: a control character or DEL in any lane of any block, or in
        // the tail after the last whole block, is refused; tabs and bytes of 0x80 and above (obs-text) are not.
        for (int length : { 15, 16, 17, 40, 70 }) {
            for (int at = 0; at < length; ++at) {
                for (const char bad : { '\x01', '\x1f', '\x7f', '\x00' }) {
                    QByteArray value(length, 'v');
                    value[at] = bad;
                    const Outcome o = frame("GET / HTTP/1.1\r\nHost: x\r\nAuthorization: " + value + "\r\n\r\n");
                    QVERIFY2(o.failed && o.status == 400, qPrintable(u"length %1, at %2"_s.arg(length).arg(at)));
                }
                QByteArray fine(length, 'v');
                fine[at] = at % 2 ? '\t' : '\x80';
                fine[length - 1] = 'v'; // a trailing tab would be trimmed, not refused
                fine[0] = 'v';
                const Outcome o = frame("GET / HTTP/1.1\r\nHost: x\r\nAuthorization: " + fine + "\r\n\r\n");
                QVERIFY2(!o.failed, qPrintable(u"length %1, at %2"_s.arg(length).arg(at)));
                QCOMPARE(o.heads.at(0).headers.value("authorization"), fine);
            }
        }
    }

    void garbage_isRefusedBeforeTheLineEnds()
    {
        // A TLS ClientHello never contains a newline early; the parser must not wait for one.
        const Outcome o = frame(QByteArray("\x16\x03\x01", 3));
        QVERIFY(o.failed);
        QCOMPARE(o.status, 400);
    }

    void oversizedContentLength_isRefusedAtTheHead_beforeAnyBody()
    {
        const QByteArray head("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n");
        RequestParser parser;
        parser.setLimits(4096, 1024);
        RequestParser::Event event;
        const qsizetype used = parser.feed(head.constData(), head.size(), &event);
        QCOMPARE(event, RequestParser::Event::Failed);
        QCOMPARE(used, head.size());
        QCOMPARE(parser.failure().status, 413);
    }

    void failure_reportsWhereTheFailingRequestStarted()
    {
        const QByteArray stream = kGet + "BAD\r\n\r\n";
        const Outcome o = frame(stream);
        QCOMPARE(o.heads.size(), size_t(1));
        QVERIFY(o.failed);
        QCOMPARE(o.failedRequestStart, kGet.size());
    }

    void expectContinue_onlyForHttp11WithBody()
    {
        const Outcome withBody = frame("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc");
        QVERIFY(withBody.heads.at(0).expectContinue);
        const Outcome noBody = frame("GET / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n");
        QVERIFY(!noBody.heads.at(0).expectContinue);
        const Outcome http10 = frame("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc");
        QVERIFY(!http10.heads.at(0).expectContinue);
    }

    void headers_keepOrderCaseAndRepeats_valuesTrimmed()
    {
        const Outcome o = frame("GET / HTTP/1.1\r\nHost: x\r\nX-A:  one \r\nx-a:two\r\nAccept:\t*/*\t\r\n\r\n", 5);
        QVERIFY(!o.failed);
        const auto &h = o.heads.at(0).headers;
        QCOMPARE(h.size(), 4);
        QCOMPARE(h.nameAt(1), "X-A");
        QCOMPARE(h.valueAt(1), "one");
        QCOMPARE(h.nameAt(2), "x-a");
        QCOMPARE(h.valueAt(2), "two");
        QCOMPARE(h.valueAt(3), "*/*");
        QCOMPARE(h.value("x-a"), QByteArray("one")); // the first of repeated fields
        QVERIFY(h.contains("accept"));
        QVERIFY(!h.contains("accep"));
        QVERIFY(h.value("missing").isNull());
    }

    void head_isReportedBeforeTheBody_andTheRequestAfterIt()
    {
        RequestParser parser;
        parser.setLimits(4096, 1024);
        const QByteArray head("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n");
        RequestParser::Event event;
        QCOMPARE(parser.feed(head.constData(), head.size(), &event), head.size());
        QCOMPARE(event, RequestParser::Event::Head);
        QVERIFY(parser.pendingRequest().expectContinue);
        QVERIFY(!parser.isBetweenRequests());
        QCOMPARE(parser.feed("01234", 5, &event), 5);
        QCOMPARE(event, RequestParser::Event::None);
        QCOMPARE(parser.feed("56789GET", 8, &event), 5); // stops right after the request
        QCOMPARE(event, RequestParser::Event::Request);
        QCOMPARE(parser.takeRequest().body, QByteArray("0123456789"));
        QVERIFY(parser.isBetweenRequests());
        QCOMPARE(parser.offset(), head.size() + 10);
    }

    void largeBody_arrivingInPieces_isCollectedWhole()
    {
        QByteArray body(300000, 'x');
        for (int i = 0; i < body.size(); i += 997)
            body[i] = char('a' + i % 26);
        const QByteArray request = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(body.size())
                                   + "\r\n\r\n" + body;
        const Outcome o = frame(request, 4093, 1024 * 1024);
        QVERIFY(!o.failed);
        QCOMPARE(o.heads.size(), size_t(1));
        QCOMPARE(o.heads[0].body, body);
    }

    void absoluteAndAsteriskTargets_areAccepted()
    {
        QCOMPARE(frame("GET http://example.com/x HTTP/1.1\r\nHost: x\r\n\r\n").heads.size(), size_t(1));
        QCOMPARE(frame("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").heads.size(), size_t(1));
    }

    void unknownMethod_isFramedLikeAnyOther()
    {
        const Outcome o = frame("BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(!o.failed);
        QCOMPARE(o.heads.at(0).methodToken, QByteArray("BREW"));
    }
};

QTEST_GUILESS_MAIN(TestRequestParser)
#include "tst_requestparser.moc"
