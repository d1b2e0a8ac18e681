// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/exitcodes.h"

#include <QTest>

using namespace AiHub;
using namespace AiHub::Storage;

class TestExitCodes final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exitCodeFor_data()
    {
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<int>("exit");
        QTest::newRow("invalid argument") << ErrorCode::InvalidArgument << 2;
        QTest::newRow("locked") << ErrorCode::StorageLocked << 3;
        QTest::newRow("read-only") << ErrorCode::StorageReadOnly << 4;
        QTest::newRow("corrupt") << ErrorCode::StorageCorrupt << 5;
        QTest::newRow("too new") << ErrorCode::StorageTooNew << 6;
        QTest::newRow("other storage error") << ErrorCode::StorageError << 1;
        QTest::newRow("not found") << ErrorCode::NotFound << 1;
        QTest::newRow("internal") << ErrorCode::Internal << 1;
    }
    void exitCodeFor()
    {
        QFETCH(ErrorCode, code);
        QFETCH(int, exit);
        QCOMPARE(int(Storage::exitCodeFor(code)), exit);
    }
    void exitCodes_areDistinctForEachStorageFailure()
    {
        QCOMPARE(int(ExitCode::Ok), 0);
        QSet<int> seen;
        for (ErrorCode code : { ErrorCode::StorageLocked, ErrorCode::StorageReadOnly, ErrorCode::StorageCorrupt,
                                ErrorCode::StorageTooNew, ErrorCode::InvalidArgument, ErrorCode::StorageError })
            seen.insert(int(Storage::exitCodeFor(code)));
        QCOMPARE(seen.size(), 6);
    }
};

QTEST_GUILESS_MAIN(TestExitCodes)
#include "tst_exitcodes.moc"
