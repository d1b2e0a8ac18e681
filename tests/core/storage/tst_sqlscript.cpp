// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/migration.h"
#include "core/storage/sqlscript.h"

#include <QFile>
#include <QTest>

using namespace AiHub::Storage;
using namespace Qt::StringLiterals;

class TestSqlScript final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void split_plainStatements_dropsTerminatorsAndBlankPieces()
    {
        QCOMPARE(SqlScript::split(u"CREATE TABLE a (x INTEGER);\n\n  INSERT INTO a VALUES (1) ;;\n"_s),
                 (QStringList { u"CREATE TABLE a (x INTEGER)"_s, u"INSERT INTO a VALUES (1)"_s }));
    }
    void split_lastStatementWithoutSemicolon_isKept()
    {
        QCOMPARE(SqlScript::split(u"SELECT 1; SELECT 2"_s), (QStringList { u"SELECT 1"_s, u"SELECT 2"_s }));
    }
    void split_semicolonsInQuotesAndComments_doNotSplit()
    {
        const QStringList statements = SqlScript::split(
            u"INSERT INTO t VALUES ('a;b', 'it''s; fine'); -- trailing; comment\n"
            "/* block; comment */ CREATE TABLE \"odd;name\" (x TEXT);\n-- only a comment; at the end\n"_s);
        QCOMPARE(statements.size(), 2);
        QCOMPARE(statements.at(0), u"INSERT INTO t VALUES ('a;b', 'it''s; fine')"_s);
        QVERIFY(statements.at(1).contains(u"CREATE TABLE \"odd;name\" (x TEXT)"_s));
        QVERIFY(statements.at(1).startsWith(u"-- trailing; comment"_s));
    }
    void split_triggerBody_staysOneStatement()
    {
        const QStringList statements = SqlScript::split(
            u"CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN\n"
            "  UPDATE b SET n = CASE WHEN n > 0 THEN n + 1 ELSE 1 END;\n"
            "  DELETE FROM c;\n"
            "END;\n"
            "CREATE INDEX i ON a (x);"_s);
        QCOMPARE(statements.size(), 2);
        QVERIFY(statements.at(0).startsWith(u"CREATE TEMP TRIGGER"_s));
        QVERIFY(statements.at(0).endsWith(u"END"_s));
        QVERIFY(statements.at(0).contains(u"DELETE FROM c;"_s));
        QCOMPARE(statements.at(1), u"CREATE INDEX i ON a (x)"_s);
    }
    void split_emptyOrCommentsOnly_givesNothing()
    {
        QVERIFY(SqlScript::split(QString()).isEmpty());
        QVERIFY(SqlScript::split(u"-- nothing\n/* here */\n  "_s).isEmpty());
    }
    void split_builtInSchema_givesEveryStatement()
    {
        QFile file(Migration::builtInDirectory() + u"/0001_initial.sql"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString script = QString::fromUtf8(file.readAll());
        const QStringList statements = SqlScript::split(script);
        const qsizetype creates = script.count(u"\nCREATE "_s);
        const qsizetype inserts = script.count(u"\nINSERT "_s);
        QVERIFY(creates >= 6);
        QCOMPARE(statements.size(), creates + inserts);
    }
};

QTEST_GUILESS_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"
