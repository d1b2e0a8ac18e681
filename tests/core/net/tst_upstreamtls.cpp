// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/net/upstreamcall.h"
#include "core/net/upstreamclient.h"

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace AiHub;
using namespace AiHub::Net;
using namespace Qt::StringLiterals;

namespace {

struct Identity {
    QSslCertificate certificate;
    QSslKey key;
};

// A self-signed certificate made with the openssl CLI. Returns an error text instead when that fails.
QString makeIdentity(const QString &dir, const QString &name, const QString &subjectAltName, Identity *out)
{
    const QString keyPath = dir + u'/' + name + u"-key.pem"_s;
    const QString certPath = dir + u'/' + name + u"-cert.pem"_s;
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s, { u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                                  u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-keyout"_s, keyPath, u"-out"_s,
                                  certPath, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=aihub-test"_s, u"-addext"_s,
                                  u"subjectAltName="_s + subjectAltName });
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
        return u"openssl failed: "_s + QString::fromLocal8Bit(openssl.readAll());
    QFile certFile(certPath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return u"cannot read the generated files"_s;
    out->certificate = QSslCertificate(&certFile, QSsl::Pem);
    out->key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
    if (out->certificate.isNull() || out->key.isNull())
        return u"Qt cannot load the generated certificate or key"_s;
    return {};
}

// A TLS HTTP/1.1 server on 127.0.0.1 that answers every request with a chunked body and keeps the connection.
class TlsServer final : public QSslServer {
public:
    explicit TlsServer(const Identity &identity)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(identity.certificate);
        config.setPrivateKey(identity.key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        setSslConfiguration(config);
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::pendingConnectionAvailable, this, &TlsServer::acceptAll);
    }

    int accepted() const { return m_accepted; }
    int requests() const { return m_requests; }

private:
    void acceptAll()
    {
        while (QTcpSocket *socket = nextPendingConnection()) {
            ++m_accepted;
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (socket->bytesAvailable() > 0)
                onData(socket);
        }
    }

    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        qsizetype end;
        while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
            const QByteArray head = buffer.left(end);
            const qsizetype at = head.toLower().indexOf("content-length:");
            const qsizetype length = at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
            if (buffer.size() < end + 4 + length)
                return;
            buffer.remove(0, end + 4 + length);
            ++m_requests;
            const QByteArray body = "hello over tls " + QByteArray::number(m_requests);
            socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + QByteArray::number(body.size(), 16)
                          + "\r\n" + body + "\r\n0\r\n\r\n");
        }
    }

    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_accepted = 0;
    int m_requests = 0;
};

struct Outcome {
    int finished = 0;
    int failed = 0;
    QByteArray body;
    Error error;
    bool reused = false;
};

Outcome run(UpstreamClient &client, const QUrl &url, int connectMs = 10000)
{
    UpstreamRequest request;
    request.url = url;
    request.body = "{}";
    request.timeouts.connectMs = connectMs;
    std::unique_ptr<UpstreamCall> call(client.send(request));
    Outcome outcome;
    QObject::connect(call.get(), &UpstreamCall::bodyData, call.get(), [&](const QByteArray &d) { outcome.body += d; });
    QObject::connect(call.get(), &UpstreamCall::finished, call.get(), [&] { ++outcome.finished; });
    QObject::connect(call.get(), &UpstreamCall::failed, call.get(), [&](const Error &e) {
        ++outcome.failed;
        outcome.error = e;
    });
    if (!QTest::qWaitFor([&] { return outcome.finished + outcome.failed > 0; }, 10000))
        outcome.error.message = u"the call never ended"_s;
    outcome.reused = call->reusedConnection();
    return outcome;
}

} // namespace

