// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/database.h"

#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace AiHub;

class TestUsageCrash final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void groupCommit_killedWithSigkillUnderLoad_losesNoAcknowledgedRecord()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"hub.db"_s);
        {
            auto db = Storage::Database::open(path); // migrate once, before the child starts
            QVERIFY(db);
        }
        QProcess child;
        child.start(QStringLiteral(AIHUB_CRASH_CHILD), { path });
        QVERIFY(child.waitForStarted(5000));
        QByteArray output;
        QSet<QString> acknowledged;
        QElapsedTimer timer;
        timer.start();
        while (acknowledged.size() < 500 && timer.elapsed() < 20000) {
            child.waitForReadyRead(200);
            output += child.readAllStandardOutput();
            const qsizetype lastLine = output.lastIndexOf('\n');
            if (lastLine < 0)
                continue;
            for (const QByteArray &line : output.left(lastLine).split('\n'))
                if (line.startsWith("ACK "))
                    acknowledged.insert(u"req-"_s + QString::fromLatin1(line.mid(4)));
            output = output.mid(lastLine + 1);
        }
        child.kill(); // SIGKILL: no destructor, no flush
        QVERIFY(child.waitForFinished(5000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // Acknowledgements printed just before the kill count too.
        output += child.readAllStandardOutput();
        for (const QByteArray &line : output.split('\n'))
            if (line.startsWith("ACK "))
                acknowledged.insert(u"req-"_s + QString::fromLatin1(line.mid(4)));
        QVERIFY2(acknowledged.size() >= 500, qPrintable(QString::number(acknowledged.size())));

        auto db = Storage::Database::open(path);
        QVERIFY(db);
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(u"SELECT request_id FROM usage_records"_s));
        QSet<QString> stored;
        while (q.next())
            stored.insert(q.value(0).toString());
        QSet<QString> lost = acknowledged;
        lost.subtract(stored);
        QVERIFY2(lost.isEmpty(), qPrintable(u"%1 acknowledged records lost, e.g. %2"_s.arg(lost.size()).arg(
                                     lost.isEmpty() ? QString() : *lost.begin())));
        qInfo() << "acknowledged" << acknowledged.size() << "stored" << stored.size();
    }
};

QTEST_GUILESS_MAIN(TestUsageCrash)
#include "tst_usagecrash.moc"
