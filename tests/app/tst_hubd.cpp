// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// aigne-hubd as a person uses it: the real executable, run as a process, with a mock provider behind it.
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/rawhttpclient.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace AiHub::Testing;

namespace {
const QString kHubd = QStringLiteral(AIHUB_BINARY_DIR "/app/aigne-hubd");

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
} // namespace

class TestHubd final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    MockUpstream m_mock;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("AIHUB_SECRET_STORE"), QStringLiteral("file"));
        e.insert(QStringLiteral("AIHUB_SECRET_PASSPHRASE"), QStringLiteral("test passphrase"));
        return e;
    }
    Run run(const QStringList &args, const QByteArray &stdinData = {}, const QString &dataDir = {})
    {
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(kHubd, QStringList { QStringLiteral("--data-dir"), dataDir.isEmpty() ? m_dir.path() : dataDir } + args);
        if (!p.waitForStarted(5000))
            return {};
        p.write(stdinData);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return Run { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                     p.readAllStandardError() };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(kHubd));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_mock.startInThread() > 0);
    }

    void help_listsTheCommands()
    {
        const Run r = run({ QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("provider add KIND"));
        QVERIFY(r.out.contains("key create --name NAME"));
    }

    void allocator_isJemallocWithTheHubsOptions_whenBuiltWithIt()
    {
#ifdef AIHUB_EXPECT_JEMALLOC
        // jemalloc prints its statistics, options included, at exit when asked through the environment: this
        // shows that it is the process's malloc and that it read the options compiled into the executable.
        QProcess p;
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("MALLOC_CONF"), QStringLiteral("stats_print:true"));
        p.setProcessEnvironment(e);
        p.start(kHubd, { QStringLiteral("--help") });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("jemalloc statistics"), err.left(300).constData());
        QVERIFY(err.contains("opt.narenas: 1"));
        QVERIFY(err.contains("opt.background_thread: true"));
        QVERIFY(err.contains("opt.dirty_decay_ms: 200"));
#else
        QSKIP("built without jemalloc (libjemalloc-dev was not found)");
