// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/common/httpsyntax.h"

#include <QTest>

using namespace AiHub::HttpSyntax;

class TestHttpSyntax : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void equalsLowercase_ignoresAsciiCaseOnly()
    {
        QVERIFY(equalsLowercase("Content-Length", "content-length"));
        QVERIFY(equalsLowercase("CONNECTION", "connection"));
        QVERIFY(equalsLowercase("", ""));
        QVERIFY(!equalsLowercase("Content-Lengths", "content-length")); // longer
        QVERIFY(!equalsLowercase("Content-Lengt", "content-length"));   // shorter
        QVERIFY(!equalsLowercase("Content_Length", "content-length"));
        // Only A-Z fold: '@' (0x40) and '`' (0x60), '[' and '{' differ by the same bit but are not letters.
        QVERIFY(!equalsLowercase("@", "`"));
        QVERIFY(!equalsLowercase("[", "{"));
        QVERIFY(!equalsLowercase("\xC4", "\xE4")); // Latin-1 letters do not fold either
        static_assert(equalsLowercase("Date", "date"));
    }

    void tokens_andHexDigits()
    {
        QVERIFY(isToken("X-Request-Id"));
        QVERIFY(!isToken(""));
        QVERIFY(!isToken("bad name"));
        QVERIFY(!isToken("colon:"));
        QCOMPARE(hexDigitValue('0'), 0);
        QCOMPARE(hexDigitValue('f'), 15);
        QCOMPARE(hexDigitValue('F'), 15);
        QCOMPARE(hexDigitValue('g'), -1);
    }
};

QTEST_APPLESS_MAIN(TestHttpSyntax)
#include "tst_httpsyntax.moc"
