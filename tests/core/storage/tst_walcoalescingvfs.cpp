// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/walcoalescingvfs.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <csignal>
#include <sys/resource.h>

using namespace AiHub::Storage;

namespace {

// One raw SQLite connection in WAL mode, as the hub's own are (synchronous NORMAL).
class Connection {
public:
    explicit Connection(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
            != SQLITE_OK)
            qFatal("cannot open %s", qPrintable(path));
        sqlite3_busy_timeout(m_db, 5000);
        exec("PRAGMA journal_mode = WAL");
        exec("PRAGMA synchronous = NORMAL");
    }
    ~Connection() { sqlite3_close(m_db); }
    Q_DISABLE_COPY_MOVE(Connection)

    // The SQLite result code of running sql.
    int run(const char *sql) { return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr); }
    void exec(const char *sql)
    {
        if (run(sql) != SQLITE_OK)
            qFatal("%s: %s", sql, sqlite3_errmsg(m_db));
    }
    qint64 number(const char *sql)
    {
        sqlite3_stmt *s = nullptr;
        qint64 out = -1;
        if (sqlite3_prepare_v2(m_db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
            out = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
        return out;
    }
    QByteArray text(const char *sql)
    {
        sqlite3_stmt *s = nullptr;
        QByteArray out;
        if (sqlite3_prepare_v2(m_db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
            out = reinterpret_cast<const char *>(sqlite3_column_text(s, 0));
        sqlite3_finalize(s);
        return out;
    }
    const char *vfsName()
    {
        sqlite3_vfs *vfs = nullptr;
        sqlite3_file_control(m_db, "main", SQLITE_FCNTL_VFS_POINTER, &vfs);
        return vfs ? vfs->zName : "";
    }

private:
    sqlite3 *m_db = nullptr;
};

constexpr char kSchema[] = "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER, c BLOB);"
                           "CREATE INDEX t_a ON t (a, b); CREATE INDEX t_b ON t (b, id); CREATE INDEX t_c ON t (c)";

} // namespace

class TestWalCoalescingVfs final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(WalCoalescingVfs::install()); }

    void isTheDefault_andEachCommitReachesTheLogInOneWrite()
    {
        QTemporaryDir dir;
        Connection db(dir.filePath(QStringLiteral("a.db")));
        QCOMPARE(QByteArray(db.vfsName()), QByteArray("aihub-wal-coalescing"));
        db.exec(kSchema);
        const qint64 writesBefore = WalCoalescingVfs::logWrites();
        const qint64 framesBefore = WalCoalescingVfs::framesWritten();
        constexpr int kCommits = 50;
        for (int i = 0; i < kCommits; ++i) {
            db.exec("BEGIN");
            // Ever larger keys, as the usage table gets: each commit changes the last pages of each tree.
            for (int row = 0; row < 40; ++row)
                db.exec("INSERT INTO t (a, b, c) SELECT printf('%08d', n), n, CAST(printf('%040d', n) AS BLOB) FROM "
                        "(SELECT coalesce(max(id), 0) + 1 AS n FROM t)");
            db.exec("COMMIT");
        }
        const qint64 writes = WalCoalescingVfs::logWrites() - writesBefore;
        const qint64 frames = WalCoalescingVfs::framesWritten() - framesBefore;
        // Several frames per commit (a table and three indexes), each once two writes; now one write per commit,
        // and one more for the log's header when it starts.
        QVERIFY2(frames >= 4 * kCommits, qPrintable(QString::number(frames)));
        QVERIFY2(writes <= kCommits + 2, qPrintable(QString::number(writes)));
        QCOMPARE(db.number("SELECT count(*) FROM t"), qint64(40 * kCommits));
        QCOMPARE(db.text("PRAGMA integrity_check"), QByteArray("ok"));
    }

    void anotherConnection_seesEveryCommitAtOnce_acrossRestartsOfTheLog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("b.db"));
        Connection writer(path);
        writer.exec(kSchema);
        writer.exec("PRAGMA wal_autocheckpoint = 20"); // the log restarts from its start again and again
        Connection reader(path);
        for (int i = 1; i <= 300; ++i) {
            // Rows from a few bytes to 200 KB: commits from one frame to more than one write's worth.
            const int size = (i % 7 == 0) ? 200 * 1024 : 16 * i;
            const QByteArray sql = "INSERT INTO t (a, b, c) VALUES ('r', " + QByteArray::number(i) + ", randomblob("
                + QByteArray::number(size) + "))";
            writer.exec(sql.constData());
            QCOMPARE(reader.number("SELECT max(b) FROM t"), qint64(i));
            QCOMPARE(reader.number("SELECT count(*) FROM t"), qint64(i));
        }
        QCOMPARE(reader.text("PRAGMA integrity_check"), QByteArray("ok"));
    }

    void largeTransaction_thatSpillsPages_commitsOrRollsBackWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.db"));
        Connection writer(path);
        writer.exec(kSchema);
        writer.exec("PRAGMA cache_size = 20"); // pages go to the log long before the commit
        Connection reader(path);
        // Rolled back: nothing of it is seen, and the next commit is whole.
        writer.exec("BEGIN");
        writer.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                    "INSERT INTO t (a, b, c) SELECT 'spill', i, randomblob(900) FROM n");
        QCOMPARE(reader.number("SELECT count(*) FROM t"), qint64(0));
        writer.exec("ROLLBACK");
        QCOMPARE(writer.number("SELECT count(*) FROM t"), qint64(0));
        writer.exec("BEGIN");
        writer.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) "
                    "INSERT INTO t (a, b, c) SELECT 'kept', i, randomblob(1500) FROM n");
        writer.exec("UPDATE t SET b = -b WHERE b % 3 = 0"); // pages written to the log once already, again
        writer.exec("COMMIT");
        QCOMPARE(reader.number("SELECT count(*) FROM t"), qint64(4000));
        QCOMPARE(reader.number("SELECT count(*) FROM t WHERE b < 0"), qint64(1333));
        QCOMPARE(reader.text("PRAGMA integrity_check"), QByteArray("ok"));
        writer.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        QCOMPARE(reader.number("SELECT sum(length(c)) FROM t"), qint64(4000) * 1500);
    }

    void failedLogWrite_failsTheCommit_andLosesNothing()
    {
        // A full disk, as a file size limit: the commit whose gathered frames cannot be written must fail, and
        // what was committed before must stay, readable and whole.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.db"));
        Connection db(path);
        db.exec(kSchema);
        db.exec("INSERT INTO t (a, b, c) VALUES ('before', 1, randomblob(100))");
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)"); // the log starts empty
        rlimit saved {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // write() fails with EFBIG instead
        rlimit small = saved;
        small.rlim_cur = 48 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        db.exec("BEGIN");
        const int inserted = db.run("INSERT INTO t (a, b, c) SELECT 'lost', value, randomblob(2000) FROM "
                                    "(WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n "
                                    "WHERE value < 40) SELECT value FROM n)");
        const int committed = inserted == SQLITE_OK ? db.run("COMMIT") : inserted;
        db.run("ROLLBACK"); // if the failure left the transaction open
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &saved), 0);
        std::signal(SIGXFSZ, previousHandler);
        QVERIFY2(committed != SQLITE_OK, "the commit must fail when its log write fails");
        QCOMPARE(db.number("SELECT count(*) FROM t WHERE a = 'lost'"), qint64(0));
        QCOMPARE(db.number("SELECT count(*) FROM t WHERE a = 'before'"), qint64(1));
        Connection other(path);
        QCOMPARE(other.text("PRAGMA integrity_check"), QByteArray("ok"));
        db.exec("INSERT INTO t (a, b, c) VALUES ('after', 2, randomblob(100))");
        QCOMPARE(other.number("SELECT count(*) FROM t"), qint64(2));
    }
};

QTEST_GUILESS_MAIN(TestWalCoalescingVfs)
#include "tst_walcoalescingvfs.moc"
