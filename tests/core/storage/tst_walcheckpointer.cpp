// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/database.h"
#include "core/storage/walcheckpointer.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>
#include <QSqlQuery>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>

#include <sqlite3.h>

using namespace AiHub;
using namespace AiHub::Storage;
using namespace Qt::StringLiterals;

namespace {
constexpr int kPages = 64; // a small limit, so that a test's few hundred commits cross it many times
constexpr qint64 kFrameBytes = 4096 + 24;
} // namespace

class TestWalCheckpointer final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Database> m_db;

    QString logPath() const { return m_db->filePath() + u"-wal"_s; }
    // The log header's checkpoint sequence number: SQLite adds one each time it starts the log afresh.
    quint32 logRestarts() const
    {
        QFile log(logPath());
        if (!log.open(QIODevice::ReadOnly))
            return 0;
        const QByteArray header = log.read(16);
        return header.size() == 16 ? qFromBigEndian<quint32>(header.constData() + 12) : 0;
    }
    // One commit of a row large enough to take a page or two of the log.
    bool commitRow(int i)
    {
        QSqlQuery query(m_db->connection());
        return query.exec(u"INSERT INTO scratch (n, data) VALUES (%1, randomblob(3000))"_s.arg(i));
    }
    qint64 rows()
    {
        QSqlQuery query(m_db->connection());
        return query.exec(u"SELECT count(*) FROM scratch"_s) && query.next() ? query.value(0).toLongLong() : -1;
    }
    QString integrity()
    {
        QSqlQuery query(m_db->connection());
        return query.exec(u"PRAGMA integrity_check"_s) && query.next() ? query.value(0).toString() : QString();
    }

private Q_SLOTS:
    void init()
    {
        const QString name = u"c-%1.db"_s.arg(QString::fromLatin1(QTest::currentTestFunction()));
        auto db = Database::open(m_dir.filePath(name));
        QVERIFY(db.has_value());
        m_db = *db;
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(u"CREATE TABLE scratch (n INTEGER, data BLOB)"_s));
    }
    void cleanup() { m_db.reset(); }

    void busyWriter_theLogIsCopiedOnTheThread_andStartsAfresh()
    {
        WalCheckpointer checkpointer(m_db, kPages);
        checkpointer.start();
        sqlite3 *writer = Database::nativeHandle(m_db->connection());
        QVERIFY(writer);
        checkpointer.attach(writer);
        // A writer that keeps committing, as the usage writer under load: the log must be copied by the thread
        // and started afresh again and again, not grow for as long as the commits come.
        QVERIFY(commitRow(0)); // the log left by creating the table may start afresh here: not counted
        const quint32 restartsBefore = logRestarts();
        QElapsedTimer elapsed;
        elapsed.start();
        int commits = 1;
        while (logRestarts() - restartsBefore < 3 && elapsed.elapsed() < 30000) {
            QVERIFY(commitRow(commits++));
            QThread::usleep(1000);
        }
        checkpointer.detach(writer);
        checkpointer.stop();
        QVERIFY2(logRestarts() - restartsBefore >= 3, qPrintable(QString::number(logRestarts() - restartsBefore)));
        QVERIFY2(checkpointer.checkpoints() >= 2, qPrintable(QString::number(checkpointer.checkpoints())));
        QVERIFY2(QFileInfo(logPath()).size() <= 8 * kPages * kFrameBytes, qPrintable(QString::number(commits)));
        QCOMPARE(rows(), qint64(commits));
        QCOMPARE(integrity(), u"ok"_s);
    }

    void notStarted_commitsCheckpointAsSQLiteWould()
    {
        WalCheckpointer checkpointer(m_db, kPages);
        sqlite3 *writer = Database::nativeHandle(m_db->connection());
        checkpointer.attach(writer);
        for (int i = 0; i < 300; ++i)
            QVERIFY(commitRow(i));
        checkpointer.detach(writer);
        QCOMPARE(checkpointer.checkpoints(), 0);
        QVERIFY(checkpointer.commitCheckpoints() > 0);
        const qint64 logBytes = QFileInfo(logPath()).size();
        QVERIFY2(logBytes <= 2 * kPages * kFrameBytes, qPrintable(QString::number(logBytes)));
        QCOMPARE(rows(), qint64(300));
    }

    void detached_theConnectionHasSQLitesOwnCheckpointBack()
    {
        WalCheckpointer checkpointer(m_db, kPages);
        checkpointer.start();
        sqlite3 *writer = Database::nativeHandle(m_db->connection());
        checkpointer.attach(writer);
        checkpointer.detach(writer);
        for (int i = 0; i < 300; ++i)
            QVERIFY(commitRow(i));
        // Nothing came here: SQLite's own limit (Database::CheckpointPages) was never reached either.
        QCOMPARE(checkpointer.checkpoints(), 0);
        QCOMPARE(checkpointer.commitCheckpoints(), 0);
        QVERIFY(QFileInfo(logPath()).size() > 4 * kPages * kFrameBytes);
    }

    void stop_rightAfterARequest_returns()
    {
        for (int round = 0; round < 20; ++round) {
            WalCheckpointer checkpointer(m_db, 1);
            checkpointer.start();
            sqlite3 *writer = Database::nativeHandle(m_db->connection());
            checkpointer.attach(writer);
            QVERIFY(commitRow(round));
            checkpointer.detach(writer);
            checkpointer.stop();
        }
        QCOMPARE(rows(), qint64(20));
        QCOMPARE(integrity(), u"ok"_s);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
