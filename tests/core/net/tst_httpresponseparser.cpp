// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/net/httpresponseparser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Net;
using namespace Qt::StringLiterals;

namespace {

struct Parsed {
    int headerEvents = 0;
    int completeEvents = 0;
    int bodyEvents = 0;
    QByteArray body;
    bool failed = false;
    ErrorCode code = ErrorCode::Internal;
    QString error;
};

// Feeds the pieces one by one, pulling every event after each, then optionally signals end of stream.
Parsed drive(HttpResponseParser &parser, const QList<QByteArray> &pieces, bool endOfStream = false)
{
    Parsed r;
    const auto pump = [&] {
        QByteArray body;
        for (int guard = 0; guard < 100000; ++guard) {
            const auto event = parser.next(&body);
            if (!event) {
                r.failed = true;
                r.code = event.error().code;
                r.error = event.error().message;
                return false;
            }
            switch (*event) {
            case HttpResponseParser::Event::NeedMoreData: return true;
            case HttpResponseParser::Event::HeadersComplete: ++r.headerEvents; break;
            case HttpResponseParser::Event::BodyData:
                if (body.isEmpty()) {
                    r.failed = true;
                    r.error = u"empty BodyData event"_s;
                    return false;
                }
                r.body += body;
                ++r.bodyEvents;
                break;
            case HttpResponseParser::Event::MessageComplete: ++r.completeEvents; break;
            }
        }
        r.failed = true;
        r.error = u"parser did not settle"_s;
        return false;
    };
    for (const QByteArray &piece : pieces) {
        parser.feed(piece);
        if (!pump())
            return r;
    }
    if (endOfStream) {
        const auto end = parser.finishInput();
        if (!end) {
            r.failed = true;
            r.code = end.error().code;
            r.error = end.error().message;
        } else if (*end == HttpResponseParser::Event::MessageComplete) {
            ++r.completeEvents;
        }
    }
    return r;
}

Parsed parseWhole(const QByteArray &response, bool head = false, bool endOfStream = false)
{
    HttpResponseParser parser;
    parser.reset(head);
    return drive(parser, { response }, endOfStream);
}

const QByteArray chunkedResponse = "HTTP/1.1 200 OK\r\n"
                                   "Content-Type: text/event-stream\r\n"
                                   "Transfer-Encoding: chunked\r\n"
                                   "\r\n"
                                   "5;name=value;flag\r\n"
                                   "hello\r\n"
                                   "1\r\n"
                                   " \r\n"
                                   "B; ext=\"quoted;semi\"\r\n"
                                   "data: 1\n\n\r\n\r\n"
                                   "0\r\n"
                                   "X-Trailer: done\r\n"
                                   "\r\n";

} // namespace

