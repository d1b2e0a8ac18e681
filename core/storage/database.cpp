// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/database.h"

#include "core/storage/migration.h"
#include "core/storage/sqlerror.h"
#include "core/storage/transaction.h"
#include "core/storage/walcoalescingvfs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QSet>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QVariant>

#include <atomic>
#include <vector>

using namespace Qt::StringLiterals;

namespace AiHub::Storage {

namespace {

Q_LOGGING_CATEGORY(lcDatabase, "aihub.storage")

const QString ConfigGenerationKey = u"config_generation"_s;

quint64 nextSerial()
{
    static std::atomic<quint64> serial { 0 };
    return ++serial;
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// Asking the file system beats reading permission bits: it also covers ACLs, read-only mounts and root.
bool canCreateFilesIn(const QString &folder)
{
    QTemporaryFile probe(QDir(folder).filePath(u".aihub-write-check-XXXXXX"_s));
    return probe.open();
}

QString nearestExistingAncestor(QString path)
{
    while (!path.isEmpty() && !QFileInfo::exists(path)) {
        const QString parent = QFileInfo(path).absolutePath();
        if (parent == path)
            break;
        path = parent;
    }
    return path;
}

Status prepareLocation(const QString &filePath)
{
    const QFileInfo info(filePath);
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder)) {
        const QString ancestor = nearestExistingAncestor(folder);
        if (!ancestor.isEmpty() && !canCreateFilesIn(ancestor))
            return fail(ErrorCode::StorageReadOnly,
                        u"Cannot create the folder %1 for the database: %2 is not writable. Fix its permissions or "
                        "choose another data folder."_s.arg(native(folder), native(ancestor)));
        return fail(ErrorCode::StorageError,
                    u"Cannot create the folder %1 for the database. Check the path, or choose another data "
                    "folder."_s.arg(native(folder)));
    }
    if (!canCreateFilesIn(folder))
        return fail(ErrorCode::StorageReadOnly,
                    u"The folder %1 is read-only, so the database %2 cannot be created or updated there (SQLite "
                    "keeps its -wal and -shm files next to the database). Make the folder writable or choose "
                    "another data folder."_s.arg(native(folder), native(filePath)));
    if (info.exists()) {
        if (!info.isFile())
            return fail(ErrorCode::StorageError,
                        u"%1 exists but is not a file, so it cannot be used as the database. Move it away or "
                        "choose another data folder."_s.arg(native(filePath)));
        QFile file(filePath);
        if (!file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly))
            return fail(ErrorCode::StorageReadOnly,
                        u"The database file %1 is read-only (%2). Make it writable, or choose another data "
                        "folder."_s.arg(native(filePath), file.errorString()));
    }
    return {};
}

} // namespace

// Every connection name a Database created, so the connections can be removed by whichever goes first: the
// thread that owns one (its thread_local guard) or the Database (its destructor).
class ConnectionRegistry final {
public:
    explicit ConnectionRegistry(QString prefix) : m_prefix(std::move(prefix)) { }
    Q_DISABLE_COPY_MOVE(ConnectionRegistry)

    QString nameForThisThread(quint64 threadSerial) const { return m_prefix % u'-' % QString::number(threadSerial); }

    void add(const QString &name)
    {
        QMutexLocker lock(&m_mutex);
        m_names.insert(name);
    }

    void release(const QString &name)
    {
        QMutexLocker lock(&m_mutex);
        if (m_names.remove(name))
            QSqlDatabase::removeDatabase(name);
    }

    void releaseAll()
    {
        QMutexLocker lock(&m_mutex);
        for (const QString &name : std::as_const(m_names))
            QSqlDatabase::removeDatabase(name);
        m_names.clear();
    }

private:
    QString m_prefix;
    QMutex m_mutex;
    QSet<QString> m_names;
};

namespace {

// Each thread's connections; the destructor runs when the thread ends and removes those still registered.
class ThreadConnections final {
public:
    struct Entry {
        const ConnectionRegistry *key = nullptr;
        std::weak_ptr<ConnectionRegistry> registry;
        QString name;
        bool configured = false; // the per-connection pragmas succeeded
    };

