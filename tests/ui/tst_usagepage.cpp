// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The Usage page fed from recorded usage: charts, table and CSV export, loaded off the GUI thread.
#include "core/usage/usagestats.h"
#include "core/storage/database.h"
#include "tests/support/testhub.h"
#include "ui/pages/usagepage.h"
#include "ui/theme.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/usagecallsmodel.h"

#include <QCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QSet>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Ui;

namespace {
constexpr qint64 kHour = 3600 * 1000;
// A fixed "now" on an hour boundary, so buckets are predictable.
constexpr qint64 kNow = 1767225600000; // 2026-01-01T00:00:00Z

Usage::UsageRecord record(qint64 at, const QString &provider, const QString &model, int status, double ms,
                          qint64 in = 10, qint64 out = 20, qint64 creditsNanos = 0, const QString &app = {})
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
    if (creditsNanos > 0)
        r.creditsNanos = creditsNanos;
    r.appDid = app;
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

QString cell(const UsagePage &page, int row, int column)
{
    const UsageCallsModel *model = page.callsModel();
    return model->data(model->index(row, column)).toString();
}

// Waits until the calls model has no page in flight.
bool waitForCalls(const UsagePage &page)
{
    return QTest::qWaitFor([&page] { return !page.callsModel()->isLoading(); }, 10000);
}

void attach(UsagePage &page, Testing::TestHub &hub)
{
    HubContext context;
    context.database = hub.database();
    page.setContext(context);
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
        QCOMPARE(seriesSum(page.chart(UsagePage::CallsChart), QStringLiteral("openai")), 3.0);
        QCOMPARE(seriesSum(page.chart(UsagePage::CallsChart), QStringLiteral("anthropic")), 1.0);
        QCOMPARE(seriesSum(page.chart(UsagePage::TokensChart), QStringLiteral("anthropic")), 3.0); // in + out
        QCOMPARE(seriesSum(page.chart(UsagePage::ErrorsChart), QStringLiteral("openai")), 1.0);
        // Latency: the openai bucket holds 100, 300, 900 ms.
        const qsizetype bucket = stats.latencyP50Ms.size() - 2; // buckets end at "now"; this one is 2 h back
        QCOMPARE(stats.latencyP50Ms.at(bucket), 300.0);
        QCOMPARE(stats.latencyP95Ms.at(bucket), 900.0);
        QVERIFY(seriesSum(page.chart(UsagePage::LatencyChart), QStringLiteral("p95")) >= 900.0);

        QVERIFY(waitForCalls(page));
        QCOMPARE(page.callsModel()->rowCount(), 4);
        QCOMPARE(cell(page, 0, UsageCallsModel::ModelColumn), QStringLiteral("anthropic/claude")); // newest first
        QCOMPARE(cell(page, 1, UsageCallsModel::StatusColumn), QStringLiteral("502"));

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
                                                                     Usage::UsageSplit::Provider, 5 });
        QVERIFY(stats);
        QCOMPARE(stats->groups.size(), 6);
        QCOMPARE(stats->groups.constLast(), QStringLiteral("other"));
        qint64 other = 0;
        for (const Usage::UsageBucket &b : stats->series.constLast())
            other += b.calls;
        QCOMPARE(other, 3);
        QVERIFY(!Usage::UsageStatsReader::read(hub.database(), { kNow, kNow, kHour, Usage::UsageSplit::None, 5 }));
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
    void creditsAndApps_chartedAsRecorded()
    {
        Testing::TestHub hub;
        hub.usage().record(record(kNow - 3 * kHour, QStringLiteral("openai"), QStringLiteral("gpt-4o"), 200, 10, 10, 20,
                                  2500000000, QStringLiteral("z1chatapp")));
        hub.usage().record(record(kNow - 2 * kHour, QStringLiteral("openai"), QStringLiteral("gpt-4o"), 200, 10, 10, 20,
                                  500000000, QStringLiteral("z1chatapp")));
        hub.usage().record(record(kNow - kHour, QStringLiteral("gemini"), QStringLiteral("flash"), 200, 10, 10, 20,
                                  250000000));
        QVERIFY(hub.usage().flush());
        UsagePage page;
        page.setEndTime(kNow);
        QSignalSpy loaded(&page, &UsagePage::statsLoaded);
        attach(page, hub);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.stats().totalCreditsNanos, 3250000000);
        QCOMPARE(seriesSum(page.chart(UsagePage::CreditsChart), QStringLiteral("openai")), 3.0);
        QCOMPARE(seriesSum(page.chart(UsagePage::CreditsChart), QStringLiteral("gemini")), 0.25);

        page.setSplit(Usage::UsageSplit::App);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.stats().groups, QStringList({ QStringLiteral("z1chatapp"), QString() }));
        QCOMPARE(seriesSum(page.chart(UsagePage::CallsChart), QStringLiteral("z1chatapp")), 2.0);
        QCOMPARE(seriesSum(page.chart(UsagePage::CallsChart), QStringLiteral("no app")), 1.0);
        QVERIFY(waitForCalls(page));
        QCOMPARE(cell(page, 2, UsageCallsModel::AppColumn), QStringLiteral("z1chatapp"));
        QCOMPARE(cell(page, 2, UsageCallsModel::CreditsColumn).toDouble(), 2.5);
    }

    void customRange_chartsOnlyThatWindow()
    {
        Testing::TestHub hub;
        for (int day = 1; day <= 6; ++day)
            hub.usage().record(record(kNow - day * 24 * kHour + 5, QStringLiteral("openai"), QStringLiteral("m"), 200, 10));
        QVERIFY(hub.usage().flush());
        UsagePage page;
        page.setEndTime(kNow);
        QSignalSpy loaded(&page, &UsagePage::statsLoaded);
        attach(page, hub);
        QVERIFY(loaded.wait(10000));
        const QDateTime from = QDateTime::fromMSecsSinceEpoch(kNow - 4 * 24 * kHour);
        const QDateTime to = QDateTime::fromMSecsSinceEpoch(kNow - 24 * kHour);
        page.setCustomRange(from, to);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.stats().fromMs, from.toMSecsSinceEpoch());
        QCOMPARE(page.stats().bucketMs, 3 * kHour); // 72 h in 24 points
        QCOMPARE(page.stats().bucketCount, 24);
        QCOMPARE(page.stats().totalCalls, 3);      // days 2, 3, 4 back; day 1 is at the exclusive end
        QVERIFY(waitForCalls(page));
        QCOMPARE(page.callsModel()->rowCount(), 3); // the table follows the range

        // Choosing "Custom range" in the combo starts from the range on screen; the pickers show only then.
        page.setRange(UsagePage::Range::Week);
        QVERIFY(loaded.wait(10000));
        auto *fromEdit = page.findChild<QDateTimeEdit *>(QStringLiteral("fromEdit"));
        QVERIFY(fromEdit->isHidden());
        const qint64 weekFrom = page.stats().fromMs;
        auto *rangeCombo = page.findChild<QComboBox *>(QStringLiteral("rangeCombo"));
        rangeCombo->setCurrentIndex(rangeCombo->findData(int(UsagePage::Range::Custom)));
        QVERIFY(!fromEdit->isHidden());
        QVERIFY(loaded.wait(10000));
        QVERIFY(std::abs(page.stats().fromMs - weekFrom) < 60000);
        QCOMPARE(page.stats().totalCalls, 6);

        // A reversed range is refused with a message; the charts keep what they showed.
        page.setCustomRange(to, from);
        QVERIFY(!loaded.wait(300));
        QVERIFY(page.findChild<MessageBanner *>(QStringLiteral("messageBanner"))->text().contains(QStringLiteral("ends before")));
        QCOMPARE(page.stats().totalCalls, 6);
    }

    void callsTable_filtersByProviderModelKeyStatusAndSearch()
    {
        Testing::TestHub hub;
        hub.usage().record(record(kNow - 50 * 60000, QStringLiteral("openai"), QStringLiteral("gpt-4o"), 200, 10));
        hub.usage().record(record(kNow - 40 * 60000, QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), 502, 10));
        hub.usage().record(record(kNow - 30 * 60000, QStringLiteral("anthropic"), QStringLiteral("claude"), 200, 10));
        Usage::UsageRecord other = record(kNow - 20 * 60000, QStringLiteral("anthropic"), QStringLiteral("claude"), 429, 10);
        other.keyName = QStringLiteral("ops");
        hub.usage().record(other);
        QVERIFY(hub.usage().flush());
        UsagePage page;
        page.setEndTime(kNow);
        QSignalSpy loaded(&page, &UsagePage::statsLoaded);
        attach(page, hub);
        QVERIFY(loaded.wait(10000));
        QVERIFY(waitForCalls(page));
        QCOMPARE(page.callsModel()->rowCount(), 4);

        auto *provider = page.findChild<QComboBox *>(QStringLiteral("providerFilter"));
        auto *model = page.findChild<QComboBox *>(QStringLiteral("modelFilter"));
        auto *status = page.findChild<QComboBox *>(QStringLiteral("statusFilter"));
        auto *search = page.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        QVERIFY(provider && model && status && search);
        QCOMPARE(provider->count(), 3); // "Any provider", anthropic, openai
        provider->setCurrentIndex(provider->findData(QStringLiteral("anthropic")));
        QVERIFY(waitForCalls(page));
        QCOMPARE(page.callsModel()->rowCount(), 2);
        status->setCurrentIndex(status->findData(int(Usage::UsageStatusFilter::Error)));
        QVERIFY(waitForCalls(page));
        QCOMPARE(page.callsModel()->rowCount(), 1);
        QCOMPARE(page.callsModel()->call(0).keyName, QStringLiteral("ops"));

        provider->setCurrentIndex(0);
        status->setCurrentIndex(0);
        model->setCurrentIndex(model->findData(QStringLiteral("gpt-4o")));
        QVERIFY(waitForCalls(page));
        QCOMPARE(page.callsModel()->rowCount(), 1); // exact model, not gpt-4o-mini
        model->setCurrentIndex(0);
        QTest::keyClicks(search, QStringLiteral("MINI"));
        QVERIFY(QTest::qWaitFor([&page] { return page.callsModel()->filter().modelSearch == QStringLiteral("MINI"); }));
        QVERIFY(waitForCalls(page));
        QCOMPARE(page.callsModel()->rowCount(), 1);
        QCOMPARE(cell(page, 0, UsageCallsModel::StatusColumn), QStringLiteral("502"));

        // A refresh keeps the picked filters.
        page.refresh();
        QVERIFY(loaded.wait(10000));
        QVERIFY(waitForCalls(page));
        QCOMPARE(page.callsModel()->rowCount(), 1);
    }

    void callsTable_loadsAPageAtATime()
    {
        Testing::TestHub hub;
        for (int i = 0; i < 250; ++i)
            hub.usage().record(record(kNow - 3 * kHour + i * 1000, QStringLiteral("openai"), QStringLiteral("m%1").arg(i), 200, i));
        QVERIFY(hub.usage().flush());
        UsagePage page;
        page.setEndTime(kNow);
        QSignalSpy loaded(&page, &UsagePage::statsLoaded);
        attach(page, hub);
        QVERIFY(loaded.wait(10000));
        QVERIFY(waitForCalls(page));
        UsageCallsModel *model = page.callsModel();
        QCOMPARE(model->rowCount(), 100);
        QVERIFY(model->canFetchMore({}));
        QCOMPARE(model->call(0).model, QStringLiteral("m249"));
        QSignalSpy pages(model, &UsageCallsModel::pageLoaded);
        model->fetchMore({});
        QVERIFY(!model->canFetchMore({})); // one page in flight at a time
        QVERIFY(pages.wait(10000));
        QCOMPARE(model->rowCount(), 200);
        model->fetchMore({});
        QVERIFY(pages.wait(10000));
        QCOMPARE(model->rowCount(), 250);
        QVERIFY(model->isComplete());
        QVERIFY(!model->canFetchMore({}));
        QCOMPARE(model->call(249).model, QStringLiteral("m0"));
        QSet<qint64> ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids.insert(model->call(row).id);
        QCOMPARE(ids.size(), 250); // no row twice across the page seams
    }

    void quickChanges_newestQueryWins()
    {
        Testing::TestHub hub;
        hub.usage().record(record(kNow - kHour, QStringLiteral("openai"), QStringLiteral("gpt-4o"), 200, 10));
        hub.usage().record(record(kNow - 10 * 24 * kHour, QStringLiteral("gemini"), QStringLiteral("flash"), 200, 10));
        QVERIFY(hub.usage().flush());
        UsagePage page;
        page.setEndTime(kNow);
        QSignalSpy loaded(&page, &UsagePage::statsLoaded);
        attach(page, hub);
        QVERIFY(loaded.wait(10000));
        loaded.clear();
        page.setRange(UsagePage::Range::Week);
        page.setSplit(Usage::UsageSplit::Key);
        page.setRange(UsagePage::Range::Month);
        page.setSplit(Usage::UsageSplit::Model);
        QVERIFY(loaded.wait(10000));
        QTest::qWait(300); // stale answers, had they been applied, would have arrived by now
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(page.stats().totalCalls, 2); // 30 days, split by model: the last request
        QCOMPARE(page.stats().groups, QStringList({ QStringLiteral("gemini/flash"), QStringLiteral("openai/gpt-4o") }));
        QCOMPARE(page.stats().bucketMs, 24 * kHour);
    }

    void axes_labelLargeNumbersCompactly()
    {
        Testing::TestHub hub;
        hub.usage().record(record(kNow - kHour, QStringLiteral("openai"), QStringLiteral("gpt-4o"), 200, 12000, 90000, 60000));
        QVERIFY(hub.usage().flush());
        UsagePage page;
        page.setEndTime(kNow);
        QSignalSpy loaded(&page, &UsagePage::statsLoaded);
        attach(page, hub);
        QVERIFY(loaded.wait(10000));
        auto *tokens = qobject_cast<QCategoryAxis *>(page.chart(UsagePage::TokensChart)->axes(Qt::Vertical).value(0));
        QVERIFY(tokens);
        const QStringList labels = tokens->categoriesLabels();
        QCOMPARE(labels.first(), QStringLiteral("0"));
        QVERIFY2(labels.last().endsWith(u'k'), qPrintable(labels.join(u' ')));
        QVERIFY(tokens->max() >= 150000);
        for (const QString &label : labels)
            QVERIFY2(label.size() <= 5, qPrintable(label));
        auto *calls = qobject_cast<QCategoryAxis *>(page.chart(UsagePage::CallsChart)->axes(Qt::Vertical).value(0));
        QVERIFY(calls);
        QCOMPARE(calls->categoriesLabels(), QStringList({ QStringLiteral("0"), QStringLiteral("1") })); // whole calls
    }
    void darkTheme_chartsFollowThePalette()
    {
        Testing::TestHub hub;
        for (int i = 0; i < 12; ++i)
            hub.usage().record(record(kNow - (i + 1) * 5 * kHour, i % 3 ? QStringLiteral("openai") : QStringLiteral("gemini"),
                                      i % 2 ? QStringLiteral("gpt-4o") : QStringLiteral("flash"), i == 4 ? 502 : 200,
                                      200 + 40 * i, 100 * i, 300 * i, 1000000 * i, i % 4 ? QStringLiteral("z1app") : QString()));
        QVERIFY(hub.usage().flush());
        Theme::apply(Theme::Mode::Dark);
        UsagePage page;
        page.resize(820, 1300);
        page.setEndTime(kNow);
        QSignalSpy loaded(&page, &UsagePage::statsLoaded);
        attach(page, hub);
        QVERIFY(loaded.wait(10000));
        page.setCustomRange(QDateTime::fromMSecsSinceEpoch(kNow - 3 * 24 * kHour), QDateTime::fromMSecsSinceEpoch(kNow));
        QVERIFY(loaded.wait(10000));
        page.setSplit(Usage::UsageSplit::Model);
        QVERIFY(loaded.wait(10000));
        QVERIFY(waitForCalls(page));
        for (int i = 0; i < UsagePage::ChartCount; ++i)
            QCOMPARE(page.chart(i)->theme(), QChart::ChartThemeDark);
        // For review, next to tst_screenshots' pictures (once the charts have laid out).
        QTest::qWait(50);
        QDir().mkpath(QStringLiteral(AIHUB_BINARY_DIR "/screenshots"));
        page.grab().save(QStringLiteral(AIHUB_BINARY_DIR "/screenshots/usage-dark-custom-range.png"));

        Theme::apply(Theme::Mode::Light);
        QCoreApplication::processEvents();
        for (int i = 0; i < UsagePage::ChartCount; ++i)
            QCOMPARE(page.chart(i)->theme(), QChart::ChartThemeLight);
        Theme::apply(Theme::Mode::System);
    }
    void unreadableDatabase_saysSoInBannerAndTable()
    {
        Testing::TestHub hub;
        hub.usage().record(record(kNow - kHour, QStringLiteral("openai"), QStringLiteral("gpt-4o"), 200, 10));
        QVERIFY(hub.usage().flush());
        UsagePage page;
        page.setEndTime(kNow);
        QSignalSpy loaded(&page, &UsagePage::statsLoaded);
        attach(page, hub);
        QVERIFY(loaded.wait(10000));
        QVERIFY(waitForCalls(page));
        QCOMPARE(page.callsModel()->rowCount(), 1);

        // The table is gone (a damaged or foreign database): both queries fail with a message, nothing hangs.
        QSqlQuery drop(hub.database()->connection());
        QVERIFY(drop.exec(QStringLiteral("ALTER TABLE usage_records RENAME TO usage_records_gone")));
        QSignalSpy failed(page.callsModel(), &UsageCallsModel::loadFailed);
        page.refresh();
        auto *banner = page.findChild<MessageBanner *>(QStringLiteral("messageBanner"));
        QVERIFY(QTest::qWaitFor([banner] { return banner->text().contains(QStringLiteral("cannot be read")); }, 10000));
        QVERIFY(!page.isLoading());
        QVERIFY(failed.count() == 1 || failed.wait(10000));
        QCOMPARE(page.callsModel()->rowCount(), 0);
        QVERIFY(!page.callsModel()->canFetchMore({}));
        auto *status = page.findChild<QLabel *>(QStringLiteral("callsStatus"));
        QVERIFY(status->text().contains(QStringLiteral("cannot be read")));
        QCOMPARE(loaded.count(), 1); // no statsLoaded for the failed read
    }
};

QTEST_MAIN(TestUsagePage)
#include "tst_usagepage.moc"
