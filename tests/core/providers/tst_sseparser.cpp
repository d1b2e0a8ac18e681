// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/sseparser.h"

#include <QTest>

using AiHub::Providers::SseParser;

class TestSseParser final : public QObject {
    Q_OBJECT

    static QList<SseParser::Event> parseInPieces(const QByteArray &stream, int pieceSize)
    {
        SseParser parser;
        QList<SseParser::Event> events;
        auto sink = [&events](const SseParser::Event &e) { events.append(e); };
        for (qsizetype i = 0; i < stream.size(); i += pieceSize)
            parser.feed(stream.mid(i, pieceSize), sink);
        parser.finish(sink);
        return events;
    }

private Q_SLOTS:
    void parse_everySplitAndLineEnding_givesSameEvents_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("LF") << QByteArray("data: one\n\n: comment\n\nevent: error\ndata: {\"a\":1}\n\ndata: [DONE]\n\n");
        QTest::newRow("CRLF") << QByteArray("data: one\r\n\r\n: comment\r\n\r\nevent: error\r\ndata: {\"a\":1}\r\n\r\n"
                                            "data: [DONE]\r\n\r\n");
        QTest::newRow("CR") << QByteArray("data: one\r\r: comment\r\revent: error\rdata: {\"a\":1}\r\rdata: [DONE]\r\r");
    }
    void parse_everySplitAndLineEnding_givesSameEvents()
    {
        QFETCH(QByteArray, stream);
        for (int piece = 1; piece <= stream.size(); ++piece) {
            const auto events = parseInPieces(stream, piece);
            QCOMPARE(events.size(), 3);
            QCOMPARE(events[0].data, QByteArray("one"));
            QCOMPARE(events[1].event, QByteArray("error"));
            QCOMPARE(events[1].data, QByteArray("{\"a\":1}"));
            QCOMPARE(events[2].data, QByteArray("[DONE]"));
            QVERIFY(events[2].event.isEmpty());
        }
    }
    void parse_multiLineData_isJoinedWithNewline()
    {
        const auto events = parseInPieces("data: a\ndata:b\ndata:  c\n\n", 3);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].data, QByteArray("a\nb\n c"));
    }
    void parse_commentsOnly_giveNoEvent()
    {
        QVERIFY(parseInPieces(": OPENROUTER PROCESSING\n\n: keep-alive\n\n", 5).isEmpty());
    }
    void finish_unterminatedLastEvent_isDelivered()
    {
        const auto events = parseInPieces("data: [DONE]", 4);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].data, QByteArray("[DONE]"));
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
