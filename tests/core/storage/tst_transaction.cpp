// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/database.h"
#include "core/storage/transaction.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Storage;
using namespace Qt::StringLiterals;

class TestTransaction final : public QObject {
    Q_OBJECT

private:
    static int settingsCount(const Database &db)
    {
        QSqlQuery query(db.connection());
        if (!query.exec(u"SELECT count(*) FROM settings"_s) || !query.next())
            return -1;
        return query.value(0).toInt();
    }
    static bool insertSetting(const QSqlDatabase &connection, const QString &key)
    {
        QSqlQuery query(connection);
        query.prepare(u"INSERT INTO settings (key, value) VALUES (?, 'v')"_s);
        query.addBindValue(key);
        return query.exec();
    }

    QTemporaryDir m_dir;
    std::shared_ptr<Database> m_db;

private Q_SLOTS:
    void init()
    {
        DatabaseOptions options;
        options.busyTimeoutMs = 100;
        const QString name = u"t-%1.db"_s.arg(QString::fromLatin1(QTest::currentTestFunction()));
        auto db = Database::open(m_dir.filePath(name), options);
        QVERIFY(db.has_value());
        m_db = *db;
    }
    void cleanup() { m_db.reset(); }

    void commit_keepsTheChanges()
    {
        auto transaction = Transaction::begin(*m_db);
        QVERIFY(transaction.has_value());
        QVERIFY(insertSetting(transaction->connection(), u"a"_s));
        QVERIFY(transaction->commit().has_value());
        QVERIFY(!transaction->isActive());
        QCOMPARE(settingsCount(*m_db), 1);
    }
    void destructor_withoutCommit_rollsBack()
    {
        {
            auto transaction = Transaction::begin(*m_db);
            QVERIFY(transaction.has_value());
            QVERIFY(insertSetting(transaction->connection(), u"a"_s));
        }
        QCOMPARE(settingsCount(*m_db), 0);
    }
    void commit_twice_isAnError()
    {
        auto transaction = Transaction::begin(*m_db);
        QVERIFY(transaction.has_value());
        QVERIFY(transaction->commit().has_value());
        QCOMPARE(transaction->commit().error().code, ErrorCode::Internal);
    }
    void moved_transactionIsCommittedOnce()
    {
        auto transaction = Transaction::begin(*m_db);
        QVERIFY(transaction.has_value());
        Transaction moved = std::move(*transaction);
        QVERIFY(!transaction->isActive());
        QVERIFY(insertSetting(moved.connection(), u"a"_s));
        QVERIFY(moved.commit().has_value());
        QCOMPARE(settingsCount(*m_db), 1);
    }
    void begin_whileAnotherConnectionWrites_reportsLocked()
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
        other.setDatabaseName(m_db->filePath());
        QVERIFY(other.open());
        {
            QSqlQuery lock(other);
            QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));
            auto transaction = Transaction::begin(*m_db);
            QVERIFY(!transaction.has_value());
            QCOMPARE(transaction.error().code, ErrorCode::StorageLocked);
            QVERIFY(lock.exec(u"ROLLBACK"_s));
            QVERIFY(Transaction::begin(*m_db).has_value());
        }
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"other"_s);
    }
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
