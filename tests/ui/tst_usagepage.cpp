// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The Usage page fed from recorded usage: charts, table and CSV export, loaded off the GUI thread.
#include "core/usage/usagestats.h"
#include "tests/support/testhub.h"
#include "ui/pages/usagepage.h"

#include <QChart>
#include <QFile>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Ui;

namespace {
constexpr qint64 kHour = 3600 * 1000;
// A fixed "now" on an hour boundary, so buckets are predictable.
constexpr qint64 kNow = 1767225600000; // 2026-01-01T00:00:00Z

Usage::UsageRecord record(qint64 at, const QString &provider, const QString &model, int status, double ms,
                          qint64 in = 10, qint64 out = 20)
{
    Usage::UsageRecord r;
    r.requestId = QStringLiteral("req-%1").arg(at);
    r.createdAtMs = at;
    r.keyName = QStringLiteral("ci");
    r.provider = provider;
    r.model = model;
    r.httpStatus = status;
    r.durationMs = ms;
    r.inputTokens = in;
    r.outputTokens = out;
    if (status >= 400)
        r.errorMessage = QStringLiteral("upstream said no");
    return r;
}

double seriesSum(QChart *chart, const QString &name)
{
    for (QAbstractSeries *s : chart->series()) {
        auto *line = qobject_cast<QLineSeries *>(s);
        if (line && line->name() == name) {
            double sum = 0;
            for (const QPointF &p : line->points())
                sum += p.y();
            return sum;
        }
    }
    return -1;
}
} // namespace

class TestUsagePage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void percentile_nearestRank()
    {
        QCOMPARE(Usage::UsageStatsReader::percentile({}, 0.5), -1.0);
        QCOMPARE(Usage::UsageStatsReader::percentile({ 7 }, 0.95), 7.0);
        QList<double> v;
        for (int i = 1; i <= 100; ++i)
            v.append(i);
        QCOMPARE(Usage::UsageStatsReader::percentile(v, 0.5), 50.0);
        QCOMPARE(Usage::UsageStatsReader::percentile(v, 0.95), 95.0);
    }

    void chartsAndTable_showRecordedUsage()
    {
        Testing::TestHub hub;
        // Two hours ago: 3 openai calls (one failed); one hour ago: 1 anthropic call. One call outside 24 h.
        hub.usage().record(record(kNow - 2 * kHour + 10, QStringLiteral("openai"), QStringLiteral("gpt-4o"), 200, 100));
        hub.usage().record(record(kNow - 2 * kHour + 20, QStringLiteral("openai"), QStringLiteral("gpt-4o"), 200, 300));
        hub.usage().record(record(kNow - 2 * kHour + 30, QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), 502, 900));
        hub.usage().record(record(kNow - kHour + 5, QStringLiteral("anthropic"), QStringLiteral("claude"), 200, 50, 1, 2));
        hub.usage().record(record(kNow - 30 * kHour, QStringLiteral("openai"), QStringLiteral("gpt-4o"), 200, 10));
        QVERIFY(hub.usage().flush());

        UsagePage page;
        page.setEndTime(kNow);
        QSignalSpy loaded(&page, &UsagePage::statsLoaded);
        HubContext context;
        context.database = hub.database();
        page.setContext(context);
        QVERIFY(page.isLoading());
        QVERIFY(loaded.wait(10000));

        const Usage::UsageStats &stats = page.stats();
        QCOMPARE(stats.totalCalls, 4);
        QCOMPARE(stats.totalErrors, 1);
        QCOMPARE(stats.totalInputTokens, 31);
        QCOMPARE(stats.groups, QStringList({ QStringLiteral("openai"), QStringLiteral("anthropic") }));
        QCOMPARE(seriesSum(page.chart(0), QStringLiteral("openai")), 3.0);     // calls
        QCOMPARE(seriesSum(page.chart(0), QStringLiteral("anthropic")), 1.0);
        QCOMPARE(seriesSum(page.chart(1), QStringLiteral("anthropic")), 3.0);  // tokens in + out
        QCOMPARE(seriesSum(page.chart(3), QStringLiteral("openai")), 1.0);     // errors
        // Latency: the openai bucket holds 100, 300, 900 ms.
        const qsizetype bucket = stats.latencyP50Ms.size() - 2; // buckets end at "now"; this one is 2 h back
        QCOMPARE(stats.latencyP50Ms.at(bucket), 300.0);
        QCOMPARE(stats.latencyP95Ms.at(bucket), 900.0);
        QVERIFY(seriesSum(page.chart(2), QStringLiteral("p95")) >= 900.0);

        auto *table = page.findChild<QTableWidget *>(QStringLiteral("recentTable"));
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("anthropic/claude")); // newest first
        QCOMPARE(table->item(1, 3)->text(), QStringLiteral("502"));

        // Split by model; 30 days includes the older call.
        page.setSplit(Usage::UsageSplit::Model);
        QVERIFY(loaded.wait(10000));
        QVERIFY(page.stats().groups.contains(QStringLiteral("openai/gpt-4o-mini")));
        page.setRange(UsagePage::Range::Month);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.stats().totalCalls, 5);
    }

    void manyGroups_foldIntoOther()
    {
        Testing::TestHub hub;
        for (int i = 0; i < 8; ++i)
            hub.usage().record(record(kNow - kHour + i, QStringLiteral("p%1").arg(i), QStringLiteral("m"), 200, 10));
        QVERIFY(hub.usage().flush());
        auto stats = Usage::UsageStatsReader::read(hub.database(), { kNow - 24 * kHour, kNow, kHour,
                                                                     Usage::UsageSplit::Provider, 5, 10 });
        QVERIFY(stats);
        QCOMPARE(stats->groups.size(), 6);
        QCOMPARE(stats->groups.constLast(), QStringLiteral("other"));
        qint64 other = 0;
        for (const Usage::UsageBucket &b : stats->series.constLast())
            other += b.calls;
        QCOMPARE(other, 3);
        QVERIFY(!Usage::UsageStatsReader::read(hub.database(), { kNow, kNow, kHour, Usage::UsageSplit::None, 5, 10 }));
    }

    void exportCsv_writesEveryCallOfTheRange()
    {
        Testing::TestHub hub;
        Usage::UsageRecord quoted = record(kNow - kHour, QStringLiteral("openai"), QStringLiteral("gpt, \"quoted\""), 200, 42);
        hub.usage().record(quoted);
        hub.usage().record(record(kNow - 2 * kHour, QStringLiteral("openai"), QStringLiteral("gpt-4o"), 429, 7));
        QVERIFY(hub.usage().flush());
        UsagePage page;
        page.setEndTime(kNow);
        HubContext context;
        context.database = hub.database();
        page.setContext(context);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("usage.csv"));
        QSignalSpy exported(&page, &UsagePage::exported);
        page.exportCsv(path);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.at(0).at(0).toBool(), true);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith("time,request_id,key"));
        QVERIFY(lines.at(1).contains(",429,"));                   // oldest first
        QVERIFY(lines.at(2).contains("\"gpt, \"\"quoted\"\"\"")); // CSV quoting

        page.exportCsv(dir.filePath(QStringLiteral("no/such/dir/usage.csv")));
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.at(1).at(0).toBool(), false);
        QVERIFY(exported.at(1).at(1).toString().contains(QStringLiteral("choose another file")));
    }
};

QTEST_MAIN(TestUsagePage)
#include "tst_usagepage.moc"
