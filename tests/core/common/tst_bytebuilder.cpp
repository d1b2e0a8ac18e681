// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/common/bytebuilder.h"

#include <QTest>

#include <limits>

using AiHub::ByteBuilder;

class TestByteBuilder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pieces_comeOutInOrder_withNothingAfterThem()
    {
        ByteBuilder out(64);
        out << "GET" << ' ' << QByteArray("/v1/models") << " HTTP/1.1\r\n" << QByteArrayView() << "";
        out.appendNumber(0) << ',';
        out.appendNumber(-42) << ',';
        out.appendNumber(std::numeric_limits<qint64>::max());
        QCOMPARE(out.size(), qsizetype(50));
        const QByteArray bytes = out.take();
        QCOMPARE(bytes, QByteArray("GET /v1/models HTTP/1.1\r\n0,-42,9223372036854775807"));
        QCOMPARE(bytes.size(), qsizetype(50));
        QCOMPARE(*bytes.constEnd(), '\0'); // still a terminated QByteArray
    }

    void capacityTooSmall_grows_andKeepsEveryByte()
    {
        // A capacity guess that is far too small (0, then single characters and large pieces) must still give
        // the exact bytes.
        ByteBuilder out(0);
        QByteArray expected;
        for (int i = 0; i < 500; ++i) {
            const QByteArray piece = QByteArray::number(i) + QByteArray(i % 97, char('a' + i % 26));
            out << piece << char('0' + i % 10);
            expected += piece;
            expected += char('0' + i % 10);
        }
        const QByteArray big(100000, 'z');
        out << big;
        expected += big;
        QCOMPARE(out.size(), expected.size());
        QCOMPARE(out.take(), expected);
    }

    void emptyBuilder_givesAnEmptyArray()
    {
        ByteBuilder out(128);
        const QByteArray bytes = out.take();
        QVERIFY(bytes.isEmpty());
        QCOMPARE(bytes.size(), qsizetype(0));
    }
};

QTEST_APPLESS_MAIN(TestByteBuilder)
#include "tst_bytebuilder.moc"
