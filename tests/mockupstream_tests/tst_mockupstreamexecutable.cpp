// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "rawhttpclient.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

// Starts the executable and returns the port it printed, 0 on failure.
quint16 start(QProcess &process, const QStringList &arguments)
{
    process.start(QStringLiteral(AIHUB_MOCK_UPSTREAM_EXE), arguments);
    if (!process.waitForStarted(5000))
        return 0;
    if (!QTest::qWaitFor([&process] { return process.canReadLine(); }, 10000))
        return 0;
    const QByteArray line = process.readLine().trimmed();
    if (!line.startsWith("PORT "))
        return 0;
    return quint16(line.mid(5).toUInt());
}

} // namespace

class TestMockUpstreamExecutable final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void printsPort_servesDefaults_stopsOnSigterm()
    {
        QProcess process;
        const quint16 port = start(process, {});
        QVERIFY(port != 0);
        RawHttpClient client;
        QVERIFY(client.connectTo(port));
        client.send("GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n");
        auto models = client.readResponse();
        QVERIFY(models);
        QCOMPARE(models->status, 200);
        QVERIFY(models->body.contains("\"object\":\"list\""));
        client.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
        auto chat = client.readResponse();
        QVERIFY(chat);
        const QByteArray recorded
            = readFile(QStringLiteral(AIHUB_TEST_DATA_DIR) + u"/fixtures/openai/chat-basic.response.http"_s);
        QCOMPARE(chat->body, recorded.mid(recorded.indexOf("\n\n") + 2));

        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardError().contains("served 2 responses"));
    }

    void streamOptions_shapeTheDefaultStream()
    {
        QProcess process;
        const quint16 port = start(process,
            { u"--stream-chunks"_s, u"5"_s, u"--chunk-delay-ms"_s, u"40"_s, u"--prefix"_s, u"/api/v1"_s });
        QVERIFY(port != 0);
        RawHttpClient client;
        QVERIFY(client.connectTo(port));
        QElapsedTimer timer;
        timer.start();
        const QByteArray body = R"({"model":"gpt-4o","stream":true})";
        client.send("POST /api/v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        auto r = client.readResponse();
        QVERIFY(r);
        QVERIFY(r->chunked);
        QCOMPARE(r->chunks.size(), 1 + 5 + 3);
        QVERIFY(timer.elapsed() >= 8 * 40 - 30);
        QVERIFY(r->body.endsWith("data: [DONE]\n\n"));
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 0);
    }

    void badArguments_exitWithUsageError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("port not a number") << QStringList { u"--port"_s, u"http"_s };
        QTest::newRow("port too large") << QStringList { u"--port"_s, u"70000"_s };
        QTest::newRow("negative delay") << QStringList { u"--chunk-delay-ms"_s, u"-5"_s };
    }
    void badArguments_exitWithUsageError()
    {
        QFETCH(QStringList, arguments);
        QProcess process;
        process.start(QStringLiteral(AIHUB_MOCK_UPSTREAM_EXE), arguments);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardOutput().isEmpty());
        QVERIFY(process.readAllStandardError().contains("must be a whole number"));
    }
};

QTEST_GUILESS_MAIN(TestMockUpstreamExecutable)
#include "tst_mockupstreamexecutable.moc"