class TestHttpResponseParser final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void contentLength_bodyAndHeaders()
    {
        HttpResponseParser parser;
        parser.reset();
        const Parsed r = drive(parser, { "HTTP/1.1 201 Created\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhello" });
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(r.headerEvents, 1);
        QCOMPARE(r.completeEvents, 1);
        QCOMPARE(r.body, QByteArray("hello"));
        QCOMPARE(parser.status(), 201);
        QCOMPARE(parser.reasonPhrase(), QByteArray("Created"));
        QCOMPARE(parser.framing(), HttpResponseParser::Framing::ContentLength);
        QCOMPARE(parser.contentLength(), 5);
        QVERIFY(parser.keepAlive());
        QVERIFY(parser.isComplete());
        QCOMPARE(parser.bufferedBytes(), 0);
    }

    void contentLength_zero_completesWithoutBody()
    {
        const Parsed r = parseWhole("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        QVERIFY(!r.failed);
        QCOMPARE(r.completeEvents, 1);
        QCOMPARE(r.bodyEvents, 0);
    }

    void contentLength_splitAtEveryByte_givesSameResult()
    {
        const QByteArray response = "HTTP/1.1 200 OK\r\nContent-Length: 11\r\nX-Y: z\r\n\r\nhello world";
        for (qsizetype i = 0; i <= response.size(); ++i) {
            HttpResponseParser parser;
            parser.reset();
            const Parsed r = drive(parser, { response.left(i), response.mid(i) });
            QVERIFY2(!r.failed, qPrintable(r.error));
            QCOMPARE(r.body, QByteArray("hello world"));
            QCOMPARE(r.completeEvents, 1);
            QCOMPARE(parser.header("x-y"), QByteArray("z"));
        }
    }

    void contentLength_bodyInOwnRead_isNotCopied()
    {
        HttpResponseParser parser;
        parser.reset();
        parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\n");
        QByteArray body;
        QCOMPARE(*parser.next(&body), HttpResponseParser::Event::HeadersComplete);
        QCOMPARE(*parser.next(&body), HttpResponseParser::Event::NeedMoreData);
        const QByteArray read = QByteArray("12345678");
        parser.feed(read);
        QCOMPARE(*parser.next(&body), HttpResponseParser::Event::BodyData);
        QVERIFY(body.isSharedWith(read));
        QCOMPARE(*parser.next(&body), HttpResponseParser::Event::MessageComplete);
    }

    void chunked_withExtensionsAndTrailers_decodes()
    {
        HttpResponseParser parser;
        parser.reset();
        const Parsed r = drive(parser, { chunkedResponse });
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(r.body, QByteArray("hello data: 1\n\n\r\n"));
        QCOMPARE(r.completeEvents, 1);
        QCOMPARE(parser.framing(), HttpResponseParser::Framing::Chunked);
        QCOMPARE(parser.trailers().size(), 1);
        QCOMPARE(parser.trailers().first().second, QByteArray("done"));
        QVERIFY(parser.keepAlive());
        // Several chunks in one read come out as one body event.
        QCOMPARE(r.bodyEvents, 1);
    }

    void chunked_splitAtEveryByteBoundary_givesSameResult()
    {
        const QByteArray expected = "hello data: 1\n\n\r\n";
        for (qsizetype i = 0; i <= chunkedResponse.size(); ++i) {
            HttpResponseParser parser;
            parser.reset();
            const Parsed r = drive(parser, { chunkedResponse.left(i), chunkedResponse.mid(i) });
            QVERIFY2(!r.failed, qPrintable(u"split at %1: "_s.arg(i) + r.error));
            QCOMPARE(r.body, expected);
            QCOMPARE(r.headerEvents, 1);
            QCOMPARE(r.completeEvents, 1);
            QCOMPARE(parser.trailers().size(), 1);
        }
        // Three pieces, every pair of cut points.
        for (qsizetype i = 0; i <= chunkedResponse.size(); ++i) {
            for (qsizetype j = i; j <= chunkedResponse.size(); ++j) {
                HttpResponseParser parser;
                parser.reset();
                const Parsed r = drive(parser, { chunkedResponse.left(i), chunkedResponse.mid(i, j - i),
                                                 chunkedResponse.mid(j) });
                QVERIFY2(!r.failed && r.body == expected && r.completeEvents == 1,
                         qPrintable(u"cuts %1,%2: "_s.arg(i).arg(j) + r.error));
            }
        }
    }

    void chunked_oneBytePerFeed_givesSameResult()
    {
        HttpResponseParser parser;
        parser.reset();
        QList<QByteArray> bytes;
        for (const char c : chunkedResponse)
            bytes.append(QByteArray(1, c));
        const Parsed r = drive(parser, bytes);
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(r.body, QByteArray("hello data: 1\n\n\r\n"));
        QCOMPARE(r.completeEvents, 1);
    }

    void chunked_bareLineFeeds_areAccepted()
    {
        const Parsed r = parseWhole("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n");
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(r.body, QByteArray("abc"));
        QCOMPARE(r.completeEvents, 1);
    }

    void transferEncodingAndContentLength_chunkedWins_notReusable()
    {
        HttpResponseParser parser;
        parser.reset();
        const Parsed r = drive(parser, { "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n"
                                         "2\r\nok\r\n0\r\n\r\n" });
        QVERIFY(!r.failed);
        QCOMPARE(r.body, QByteArray("ok"));
        QVERIFY(!parser.keepAlive());
    }

    void closeDelimited_completesAtEndOfStream()
    {
        HttpResponseParser parser;
        parser.reset();
        const Parsed r = drive(parser, { "HTTP/1.1 200 OK\r\n\r\nsome ", "bytes" }, true);
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(r.body, QByteArray("some bytes"));
        QCOMPARE(r.completeEvents, 1);
        QCOMPARE(parser.framing(), HttpResponseParser::Framing::UntilClose);
        QVERIFY(!parser.keepAlive());
    }

    void headResponse_hasNoBody_evenWithContentLength()
    {
        HttpResponseParser parser;
        parser.reset(true);
        const Parsed r = drive(parser, { "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" });
        QVERIFY(!r.failed);
        QCOMPARE(r.completeEvents, 1);
        QCOMPARE(r.bodyEvents, 0);
        QVERIFY(parser.keepAlive());
    }

    void noBodyStatuses_completeAfterHeaders_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::newRow("204") << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n");
        QTest::newRow("304") << QByteArray("HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n");
    }
    void noBodyStatuses_completeAfterHeaders()
    {
        QFETCH(QByteArray, response);
        HttpResponseParser parser;
        parser.reset();
        const Parsed r = drive(parser, { response });
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(r.completeEvents, 1);
        QCOMPARE(r.bodyEvents, 0);
        QCOMPARE(parser.framing(), HttpResponseParser::Framing::None);
    }

    void interimResponses_areSkipped()
    {
        HttpResponseParser parser;
        parser.reset();
        const Parsed r = drive(parser, { "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                                         "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok" });
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(r.headerEvents, 1);
        QCOMPARE(parser.status(), 200);
        QVERIFY(parser.header("link").isNull());
        QCOMPARE(r.body, QByteArray("ok"));
    }

    void headers_caseInsensitive_duplicatesKept_foldsJoined()
    {
        HttpResponseParser parser;
        parser.reset();
        const Parsed r = drive(parser, { "HTTP/1.1 200 OK\r\n"
                                         "Set-Cookie: a=1\r\n"
                                         "set-cookie: b=2\r\n"
                                         "X-Folded: first\r\n"
                                         "   second\r\n"
                                         "\tthird\r\n"
                                         "X-Spaces:    padded value \t\r\n"
                                         "X-Empty:\r\n"
                                         "Content-Length: 0\r\n\r\n" });
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(parser.headerValues("SET-COOKIE"), (QList<QByteArray> { "a=1", "b=2" }));
        QCOMPARE(parser.header("Set-Cookie"), QByteArray("a=1"));
        QCOMPARE(parser.header("x-folded"), QByteArray("first second third"));
        QCOMPARE(parser.header("x-spaces"), QByteArray("padded value"));
        QVERIFY(!parser.header("x-empty").isNull());
        QVERIFY(parser.header("x-empty").isEmpty());
        QVERIFY(parser.header("x-missing").isNull());
        QCOMPARE(parser.headers().size(), 6);
        const auto taken = parser.takeHeaders();
        QCOMPARE(taken.size(), 6);
        QVERIFY(parser.headers().isEmpty());
    }

    void headers_outliveTheParser_areTerminated_andIndependent()
    {
        HttpResponseParser::HeaderList taken;
        QByteArray type;
        {
            HttpResponseParser parser;
            parser.reset();
            const Parsed r = drive(parser, { "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-A:  a1 \r\n"
                                             "X-B: b1\r\n  b2\r\nX-Empty:\r\nContent-Length: 2\r\n\r\nok" });
            QVERIFY2(!r.failed, qPrintable(r.error));
            type = parser.header("content-type");
            taken = parser.takeHeaders().list(); // outlives the parser and the ResponseHeaders
            // The next response on the same parser must not disturb what was handed out.
            parser.reset();
            QVERIFY(!drive(parser, { "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n" })
                         .failed);
            QCOMPARE(parser.header("content-type"), QByteArray("text/plain"));
        }
        QCOMPARE(type, QByteArray("application/json"));
        QCOMPARE(taken.size(), 5);
        QCOMPARE(taken.at(1).second, QByteArray("a1"));
        QCOMPARE(taken.at(2).second, QByteArray("b1 b2"));
        QVERIFY(!taken.at(3).second.isNull());
        for (const auto &h : std::as_const(taken)) {
            // Usable as C strings, as every QByteArray is.
            QCOMPARE(h.first.constData()[h.first.size()], '\0');
            QCOMPARE(h.second.constData()[h.second.size()], '\0');
            QCOMPARE(qstrlen(h.first.constData()), size_t(h.first.size()));
        }
        // Writing to one header leaves its neighbours alone.
        taken[1].second.append("-and-more-than-fits-in-place");
        taken[0].first[0] = 'c';
        QCOMPARE(taken.at(1).second, QByteArray("a1-and-more-than-fits-in-place"));
        QCOMPARE(taken.at(0).first, QByteArray("content-Type"));
        QCOMPARE(taken.at(2).first, QByteArray("X-B"));
        QCOMPARE(taken.at(2).second, QByteArray("b1 b2"));
        QCOMPARE(taken.at(4).second, QByteArray("2"));
    }

    void headers_manyAndLong_growTheBlock_andFoldAcrossGrowth()
    {
        QByteArray response = "HTTP/1.1 200 OK\r\n";
        for (int i = 0; i < 300; ++i)
            response += "X-Header-" + QByteArray::number(i) + ": value-" + QByteArray(i % 50, 'v') + "\r\n";
        response += "X-Folded: start\r\n" + QByteArray(" ") + QByteArray(3000, 'f') + "\r\n\tend\r\n";
        response += "Content-Length: 3\r\n\r\nabc";
        QRandomGenerator rng(5);
        for (int round = 0; round < 20; ++round) {
            QList<QByteArray> pieces;
            for (qsizetype at = 0; at < response.size();) {
                const qsizetype n = 1 + rng.bounded(int(std::min<qsizetype>(response.size() - at, 700)));
                pieces.append(response.mid(at, n));
                at += n;
            }
            HttpResponseParser parser;
            parser.reset();
            const Parsed r = drive(parser, pieces);
            QVERIFY2(!r.failed, qPrintable(r.error));
            QCOMPARE(r.body, QByteArray("abc"));
            QCOMPARE(parser.headers().size(), 302);
            for (int i = 0; i < 300; i += 37)
                QCOMPARE(parser.header(QByteArray("x-header-" + QByteArray::number(i))),
                         QByteArray("value-" + QByteArray(i % 50, 'v')));
            QCOMPARE(parser.header("x-folded"), QByteArray("start " + QByteArray(3000, 'f') + " end"));
        }
    }

    void body_restOfTheHeaderRead_isSharedNotCopied_andTerminated()
    {
        HttpResponseParser parser;
        parser.reset();
        const QByteArray read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
        parser.feed(read);
        QByteArray body;
        QCOMPARE(*parser.next(&body), HttpResponseParser::Event::HeadersComplete);
        QCOMPARE(*parser.next(&body), HttpResponseParser::Event::BodyData);
        QCOMPARE(body, QByteArray("hello"));
        QCOMPARE(body.constData(), read.constData() + read.size() - 5); // the read's own bytes
        QCOMPARE(body.constData()[body.size()], '\0');
        QCOMPARE(*parser.next(&body), HttpResponseParser::Event::MessageComplete);
        // A body that stops short of the end of its read is a copy of its own, terminated too.
        parser.reset();
        const QByteArray twoAnswers("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK");
        parser.feed(twoAnswers);
        QCOMPARE(*parser.next(&body), HttpResponseParser::Event::HeadersComplete);
        QCOMPARE(*parser.next(&body), HttpResponseParser::Event::BodyData);
        QCOMPARE(body, QByteArray("ok"));
        QVERIFY(body.constData() < twoAnswers.constData()
                || body.constData() >= twoAnswers.constData() + twoAnswers.size());
        QCOMPARE(body.constData()[body.size()], '\0');
    }

    void keepAlive_followsVersionAndConnectionHeader_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("1.1 default") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n") << true;
        QTest::newRow("1.1 close") << QByteArray("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n")
                                   << false;
        QTest::newRow("1.1 close in list")
            << QByteArray("HTTP/1.1 200 OK\r\nConnection: upgrade, close\r\nContent-Length: 0\r\n\r\n") << false;
        QTest::newRow("1.0 default") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n") << false;
        QTest::newRow("1.0 keep-alive")
            << QByteArray("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n") << true;
    }
    void keepAlive_followsVersionAndConnectionHeader()
    {
        QFETCH(QByteArray, response);
        QFETCH(bool, keepAlive);
        HttpResponseParser parser;
        parser.reset();
        const Parsed r = drive(parser, { response });
        QVERIFY(!r.failed);
        QCOMPARE(parser.keepAlive(), keepAlive);
    }

    void bytesAfterCompleteResponse_areReportedAsBuffered()
    {
        HttpResponseParser parser;
        parser.reset();
        const Parsed r = drive(parser, { "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA" });
        QVERIFY(!r.failed);
        QCOMPARE(r.body, QByteArray("ok"));
        QCOMPARE(parser.bufferedBytes(), 5);
    }

    void reset_allowsNextResponse()
    {
        HttpResponseParser parser;
        parser.reset();
        QVERIFY(!drive(parser, { "HTTP/1.1 500 Oops\r\nContent-Length: 1\r\nX: 1\r\n\r\n!" }).failed);
        parser.reset();
        QVERIFY(!parser.hasStarted());
        const Parsed r = drive(parser, { "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok" });
        QVERIFY(!r.failed);
        QCOMPARE(parser.status(), 200);
        QVERIFY(parser.header("x").isNull());
        QCOMPARE(r.body, QByteArray("ok"));
    }

    void malformed_failsWithProtocolError_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<QString>("message");
        QTest::newRow("not http") << QByteArray("garbage\r\n\r\n") << u"did not answer with HTTP"_s;
        QTest::newRow("html") << QByteArray("<html>\n") << u"did not answer with HTTP"_s;
        QTest::newRow("short status") << QByteArray("HTTP/1.1 20 OK\r\n\r\n") << u"malformed status code"_s;
        QTest::newRow("glued reason") << QByteArray("HTTP/1.1 200OK\r\n\r\n") << u"malformed status code"_s;
        QTest::newRow("no version dot") << QByteArray("HTTP/11 200 OK\r\n\r\n") << u"malformed status line"_s;
        QTest::newRow("http 2") << QByteArray("HTTP/2.0 200 OK\r\n\r\n") << u"unsupported HTTP version"_s;
        QTest::newRow("status 099") << QByteArray("HTTP/1.1 099 Low\r\n\r\n") << u"invalid status code 99"_s;
        QTest::newRow("status 600") << QByteArray("HTTP/1.1 600 High\r\n\r\n") << u"invalid status code 600"_s;
        QTest::newRow("101") << QByteArray("HTTP/1.1 101 Switching\r\nUpgrade: h2c\r\n\r\n") << u"switched protocols"_s;
        QTest::newRow("no colon") << QByteArray("HTTP/1.1 200 OK\r\nBad Header\r\n\r\n") << u"malformed header line"_s;
        QTest::newRow("space in name") << QByteArray("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n") << u"invalid header name"_s;
        QTest::newRow("space before colon") << QByteArray("HTTP/1.1 200 OK\r\nName : x\r\n\r\n")
                                            << u"invalid header name"_s;
        QTest::newRow("empty name") << QByteArray("HTTP/1.1 200 OK\r\n: x\r\n\r\n") << u"malformed header line"_s;
        QTest::newRow("fold first") << QByteArray("HTTP/1.1 200 OK\r\n folded\r\n\r\n") << u"continuation line"_s;
        QTest::newRow("nul in value") << QByteArray("HTTP/1.1 200 OK\r\nX: a\0b\r\n\r\n", 27)
                                      << u"control character"_s;
        QTest::newRow("bare cr") << QByteArray("HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n") << u"control character"_s;
        QTest::newRow("cl letters") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n")
                                    << u"invalid Content-Length"_s;
        QTest::newRow("cl negative") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")
                                     << u"invalid Content-Length"_s;
        QTest::newRow("cl empty") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\n")
                                  << u"invalid Content-Length"_s;
        QTest::newRow("cl conflicting list") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\n")
                                             << u"invalid Content-Length"_s;
        QTest::newRow("cl conflicting headers")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n")
            << u"invalid Content-Length"_s;
        QTest::newRow("cl huge") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n")
                                 << u"invalid Content-Length"_s;
        QTest::newRow("te gzip") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n")
                                 << u"unsupported Transfer-Encoding \"gzip\""_s;
        QTest::newRow("te gzip chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
                                         << u"unsupported Transfer-Encoding"_s;
        QTest::newRow("te twice chunked")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n")
            << u"unsupported Transfer-Encoding"_s;
        QTest::newRow("te empty") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: \r\n\r\n")
                                  << u"empty Transfer-Encoding"_s;
        const QByteArray chunkedHead = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("chunk size not hex") << chunkedHead + "zz\r\nab\r\n" << u"malformed chunk size line"_s;
        QTest::newRow("chunk size empty") << chunkedHead + "\r\n" << u"malformed chunk size line"_s;
        QTest::newRow("chunk size junk") << chunkedHead + "5 x\r\nhello\r\n" << u"malformed chunk size line"_s;
        QTest::newRow("chunk too long") << chunkedHead + "3\r\nabcdef\r\n" << u"not followed by CRLF"_s;
        QTest::newRow("chunk cr junk") << chunkedHead + "3\r\nabc\rX" << u"not followed by CRLF"_s;
        QTest::newRow("chunk size huge") << chunkedHead + "1000000000000000\r\n" << u"too large"_s;
        QTest::newRow("bad trailer") << chunkedHead + "0\r\nno colon here\r\n\r\n" << u"malformed header line"_s;
    }
    void malformed_failsWithProtocolError()
    {
        QFETCH(QByteArray, response);
        QFETCH(QString, message);
        HttpResponseParser parser;
        parser.reset();
        const Parsed r = drive(parser, { response });
        QVERIFY2(r.failed, "malformed input was accepted");
        QCOMPARE(r.code, ErrorCode::UpstreamProtocol);
        QVERIFY2(r.error.contains(message), qPrintable(r.error));
        QVERIFY(!parser.keepAlive());
        // It stays failed.
        QByteArray body;
        QVERIFY(!parser.next(&body));
        parser.feed("HTTP/1.1 200 OK\r\n\r\n");
        QVERIFY(!parser.next(&body));
    }

    void headerBlock_limitIs64KiB()
    {
        const QByteArray statusLine = "HTTP/1.1 200 OK\r\n";
        const QByteArray prefix = "X-Big: ";
        // status line + "X-Big: " + value + CRLF + final CRLF == exactly 64 KiB: accepted.
        const qsizetype valueSize = 65536 - statusLine.size() - prefix.size() - 2 - 2;
        const QByteArray exact = statusLine + prefix + QByteArray(valueSize, 'a') + "\r\n\r\n";
        QCOMPARE(exact.size(), 65536);
        Parsed r = parseWhole(exact, false, true);
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(r.headerEvents, 1);
        const QByteArray over = statusLine + prefix + QByteArray(valueSize + 1, 'a') + "\r\n\r\n";
        r = parseWhole(over);
        QVERIFY(r.failed);
        QCOMPARE(r.code, ErrorCode::UpstreamProtocol);
        QVERIFY2(r.error.contains(u"64 KiB"_s), qPrintable(r.error));
    }

    void headerBlock_endlessLine_failsWithoutWaitingForNewline()
    {
        HttpResponseParser parser;
        parser.reset();
        QList<QByteArray> pieces { "HTTP/1.1 200 OK\r\nX-Big: " };
        for (int i = 0; i < 80; ++i)
            pieces.append(QByteArray(1024, 'a'));
        const Parsed r = drive(parser, pieces);
        QVERIFY(r.failed);
        QVERIFY2(r.error.contains(u"64 KiB"_s), qPrintable(r.error));
    }

    void chunkSizeLine_tooLong_fails()
    {
        const Parsed r = parseWhole("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;" + QByteArray(5000, 'x'));
        QVERIFY(r.failed);
        QVERIFY2(r.error.contains(u"4096"_s), qPrintable(r.error));
    }

    void trailers_limitIs64KiB()
    {
        const Parsed r = parseWhole("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: "
                                    + QByteArray(70000, 'a') + "\r\n\r\n");
        QVERIFY(r.failed);
        QVERIFY2(r.error.contains(u"trailers"_s), qPrintable(r.error));
    }

    void endOfStream_reportsWhereTheResponseBrokeOff_data()
    {
        QTest::addColumn<QByteArray>("received");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QByteArray() << u"without sending a response"_s;
        QTest::newRow("status line") << QByteArray("HTTP/1.1 20") << u"middle of the response headers"_s;
        QTest::newRow("headers") << QByteArray("HTTP/1.1 200 OK\r\nContent-") << u"middle of the response headers"_s;
        QTest::newRow("fixed body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello")
                                    << u"after 5 of 10 body bytes"_s;
        QTest::newRow("chunked body") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")
                                      << u"middle of a chunked body"_s;
        QTest::newRow("trailers") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n")
                                  << u"middle of a chunked body"_s;
    }
    void endOfStream_reportsWhereTheResponseBrokeOff()
    {
        QFETCH(QByteArray, received);
        QFETCH(QString, message);
        HttpResponseParser parser;
        parser.reset();
        const Parsed r = drive(parser, { received }, true);
        QVERIFY(r.failed);
        QCOMPARE(r.code, ErrorCode::UpstreamUnavailable);
        QVERIFY2(r.error.contains(message), qPrintable(r.error));
    }

    void endOfStream_afterCompleteResponse_isNotAnError()
    {
        HttpResponseParser parser;
        parser.reset();
        const Parsed r = drive(parser, { "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok" }, true);
        QVERIFY(!r.failed);
        QCOMPARE(r.completeEvents, 1);
    }

    void garbage_randomBytes_alwaysRejected()
    {
        QRandomGenerator rng(20260101);
        for (int round = 0; round < 3000; ++round) {
            QByteArray junk(1 + rng.bounded(400), Qt::Uninitialized);
            for (char &c : junk)
                c = char(rng.bounded(256));
            if (junk.startsWith('H') || junk.startsWith('\n') || junk.startsWith('\r'))
                junk[0] = 'x';
            QList<QByteArray> pieces;
            for (qsizetype at = 0; at < junk.size();) {
                const qsizetype n = 1 + rng.bounded(int(junk.size() - at));
                pieces.append(junk.mid(at, n));
                at += n;
            }
            HttpResponseParser parser;
            parser.reset();
            const Parsed r = drive(parser, pieces, true);
            QVERIFY(r.failed);
            QCOMPARE(r.headerEvents, 0);
            QCOMPARE(r.completeEvents, 0);
        }
    }

    void garbage_mutatedResponses_neverCrashOrOverread()
    {
        const QList<QByteArray> seeds { chunkedResponse,
                                        "HTTP/1.1 200 OK\r\nContent-Length: 11\r\nX-Y: z\r\n\r\nhello world",
                                        "HTTP/1.0 200 OK\r\n\r\nuntil close body" };
        QRandomGenerator rng(7);
        int parsedOk = 0;
        int rejected = 0;
        for (int round = 0; round < 5000; ++round) {
            QByteArray input = seeds.at(rng.bounded(int(seeds.size())));
            const int edits = 1 + rng.bounded(4);
            for (int e = 0; e < edits; ++e) {
                const int pos = rng.bounded(int(input.size()));
                switch (rng.bounded(3)) {
                case 0: input[pos] = char(rng.bounded(256)); break;
                case 1: input.remove(pos, 1); break;
                default: input.insert(pos, char(rng.bounded(256))); break;
                }
            }
            QList<QByteArray> pieces;
            for (qsizetype at = 0; at < input.size();) {
                const qsizetype n = 1 + rng.bounded(int(input.size() - at));
                pieces.append(input.mid(at, n));
                at += n;
            }
            HttpResponseParser parser;
            parser.reset();
            const Parsed r = drive(parser, pieces, true);
            QVERIFY(r.body.size() <= input.size());
            QVERIFY(r.completeEvents <= 1);
            QVERIFY(r.headerEvents <= 1);
            if (r.failed)
                ++rejected;
            else
                ++parsedOk;
        }
        // Both outcomes occur: the mutations hit the framing sometimes and only the payload other times.
        QVERIFY(parsedOk > 0);
        QVERIFY(rejected > 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
