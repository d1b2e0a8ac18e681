// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The one status -> ErrorCode table the adapters share, and how each provider's wording lands in the message.
#include "core/providers/liveprovider.h"
#include "core/providers/upstreamerrormapper.h"

#include <QTest>

using namespace AiHub;
using namespace AiHub::Providers;

namespace {
LiveProvider provider()
{
    LiveProvider p;
    p.config.kind = ProviderKind::Anthropic;
    p.config.name = QStringLiteral("claude");
    return p;
}

Error map(int status, UpstreamErrorMapper::Facts facts = {}, const UpstreamErrorMapper::Wording &wording = {})
{
    facts.status = status;
    if (facts.what.isEmpty())
        facts.what = QStringLiteral("HTTP %1: details").arg(status);
    return UpstreamErrorMapper::map(provider(), facts, wording);
}
} // namespace

class TestUpstreamErrorMapper final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void statusTable_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::newRow("400") << 400 << int(ErrorCode::UpstreamBadRequest);
        QTest::newRow("401") << 401 << int(ErrorCode::UpstreamBadCredentials);
        QTest::newRow("403") << 403 << int(ErrorCode::UpstreamBadCredentials);
        QTest::newRow("404") << 404 << int(ErrorCode::UpstreamModelNotFound);
        QTest::newRow("408") << 408 << int(ErrorCode::UpstreamTimeout);
        QTest::newRow("413") << 413 << int(ErrorCode::UpstreamBadRequest);
        QTest::newRow("422") << 422 << int(ErrorCode::UpstreamBadRequest);
        QTest::newRow("429") << 429 << int(ErrorCode::UpstreamRateLimited);
        QTest::newRow("500") << 500 << int(ErrorCode::UpstreamUnavailable);
        QTest::newRow("502") << 502 << int(ErrorCode::UpstreamUnavailable);
        QTest::newRow("504") << 504 << int(ErrorCode::UpstreamTimeout);
        QTest::newRow("529") << 529 << int(ErrorCode::UpstreamUnavailable);
    }
    void statusTable()
    {
        QFETCH(int, status);
        QFETCH(int, code);
        const Error e = map(status);
        QCOMPARE(int(e.code), code);
        QCOMPARE(e.upstreamStatus, status);
        QCOMPARE(e.provider, QStringLiteral("claude"));
        QVERIFY2(e.message.contains(QStringLiteral("Anthropic (provider \"claude\")")), qPrintable(e.message));
        QVERIFY2(e.message.contains(QStringLiteral("HTTP %1: details").arg(status)), qPrintable(e.message));
    }
    void facts_overrideTheStatus()
    {
        UpstreamErrorMapper::Facts f;
        f.badCredentials = true;
        QCOMPARE(map(400, f).code, ErrorCode::UpstreamBadCredentials);
        QVERIFY(map(400, f).message.contains(QStringLiteral("aigne-hubd provider credential add claude")));
        f = {};
        f.modelNotFound = true;
        QCOMPARE(map(400, f).code, ErrorCode::UpstreamModelNotFound);
        f = {};
        f.noCredit = true;
        QCOMPARE(map(400, f).code, ErrorCode::UpstreamUnavailable);
        QVERIFY(map(400, f).message.contains(QStringLiteral("run out of credit")));
        f = {};
        f.contextTooLong = true;
        QVERIFY(map(400, f).message.contains(QStringLiteral("too long")));
        QCOMPARE(map(500, f).code, ErrorCode::UpstreamUnavailable); // 4xx facts do not turn a 5xx into a 400
        f = {};
        f.refused = true;
        QCOMPARE(map(400, f).code, ErrorCode::UpstreamRefused);
        f = {};
        f.overloaded = true;
        QVERIFY(map(500, f).message.contains(QStringLiteral("overloaded")));
    }
    void wordingAndRetryAfter_inTheMessage()
    {
        UpstreamErrorMapper::Facts f;
        f.retryAfterSeconds = 7;
        UpstreamErrorMapper::Wording w;
        w.rateLimited = QStringLiteral("is busy with other requests");
        w.unavailableAdvice = QStringLiteral("Check its log.");
        w.badRequestAdvice = QString();
        const Error limited = map(429, f, w);
        QCOMPARE(limited.retryAfterSeconds, 7);
        QVERIFY2(limited.message.contains(QStringLiteral("is busy with other requests (HTTP 429: details). Wait 7 s")),
                 qPrintable(limited.message));
        QVERIFY(map(503, {}, w).message.endsWith(QStringLiteral("(HTTP 503: details). Check its log.")));
        QVERIFY(map(400, {}, w).message.endsWith(QStringLiteral("rejected the request (HTTP 400: details).")));
    }
};

QTEST_GUILESS_MAIN(TestUpstreamErrorMapper)
#include "tst_upstreamerrormapper.moc"
