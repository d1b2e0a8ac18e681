// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
//
// HttpResponseParser (made cheap: one header block per response, no copy per header) against the parser it
// replaced (tests/core/net/referenceresponseparser.*, kept verbatim): the same bytes, split the same way, must
// give the same events, body bytes, status, headers, trailers, framing, keep-alive and error messages.
#include "core/net/httpresponseparser.h"
#include "tests/core/net/referenceresponseparser.h"
#include "tests/mockupstream/mockresponse.h"
#include "tests/mockupstream/preparedresponse.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Net;
using namespace AiHub::Testing;
using namespace Qt::StringLiterals;

namespace {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Everything observable about one run, as text lines, so a difference prints where the two parted.
template<typename Parser>
QStringList run(const QList<QByteArray> &pieces, bool head, bool endOfStream)
{
    Parser parser;
    parser.reset(head);
    QStringList log;
    const auto describeHeaders = [](const HeaderList &headers) {
        QString out;
        for (const auto &h : headers) {
            out += QString::fromLatin1(h.first.toHex()) + u'=' + QString::fromLatin1(h.second.toHex()) + u' ';
            if (h.first.isNull() || h.second.isNull())
                out += u"(null) "_s;
        }
        return out;
    };
    const auto state = [&](const char *what) {
        log.append(QString::fromLatin1(what) + u" status=%1 reason=%2 minor=%3 framing=%4 length=%5 keepAlive=%6"
                                                  u" complete=%7 headersComplete=%8 buffered=%9 started=%10"_s
                                                      .arg(parser.status())
                                                      .arg(QString::fromLatin1(parser.reasonPhrase().toHex()))
                                                      .arg(parser.httpMinorVersion())
                                                      .arg(int(parser.framing()))
                                                      .arg(parser.contentLength())
                                                      .arg(parser.keepAlive())
                                                      .arg(parser.isComplete())
                                                      .arg(parser.headersComplete())
                                                      .arg(parser.bufferedBytes())
                                                      .arg(parser.hasStarted()));
    };
    const auto pump = [&]() -> bool {
        QByteArray body;
        for (int guard = 0; guard < 100000; ++guard) {
            const auto event = parser.next(&body);
            if (!event) {
                log.append(u"error %1 %2"_s.arg(int(event.error().code)).arg(event.error().message));
                state("failed");
                return false;
            }
            switch (*event) {
            case Parser::Event::NeedMoreData:
                log.append(u"need more"_s);
                return true;
            case Parser::Event::HeadersComplete:
                state("headers");
                log.append(u"headers "_s + describeHeaders(parser.headers()));
                log.append(u"content-type "_s + QString::fromLatin1(parser.header("CONTENT-TYPE").toHex())
                           + (parser.header("content-type").isNull() ? u" null"_s : QString()));
                log.append(u"set-cookie count %1"_s.arg(parser.headerValues("set-cookie").size()));
                break;
            case Parser::Event::BodyData:
                log.append(u"body "_s + QString::fromLatin1(body.toHex()));
                break;
            case Parser::Event::MessageComplete:
                state("complete");
                log.append(u"trailers "_s + describeHeaders(parser.trailers()));
                break;
            }
        }
        log.append(u"did not settle"_s);
        return false;
    };
    for (const QByteArray &piece : pieces) {
        parser.feed(piece);
        if (!pump())
            return log;
    }
    if (endOfStream) {
        const auto end = parser.finishInput();
        if (!end)
            log.append(u"end error %1 %2"_s.arg(int(end.error().code)).arg(end.error().message));
        else
            log.append(u"end event %1"_s.arg(int(*end)));
        state("ended");
    }
    return log;
}

// Both parsers on the same pieces; on a difference, the first line where they part.
bool same(const QList<QByteArray> &pieces, bool head, bool endOfStream, QString *why)
{
    const QStringList expected = run<ReferenceResponseParser>(pieces, head, endOfStream);
    const QStringList actual = run<HttpResponseParser>(pieces, head, endOfStream);
    if (expected == actual)
        return true;
    for (qsizetype i = 0; i < std::max(expected.size(), actual.size()); ++i) {
        if (expected.value(i) != actual.value(i)) {
            *why = u"line %1:\n  reference: %2\n  new:       %3"_s.arg(i).arg(expected.value(i), actual.value(i));
            break;
        }
    }
    return false;
}

// The same pieces as arrays that only point at the bytes (QByteArray::fromRawData): no storage of their own and
// no NUL after them. `pieces` must outlive the result.
QList<QByteArray> asRawData(const QList<QByteArray> &pieces)
{
    QList<QByteArray> raw;
    for (const QByteArray &piece : pieces)
        raw.append(QByteArray::fromRawData(piece.constData(), piece.size()));
    return raw;
}

QList<QByteArray> splitAt(const QByteArray &wire, const QList<qsizetype> &cuts)
{
    QList<QByteArray> pieces;
    qsizetype at = 0;
    for (const qsizetype cut : cuts) {
        pieces.append(wire.mid(at, cut - at));
        at = cut;
    }
    pieces.append(wire.mid(at));
    return pieces;
}

QList<QByteArray> randomPieces(const QByteArray &wire, QRandomGenerator &rng)
{
    QList<QByteArray> pieces;
    for (qsizetype at = 0; at < wire.size();) {
        const qsizetype n = 1 + rng.bounded(int(std::min<qsizetype>(wire.size() - at, 64)));
        pieces.append(wire.mid(at, n));
        at += n;
    }
    return pieces;
}

// Every recorded provider answer, as the mock puts it on the wire (Content-Length or chunked).
QList<QPair<QString, QByteArray>> fixtureWires()
{
    QList<QPair<QString, QByteArray>> wires;
    const QString root = QStringLiteral(AIHUB_TEST_DATA_DIR) + u"/fixtures/"_s;
    QDirIterator it(root, { u"*.http"_s, u"*.sse"_s, u"*.ndjson"_s }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next().mid(root.size());
        const Result<MockResponse> response = MockResponse::fromFixture(path);
        if (!response)
            continue;
        wires.append({ path, PreparedResponse::prepare(*response)->wholeKeepAlive });
    }
    std::sort(wires.begin(), wires.end());
    return wires;
}

// Hand-written answers that reach every branch of the header and framing code.
QList<QByteArray> edgeCases()
{
    return {
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
        "HTTP/1.1 201 Created\r\nX-A: 1\r\nX-B:2\r\nX-C:\t 3 \t\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nX-Folded: first\r\n   second\r\n\tthird\r\n"
        "X-Empty:\r\nX-Empty-Then-Fold:\r\n more\r\nX-Fold-Blank: v\r\n   \r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n0\r\nX-T: done\r\n"
        " folded\r\nX-U: 2\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTRANSFER-ENCODING: Chunked\r\nCONNECTION: Keep-Alive, Close\r\n\r\n0\r\n\r\n",
        "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok",
        "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok",
        "HTTP/1.1 200 Fine thanks\r\nConnection: close\r\n\r\nuntil close",
        "HTTP/1.1 200\r\nContent-Length: 1\r\n\r\nx",
        "HTTP/1.1 200 \r\nContent-Length: 1\r\n\r\nx",
        "\r\n\r\nHTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n",
        "HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n",
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\n"
        "Content-Length: 2\r\n\r\nok",
        "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\n folded-first\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhello",
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\ncontent-length: 5\r\n\r\nhelloEXTRA",
        "HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello",
        "HTTP/1.1 200 OK\r\nContent-Length: ,\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1234567890123456789\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: ,\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n",
        QByteArray("HTTP/1.1 200 OK\r\nX: a\0b\r\n\r\n", 27),
        QByteArray("HTTP/1.1 200 OK\r\nX\0Y: b\r\n\r\n", 27),
        "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nName : x\r\n\r\n",
        "HTTP/1.1 200 OK\r\n: x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
        "HTTP/1.1 200 OK\r\n x: folded with colon\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX-Colons: a:b:c\r\nX-Utf8: caf\xc3\xa9\r\nX-Obs: \x80\xff\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\n!#$%&'*+-.^_`|~09azAZ: token\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX(: 1\r\n\r\n",
        "HTTP/1.1 101 Switching\r\nUpgrade: h2c\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nno colon\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n bad fold\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n",
        "garbage\r\n\r\n",
    };
}

} // namespace

