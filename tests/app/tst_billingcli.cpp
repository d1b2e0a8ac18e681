// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The billing commands of aigne-hubd, run as a process: settings, rates (set, list, history, import with a diff),
// credits (grant, adjust, balance, history) and their refusals.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString kHubd = QStringLiteral(AIHUB_BINARY_DIR "/app/aigne-hubd");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

class TestBillingCli final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    Run run(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"AIHUB_SECRET_STORE"_s, u"file"_s);
        e.insert(u"AIHUB_SECRET_PASSPHRASE"_s, u"test passphrase"_s);
        p.setProcessEnvironment(e);
        p.start(kHubd, QStringList { u"--data-dir"_s, m_dir.path() } + args);
        if (!p.waitForStarted(5000))
            return {};
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return Run { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                     QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
    }

private Q_SLOTS:
    void billing_onOffAndSettings()
    {
        QCOMPARE(run({ u"billing"_s, u"on"_s }).exitCode, 0);
        QCOMPARE(run({ u"billing"_s, u"set"_s, u"grant"_s, u"100"_s }).exitCode, 0);
        QCOMPARE(run({ u"billing"_s, u"set"_s, u"unpriced"_s, u"free"_s }).exitCode, 0);
        const Run shown = run({ u"billing"_s, u"show"_s });
        QVERIFY2(shown.out.contains(u"enabled = on"_s), qPrintable(shown.out));
        QVERIFY(shown.out.contains(u"grant = 100"_s));
        QVERIFY(shown.out.contains(u"unpriced = free"_s));
        const Run bad = run({ u"billing"_s, u"set"_s, u"grant"_s, u"lots"_s });
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains(u"not a credit amount"_s), qPrintable(bad.err));
        QVERIFY(run({ u"billing"_s, u"maybe"_s }).exitCode != 0);
        QCOMPARE(run({ u"billing"_s, u"off"_s }).exitCode, 0);
        QVERIFY(run({ u"billing"_s, u"show"_s }).out.contains(u"enabled = off"_s));
    }

    void rates_setListHistoryAndDerive()
    {
        QCOMPARE(run({ u"rates"_s, u"set"_s, u"openai/gpt-4o"_s, u"--input"_s, u"2.5"_s, u"--output"_s, u"10"_s,
                       u"--cache-read"_s, u"1.25"_s })
                     .exitCode,
                 0);
        // 2% margin at one money unit per credit: 5 -> 5.1.
        QCOMPARE(run({ u"rates"_s, u"set"_s, u"openai/gpt-4o"_s, u"--input"_s, u"5"_s, u"--output"_s, u"20"_s,
                       u"--from-cost"_s })
                     .exitCode,
                 0);
        QCOMPARE(run({ u"rates"_s, u"set"_s, u"openai/dall-e-3"_s, u"--type"_s, u"image"_s, u"--output"_s,
                       u"0.04"_s })
                     .exitCode,
                 0);
        const Run list = run({ u"rates"_s, u"list"_s });
        QVERIFY2(list.out.contains(u"5.1"_s) && list.out.contains(u"20.4"_s), qPrintable(list.out));
        QVERIFY(list.out.contains(u"0.04"_s));
        const Run history = run({ u"rates"_s, u"history"_s, u"openai/gpt-4o"_s });
        QVERIFY2(history.out.contains(u"2.5"_s) && history.out.contains(u"5.1"_s), qPrintable(history.out));
        QVERIFY(run({ u"rates"_s, u"set"_s, u"gpt-4o"_s, u"--input"_s, u"1"_s }).exitCode != 0); // no provider
        QVERIFY(run({ u"rates"_s, u"set"_s, u"a/b"_s, u"--input"_s, u"0.1e3"_s }).exitCode != 0);
        QVERIFY(run({ u"rates"_s, u"set"_s, u"a/b"_s, u"--type"_s, u"video"_s, u"--input"_s, u"1"_s }).exitCode != 0);
    }

    void rates_import_showsDiffThenApplies()
    {
        QCOMPARE(run({ u"rates"_s, u"set"_s, u"openai/gpt-4o"_s, u"--input"_s, u"2.5"_s, u"--output"_s, u"10"_s }).exitCode, 0);
        const QString file = m_dir.filePath(u"prices.csv"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("model,input,output\nopenai/gpt-4o,2,8\nopenai/new-model,1,3\n");
        f.close();
        const Run preview = run({ u"rates"_s, u"import"_s, file });
        QCOMPARE(preview.exitCode, 0);
        QVERIFY2(preview.out.contains(u"~ openai/gpt-4o"_s), qPrintable(preview.out));
        QVERIFY(preview.out.contains(u"+ openai/new-model"_s));
        QVERIFY(!run({ u"rates"_s, u"list"_s }).out.contains(u"new-model"_s)); // nothing applied yet
        QCOMPARE(run({ u"rates"_s, u"import"_s, file, u"--apply"_s }).exitCode, 0);
        QVERIFY(run({ u"rates"_s, u"list"_s }).out.contains(u"new-model"_s));
        QVERIFY(run({ u"rates"_s, u"import"_s, m_dir.filePath(u"missing.json"_s) }).exitCode != 0);
    }

    void credits_grantAdjustBalanceHistory()
    {
        QCOMPARE(run({ u"credits"_s, u"grant"_s, u"alice"_s, u"12.5"_s }).exitCode, 0);
        QCOMPARE(run({ u"credits"_s, u"adjust"_s, u"alice"_s, u"-2.5"_s, u"--reason"_s, u"typo"_s }).exitCode, 0);
        const Run balance = run({ u"credits"_s, u"balance"_s, u"alice"_s });
        QVERIFY2(balance.out.contains(u"balance 10,"_s), qPrintable(balance.out));
        const Run history = run({ u"credits"_s, u"history"_s, u"alice"_s });
        QVERIFY2(history.out.contains(u"adjustment"_s) && history.out.contains(u"typo"_s), qPrintable(history.out));
        QVERIFY(history.out.contains(u"topup"_s));
        QVERIFY(run({ u"credits"_s, u"grant"_s, u"alice"_s, u"-1"_s }).exitCode != 0);
        QVERIFY(run({ u"credits"_s, u"grant"_s, u"alice"_s, u"ten"_s }).exitCode != 0);
        QVERIFY(run({ u"credits"_s, u"adjust"_s, u"alice"_s, u"1"_s }).exitCode != 0); // needs --reason
        const Run unknown = run({ u"credits"_s, u"balance"_s, u"nobody"_s });
        QVERIFY(unknown.exitCode != 0);
        QVERIFY(unknown.err.contains(u"no account"_s));
    }
};

QTEST_GUILESS_MAIN(TestBillingCli)
#include "tst_billingcli.moc"