#endif
    }

    void badUsage_exitsWithCode2AndSaysWhy()
    {
        Run r = run({ QStringLiteral("frobnicate") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("Unknown command"));
        r = run({ QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("nosuchkind") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("openai"));
        r = run({ QStringLiteral("--bogus") });
        QCOMPARE(r.exitCode, 2);
    }

    void keys_createListRevoke()
    {
        Run r = run({ QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("ci-app") });
        QCOMPARE(r.exitCode, 0);
        const QByteArray token = r.out.trimmed();
        QVERIFY(token.startsWith("ahk_"));
        QVERIFY(r.err.contains("only time"));
        r = run({ QStringLiteral("key"), QStringLiteral("list") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("ci-app"));
        QVERIFY(!r.out.contains(token)); // a listed key never shows its secret
        r = run({ QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("ci-app") });
        QVERIFY(r.exitCode != 0);
        r = run({ QStringLiteral("key"), QStringLiteral("revoke"), QStringLiteral("ci-app") });
        QCOMPARE(r.exitCode, 0);
        r = run({ QStringLiteral("key"), QStringLiteral("list"), QStringLiteral("--all") });
        QVERIFY(r.out.contains("revoked"));
    }

    void providerAdd_readsTheSecretFromStdin_andKeepsItOutOfTheDatabase()
    {
        const QByteArray secret = "sk-proj-SECRETVALUE-0123456789abcdef";
        Run r = run({ QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("openai"),
                      QStringLiteral("--base-url"), m_mock.baseUrl().toString() },
                    secret + "\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains("encrypted file")); // says plainly which store is in use
        r = run({ QStringLiteral("provider"), QStringLiteral("list") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("sk-p…cdef"));
        QVERIFY(!r.out.contains(secret));
        // Nowhere in the data folder in clear: not in the database, its WAL, or the encrypted file.
        for (const QFileInfo &f : QDir(m_dir.path()).entryInfoList(QDir::Files)) {
            QFile file(f.filePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret), qPrintable(f.fileName()));
        }
        r = run({ QStringLiteral("provider"), QStringLiteral("test"), QStringLiteral("openai") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("OK"));
        QVERIFY(m_mock.lastRequest().header("authorization") == "Bearer " + secret);
    }

    void providerAdd_withoutSecret_savesNothing()
    {
        const Run r = run({ QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("xai") }, {});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("Nothing was saved"));
        QVERIFY(!run({ QStringLiteral("provider"), QStringLiteral("list") }).out.contains("xai"));
    }

    void providerTest_reportsTheProvidersOwnError()
    {
        m_mock.addRoute("GET", "/v1/models",
                        MockResponse::json(401, R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}})"));
        const QByteArray secret = "sk-wrong-key-00000000";
        QCOMPARE(run({ QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("openai"), QStringLiteral("--name"),
                       QStringLiteral("bad"), QStringLiteral("--base-url"), m_mock.baseUrl().toString() },
                     secret)
                     .exitCode,
                 0);
        const Run r = run({ QStringLiteral("provider"), QStringLiteral("test"), QStringLiteral("bad") });
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.err.contains("Incorrect API key provided"));
        m_mock.clearRoutes();
        QCOMPARE(run({ QStringLiteral("provider"), QStringLiteral("remove"), QStringLiteral("bad") }).exitCode, 0);
        QVERIFY(!run({ QStringLiteral("provider"), QStringLiteral("list") }).out.contains("bad "));
    }

    void serve_chatsThroughTheProvider_andStopsGracefullyOnSigterm()
    {
        QTemporaryDir dir;
        QCOMPARE(run({ QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("openai"), QStringLiteral("--base-url"),
                       m_mock.baseUrl().toString() },
                     "sk-serve-test-key-123", dir.path())
                     .exitCode,
                 0);
        const QByteArray token = run({ QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--name"),
                                       QStringLiteral("alice") },
                                     {}, dir.path())
                                     .out.trimmed();
        const quint16 port = freePort();
        QProcess serve;
        serve.setProcessEnvironment(env());
        serve.setProcessChannelMode(QProcess::MergedChannels);
        serve.start(kHubd, { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("serve"), QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:%1").arg(port) });
        QVERIFY(serve.waitForStarted());
        QByteArray log;
        QVERIFY(QTest::qWaitFor([&] {
            log += serve.readAll();
            return log.contains("listening on");
        }, 10000));
        QVERIFY(log.contains("Secrets are kept in"));

        const auto r = RawHttpClient::request(port, "POST", "/v1/chat/completions",
                                              R"({"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})",
                                              { { "Authorization", "Bearer " + token } });
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("chat.completion"));

        // A stream in flight when SIGTERM arrives still ends cleanly.
        m_mock.addRoute("POST", "/v1/chat/completions",
                        MockResponse::fromFixture(QStringLiteral("openai/chat-stream-text-with-usage.sse"))
                            ->setDelayBetweenChunksMs(80));
        RawHttpClient client(port);
        QVERIFY(client.connectToServer());
        client.sendRequest("POST", "/v1/chat/completions",
                           R"({"model":"openai/gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hi"}]})",
                           { { "Authorization", "Bearer " + token } });
        QVERIFY(client.waitFor("data: {", 5000));
        ::kill(pid_t(serve.processId()), SIGTERM);
        const auto streamed = client.readResponse(15000);
        QVERIFY(streamed.body.contains("data: [DONE]"));
        // The hub may already have exited while the stream was read (waitForFinished is false then).
        const bool ended = serve.state() == QProcess::NotRunning || serve.waitForFinished(15000);
        log += serve.readAll();
        QVERIFY2(ended, log.constData());
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        log += serve.readAll();
        QVERIFY(log.contains("Stopped cleanly"));
        m_mock.clearRoutes();
    }

    void serve_picksUpChangesMadeByTheCommandLineWhileRunning()
    {
        QTemporaryDir dir;
        const QByteArray token = run({ QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--name"),
                                       QStringLiteral("bob") },
                                     {}, dir.path())
                                     .out.trimmed();
        const quint16 port = freePort();
        QProcess serve;
        serve.setProcessEnvironment(env());
        serve.setProcessChannelMode(QProcess::MergedChannels);
        serve.start(kHubd, { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("serve"), QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:%1").arg(port) });
        QByteArray log;
        QVERIFY(QTest::qWaitFor([&] {
            log += serve.readAll();
            return log.contains("listening on");
        }, 10000));
        const QByteArray chat = R"({"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})";
        const QList<QPair<QByteArray, QByteArray>> auth { { "Authorization", "Bearer " + token } };
        QCOMPARE(RawHttpClient::request(port, "POST", "/v1/chat/completions", chat, auth).status, 404); // no provider yet

        // A provider added from the command line is used by the running hub within about a second.
        QCOMPARE(run({ QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("openai"), QStringLiteral("--base-url"),
                       m_mock.baseUrl().toString() },
                     "sk-live-reload-key-42", dir.path())
                     .exitCode,
                 0);
        QTRY_COMPARE_WITH_TIMEOUT(RawHttpClient::request(port, "POST", "/v1/chat/completions", chat, auth).status, 200, 5000);
        QVERIFY(m_mock.lastRequest().header("authorization") == "Bearer sk-live-reload-key-42");

        // A revoked key stops working just as quickly.
        QCOMPARE(run({ QStringLiteral("key"), QStringLiteral("revoke"), QStringLiteral("bob") }, {}, dir.path()).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(RawHttpClient::request(port, "POST", "/v1/chat/completions", chat, auth).status, 401, 5000);
        serve.terminate();
        QVERIFY(serve.state() == QProcess::NotRunning || serve.waitForFinished(10000));
        QCOMPARE(serve.exitCode(), 0);
    }

    void serve_portInUse_failsWithAClearMessage()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        const Run r = run({ QStringLiteral("serve"), QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:%1").arg(busy.serverPort()) });
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.err.contains("--listen"));
    }

    void damagedDatabase_isRefusedWithExitCode5_andLeftUntouched()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("hub.db"));
        QFile f(db);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray garbage(8192, 'x');
        f.write(garbage);
        f.close();
        const Run r = run({ QStringLiteral("key"), QStringLiteral("list") }, {}, dir.path());
        QCOMPARE(r.exitCode, 5);
        QVERIFY(!r.err.isEmpty());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), garbage);
    }
};

QTEST_GUILESS_MAIN(TestHubd)
#include "tst_hubd.moc"
