// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/database.h"
#include "core/storage/exitcodes.h"
#include "core/storage/migration.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <unistd.h>

using namespace AiHub;
using namespace AiHub::Storage;
using namespace Qt::StringLiterals;

namespace {

// Permission bits do not stop root, so as root the read-only tests run the open() as "nobody" (effective ids
// only, restored afterwards). As an ordinary user this does nothing.
class AsUnprivilegedUser final {
public:
    AsUnprivilegedUser()
    {
        if (geteuid() != 0)
            return;
        if (setegid(65534) != 0)
            return;
        if (seteuid(65534) != 0) {
            [[maybe_unused]] const int restored = setegid(0);
            return;
        }
        m_dropped = true;
    }
    ~AsUnprivilegedUser()
    {
        if (!m_dropped)
            return;
        [[maybe_unused]] const int uid = seteuid(0);
        [[maybe_unused]] const int gid = setegid(0);
    }
    Q_DISABLE_COPY_MOVE(AsUnprivilegedUser)

private:
    bool m_dropped = false;
};

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// A plain connection that is not managed by Database, standing in for another program.
class RawConnection final {
public:
    explicit RawConnection(const QString &path, const QString &name = u"raw"_s) : m_name(name)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=100"_s);
        db.open();
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(RawConnection)

    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        const bool ok = query.exec(sql);
        if (!ok)
            qWarning() << sql << query.lastError().text();
        return ok;
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    QString m_name;
};

QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

} // namespace

class TestDatabase final : public QObject {
    Q_OBJECT

private:
    QString pathOf(const QString &name) const { return m_dir->filePath(name); }

    // A private migrations folder: the real 0001 plus whatever the test adds.
    QString makeMigrations(const QList<std::pair<QString, QByteArray>> &extra)
    {
        const QString dir = m_dir->filePath(u"migrations-%1"_s.arg(++m_migrationDirs));
        QDir().mkpath(dir);
        QFile::copy(Migration::builtInDirectory() + u"/0001_initial.sql"_s, dir + u"/0001_initial.sql"_s);
        for (const auto &[name, sql] : extra)
            writeFile(dir + u'/' + name, sql);
        return dir;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    int m_migrationDirs = 0;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        // Let the unprivileged user of the read-only tests into the folder.
        QFile::setPermissions(m_dir->path(), QFileDevice::Permissions(0x7777));
    }
    void cleanup() { m_dir.reset(); }

    void latestSchemaVersion_countsBuiltInMigrations()
    {
        QVERIFY(Database::latestSchemaVersion() >= 1);
        QVERIFY(QFile::exists(Migration::builtInDirectory() + u"/0001_initial.sql"_s));
    }

