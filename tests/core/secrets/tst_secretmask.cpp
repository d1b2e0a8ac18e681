// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/secrets/secretmask.h"

#include <QTest>

using AiHub::Secrets::SecretMask;
using namespace Qt::StringLiterals;

class TestSecretMask final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mask_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("masked");
        QTest::newRow("openai key") << u"sk-proj-abcdefghijklmnopqrstuvwxyz0123"_s << u"sk-p…0123"_s;
        QTest::newRow("exactly 12") << u"ABCDEFGHIJKL"_s << u"ABCD…IJKL"_s;
        QTest::newRow("11 chars") << u"ABCDEFGHIJK"_s << u"…JK"_s;
        QTest::newRow("8 chars") << u"ABCDEFGH"_s << u"…GH"_s;
        QTest::newRow("7 chars") << u"ABCDEFG"_s << u"…G"_s;
        QTest::newRow("4 chars") << u"ABCD"_s << u"…D"_s;
        QTest::newRow("3 chars") << u"ABC"_s << u"…"_s;
        QTest::newRow("1 char") << u"A"_s << u"…"_s;
        QTest::newRow("empty") << QString() << QString();
        // Characters outside the BMP count once and are never split.
        QTest::newRow("emoji tail") << u"abcdefghij\U0001F511\U0001F511"_s
                                    << u"abcd…ij\U0001F511\U0001F511"_s;
        QTest::newRow("short emoji") << u"\U0001F511\U0001F511\U0001F511\U0001F511\U0001F511"_s
                                     << u"…\U0001F511"_s;
    }
    void mask()
    {
        QFETCH(QString, secret);
        QFETCH(QString, masked);
        QCOMPARE(SecretMask::mask(secret), masked);
    }

    void mask_shortSecret_showsAtMostAQuarter()
    {
        for (int n = 1; n < 12; ++n) {
            const QString secret(n, u'x');
            const QString masked = SecretMask::mask(secret);
            const qsizetype shown = masked.size() - 1; // minus the ellipsis
            QVERIFY2(shown * 4 <= n, qPrintable(u"%1 of %2 shown"_s.arg(shown).arg(n)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSecretMask)
#include "tst_secretmask.moc"
