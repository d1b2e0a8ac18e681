// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/bedrock/sigv4signer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Providers;
using namespace Qt::StringLiterals;

namespace {
const QString kSuiteDir = QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/sigv4/aws-c-auth-v4");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

struct SuiteCase {
    SigV4Signer::Request request;
    SigV4Signer::Credentials credentials;
    SigV4Signer::Options options;
    QString service;
    QString region;
    QDateTime time;
    int expires = 0;
};

// request.txt: request line, header lines (continuations start with whitespace), blank line, body.
SuiteCase loadCase(const QString &dir)
{
    SuiteCase c;
    const QJsonObject ctx = QJsonDocument::fromJson(readFile(dir + u"/context.json"_s)).object();
    const QJsonObject creds = ctx.value(u"credentials"_s).toObject();
    c.credentials.accessKeyId = creds.value(u"access_key_id"_s).toString();
    c.credentials.secretAccessKey = creds.value(u"secret_access_key"_s).toString();
    c.credentials.sessionToken = creds.value(u"token"_s).toString();
    c.options.normalizePath = ctx.value(u"normalize"_s).toBool(true);
    c.options.addContentSha256 = ctx.value(u"sign_body"_s).toBool(false);
    c.options.signSessionToken = !ctx.value(u"omit_session_token"_s).toBool(false);
    c.service = ctx.value(u"service"_s).toString();
    c.region = ctx.value(u"region"_s).toString();
    c.time = QDateTime::fromString(ctx.value(u"timestamp"_s).toString(), Qt::ISODate);
    c.expires = ctx.value(u"expiration_in_seconds"_s).toInt();

    const QByteArray raw = readFile(dir + u"/request.txt"_s);
    const qsizetype headEnd = raw.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? raw : raw.left(headEnd);
    c.request.body = headEnd < 0 ? QByteArray() : raw.mid(headEnd + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.value(0);
    const qsizetype sp = requestLine.indexOf(' ');
    c.request.method = requestLine.left(sp);
    const QByteArray target = requestLine.mid(sp + 1, requestLine.lastIndexOf(' ') - sp - 1);
    const qsizetype q = target.indexOf('?');
    c.request.path = q < 0 ? target : target.left(q);
    c.request.query = q < 0 ? QByteArray() : target.mid(q + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (line.isEmpty())
            continue;
        if ((line.front() == ' ' || line.front() == '\t') && !c.request.headers.isEmpty()) {
            c.request.headers.last().second += '\n' + line;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        c.request.headers.append({ line.left(colon), line.mid(colon + 1) });
    }
    return c;
}

QByteArray headerValue(const SigV4Signer::Headers &headers, QByteArrayView name)
{
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QStringList caseDirs()
{
    return QDir(kSuiteDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}
} // namespace

class TestSigV4Signer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void suite_hasAll38Cases() { QCOMPARE(caseDirs().size(), 38); }

    void headerSigning_matchesSuite_data()
    {
        QTest::addColumn<QString>("dir");
        for (const QString &name : caseDirs())
            QTest::newRow(qPrintable(name)) << kSuiteDir + u'/' + name;
    }

    void headerSigning_matchesSuite()
    {
        QFETCH(QString, dir);
        const SuiteCase c = loadCase(dir);
        QVERIFY(c.time.isValid());
        const SigV4Signer signer(c.service, c.region, c.credentials);
        const auto s = signer.signHeaders(c.request, c.time, c.options);
        QVERIFY(s.has_value());
        QCOMPARE(s->canonicalRequest, readFile(dir + u"/header-canonical-request.txt"_s));
        QCOMPARE(s->stringToSign, readFile(dir + u"/header-string-to-sign.txt"_s));
        QCOMPARE(s->signature, readFile(dir + u"/header-signature.txt"_s).trimmed());

        // The signed request's Authorization (and token) header is exactly what the suite sends.
        const QList<QByteArray> signedLines = readFile(dir + u"/header-signed-request.txt"_s).split('\n');
        QByteArray expectedAuth;
        QByteArray expectedToken;
        for (const QByteArray &line : signedLines) {
            if (line.startsWith("Authorization:"))
                expectedAuth = line.mid(14);
            if (line.startsWith("X-Amz-Security-Token:"))
                expectedToken = line.mid(21);
        }
        QCOMPARE(headerValue(s->headersToAdd, "Authorization"), expectedAuth);
        QCOMPARE(headerValue(s->headersToAdd, "X-Amz-Security-Token"), expectedToken);
    }

    void presigning_matchesSuite_data() { headerSigning_matchesSuite_data(); }

    void presigning_matchesSuite()
    {
        QFETCH(QString, dir);
        const SuiteCase c = loadCase(dir);
        const SigV4Signer signer(c.service, c.region, c.credentials);
        const auto s = signer.presign(c.request, c.time, c.expires, c.options);
        QVERIFY(s.has_value());
        QCOMPARE(s->canonicalRequest, readFile(dir + u"/query-canonical-request.txt"_s));
        QCOMPARE(s->stringToSign, readFile(dir + u"/query-string-to-sign.txt"_s));
        QCOMPARE(s->signature, readFile(dir + u"/query-signature.txt"_s).trimmed());
        const QByteArray firstLine = readFile(dir + u"/query-signed-request.txt"_s).split('\n').value(0);
        const QByteArray target = firstLine.mid(firstLine.indexOf(' ') + 1,
                                                firstLine.lastIndexOf(' ') - firstLine.indexOf(' ') - 1);
        const QByteArray expectedQuery = target.mid(target.indexOf('?') + 1);
        // Parameter order on the wire is free; the set of parameters is not.
        QList<QByteArray> got = s->query.split('&');
        QList<QByteArray> want = expectedQuery.split('&');
        std::sort(got.begin(), got.end());
        std::sort(want.begin(), want.end());
        QCOMPARE(got, want);
    }

    void canonicalUri_doubleEncodesAnEncodedModelId()
    {
        // Non-S3 services sign the wire path encoded once more: ':' travels as %3A and is signed as %253A.
        QCOMPARE(SigV4Signer::canonicalUri("/model/us.amazon.nova-micro-v1%3A0/converse", true),
                 QByteArray("/model/us.amazon.nova-micro-v1%253A0/converse"));
    }

    void signUpstreamRequest_addsHostDateTokenAndAuthorization()
    {
        const SigV4Signer signer(u"bedrock"_s, u"us-east-1"_s, { u"AKIDEXAMPLE"_s, u"secret"_s, u"tok"_s });
        Net::UpstreamRequest request;
        request.url = QUrl(u"http://127.0.0.1:8080/model/a%3Ab/converse"_s);
        request.body = "{}";
        request.headers.emplaceBack(QByteArray("Content-Type"), QByteArray("application/json"));
        const QDateTime t = QDateTime::fromString(u"2026-01-02T03:04:05Z"_s, Qt::ISODate);
        QVERIFY(signer.signUpstreamRequest(request, t).has_value());
        QCOMPARE(headerValue(request.headers, "Host"), QByteArray("127.0.0.1:8080"));
        QCOMPARE(headerValue(request.headers, "X-Amz-Date"), QByteArray("20260102T030405Z"));
        QCOMPARE(headerValue(request.headers, "X-Amz-Security-Token"), QByteArray("tok"));
        const QByteArray auth = headerValue(request.headers, "Authorization");
        QVERIFY(auth.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/bedrock/aws4_request, "
                                "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature="));

        // Recomputing from the request as sent gives the same signature.
        SigV4Signer::Request r;
        r.method = "POST";
        r.path = "/model/a%3Ab/converse";
        r.body = "{}";
        r.headers = { { "Host", "127.0.0.1:8080" }, { "Content-Type", "application/json" } };
        const auto again = signer.signHeaders(r, t);
        QVERIFY(again.has_value());
        QCOMPARE(headerValue(again->headersToAdd, "Authorization"), auth);
        QVERIFY(again->canonicalRequest.contains("/model/a%253Ab/converse"));
    }

    void signHeaders_changedBody_changesSignature()
    {
        const SigV4Signer signer(u"bedrock"_s, u"us-east-1"_s, { u"AK"_s, u"secret"_s, {} });
        SigV4Signer::Request r { "POST", "/", {}, { { "Host", "h" } }, "a" };
        const QDateTime t = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        const auto a = signer.signHeaders(r, t);
        r.body = "b";
        const auto b = signer.signHeaders(r, t);
        QVERIFY(a && b);
        QVERIFY(a->signature != b->signature);
    }

    void signHeaders_missingSecret_reportsBadCredentials()
    {
        const SigV4Signer signer(u"bedrock"_s, u"us-east-1"_s, { u"AK"_s, {}, {} });
        const auto s = signer.signHeaders({ "GET", "/", {}, { { "Host", "h" } }, {} }, QDateTime::currentDateTimeUtc());
        QVERIFY(!s.has_value());
        QCOMPARE(s.error().code, ErrorCode::UpstreamBadCredentials);
    }

    void signHeaders_missingRegion_reportsInvalidArgument()
    {
        const SigV4Signer signer(u"bedrock"_s, QString(), { u"AK"_s, u"s"_s, {} });
        const auto s = signer.signHeaders({ "GET", "/", {}, { { "Host", "h" } }, {} }, QDateTime::currentDateTimeUtc());
        QVERIFY(!s.has_value());
        QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestSigV4Signer)
#include "tst_sigv4signer.moc"
