// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/bedrock/crc32.h"
#include "core/providers/bedrock/eventstreamdecoder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Providers;
using namespace Qt::StringLiterals;

namespace {
const QString kVectors = QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/bedrock/eventstream-vectors");
const QString kBedrock = QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/bedrock");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QByteArray hexFile(const QString &path) { return QByteArray::fromHex(readFile(path).trimmed()); }

QList<QByteArray> randomSplit(const QByteArray &bytes, quint32 seed)
{
    QRandomGenerator rng(seed);
    QList<QByteArray> pieces;
    for (qsizetype pos = 0; pos < bytes.size();) {
        const qsizetype n = qMin<qsizetype>(bytes.size() - pos, 1 + rng.bounded(17));
        pieces.append(bytes.mid(pos, n));
        pos += n;
    }
    return pieces;
}

void compareHeader(const EventStreamHeader &h, const QJsonObject &want)
{
    QCOMPARE(QString::fromLatin1(h.name), want.value(u"name"_s).toString());
    const int type = want.value(u"type"_s).toInt();
    QCOMPARE(int(h.type), type);
    const QJsonValue v = want.value(u"value"_s);
    switch (type) {
    case 0:
    case 1:
        QCOMPARE(h.boolValue, v.toBool());
        break;
    case 6:
    case 7:
    case 9:
        QCOMPARE(h.bytesValue, QByteArray::fromBase64(v.toString().toLatin1()));
        break;
    default:
        QCOMPARE(h.intValue, qint64(v.toDouble()));
        break;
    }
}
} // namespace

