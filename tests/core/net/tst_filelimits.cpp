// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/net/filelimits.h"

#include <QTest>

#include <sys/resource.h>

using namespace AiHub::Net;

class TestFileLimits final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void raiseSoftLimit_liftsALoweredSoftLimitToTheHardLimit()
    {
        rlimit before {};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &before), 0);
        if (before.rlim_max != RLIM_INFINITY && before.rlim_max <= 64)
            QSKIP("the hard limit is too low to lower the soft limit below it");
        rlimit lowered = before;
        lowered.rlim_cur = 64;
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &lowered), 0);

        const auto raised = FileLimits::raiseSoftLimit();
        QVERIFY2(raised.has_value(), raised ? "" : qPrintable(raised.error().message));
        rlimit after {};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &after), 0);
        QCOMPARE(qint64(after.rlim_cur), *raised);
        QVERIFY(*raised > 64);
        if (before.rlim_max != RLIM_INFINITY)
            QCOMPARE(*raised, qint64(before.rlim_max));
        QCOMPARE(after.rlim_max, before.rlim_max); // the hard limit is left alone
    }

    void raiseSoftLimit_again_isStable()
    {
        const auto first = FileLimits::raiseSoftLimit();
        QVERIFY(first.has_value());
        const auto second = FileLimits::raiseSoftLimit();
        QVERIFY(second.has_value());
        QCOMPARE(*second, *first);
    }
};

QTEST_GUILESS_MAIN(TestFileLimits)
#include "tst_filelimits.moc"