    ThreadConnections() = default;
    Q_DISABLE_COPY_MOVE(ThreadConnections)
    ~ThreadConnections()
    {
        for (const Entry &entry : m_entries) {
            if (const auto registry = entry.registry.lock())
                registry->release(entry.name);
        }
    }

    Entry *find(const ConnectionRegistry *key)
    {
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            if (it->registry.expired()) { // its Database is gone (and removed the connection)
                it = m_entries.erase(it);
                continue;
            }
            if (it->key == key)
                return &*it;
            ++it;
        }
        return nullptr;
    }

    Entry &add(const std::shared_ptr<ConnectionRegistry> &registry, const QString &name)
    {
        return m_entries.emplace_back(Entry { registry.get(), registry, name, false });
    }

    quint64 serial() const { return m_serial; }

private:
    std::vector<Entry> m_entries;
    quint64 m_serial = nextSerial();
};

thread_local ThreadConnections t_connections;

} // namespace

Database::Database(QString filePath, DatabaseOptions options)
    : m_filePath(std::move(filePath)),
      m_options(std::move(options)),
      m_connections(std::make_shared<ConnectionRegistry>(u"aihub-db-"_s % QString::number(nextSerial())))
{
}

Database::~Database()
{
    m_connections->releaseAll();
}

Result<std::shared_ptr<Database>> Database::open(const QString &filePath)
{
    return open(filePath, DatabaseOptions {});
}

Result<std::shared_ptr<Database>> Database::open(const QString &filePath, const DatabaseOptions &options)
{
    // Before the first connection: each commit's log frames then reach the file in one write.
    WalCoalescingVfs::install();
    if (filePath.isEmpty() || filePath.startsWith(u":memory:"_s))
        return fail(ErrorCode::InvalidArgument, u"A database file path is needed (in-memory databases are not "
                                                "shared between threads)."_s);
    const QString path = QFileInfo(filePath).absoluteFilePath();
    if (Status location = prepareLocation(path); !location)
        return fail(location.error());

    DatabaseOptions effective = options;
    if (effective.migrationsDirectory.isEmpty())
        effective.migrationsDirectory = Migration::builtInDirectory();
    Result<QList<Migration>> migrations = Migration::loadAll(effective.migrationsDirectory);
    if (!migrations)
        return fail(migrations.error());
    if (migrations->isEmpty())
        return fail(ErrorCode::Internal,
                    u"No schema migrations found in %1; the program is incomplete."_s.arg(
                        effective.migrationsDirectory));

    std::shared_ptr<Database> database(new Database(path, std::move(effective)));
    if (Status ready = database->initialize(*migrations); !ready)
        return fail(ready.error());
    return database;
}

int Database::latestSchemaVersion()
{
    static const int latest = [] {
        const Result<QList<Migration>> migrations = Migration::loadAll(Migration::builtInDirectory());
        return migrations ? int(migrations->size()) : 0;
    }();
    return latest;
}

Status Database::initialize(const QList<Migration> &migrations)
{
    const int latest = int(migrations.size());
    if (const QSqlDatabase db = connection(); !db.isOpen())
        return fail(error(db.lastError(), u"open the database"_s));

    // Everything up to checkIntegrity() only reads, so a damaged, newer or foreign file is left exactly as it is.
    const Result<int> version = readUserVersion();
    if (!version)
        return fail(version.error());
    if (*version > latest)
        return fail(ErrorCode::StorageTooNew,
                    u"The database %1 was written by a newer version of AIGNE Hub (schema version %2; this version "
                    "knows up to %3). Update AIGNE Hub, or choose another data folder. The file was not "
                    "changed."_s.arg(native(m_filePath)).arg(*version).arg(latest));
    if (Status intact = checkIntegrity(); !intact)
        return intact;
    if (*version == 0) {
        const Result<bool> hasTables = hasAnyTable();
        if (!hasTables)
            return fail(hasTables.error());
        if (*hasTables)
            return fail(ErrorCode::StorageCorrupt,
                        u"%1 is an SQLite database of some other program (it has tables but no AIGNE Hub schema "
                        "version). It was not changed; choose another file or data folder."_s.arg(native(m_filePath)));
    }
    if (Status wal = enableWriteAheadLog(); !wal)
        return wal;

    if (*version == latest) {
        m_schemaVersion = latest;
        return checkWritable();
    }
    if (*version > 0) { // an existing hub database: keep a copy of it as it was before the upgrade
        if (Status backup = backUp(latest); !backup)
            return backup;
    }
    for (const Migration &migration : migrations) {
        if (migration.version <= *version)
            continue;
        if (Status applied = apply(migration); !applied)
            return applied;
        m_schemaVersion = migration.version;
    }
    return {};
}