class TestEventStreamDecoder final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void crc32_knownValue() { QCOMPARE(Crc32::compute("123456789"), 0xCBF43926u); }

    void crc32_incremental_equalsWhole()
    {
        QCOMPARE(Crc32::compute("6789", Crc32::compute("12345")), Crc32::compute("123456789"));
    }

    void positiveVectors_decodeAsExpected_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList files = QDir(kVectors + u"/positive"_s).entryList({ u"*.hex"_s }, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 5);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f.chopped(4);
    }

    void positiveVectors_decodeAsExpected()
    {
        QFETCH(QString, name);
        const QByteArray bytes = hexFile(kVectors + u"/positive/"_s + name + u".hex"_s);
        const QJsonObject want
            = QJsonDocument::fromJson(readFile(kVectors + u"/positive/"_s + name + u".decoded.json"_s)).object();
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!want.isEmpty());

        for (const quint32 seed : { 0u, 1u, 2u, 3u }) {
            EventStreamDecoder decoder;
            QList<EventStreamMessage> out;
            const QList<QByteArray> pieces = seed == 0 ? QList<QByteArray> { bytes } : randomSplit(bytes, seed);
            for (const QByteArray &piece : pieces)
                QVERIFY(decoder.feed(piece, out).has_value());
            QCOMPARE(out.size(), 1);
            QVERIFY(!decoder.hasPendingBytes());
            const EventStreamMessage &m = out.constFirst();
            QCOMPARE(qint64(m.totalLength), want.value(u"total_length"_s).toInteger());
            QCOMPARE(qint64(m.headersLength), want.value(u"headers_length"_s).toInteger());
            QCOMPARE(qint32(m.preludeCrc), qint32(want.value(u"prelude_crc"_s).toInteger()));
            QCOMPARE(qint32(m.messageCrc), qint32(want.value(u"message_crc"_s).toInteger()));
            QCOMPARE(m.payload, QByteArray::fromBase64(want.value(u"payload"_s).toString().toLatin1()));
            const QJsonArray headers = want.value(u"headers"_s).toArray();
            QCOMPARE(m.headers.size(), headers.size());
            for (qsizetype i = 0; i < headers.size(); ++i) {
                compareHeader(m.headers[i], headers[i].toObject());
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    void negativeVectors_failWithExpectedError_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList files = QDir(kVectors + u"/negative"_s).entryList({ u"*.hex"_s }, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 4);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f.chopped(4);
    }

    void negativeVectors_failWithExpectedError()
    {
        QFETCH(QString, name);
        const QByteArray bytes = hexFile(kVectors + u"/negative/"_s + name + u".hex"_s);
        const QString expected = QString::fromUtf8(readFile(kVectors + u"/negative/"_s + name + u".decoded.txt"_s)).trimmed();
        QVERIFY(!expected.isEmpty());
        for (const quint32 seed : { 0u, 5u, 6u }) {
            EventStreamDecoder decoder;
            QList<EventStreamMessage> out;
            const QList<QByteArray> pieces = seed == 0 ? QList<QByteArray> { bytes } : randomSplit(bytes, seed);
            Status status;
            for (const QByteArray &piece : pieces) {
                status = decoder.feed(piece, out);
                if (!status)
                    break;
            }
            QVERIFY(!status.has_value());
            QCOMPARE(status.error().code, ErrorCode::UpstreamProtocol);
            QVERIFY2(status.error().message.contains(expected), qPrintable(status.error().message));
            QVERIFY(out.isEmpty());
            // The framing cannot be resynchronised: the decoder stays failed.
            QVERIFY(decoder.failed());
            QVERIFY(!decoder.feed(hexFile(kVectors + u"/positive/empty_message.hex"_s), out).has_value());
            QVERIFY(out.isEmpty());
        }
    }

    void bedrockCapture_decodesEveryFrame_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("text") << u"converse-stream-text"_s;
        QTest::newRow("tool-use") << u"converse-stream-tool-use"_s;
        QTest::newRow("reasoning") << u"converse-stream-reasoning"_s;
    }

    void bedrockCapture_decodesEveryFrame()
    {
        QFETCH(QString, name);
        const QByteArray bytes = QByteArray::fromBase64(readFile(kBedrock + u'/' + name + u".response.b64"_s));
        QCOMPARE(bytes, hexFile(kBedrock + u'/' + name + u".response.hex"_s));
        const QList<QByteArray> lines = readFile(kBedrock + u'/' + name + u".response.decoded.jsonl"_s).trimmed().split('\n');
        EventStreamDecoder decoder;
        QList<EventStreamMessage> out;
        for (const QByteArray &piece : randomSplit(bytes, 42))
            QVERIFY(decoder.feed(piece, out).has_value());
        QCOMPARE(out.size(), lines.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QJsonObject want = QJsonDocument::fromJson(lines[i]).object();
            const QJsonObject headers = want.value(u"headers"_s).toObject();
            QCOMPARE(out[i].headers.size(), headers.size());
            for (auto it = headers.begin(); it != headers.end(); ++it)
                QCOMPARE(QString::fromUtf8(out[i].stringHeader(it.key().toUtf8())), it.value().toString());
            QCOMPARE(QString::fromUtf8(out[i].payload), want.value(u"payload"_s).toString());
        }
    }

    void truncatedMessage_leavesPendingBytes()
    {
        const QByteArray bytes = hexFile(kVectors + u"/positive/all_headers.hex"_s);
        EventStreamDecoder decoder;
        QList<EventStreamMessage> out;
        QVERIFY(decoder.feed(bytes.left(bytes.size() - 1), out).has_value());
        QVERIFY(out.isEmpty());
        QVERIFY(decoder.hasPendingBytes());
    }

    void twoMessagesInOneFeed_bothDecoded()
    {
        const QByteArray a = hexFile(kVectors + u"/positive/int32_header.hex"_s);
        const QByteArray b = hexFile(kVectors + u"/positive/payload_no_headers.hex"_s);
        EventStreamDecoder decoder;
        QList<EventStreamMessage> out;
        QVERIFY(decoder.feed(QByteArray(a + b), out).has_value());
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[0].headers.size(), 1);
        QCOMPARE(out[1].headers.size(), 0);
    }

    void headerRunningPastHeaders_isRejected()
    {
        // A well-checksummed message whose header claims a longer string than the headers block holds.
        QByteArray headers = QByteArrayLiteral("\x01" "a" "\x07" "\x00\x10" "ab");
        QByteArray msg;
        const quint32 total = 16 + quint32(headers.size());
        auto be = [](quint32 v) {
            QByteArray b(4, 0);
            b[0] = char(v >> 24);
            b[1] = char(v >> 16);
            b[2] = char(v >> 8);
            b[3] = char(v);
            return b;
        };
        msg += be(total) + be(quint32(headers.size()));
        msg += be(Crc32::compute(msg));
        msg += headers;
        msg += be(Crc32::compute(msg));
        const auto decoded = EventStreamDecoder::decodeMessage(msg);
        QVERIFY(!decoded.has_value());
        QCOMPARE(decoded.error().code, ErrorCode::UpstreamProtocol);
        QVERIFY(decoded.error().message.contains(u"runs past"_s));
    }

    void absurdLength_withValidPreludeCrc_isRejected()
    {
        QByteArray msg = QByteArray::fromHex("7fffffff00000000");
        const quint32 crc = Crc32::compute(msg);
        msg += char(crc >> 24);
        msg += char(crc >> 16);
        msg += char(crc >> 8);
        msg += char(crc);
        EventStreamDecoder decoder;
        QList<EventStreamMessage> out;
        const Status s = decoder.feed(msg, out);
        QVERIFY(!s.has_value());
        QVERIFY(s.error().message.contains(u"out of range"_s));
    }
};

QTEST_GUILESS_MAIN(TestEventStreamDecoder)
#include "tst_eventstreamdecoder.moc"
