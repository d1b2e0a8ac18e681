// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/migration.h"

#include "core/storage/sqlscript.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

#include <mutex>

using namespace Qt::StringLiterals;

// Q_INIT_RESOURCE declares the initialiser in the enclosing namespace, so it is called from the global one.
static void registerBuiltInMigrations()
{
    Q_INIT_RESOURCE(aihub_sql);
}

namespace AiHub::Storage {

QString Migration::builtInDirectory()
{
    static std::once_flag once;
    std::call_once(once, registerBuiltInMigrations);
    return u":/sql"_s;
}

Result<QList<Migration>> Migration::loadAll(const QString &directory)
{
    static const QRegularExpression pattern(u"^(\\d{4})_[A-Za-z0-9_.-]+\\.sql$"_s);
    const QDir dir(directory);
    QList<Migration> migrations;
    const QStringList files = dir.entryList({ u"*.sql"_s }, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &fileName : files) {
        const QRegularExpressionMatch match = pattern.match(fileName);
        if (!match.hasMatch())
            continue;
        QFile file(dir.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Internal,
                        u"Cannot read the schema migration %1: %2."_s.arg(file.fileName(), file.errorString()));
        Migration migration;
        migration.version = match.captured(1).toInt();
        migration.fileName = fileName;
        migration.statements = SqlScript::split(QString::fromUtf8(file.readAll()));
        migrations.append(std::move(migration));
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        if (migrations.at(i).version != int(i) + 1)
            return fail(ErrorCode::Internal,
                        u"The schema migrations in %1 must be numbered 0001, 0002, ... without gaps or duplicates; "
                        "%2 breaks the sequence."_s.arg(directory, migrations.at(i).fileName));
    }
    return migrations;
}

} // namespace AiHub::Storage