Result<int> Database::readUserVersion() const
{
    QSqlQuery query(connection());
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return fail(error(query.lastError(), u"read the schema version"_s));
    return query.value(0).toInt();
}

Status Database::checkIntegrity() const
{
    QSqlQuery query(connection());
    if (!query.exec(u"PRAGMA quick_check(5)"_s))
        return fail(error(query.lastError(), u"check the database for damage"_s));
    QStringList problems;
    while (query.next())
        problems.append(query.value(0).toString());
    if (query.lastError().isValid())
        return fail(error(query.lastError(), u"check the database for damage"_s));
    // The check read every page of the file into this connection's cache (up to 2 MB, kept for as long as the
    // hub runs); nothing else on this connection needs them.
    query.finish();
    if (!query.exec(u"PRAGMA shrink_memory"_s))
        qCDebug(lcDatabase) << "PRAGMA shrink_memory failed on" << m_filePath << ":" << query.lastError().text();
    if (problems == QStringList { u"ok"_s })
        return {};
    return fail(ErrorCode::StorageCorrupt,
                u"The database %1 is damaged (SQLite's check reports: %2). The file was not changed; restore it "
                "from a backup (for example a .bak file next to it), or move it away to start fresh."_s.arg(
                    native(m_filePath), problems.join(u"; "_s)));
}

