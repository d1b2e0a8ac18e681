// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Opening the database checks every page of it for damage; the pages that check reads are not kept in memory
// afterwards for as long as the hub runs.
#include "core/storage/database.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using AiHub::Storage::Database;

namespace {

// Bytes of page cache the calling thread's connection holds now.
qint64 cacheUsed(const Database &database)
{
    const QVariant handle = database.connection().driver()->handle();
    auto *db = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
        ? *static_cast<sqlite3 *const *>(handle.data())
        : nullptr;
    if (!db)
        return -1;
    int current = 0;
    int highwater = 0;
    if (sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_USED, &current, &highwater, 0) != SQLITE_OK)
        return -1;
    return current;
}

} // namespace

class TestDatabaseMemory final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void open_doesNotKeepThePagesItCheckedCached()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("hub.db"));
        {
            auto created = Database::open(path);
            QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
            QSqlQuery query((*created)->connection());
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB)")));
            QVERIFY(query.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                              "WHERE i < 3000) INSERT INTO filler (data) SELECT zeroblob(1000) "
                                              "FROM n")));
        }
        auto reopened = Database::open(path); // checks the 3 MB file for damage
        QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message));
        const qint64 used = cacheUsed(**reopened);
        QVERIFY(used >= 0);
        QVERIFY2(used < 256 * 1024, qPrintable(QStringLiteral("%1 bytes of page cache kept").arg(used)));
        // The data is all still there.
        QSqlQuery count((*reopened)->connection());
        QVERIFY(count.exec(QStringLiteral("SELECT count(*), sum(length(data)) FROM filler")) && count.next());
        QCOMPARE(count.value(0).toInt(), 3000);
        QCOMPARE(count.value(1).toLongLong(), 3000LL * 1000);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseMemory)
#include "tst_databasememory.moc"
