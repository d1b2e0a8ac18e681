// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/migration.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Storage;
using namespace Qt::StringLiterals;

class TestMigration final : public QObject {
    Q_OBJECT

private:
    static void write(const QTemporaryDir &dir, const QString &name, const QByteArray &sql)
    {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(sql);
    }

private Q_SLOTS:
    void loadAll_builtIn_startsAtOne()
    {
        const auto migrations = Migration::loadAll(Migration::builtInDirectory());
        QVERIFY(migrations.has_value());
        QVERIFY(!migrations->isEmpty());
        QCOMPARE(migrations->first().version, 1);
        QCOMPARE(migrations->first().fileName, u"0001_initial.sql"_s);
        QVERIFY(!migrations->first().statements.isEmpty());
    }
    void loadAll_sortsByNumberAndIgnoresOtherFiles()
    {
        QTemporaryDir dir;
        write(dir, u"0002_second.sql"_s, "CREATE TABLE b (x INTEGER);");
        write(dir, u"0001_first.sql"_s, "CREATE TABLE a (x INTEGER); CREATE TABLE c (x INTEGER);");
        write(dir, u"notes.sql"_s, "garbage");
        write(dir, u"0003_third.txt"_s, "garbage");
        const auto migrations = Migration::loadAll(dir.path());
        QVERIFY(migrations.has_value());
        QCOMPARE(migrations->size(), 2);
        QCOMPARE(migrations->at(0).version, 1);
        QCOMPARE(migrations->at(0).statements.size(), 2);
        QCOMPARE(migrations->at(1).fileName, u"0002_second.sql"_s);
    }
    void loadAll_gapOrDuplicate_isAnError()
    {
        QTemporaryDir gap;
        write(gap, u"0001_a.sql"_s, "SELECT 1;");
        write(gap, u"0003_c.sql"_s, "SELECT 1;");
        auto result = Migration::loadAll(gap.path());
        QVERIFY(!result.has_value());
        QVERIFY(result.error().message.contains(u"0003_c.sql"_s));

        QTemporaryDir duplicate;
        write(duplicate, u"0001_a.sql"_s, "SELECT 1;");
        write(duplicate, u"0001_b.sql"_s, "SELECT 1;");
        QVERIFY(!Migration::loadAll(duplicate.path()).has_value());
    }
    void loadAll_emptyFolder_givesNoMigrations()
    {
        QTemporaryDir dir;
        const auto migrations = Migration::loadAll(dir.path());
        QVERIFY(migrations.has_value());
        QVERIFY(migrations->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
