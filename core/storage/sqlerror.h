// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"

#include <QSqlError>
#include <QString>

namespace AiHub::Storage {

// The one place that turns a driver error into an ErrorCode and a message that names the file and says what to do.
// `action` says what we were doing, e.g. "record usage" or "read the schema version".
Error sqlError(const QSqlError &error, const QString &databasePath, const QString &action);

// The primary SQLite result code of a driver error (SQLITE_BUSY = 5, ...), or -1 when the driver gave none.
int sqliteResultCode(const QSqlError &error);

// True when a statement failed on a UNIQUE, CHECK, NOT NULL or foreign key constraint.
bool isConstraintViolation(const QSqlError &error);

} // namespace AiHub::Storage