    void open_freshFileInMissingFolder_createsAndMigrates()
    {
        const QString path = pathOf(u"a/b/hub.db"_s);
        auto db = Database::open(path);
        QVERIFY2(db.has_value(), qPrintable(db ? QString() : db.error().message));
        QVERIFY(QFile::exists(path));
        QCOMPARE((*db)->filePath(), QFileInfo(path).absoluteFilePath());
        QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY((*db)->backupPath().isEmpty());
        const QSqlDatabase conn = (*db)->connection();
        QCOMPARE(scalar(conn, u"PRAGMA user_version"_s).toInt(), Database::latestSchemaVersion());
        QCOMPARE(scalar(conn, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(scalar(conn, u"PRAGMA foreign_keys"_s).toInt(), 1);
        QCOMPARE(scalar(conn, u"PRAGMA synchronous"_s).toInt(), 1); // NORMAL
        QCOMPARE(scalar(conn, u"PRAGMA wal_autocheckpoint"_s).toInt(), 10000);
        for (const QString &table : { u"meta"_s, u"settings"_s, u"providers"_s, u"provider_credentials"_s,
                                      u"access_keys"_s, u"usage_records"_s })
            QVERIFY2(conn.tables().contains(table), qPrintable(table));
        QCOMPARE((*db)->configGeneration().value(), 0);
        QVERIFY(QDir(m_dir->filePath(u"a/b"_s)).entryList({ u"*.bak"_s }).isEmpty());
    }

    void open_emptyOrMemoryPath_isRejected()
    {
        QCOMPARE(Database::open(QString()).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(Database::open(u":memory:"_s).error().code, ErrorCode::InvalidArgument);
    }

    void open_existingCurrentDatabase_isIdempotentAndKeepsData()
    {
        const QString path = pathOf(u"hub.db"_s);
        {
            auto db = Database::open(path);
            QVERIFY(db.has_value());
            QSqlQuery query((*db)->connection());
            QVERIFY(query.exec(u"INSERT INTO settings (key, value) VALUES ('k', 'v')"_s));
        }
        for (int i = 0; i < 2; ++i) {
            auto db = Database::open(path);
            QVERIFY(db.has_value());
            QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
            QVERIFY((*db)->backupPath().isEmpty());
            QCOMPARE(scalar((*db)->connection(), u"SELECT value FROM settings WHERE key = 'k'"_s).toString(), u"v"_s);
            QCOMPARE(scalar((*db)->connection(), u"SELECT count(*) FROM meta"_s).toInt(), 1);
        }
        QVERIFY(QDir(m_dir->path()).entryList({ u"*.bak"_s }).isEmpty());
    }

    void connection_eachThreadGetsItsOwnAndItIsRemovedWhenTheThreadEnds()
    {
        auto opened = Database::open(pathOf(u"hub.db"_s));
        QVERIFY(opened.has_value());
        std::shared_ptr<Database> db = *opened;
        const QString mainName = db->connection().connectionName();
        QCOMPARE(db->connection().connectionName(), mainName); // stable within a thread

        QString workerName;
        bool workerOpen = false;
        int workerForeignKeys = 0;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            QSqlDatabase conn = db->connection();
            workerName = conn.connectionName();
            workerOpen = conn.isOpen();
            workerForeignKeys = scalar(conn, u"PRAGMA foreign_keys"_s).toInt();
            QSqlQuery query(conn);
            query.exec(u"INSERT INTO settings (key, value) VALUES ('from-thread', '1')"_s);
        }));
        worker->start();
        QVERIFY(worker->wait(10000));
        QVERIFY(workerOpen);
        QCOMPARE(workerForeignKeys, 1);
        QVERIFY(!workerName.isEmpty());
        QVERIFY(workerName != mainName);
        QCOMPARE(scalar(db->connection(), u"SELECT value FROM settings WHERE key = 'from-thread'"_s).toString(),
                 u"1"_s);
        // The thread's guard runs as the thread exits, which may be just after wait() returns.
        QTRY_VERIFY(!QSqlDatabase::connectionNames().contains(workerName));
        QVERIFY(QSqlDatabase::connectionNames().contains(mainName));

        db.reset();
        opened = Result<std::shared_ptr<Database>>();
        QVERIFY(!QSqlDatabase::connectionNames().contains(mainName));
    }

    void connection_twoDatabasesOnOneThread_areSeparate()
    {
        auto a = Database::open(pathOf(u"a.db"_s));
        auto b = Database::open(pathOf(u"b.db"_s));
        QVERIFY(a && b);
        QVERIFY((*a)->connection().connectionName() != (*b)->connection().connectionName());
        QCOMPARE((*b)->connection().databaseName(), QFileInfo(pathOf(u"b.db"_s)).absoluteFilePath());
    }

    void open_whileAnotherConnectionHoldsTheWriteLock_reportsLockedNamingTheFile()
    {
        const QString path = pathOf(u"hub.db"_s);
        QVERIFY(Database::open(path).has_value());
        RawConnection other(path);
        QVERIFY(other.exec(u"BEGIN EXCLUSIVE"_s));
        QVERIFY(other.exec(u"INSERT INTO settings (key, value) VALUES ('x', 'y')"_s));

        DatabaseOptions options;
        options.busyTimeoutMs = 100;
        auto db = Database::open(path, options);
        QVERIFY(!db.has_value());
        QCOMPARE(db.error().code, ErrorCode::StorageLocked);
        QVERIFY2(db.error().message.contains(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())),
                 qPrintable(db.error().message));
        QVERIFY(db.error().message.contains(u"locked by another program"_s));
        QCOMPARE(exitCodeFor(db.error().code), ExitCode::StorageLocked);

