// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QtGlobal>

#include <memory>

struct sqlite3;

namespace AiHub::Storage {

class ConnectionRegistry;
struct Migration;

struct DatabaseOptions {
    QString migrationsDirectory;   // empty: the migrations built into the binary (":/sql"); tests pass a folder
    int busyTimeoutMs = 5000;      // how long a statement waits for another connection's lock before failing
};

// The hub's SQLite database. open() creates it if missing, refuses damaged, locked, read-only or newer files with a
// distinct ErrorCode (never modifying them), backs up and migrates older ones, and hands out one connection per
// thread. Shared by the server, the CLI and the usage writer thread; keep it alive (shared_ptr) while they run.
class Database final {
public:
    [[nodiscard]] static Result<std::shared_ptr<Database>> open(const QString &filePath);
    [[nodiscard]] static Result<std::shared_ptr<Database>> open(const QString &filePath,
                                                                const DatabaseOptions &options);

    // The schema version the built-in migrations produce.
    static int latestSchemaVersion();

    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    QString filePath() const { return m_filePath; }
    int schemaVersion() const { return m_schemaVersion; }
    // The copy made before migrating an existing database during open(), or empty when none was needed.
    QString backupPath() const { return m_backupPath; }

    // This thread's own connection, opened on first use with the hub's pragmas (foreign keys on, synchronous
    // NORMAL, busy timeout). It is closed and removed when the thread ends or the Database is destroyed. Use it
    // only on the calling thread. If it cannot be opened, the handle is closed and its lastError() says why.
    QSqlDatabase connection() const;
    // SQLite's own handle of an open connection, for what Qt's driver does not offer; nullptr if there is none.
    [[nodiscard]] static sqlite3 *nativeHandle(const QSqlDatabase &connection);
    // Log pages after which a commit checkpoints the write-ahead log (PRAGMA wal_autocheckpoint).
    static constexpr int CheckpointPages = 10000;

    // Maps a driver error from a query on this database (see sqlError()).
    Error error(const QSqlError &sqlError, const QString &action) const;

    // A counter the CLI bumps after changing keys or providers; the server polls it and reloads when it moves.
    [[nodiscard]] Result<qint64> configGeneration() const;
    [[nodiscard]] Status bumpConfigGeneration();

private:
    Database(QString filePath, DatabaseOptions options);

    [[nodiscard]] Status initialize(const QList<Migration> &migrations);
    [[nodiscard]] Result<int> readUserVersion() const;
    [[nodiscard]] Status checkIntegrity() const;
    [[nodiscard]] Status enableWriteAheadLog() const;
    [[nodiscard]] Status checkWritable() const;
    [[nodiscard]] Result<bool> hasAnyTable() const;
    [[nodiscard]] Status backUp(int targetVersion);
    [[nodiscard]] Status apply(const Migration &migration);
    bool configure(QSqlDatabase &connection) const;

    QString m_filePath;
    DatabaseOptions m_options;
    std::shared_ptr<ConnectionRegistry> m_connections;
    int m_schemaVersion = 0;
    QString m_backupPath;
};

} // namespace AiHub::Storage