class TestUpstreamTls final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
            QSKIP("the openssl CLI is not installed; it is needed to make a test certificate");
        QVERIFY(m_dir.isValid());
        QString problem = makeIdentity(m_dir.path(), u"local"_s, u"DNS:localhost,IP:127.0.0.1"_s, &m_local);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = makeIdentity(m_dir.path(), u"other"_s, u"DNS:other.example"_s, &m_other);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void https_trustedCertificate_streamsBodyAndReusesConnection()
    {
        TlsServer server(m_local);
        QVERIFY(server.isListening());
        UpstreamClient client;
        client.setTlsConfiguration(trusting(m_local.certificate));
        const QUrl url(u"https://localhost:%1/v1/chat"_s.arg(server.serverPort()));
        const Outcome first = run(client, url);
        QCOMPARE(first.failed, 0);
        QCOMPARE(first.finished, 1);
        QCOMPARE(first.body, QByteArray("hello over tls 1"));
        QVERIFY(!first.reused);
        const Outcome second = run(client, url);
        QCOMPARE(second.finished, 1);
        QCOMPARE(second.body, QByteArray("hello over tls 2"));
        QVERIFY(second.reused);
        QCOMPARE(server.accepted(), 1);
        QCOMPARE(client.idleConnectionCount(), 1);
    }

    void https_ipAddressCertificate_isAccepted()
    {
        TlsServer server(m_local);
        UpstreamClient client;
        client.setTlsConfiguration(trusting(m_local.certificate));
        const Outcome outcome = run(client, QUrl(u"https://127.0.0.1:%1/v1/chat"_s.arg(server.serverPort())));
        QCOMPARE(outcome.finished, 1);
        QCOMPARE(outcome.body, QByteArray("hello over tls 1"));
    }

    void https_untrustedCertificate_failsUnavailable()
    {
        TlsServer server(m_local);
        UpstreamClient client; // system CAs only
        const Outcome outcome = run(client, QUrl(u"https://localhost:%1/v1/chat"_s.arg(server.serverPort())));
        QCOMPARE(outcome.failed, 1);
        QCOMPARE(outcome.finished, 0);
        QCOMPARE(outcome.error.code, ErrorCode::UpstreamUnavailable);
        QVERIFY2(outcome.error.message.contains(u"TLS handshake with localhost:%1 failed"_s.arg(server.serverPort())),
                 qPrintable(outcome.error.message));
        QCOMPARE(server.requests(), 0);
        QCOMPARE(client.openConnectionCount(), 0);
    }

    void https_certificateForAnotherHost_failsUnavailable()
    {
        TlsServer server(m_other);
        UpstreamClient client;
        client.setTlsConfiguration(trusting(m_other.certificate));
        const Outcome outcome = run(client, QUrl(u"https://localhost:%1/v1/chat"_s.arg(server.serverPort())));
        QCOMPARE(outcome.failed, 1);
        QCOMPARE(outcome.error.code, ErrorCode::UpstreamUnavailable);
        QVERIFY2(outcome.error.message.contains(u"TLS handshake"_s), qPrintable(outcome.error.message));
        QCOMPARE(server.requests(), 0);
    }

    void https_plainHttpServer_failsInsteadOfHanging()
    {
        QTcpServer plain; // accepts TCP, answers the TLS hello with plain HTTP
        QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
        connect(&plain, &QTcpServer::newConnection, this, [&plain] {
            while (QTcpSocket *s = plain.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    s->readAll();
                    s->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    s->disconnectFromHost();
                });
            }
        });
        UpstreamClient client;
        const Outcome outcome = run(client, QUrl(u"https://127.0.0.1:%1/"_s.arg(plain.serverPort())));
        QCOMPARE(outcome.failed, 1);
        QCOMPARE(outcome.error.code, ErrorCode::UpstreamUnavailable);
    }

    void https_stalledHandshake_countsAsConnectTimeout()
    {
        QTcpServer silent; // accepts TCP, never speaks TLS
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> kept;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                kept.append(s);
        });
        UpstreamClient client;
        const Outcome outcome = run(client, QUrl(u"https://127.0.0.1:%1/"_s.arg(silent.serverPort())), 300);
        QCOMPARE(outcome.failed, 1);
        QCOMPARE(outcome.error.code, ErrorCode::UpstreamTimeout);
        QVERIFY2(outcome.error.message.contains(u"could not connect to 127.0.0.1:%1 within 300 ms"_s.arg(silent.serverPort())),
                 qPrintable(outcome.error.message));
    }

private:
    static QSslConfiguration trusting(const QSslCertificate &certificate)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.addCaCertificate(certificate);
        return config;
    }

    QTemporaryDir m_dir;
    Identity m_local;
    Identity m_other;
};

QTEST_GUILESS_MAIN(TestUpstreamTls)
#include "tst_upstreamtls.moc"