class TestResponseParserEquivalence final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recordedAnswers_wholeAndSplitAnywhere_sameAsReference()
    {
        const auto wires = fixtureWires();
        QVERIFY2(wires.size() >= 30, qPrintable(u"only %1 fixtures loaded"_s.arg(wires.size())));
        QRandomGenerator rng(2026);
        for (const auto &[path, wire] : wires) {
            QString why;
            QVERIFY2(same({ wire }, false, true, &why), qPrintable(path + u": "_s + why));
            const QList<QByteArray> whole { wire };
            QVERIFY2(same(asRawData(whole), false, true, &why), qPrintable(path + u" (raw data): "_s + why));
            // Two pieces, cut at every offset through the head and the start of the body.
            const qsizetype headEnd = wire.indexOf("\r\n\r\n") + 4;
            for (qsizetype cut = 0; cut <= std::min(wire.size(), headEnd + 64); ++cut)
                QVERIFY2(same(splitAt(wire, { cut }), false, true, &why),
                         qPrintable(path + u" cut at %1: "_s.arg(cut) + why));
            for (int round = 0; round < 20; ++round)
                QVERIFY2(same(randomPieces(wire, rng), false, true, &why), qPrintable(path + u": "_s + why));
            // Two answers back to back in one read, as on a connection that pipelines nothing but must not lose
            // what follows.
            QVERIFY2(same({ wire + wire }, false, false, &why), qPrintable(path + u" twice: "_s + why));
        }
    }

    void edgeCases_everySplit_headAndNot_sameAsReference()
    {
        for (const QByteArray &wire : edgeCases()) {
            for (const bool head : { false, true }) {
                QString why;
                QVERIFY2(same({ wire }, head, true, &why), qPrintable(QString::fromLatin1(wire.toHex()) + why));
                for (qsizetype i = 0; i <= wire.size(); ++i) {
                    for (qsizetype j = i; j <= wire.size(); j += 3) {
                        QVERIFY2(same(splitAt(wire, { i, j }), head, true, &why),
                                 qPrintable(u"cuts %1,%2 of %3: "_s.arg(i).arg(j).arg(QString::fromLatin1(wire))
                                            + why));
                    }
                }
            }
            // One byte per read.
            QList<QByteArray> bytes;
            for (const char c : wire)
                bytes.append(QByteArray(1, c));
            QString why;
            QVERIFY2(same(bytes, false, true, &why), qPrintable(why));
        }
    }

    void mutatedAnswers_sameAsReference()
    {
        QList<QByteArray> seeds = edgeCases();
        for (const auto &[path, wire] : fixtureWires())
            seeds.append(wire.left(2048));
        // Bytes that matter to the header and framing code, more often than chance would pick them.
        static constexpr char special[] = { ' ', '\t', ':', '\r', '\n', '\0', ',', ';', '0', 'a', 'F', '\x80' };
        QRandomGenerator rng(99);
        int failedBoth = 0;
        int parsedBoth = 0;
        for (int round = 0; round < 20000; ++round) {
            QByteArray input = seeds.at(rng.bounded(int(seeds.size())));
            const int edits = 1 + rng.bounded(4);
            for (int e = 0; e < edits && !input.isEmpty(); ++e) {
                const int pos = rng.bounded(int(input.size()));
                const char c = rng.bounded(2) ? special[rng.bounded(int(sizeof(special)))] : char(rng.bounded(256));
                switch (rng.bounded(3)) {
                case 0: input[pos] = c; break;
                case 1: input.remove(pos, 1); break;
                default: input.insert(pos, c); break;
                }
            }
            const bool head = rng.bounded(8) == 0;
            const auto owned = rng.bounded(2) ? QList<QByteArray> { input } : randomPieces(input, rng);
            const auto pieces = rng.bounded(4) == 0 ? asRawData(owned) : owned;
            QString why;
            QVERIFY2(same(pieces, head, true, &why),
                     qPrintable(u"round %1, input %2: "_s.arg(round).arg(QString::fromLatin1(input.toHex())) + why));
            const QStringList log = run<HttpResponseParser>(pieces, head, true);
            if (log.filter(u"error"_s).isEmpty())
                ++parsedBoth;
            else
                ++failedBoth;
        }
        // The mutations reach both outcomes.
        QVERIFY(parsedBoth > 1000);
        QVERIFY(failedBoth > 1000);
    }
};

QTEST_GUILESS_MAIN(TestResponseParserEquivalence)
#include "tst_responseparserequivalence.moc"
