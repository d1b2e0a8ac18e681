// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/sqlerror.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace AiHub::Storage {

namespace {

// Primary SQLite result codes we react to (sqlite3.h; the driver may report extended codes, hence the mask).
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteFull = 13;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteConstraint = 19;
constexpr int SqliteNotADatabase = 26;

QString detailOf(const QSqlError &error)
{
    QString detail = error.databaseText().trimmed();
    if (detail.isEmpty())
        detail = error.driverText().trimmed();
    return detail.isEmpty() ? u"no details from the driver"_s : detail;
}

} // namespace

int sqliteResultCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    if (ok && code >= 0)
        return code & 0xff;
    // Some driver paths (COMMIT through QSqlDatabase::commit) drop the code; fall back to SQLite's fixed texts.
    const QString text = error.databaseText();
    if (text.contains(u"database is locked"_s) || text.contains(u"database table is locked"_s))
        return SqliteBusy;
    if (text.contains(u"readonly database"_s))
        return SqliteReadOnly;
    if (text.contains(u"file is not a database"_s))
        return SqliteNotADatabase;
    if (text.contains(u"malformed"_s))
        return SqliteCorrupt;
    return -1;
}

bool isConstraintViolation(const QSqlError &error)
{
    return sqliteResultCode(error) == SqliteConstraint;
}

Error sqlError(const QSqlError &error, const QString &databasePath, const QString &action)
{
    const QString file = QDir::toNativeSeparators(databasePath);
    const QString detail = detailOf(error);
    switch (sqliteResultCode(error)) {
    case SqliteBusy:
    case SqliteLocked:
        return Error::make(ErrorCode::StorageLocked,
                           u"The database %1 is locked by another program; close it or wait, then try again "
                           "(while trying to %2: %3)."_s.arg(file, action, detail));
    case SqliteReadOnly:
        return Error::make(ErrorCode::StorageReadOnly,
                           u"The database %1 is read-only (while trying to %2: %3). Make the file and its folder "
                           "writable, or choose another data folder."_s.arg(file, action, detail));
    case SqliteCorrupt:
    case SqliteNotADatabase:
        return Error::make(ErrorCode::StorageCorrupt,
                           u"The database %1 is damaged or is not an AIGNE Hub database (while trying to %2: %3). "
                           "The file was left as it is; restore it from a backup or move it away to start "
                           "fresh."_s.arg(file, action, detail));
    case SqliteFull:
        return Error::make(ErrorCode::StorageError,
                           u"The disk holding the database %1 is full (while trying to %2). Free some space and "
                           "try again."_s.arg(file, action));
    case SqliteCantOpen:
        return Error::make(ErrorCode::StorageError,
                           u"Could not open the database %1 (while trying to %2: %3). Check that the path exists "
                           "and that its folder is writable."_s.arg(file, action, detail));
    default:
        return Error::make(ErrorCode::StorageError,
                           u"Database error in %1 while trying to %2: %3."_s.arg(file, action, detail));
    }
}

} // namespace AiHub::Storage
