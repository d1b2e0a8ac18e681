// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The Usage page over many seeded calls: the GUI thread keeps running while the queries do, and the charts and
// the table show what the rows hold (compared with a brute-force count over the same rows).
#include "core/storage/database.h"
#include "tests/core/usage/usageseeder.h"
#include "ui/pages/usagepage.h"
#include "ui/widgets/usagecallsmodel.h"

#include <QChart>
#include <QElapsedTimer>
#include <QHash>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace AiHub;
using namespace AiHub::Ui;

namespace {
constexpr qint64 kDay = 24 * 3600 * 1000LL;
constexpr qint64 kNow = 1767225600000; // 2026-01-01T00:00:00Z
constexpr qint64 kRows = 100000;

QHash<QString, double> seriesSums(QChart *chart)
{
    QHash<QString, double> sums;
    for (QAbstractSeries *s : chart->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(s)) {
            for (const QPointF &p : line->points())
                sums[line->name()] += p.y();
        }
    }
    return sums;
}
} // namespace

class TestUsagePageLoad : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    HubContext m_context;
    QList<Testing::SeededCall> m_calls;

private Q_SLOTS:
    void initTestCase()
    {
        auto database = Storage::Database::open(m_dir.filePath(QStringLiteral("hub.db")));
        QVERIFY(database);
        m_context.database = *database;
        auto seeded = Testing::UsageSeeder::seed(*database, kRows, kNow, 31 * kDay, true);
        QVERIFY(seeded);
        m_calls = *seeded;
    }

    void guiThread_keepsTickingWhileQueriesRun()
    {
        UsagePage page;
        page.setEndTime(kNow - 1);
        QSignalSpy loaded(&page, &UsagePage::statsLoaded);
        page.setContext(m_context);
        QVERIFY(loaded.wait(20000));
        QVERIFY(QTest::qWaitFor([&page] { return !page.callsModel()->isLoading(); }, 20000));

        // The month split by model reads every row. While it runs, a 5 ms timer on the GUI thread must keep firing.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer timer;
        timer.setInterval(5);
        connect(&timer, &QTimer::timeout, this, [&] {
            longestGap = std::max(longestGap, sinceTick.restart());
            ++ticks;
        });
        QElapsedTimer load;
        load.start();
        sinceTick.start();
        timer.start();
        QElapsedTimer call;
        call.start();
        page.setSplit(Usage::UsageSplit::Model);
        page.setRange(UsagePage::Range::Month);
        const qint64 callMs = call.elapsed();
        QVERIFY(loaded.wait(20000));
        const qint64 loadMs = load.elapsed();
        timer.stop();
        qInfo("loading 30 days of %lld rows took %lld ms; the GUI thread ticked %d times, longest gap %lld ms; "
              "starting the queries took %lld ms",
              kRows, loadMs, ticks, longestGap, callMs);
        QVERIFY2(callMs < 50, "starting a query must not run it on the GUI thread");
        // A query on the GUI thread would show up as one gap as long as the load itself.
        QVERIFY2(longestGap < std::max<qint64>(100, loadMs / 2), "the GUI thread stalled while the usage loaded");
        QVERIFY(ticks >= loadMs / 50);
    }

    void charts_matchTheRows()
    {
        UsagePage page;
        page.setEndTime(kNow - 1);
        QSignalSpy loaded(&page, &UsagePage::statsLoaded);
        page.setContext(m_context);
        QVERIFY(loaded.wait(20000));
        page.setRange(UsagePage::Range::Month);
        QVERIFY(loaded.wait(20000));
        const Usage::UsageStats &stats = page.stats();
        QHash<QString, double> calls, errors;
        qint64 total = 0;
        for (const Testing::SeededCall &call : std::as_const(m_calls)) {
            if (call.createdAtMs < stats.fromMs || call.createdAtMs >= kNow)
                continue;
            calls[call.provider] += 1;
            errors[call.provider] += call.status >= 400 ? 1 : 0;
            ++total;
        }
        QCOMPARE(stats.totalCalls, total);
        QCOMPARE(seriesSums(page.chart(UsagePage::CallsChart)), calls);
        QCOMPARE(seriesSums(page.chart(UsagePage::ErrorsChart)), errors);
        QVERIFY(stats.bucketCount <= 31);
        for (QAbstractSeries *s : page.chart(UsagePage::CallsChart)->series())
            QVERIFY(qobject_cast<QLineSeries *>(s)->count() <= 31); // aggregates, not rows

        // The table holds one page, not the range.
        QVERIFY(QTest::qWaitFor([&page] { return !page.callsModel()->isLoading(); }, 20000));
        QCOMPARE(page.callsModel()->rowCount(), page.callsModel()->pageSize());
        QVERIFY(page.callsModel()->canFetchMore({}));
    }
};

QTEST_MAIN(TestUsagePageLoad)
#include "tst_usagepageload.moc"
