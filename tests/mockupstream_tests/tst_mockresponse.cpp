// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/mockupstream/mockresponse.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

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

// The body of a recorded .http file: every byte after the first empty line (LF-only files).
QByteArray recordedBody(const QString &path)
{
    const QByteArray all = readFile(path);
    return all.mid(all.indexOf("\n\n") + 2);
}

} // namespace

class TestMockResponse final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixturesDir_pointsAtTheCopiedFixtures()
    {
        QVERIFY(QFile::exists(MockResponse::fixturesDir() + u"/README.md"_s));
        QCOMPARE(QDir(MockResponse::fixturesDir()).canonicalPath(),
            QDir(QStringLiteral(AIHUB_TEST_DATA_DIR) + u"/fixtures"_s).canonicalPath());
    }

    void fromHttpFile_openAiChat_keepsStatusHeadersAndBodyBytes()
    {
        const QString path = fixture(u"openai/chat-basic.response.http"_s);
        auto r = MockResponse::fromHttpFile(path);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->status(), 200);
        QCOMPARE(r->reason(), QByteArray("OK"));
        QCOMPARE(r->header("x-request-id"), QByteArray("req_ff7b0a8af7a14d1bbe00df50025271ca"));
        QCOMPARE(r->header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r->headers().size(), 20);
        QCOMPARE(r->body(), recordedBody(path));
        QVERIFY(!r->body().endsWith('\n')); // stored without a final newline; must stay so
        QCOMPARE(r->framing(), MockResponse::Framing::ContentLength);
    }

    void fromHttpFile_recordedFramingHeaders_areDropped()
    {
        // Recorded with content-length: 136 AND transfer-encoding: chunked around a 145-byte body.
        const QString path = fixture(u"anthropic/error-404-not-found.http"_s);
        auto r = MockResponse::fromHttpFile(path);
        QVERIFY(r);
        QCOMPARE(r->status(), 404);
        QCOMPARE(r->reason(), QByteArray("Not Found"));
        QVERIFY(r->header("content-length").isEmpty());
        QVERIFY(r->header("transfer-encoding").isEmpty());
        QVERIFY(r->header("connection").isEmpty());
        QCOMPARE(r->header("strict-transport-security"),
            QByteArray("max-age=31536000; includeSubDomains; preload"));
        QCOMPARE(r->body(), recordedBody(path));
        QCOMPARE(r->body().size(), 145);
    }

    void fromHttpFile_repeatedHeaders_allKept()
    {
        auto r = MockResponse::fromHttpFile(fixture(u"gemini/error-404-model-not-found.http"_s));
        QVERIFY(r);
        int vary = 0;
        for (const auto &h : r->headers())
            vary += h.first == "vary" ? 1 : 0;
        QCOMPARE(vary, 3);
    }

    void fromHttpFile_everyFixture_loads_data()
    {
        QTest::addColumn<QString>("path");
        QDirIterator it(fixture(QString()), { u"*.http"_s }, QDir::Files, QDirIterator::Subdirectories);
        int n = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(QDir(fixture(QString())).relativeFilePath(path))) << path;
            ++n;
        }
        QVERIFY(n >= 20);
    }
    void fromHttpFile_everyFixture_loads()
    {
        QFETCH(QString, path);
        auto r = MockResponse::fromHttpFile(path);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QVERIFY(r->status() >= 200 && r->status() < 600);
        QCOMPARE(r->body(), recordedBody(path));
    }

    void fromHttpFile_missingFile_reportsNotFound()
    {
        auto r = MockResponse::fromHttpFile(fixture(u"openai/no-such-file.http"_s));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NotFound);
        QVERIFY(r.error().message.contains(u"no-such-file.http"_s));
    }

    void fromHttpFile_malformed_reportsInvalidArgument_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("no blank line") << QByteArray("HTTP/1.1 200 OK\nContent-Type: x\n");
        QTest::newRow("not a status line") << QByteArray("hello world\n\nbody");
        QTest::newRow("status not a number") << QByteArray("HTTP/1.1 OK\n\nbody");
        QTest::newRow("header without colon") << QByteArray("HTTP/1.1 200 OK\nbroken header\n\nbody");
        QTest::newRow("empty file") << QByteArray();
    }
    void fromHttpFile_malformed_reportsInvalidArgument()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bad.http"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        auto r = MockResponse::fromHttpFile(path);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    }

    void fromHttpFile_statusLineWithoutReason_getsStandardReason()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"x.http"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("HTTP/2 429\nretry-after: 3\n\n{}");
        f.close();
        auto r = MockResponse::fromHttpFile(path);
        QVERIFY(r);
        QCOMPARE(r->status(), 429);
        QCOMPARE(r->reason(), QByteArray("Too Many Requests"));
        QCOMPARE(r->body(), QByteArray("{}"));
    }

    void splitSseEvents_everyFixture_joinsBackExactly_data()
    {
        QTest::addColumn<QString>("path");
        QDirIterator it(fixture(QString()), { u"*.sse"_s }, QDir::Files, QDirIterator::Subdirectories);
        int n = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(QDir(fixture(QString())).relativeFilePath(path))) << path;
            ++n;
        }
        QVERIFY(n >= 20);
    }
    void splitSseEvents_everyFixture_joinsBackExactly()
    {
        QFETCH(QString, path);
        const QByteArray bytes = readFile(path);
        const QList<QByteArray> events = MockResponse::splitSseEvents(bytes);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.join(), bytes);
        const QByteArray separator = bytes.contains("\r\n") ? QByteArray("\r\n\r\n") : QByteArray("\n\n");
        // Every event but possibly the last ends with exactly one blank line and contains no other.
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QByteArray &e = events.at(i);
            if (i + 1 < events.size() || e.endsWith(separator)) {
                QVERIFY2(e.endsWith(separator), qPrintable(QString::number(i)));
                QCOMPARE(e.count(separator), 1);
            } else {
                QCOMPARE(e.count(separator), 0);
            }
        }
        QCOMPARE(events.size(), bytes.count(separator) + (bytes.endsWith(separator) ? 0 : 1));
    }

    void splitSseEvents_geminiCrlf_keepsCrlfPerEvent()
    {
        const QByteArray bytes = readFile(fixture(u"gemini/streamGenerateContent-text.response.sse"_s));
        const QList<QByteArray> events = MockResponse::splitSseEvents(bytes);
        QCOMPARE(events.size(), 3);
        for (const QByteArray &e : events) {
            QVERIFY(e.startsWith("data: {"));
            QVERIFY(e.endsWith("}\r\n\r\n"));
        }
    }

    void splitSseEvents_lastEventWithoutBlankLine_isKept()
    {
        const QByteArray bytes = readFile(fixture(u"anthropic/messages-stream-basic.sse"_s));
        const QList<QByteArray> events = MockResponse::splitSseEvents(bytes);
        QCOMPARE(events.size(), 9);
        QCOMPARE(events.last(), QByteArray("event: message_stop\ndata: {\"type\":\"message_stop\"}"));
    }

    void splitSseEvents_mixedLineEndings_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QByteArray>>("expected");
        QTest::newRow("lf") << QByteArray("data: a\n\ndata: b\n\n")
                            << QList<QByteArray> { "data: a\n\n", "data: b\n\n" };
        QTest::newRow("crlf") << QByteArray("data: a\r\n\r\n: ping\r\n\r\n")
                              << QList<QByteArray> { "data: a\r\n\r\n", ": ping\r\n\r\n" };
        QTest::newRow("cr only") << QByteArray("data: a\r\rdata: b\r\r")
                                 << QList<QByteArray> { "data: a\r\r", "data: b\r\r" };
        QTest::newRow("multi-line event")
            << QByteArray("event: x\ndata: 1\ndata: 2\n\ndata: 3")
            << QList<QByteArray> { "event: x\ndata: 1\ndata: 2\n\n", "data: 3" };
        QTest::newRow("leading blank lines join the next event")
            << QByteArray("\n\ndata: a\n\n") << QList<QByteArray> { "\n\ndata: a\n\n" };
        QTest::newRow("empty") << QByteArray() << QList<QByteArray> {};
    }
    void splitSseEvents_mixedLineEndings()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QByteArray>, expected);
        QCOMPARE(MockResponse::splitSseEvents(input), expected);
    }

    void fromSseFile_servesChunkedEventStream()
    {
        const QString path = fixture(u"openai/chat-stream-include-usage.response.sse"_s);
        auto r = MockResponse::fromSseFile(path, 200);
        QVERIFY(r);
        QCOMPARE(r->header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(r->framing(), MockResponse::Framing::Chunked);
        QCOMPARE(r->chunks().size(), 4);
        QCOMPARE(r->chunks().last(), QByteArray("data: [DONE]\n\n"));
        QCOMPARE(r->body(), readFile(path));
    }

    void fromNdjsonFile_oneChunkPerLine()
    {
        const QString path = fixture(u"ollama/api-chat-stream.ndjson"_s);
        const QByteArray bytes = readFile(path);
        auto r = MockResponse::fromNdjsonFile(path);
        QVERIFY(r);
        QCOMPARE(r->header("content-type"), QByteArray("application/x-ndjson"));
        QCOMPARE(r->chunks().size(), bytes.count('\n'));
        for (const QByteArray &line : r->chunks()) {
            QVERIFY(line.endsWith("}\n"));
            QCOMPARE(line.count('\n'), 1);
        }
        QCOMPARE(r->body(), bytes);
    }

    void splitLines_lastLineWithoutNewline_isKept()
    {
        QCOMPARE(MockResponse::splitLines("{\"a\":1}\n{\"b\":2}"),
            (QList<QByteArray> { "{\"a\":1}\n", "{\"b\":2}" }));
    }

    void fromEventStreamFile_bedrock_framesMatchTheDecodedCapture_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("text") << u"converse-stream-text"_s;
        QTest::newRow("reasoning") << u"converse-stream-reasoning"_s;
        QTest::newRow("tool-use") << u"converse-stream-tool-use"_s;
    }
    void fromEventStreamFile_bedrock_framesMatchTheDecodedCapture()
    {
        QFETCH(QString, name);
        const QString base = fixture(u"bedrock/"_s + name);
        const QByteArray raw = QByteArray::fromHex(readFile(base + u".response.hex"_s).trimmed());
        const int frames = int(readFile(base + u".response.decoded.jsonl"_s).trimmed().count('\n') + 1);
        auto fromB64 = MockResponse::fromEventStreamFile(base + u".response.b64"_s);
        auto fromHex = MockResponse::fromEventStreamFile(base + u".response.hex"_s);
        QVERIFY2(fromB64, qPrintable(fromB64 ? QString() : fromB64.error().message));
        QVERIFY(fromHex);
        QCOMPARE(fromB64->body(), raw);
        QCOMPARE(fromHex->chunks(), fromB64->chunks());
        QCOMPARE(fromB64->chunks().size(), frames);
        QCOMPARE(fromB64->header("content-type"), QByteArray("application/vnd.amazon.eventstream"));
    }

    void splitEventStreamFrames_truncated_reportsError()
    {
        const QByteArray raw = QByteArray::fromHex(
            readFile(fixture(u"bedrock/converse-stream-text.response.hex"_s)).trimmed());
        QVERIFY(MockResponse::splitEventStreamFrames(raw));
        auto cut = MockResponse::splitEventStreamFrames(raw.chopped(5));
        QVERIFY(!cut);
        QCOMPARE(cut.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!MockResponse::splitEventStreamFrames(QByteArray("\x00\x00\x00\x05garbage-bytes", 17)));
    }

    void fromEventStreamFile_wrongSuffix_reportsInvalidArgument()
    {
        auto r = MockResponse::fromEventStreamFile(fixture(u"bedrock/converse.request.json"_s));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    }

    void fromFixture_picksTheLoaderBySuffix()
    {
        auto http = MockResponse::fromFixture(u"deepseek/chat-reasoner.response.http"_s);
        QVERIFY(http);
        QCOMPARE(http->framing(), MockResponse::Framing::ContentLength);
        auto sse = MockResponse::fromFixture(u"deepseek/chat-stream-reasoner.response.sse"_s);
        QVERIFY(sse);
        QCOMPARE(sse->header("content-type"), QByteArray("text/event-stream"));
        auto ndjson = MockResponse::fromFixture(u"ollama/api-chat-stream-tools.ndjson"_s);
        QVERIFY(ndjson);
        QCOMPARE(ndjson->header("content-type"), QByteArray("application/x-ndjson"));
        auto json = MockResponse::fromFixture(u"xai/chat-grok-3.response.json"_s);
        QVERIFY(json);
        QCOMPARE(json->header("content-type"), QByteArray("application/json"));
        QCOMPARE(json->body(), readFile(fixture(u"xai/chat-grok-3.response.json"_s)));
        auto unknown = MockResponse::fromFixture(u"openai/README.md"_s);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::InvalidArgument);
    }

    void builders_framingHeadersAndEmptyChunks_areIgnored()
    {
        MockResponse r = MockResponse::json(201, "{}");
        r.setHeader("Content-Length", "999").addHeader("Transfer-Encoding", "chunked").addHeader("X-A", "1");
        QCOMPARE(r.headers().size(), 2); // Content-Type and X-A
        QCOMPARE(r.reason(), QByteArray("Created"));
        r.setChunks({ "a", "", "b" });
        QCOMPARE(r.chunks(), (QList<QByteArray> { "a", "b" }));
        r.setHeader("x-a", "2");
        QCOMPARE(r.header("X-A"), QByteArray("2"));
        r.removeHeader("X-A");
        QVERIFY(r.header("X-A").isEmpty());
    }

    void faults_recordTheirParameters()
    {
        MockResponse r;
        QCOMPARE(r.fault(), MockResponse::Fault::None);
        r.closeAfterChunks(2);
        QCOMPARE(r.fault(), MockResponse::Fault::Close);
        QCOMPARE(r.faultAfterChunks(), 2);
        r.hangAfterChunks(1, 300);
        QCOMPARE(r.fault(), MockResponse::Fault::Hang);
        QCOMPARE(r.hangResumeAfterMs(), 300);
        r.resetAfterChunks(-4);
        QCOMPARE(r.fault(), MockResponse::Fault::Reset);
        QCOMPARE(r.faultAfterChunks(), 0);
        r.neverRespond();
        QCOMPARE(r.fault(), MockResponse::Fault::NeverRespond);
    }
};

QTEST_GUILESS_MAIN(TestMockResponse)
#include "tst_mockresponse.moc"
