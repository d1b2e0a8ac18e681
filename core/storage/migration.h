// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace AiHub::Storage {

// One numbered schema step, read from NNNN_name.sql. Version N means "the schema after this file ran".
struct Migration {
    int version = 0;
    QString fileName;
    QStringList statements;

    // ":/sql", the migrations built into the binary. Registers them first: they live in a static library, where
    // nothing else would pull the resource in.
    static QString builtInDirectory();

    // All NNNN_*.sql files of `directory` (a resource path such as ":/sql" or a folder), in order. Fails when the
    // numbers do not run 1, 2, 3... without gaps or duplicates, or a file cannot be read.
    [[nodiscard]] static Result<QList<Migration>> loadAll(const QString &directory);
};

} // namespace AiHub::Storage