Status Database::enableWriteAheadLog() const
{
    QSqlQuery query(connection());
    if (!query.exec(u"PRAGMA journal_mode = WAL"_s) || !query.next())
        return fail(error(query.lastError(), u"switch to write-ahead logging"_s));
    const QString mode = query.value(0).toString();
    if (mode.compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        qCWarning(lcDatabase) << "SQLite kept journal mode" << mode << "for" << m_filePath
                              << "instead of WAL; readers and the usage writer may block each other";
    return {};
}

Status Database::checkWritable() const
{
    // Takes and releases the write lock, so a database locked or made read-only by someone else fails now, with a
    // clear message, instead of at the first request that records usage.
    Result<Transaction> transaction = Transaction::begin(*this);
    if (!transaction)
        return fail(transaction.error());
    return transaction->commit();
}

Result<bool> Database::hasAnyTable() const
{
    QSqlQuery query(connection());
    if (!query.exec(u"SELECT count(*) FROM sqlite_master"_s) || !query.next())
        return fail(error(query.lastError(), u"look for existing tables"_s));
    return query.value(0).toLongLong() > 0;
}

Status Database::backUp(int targetVersion)
{
    const QString base = m_filePath % u".before-v"_s % QString::number(targetVersion);
    QString backup = base % u".bak"_s;
    for (int n = 2; QFileInfo::exists(backup); ++n) // keep earlier backups
        backup = base % u'.' % QString::number(n) % u".bak"_s;

    QSqlQuery query(connection());
    query.prepare(u"VACUUM INTO ?"_s);
    query.addBindValue(backup);
    if (!query.exec()) {
        const Error cause = error(query.lastError(), u"back up the database before upgrading it"_s);
        QFile::remove(backup);
        return fail(cause.code,
                    u"Could not back up %1 to %2 before upgrading its schema, so it was not upgraded: %3"_s.arg(
                        native(m_filePath), native(backup), cause.message));
    }
    m_backupPath = backup;
    qCInfo(lcDatabase) << "Backed up" << m_filePath << "to" << backup << "before upgrading to schema version"
                       << targetVersion;
    return {};
}

Status Database::apply(const Migration &migration)
{
    Result<Transaction> transaction = Transaction::begin(*this);
    if (!transaction)
        return fail(transaction.error());
    const QString action = u"apply the schema migration %1"_s.arg(migration.fileName);
    for (const QString &statement : migration.statements) {
        QSqlQuery query(transaction->connection());
        if (!query.exec(statement)) {
            const Error cause = error(query.lastError(), action);
            return fail(cause.code,
                        cause.message % u" The statement was: "_s % statement.left(200)
                            % u". Nothing was changed; the database stays at schema version "_s
                            % QString::number(migration.version - 1) % u'.');
        }
    }
    QSqlQuery version(transaction->connection());
    // user_version lives in the file header, which SQLite updates inside the transaction.
    if (!version.exec(u"PRAGMA user_version = %1"_s.arg(migration.version)))
        return fail(error(version.lastError(), action));
    return transaction->commit();
}

sqlite3 *Database::nativeHandle(const QSqlDatabase &connection)
{
    const QVariant handle = connection.driver() ? connection.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QSqlDatabase Database::connection() const
{
    ThreadConnections::Entry *entry = t_connections.find(m_connections.get());
    if (!entry) {
        const QString name = m_connections->nameForThisThread(t_connections.serial());
        QSqlDatabase created = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        created.setDatabaseName(m_filePath);
        created.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_options.busyTimeoutMs));
        m_connections->add(name);
        entry = &t_connections.add(m_connections, name);
    }
    QSqlDatabase db = QSqlDatabase::database(entry->name, false);
    if (!db.isOpen()) {
        entry->configured = false;
        if (!db.open()) // the caller's first query reports why
            return db;
    }
    if (!entry->configured)
        entry->configured = configure(db);
    return db;
}

bool Database::configure(QSqlDatabase &db) const
{
    // These can fail on a locked or damaged file; the caller's own statement then reports that, and the next
    // connection() call tries again.
    // A checkpoint every 10,000 WAL pages (about 40 MB) instead of SQLite's 1,000: under load the usage writer
    // filled 1,000 pages in about 30 ms, and each checkpoint writes the same hot pages into the database again
    // and syncs both files. Ten times fewer cost the hub about 6 % less CPU per relayed request (tests/bench).
    QSqlQuery query(db);
    for (const QString &pragma : { u"PRAGMA foreign_keys = ON"_s, u"PRAGMA synchronous = NORMAL"_s,
                                   u"PRAGMA wal_autocheckpoint = %1"_s.arg(CheckpointPages) }) {
        if (!query.exec(pragma)) {
            qCDebug(lcDatabase) << pragma << "failed on" << m_filePath << ":" << query.lastError().text();
            return false;
        }
    }
    return true;
}

Error Database::error(const QSqlError &sqlError, const QString &action) const
{
    return Storage::sqlError(sqlError, m_filePath, action);
}

Result<qint64> Database::configGeneration() const
{
    QSqlQuery query(connection());
    query.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    query.addBindValue(ConfigGenerationKey);
    if (!query.exec())
        return fail(error(query.lastError(), u"read the configuration generation"_s));
    if (!query.next())
        return qint64(0);
    return query.value(0).toLongLong();
}

Status Database::bumpConfigGeneration()
{
    QSqlQuery query(connection());
    query.prepare(u"UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) WHERE key = ?"_s);
    query.addBindValue(ConfigGenerationKey);
    if (!query.exec())
        return fail(error(query.lastError(), u"record a configuration change"_s));
    if (query.numRowsAffected() > 0)
        return {};
    query.prepare(u"INSERT INTO meta (key, value) VALUES (?, '1')"_s);
    query.addBindValue(ConfigGenerationKey);
    if (!query.exec())
        return fail(error(query.lastError(), u"record a configuration change"_s));
    return {};
}

} // namespace AiHub::Storage