        QVERIFY(other.exec(u"ROLLBACK"_s));
        QVERIFY(Database::open(path, options).has_value());
    }

    void open_rollbackJournalDatabaseLockedForReading_reportsLockedNotCorrupt()
    {
        const QString path = pathOf(u"hub.db"_s);
        QVERIFY(Database::open(path).has_value());
        RawConnection other(path);
        QCOMPARE(other.value(u"PRAGMA journal_mode = DELETE"_s).toString(), u"delete"_s);
        QVERIFY(other.exec(u"BEGIN EXCLUSIVE"_s));
        QVERIFY(other.exec(u"INSERT INTO settings (key, value) VALUES ('x', 'y')"_s));

        DatabaseOptions options;
        options.busyTimeoutMs = 100;
        auto db = Database::open(path, options);
        QVERIFY(!db.has_value());
        QCOMPARE(db.error().code, ErrorCode::StorageLocked);

        QVERIFY(other.exec(u"COMMIT"_s));
        auto reopened = Database::open(path, options);
        QVERIFY(reopened.has_value());
        QCOMPARE(scalar((*reopened)->connection(), u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(scalar((*reopened)->connection(), u"SELECT value FROM settings WHERE key = 'x'"_s).toString(),
                 u"y"_s);
    }

    void open_readOnlyFile_reportsReadOnlyAndLeavesItUnchanged()
    {
        const QString path = pathOf(u"hub.db"_s);
        QVERIFY(Database::open(path).has_value());
        const QByteArray before = contentsOf(path);
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        Result<std::shared_ptr<Database>> db;
        {
            AsUnprivilegedUser user;
            db = Database::open(path);
        }
        QVERIFY(!db.has_value());
        QCOMPARE(db.error().code, ErrorCode::StorageReadOnly);
        QVERIFY(db.error().message.contains(QDir::toNativeSeparators(path)));
        QCOMPARE(exitCodeFor(db.error().code), ExitCode::StorageReadOnly);
        QCOMPARE(contentsOf(path), before);
    }

    void open_inReadOnlyFolder_reportsReadOnly()
    {
        const QString folder = pathOf(u"ro"_s);
        const QString existing = folder + u"/hub.db"_s;
        QVERIFY(Database::open(existing).has_value());
        QFile::setPermissions(existing, QFileDevice::Permissions(0x6666));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::Permissions(0x5555)));
        Result<std::shared_ptr<Database>> onExisting;
        Result<std::shared_ptr<Database>> onNew;
        Result<std::shared_ptr<Database>> inNewSubfolder;
        {
            AsUnprivilegedUser user;
            onExisting = Database::open(existing);
            onNew = Database::open(folder + u"/new.db"_s);
            inNewSubfolder = Database::open(folder + u"/sub/new.db"_s);
        }
        QFile::setPermissions(folder, QFileDevice::Permissions(0x7777));
        QVERIFY(!onExisting.has_value());
        QCOMPARE(onExisting.error().code, ErrorCode::StorageReadOnly);
        QVERIFY(onExisting.error().message.contains(QDir::toNativeSeparators(folder)));
        QVERIFY(!onNew.has_value());
        QCOMPARE(onNew.error().code, ErrorCode::StorageReadOnly);
        QVERIFY(!QFile::exists(folder + u"/new.db"_s));
        QVERIFY(!inNewSubfolder.has_value());
        QCOMPARE(inNewSubfolder.error().code, ErrorCode::StorageReadOnly);
    }

    void open_garbageFile_reportsCorruptAndLeavesItUnchanged()
    {
        const QString path = pathOf(u"hub.db"_s);
        QByteArray garbage;
        for (int i = 0; i < 8192; ++i)
            garbage.append(char((i * 7919 + 13) % 251));
        QVERIFY(writeFile(path, garbage));
        auto db = Database::open(path);
        QVERIFY(!db.has_value());
        QCOMPARE(db.error().code, ErrorCode::StorageCorrupt);
        QVERIFY(db.error().message.contains(QDir::toNativeSeparators(path)));
        QCOMPARE(exitCodeFor(db.error().code), ExitCode::StorageCorrupt);
        QCOMPARE(contentsOf(path), garbage);
    }

    void open_truncatedDatabase_reportsCorruptAndLeavesItUnchanged()
    {
        const QString path = pathOf(u"hub.db"_s);
        {
            auto db = Database::open(path);
            QVERIFY(db.has_value());
            QSqlQuery query((*db)->connection());
            QVERIFY(query.exec(u"BEGIN"_s));
            query.prepare(u"INSERT INTO settings (key, value) VALUES (?, ?)"_s);
            for (int i = 0; i < 2000; ++i) {
                query.addBindValue(u"key-%1"_s.arg(i));
                query.addBindValue(QString(300, QChar(u'a' + i % 26)));
                QVERIFY(query.exec());
            }
            QVERIFY(query.exec(u"COMMIT"_s));
        }
        QByteArray full = contentsOf(path);
        QVERIFY(full.size() > 100000);
        const QByteArray truncated = full.left(full.size() / 2);
        QVERIFY(writeFile(path, truncated));

        auto db = Database::open(path);
        QVERIFY(!db.has_value());
        QCOMPARE(db.error().code, ErrorCode::StorageCorrupt);
        QCOMPARE(contentsOf(path), truncated);
    }

    void open_databaseFromNewerVersion_reportsTooNewAndLeavesItUnchanged()
    {
        const QString path = pathOf(u"hub.db"_s);
        QVERIFY(Database::open(path).has_value());
        const int future = Database::latestSchemaVersion() + 5;
        {
            RawConnection other(path);
            QVERIFY(other.exec(u"PRAGMA user_version = %1"_s.arg(future)));
        }
        const QByteArray before = contentsOf(path);
        auto db = Database::open(path);
        QVERIFY(!db.has_value());
        QCOMPARE(db.error().code, ErrorCode::StorageTooNew);
        QVERIFY(db.error().message.contains(QString::number(future)));
        QCOMPARE(exitCodeFor(db.error().code), ExitCode::StorageTooNew);
        QCOMPARE(contentsOf(path), before);
    }

    void open_sqliteFileOfAnotherProgram_isRefusedUnchanged()
    {
        const QString path = pathOf(u"other.db"_s);
        {
            RawConnection other(path);
            QVERIFY(other.exec(u"CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)"_s));
            QVERIFY(other.exec(u"INSERT INTO photos (name) VALUES ('cat.jpg')"_s));
        }
        const QByteArray before = contentsOf(path);
        auto db = Database::open(path);
        QVERIFY(!db.has_value());
        QCOMPARE(db.error().code, ErrorCode::StorageCorrupt);
        QCOMPARE(contentsOf(path), before);
    }

    void open_olderDatabaseWithData_isBackedUpThenMigrated()
    {
        const QString path = pathOf(u"hub.db"_s);
        DatabaseOptions v1;
        v1.migrationsDirectory = makeMigrations({});
        {
            auto db = Database::open(path, v1);
            QVERIFY(db.has_value());
            QCOMPARE((*db)->schemaVersion(), 1);
            QSqlQuery query((*db)->connection());
            QVERIFY(query.exec(u"INSERT INTO settings (key, value) VALUES ('keep', 'me')"_s));
        }
        DatabaseOptions v2;
        v2.migrationsDirectory = makeMigrations(
            { { u"0002_extra.sql"_s,
                "-- test-only step\nCREATE TABLE extra (id INTEGER PRIMARY KEY, note TEXT);\n"
                "ALTER TABLE settings ADD COLUMN note TEXT;\n" } });
        auto db = Database::open(path, v2);
        QVERIFY2(db.has_value(), qPrintable(db ? QString() : db.error().message));
        QCOMPARE((*db)->schemaVersion(), 2);
        QCOMPARE((*db)->backupPath(), QFileInfo(path).absoluteFilePath() + u".before-v2.bak"_s);
        QVERIFY((*db)->connection().tables().contains(u"extra"_s));
        QCOMPARE(scalar((*db)->connection(), u"PRAGMA user_version"_s).toInt(), 2);
        QCOMPARE(scalar((*db)->connection(), u"SELECT value FROM settings WHERE key = 'keep'"_s).toString(), u"me"_s);

        RawConnection backup((*db)->backupPath(), u"backup"_s);
        QCOMPARE(backup.value(u"PRAGMA user_version"_s).toInt(), 1);
        QCOMPARE(backup.value(u"SELECT value FROM settings WHERE key = 'keep'"_s).toString(), u"me"_s);
        QCOMPARE(backup.value(u"SELECT count(*) FROM sqlite_master WHERE name = 'extra'"_s).toInt(), 0);
    }

    void open_failingMigration_changesNothingAndKeepsEarlierBackups()
    {
        const QString path = pathOf(u"hub.db"_s);
        DatabaseOptions v1;
        v1.migrationsDirectory = makeMigrations({});
        {
            auto db = Database::open(path, v1);
            QVERIFY(db.has_value());
            QSqlQuery query((*db)->connection());
            QVERIFY(query.exec(u"INSERT INTO settings (key, value) VALUES ('keep', 'me')"_s));
        }
        QVERIFY(writeFile(path + u".before-v2.bak"_s, "an older backup"));
        DatabaseOptions broken;
        broken.migrationsDirectory = makeMigrations(
            { { u"0002_broken.sql"_s, "CREATE TABLE extra (id INTEGER PRIMARY KEY);\nTHIS IS NOT SQL;\n" } });
        auto db = Database::open(path, broken);
        QVERIFY(!db.has_value());
        QCOMPARE(db.error().code, ErrorCode::StorageError);
        QVERIFY2(db.error().message.contains(u"0002_broken.sql"_s), qPrintable(db.error().message));
        QCOMPARE(contentsOf(path + u".before-v2.bak"_s), QByteArray("an older backup"));
        QVERIFY(QFile::exists(path + u".before-v2.2.bak"_s));

        auto again = Database::open(path, v1);
        QVERIFY(again.has_value());
        QCOMPARE(scalar((*again)->connection(), u"PRAGMA user_version"_s).toInt(), 1);
        QVERIFY(!(*again)->connection().tables().contains(u"extra"_s));
        QCOMPARE(scalar((*again)->connection(), u"SELECT value FROM settings WHERE key = 'keep'"_s).toString(),
                 u"me"_s);
    }

    void open_badlyNumberedMigrations_isRefused()
    {
        DatabaseOptions gap;
        gap.migrationsDirectory = makeMigrations({ { u"0003_skip.sql"_s, "CREATE TABLE t (x INTEGER);" } });
        auto db = Database::open(pathOf(u"hub.db"_s), gap);
        QVERIFY(!db.has_value());
        QCOMPARE(db.error().code, ErrorCode::Internal);
        QVERIFY(db.error().message.contains(u"0003_skip.sql"_s));
    }

    void configGeneration_bump_isVisibleToOtherConnections()
    {
        const QString path = pathOf(u"hub.db"_s);
        auto server = Database::open(path);
        auto cli = Database::open(path);
        QVERIFY(server && cli);
        QCOMPARE((*server)->configGeneration().value(), 0);
        QVERIFY((*cli)->bumpConfigGeneration().has_value());
        QVERIFY((*cli)->bumpConfigGeneration().has_value());
        QCOMPARE((*cli)->configGeneration().value(), 2);
        QCOMPARE((*server)->configGeneration().value(), 2);
    }

    void configGeneration_missingRow_startsAgainAtOne()
    {
        auto db = Database::open(pathOf(u"hub.db"_s));
        QVERIFY(db.has_value());
        QSqlQuery query((*db)->connection());
        QVERIFY(query.exec(u"DELETE FROM meta"_s));
        QCOMPARE((*db)->configGeneration().value(), 0);
        QVERIFY((*db)->bumpConfigGeneration().has_value());
        QCOMPARE((*db)->configGeneration().value(), 1);
    }

    void bumpConfigGeneration_whileLocked_reportsLocked()
    {
        const QString path = pathOf(u"hub.db"_s);
        DatabaseOptions options;
        options.busyTimeoutMs = 100;
        auto db = Database::open(path, options);
        QVERIFY(db.has_value());
        RawConnection other(path);
        QVERIFY(other.exec(u"BEGIN IMMEDIATE"_s));
        const Status bumped = (*db)->bumpConfigGeneration();
        QVERIFY(!bumped.has_value());
        QCOMPARE(bumped.error().code, ErrorCode::StorageLocked);
        QVERIFY(other.exec(u"ROLLBACK"_s));
        QVERIFY((*db)->bumpConfigGeneration().has_value());
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
