// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Usage queries over 20,000 seeded calls: chart aggregates, percentiles and pages of calls against a brute-force
// computation over the same rows; cancellation and bad input.
#include "core/storage/database.h"
#include "core/usage/usagecallsreader.h"
#include "core/usage/usagerange.h"
#include "core/usage/usagestats.h"
#include "tests/core/usage/usageseeder.h"

#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace AiHub;
using namespace AiHub::Usage;

namespace {
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kNow = 1767225600000; // 2026-01-01T00:00:00Z
constexpr qint64 kRows = 20000;

QString groupOf(const Testing::SeededCall &call, UsageSplit split)
{
    switch (split) {
    case UsageSplit::None:
        return QString();
    case UsageSplit::Provider:
        return call.provider;
    case UsageSplit::Model:
        return call.provider + u'/' + call.model;
    case UsageSplit::Key:
        return call.keyName;
    case UsageSplit::App:
        return call.appDid;
    }
    return QString();
}

// Nearest rank, computed the obvious way.
double nearestRank(QList<double> values, double q)
{
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(q * double(values.size())));
    return values.at(std::max<qsizetype>(rank, 1) - 1);
}
} // namespace

class TestUsageQueries : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Storage::Database> m_database;
    QList<Testing::SeededCall> m_calls;

    void compareWithBruteForce(const UsageStatsQuery &query)
    {
        UsageStatsQuery all = query;
        all.maxGroups = 1000;
        const Result<UsageStats> stats = UsageStatsReader::read(m_database, all);
        QVERIFY2(stats, qPrintable(stats ? QString() : stats.error().message));
        QCOMPARE(stats->fromMs, query.fromMs);
        QCOMPARE(stats->bucketCount, int((query.toMs - query.fromMs + query.bucketMs - 1) / query.bucketMs));

        QHash<QString, QList<UsageBucket>> expected;
        QList<QList<double>> durations(stats->bucketCount);
        qint64 calls = 0, input = 0, output = 0, errors = 0, credits = 0;
        for (const Testing::SeededCall &call : std::as_const(m_calls)) {
            if (call.createdAtMs < query.fromMs || call.createdAtMs >= query.toMs)
                continue;
            const auto bucket = qsizetype((call.createdAtMs - query.fromMs) / query.bucketMs);
            QList<UsageBucket> &row = expected[groupOf(call, query.split)];
            if (row.isEmpty())
                row.resize(stats->bucketCount);
            UsageBucket &b = row[bucket];
            ++b.calls;
            b.inputTokens += call.inputTokens;
            b.outputTokens += call.outputTokens;
            b.errors += call.status >= 400 ? 1 : 0;
            b.creditsNanos += call.creditsNanos.value_or(0);
            durations[bucket].append(call.durationMs);
            ++calls;
            input += call.inputTokens;
            output += call.outputTokens;
            errors += call.status >= 400 ? 1 : 0;
            credits += call.creditsNanos.value_or(0);
        }
        QVERIFY(calls > 0);
        QCOMPARE(stats->totalCalls, calls);
        QCOMPARE(stats->totalInputTokens, input);
        QCOMPARE(stats->totalOutputTokens, output);
        QCOMPARE(stats->totalErrors, errors);
        QCOMPARE(stats->totalCreditsNanos, credits);
        QCOMPARE(stats->groups.size(), expected.size());
        for (qsizetype g = 0; g < stats->groups.size(); ++g) {
            const QString &group = stats->groups.at(g);
            QVERIFY2(expected.contains(group), qPrintable(group));
            const QList<UsageBucket> &want = expected.value(group);
            for (int b = 0; b < stats->bucketCount; ++b) {
                const UsageBucket &got = stats->series.at(g).at(b);
                QCOMPARE(got.calls, want.at(b).calls);
                QCOMPARE(got.inputTokens, want.at(b).inputTokens);
                QCOMPARE(got.outputTokens, want.at(b).outputTokens);
                QCOMPARE(got.errors, want.at(b).errors);
                QCOMPARE(got.creditsNanos, want.at(b).creditsNanos);
            }
        }
        for (int b = 0; b < stats->bucketCount; ++b) {
            if (durations.at(b).isEmpty()) {
                QCOMPARE(stats->latencyP50Ms.at(b), -1.0);
                continue;
            }
            QCOMPARE(stats->latencyP50Ms.at(b), nearestRank(durations.at(b), 0.50));
            QCOMPARE(stats->latencyP95Ms.at(b), nearestRank(durations.at(b), 0.95));
        }
    }

    void walkPages(const UsageCallFilter &filter, const std::function<bool(const Testing::SeededCall &)> &match)
    {
        QList<Testing::SeededCall> expected;
        for (const Testing::SeededCall &call : std::as_const(m_calls)) {
            if (call.createdAtMs >= filter.fromMs && call.createdAtMs < filter.toMs && match(call))
                expected.append(call);
        }
        std::sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) {
            return a.createdAtMs != b.createdAtMs ? a.createdAtMs > b.createdAtMs : a.id > b.id;
        });
        QVERIFY(!expected.isEmpty());
        QList<UsageCall> got;
        std::optional<UsageCallCursor> after;
        constexpr int limit = 700;
        for (int pages = 0; pages < 100; ++pages) {
            const Result<QList<UsageCall>> page = UsageCallsReader::page(m_database, filter, after, limit);
            QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
            QVERIFY(page->size() <= limit);
            got.append(*page);
            if (page->size() < limit)
                break;
            after = UsageCallCursor { page->constLast().createdAtMs, page->constLast().id };
        }
        QCOMPARE(got.size(), expected.size());
        for (qsizetype i = 0; i < got.size(); ++i) {
            QCOMPARE(got.at(i).id, expected.at(i).id);
            QCOMPARE(got.at(i).model, expected.at(i).model);
            QCOMPARE(got.at(i).httpStatus, expected.at(i).status);
            QCOMPARE(got.at(i).creditsNanos, expected.at(i).creditsNanos);
            QCOMPARE(got.at(i).durationMs, expected.at(i).durationMs);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto database = Storage::Database::open(m_dir.filePath(QStringLiteral("hub.db")));
        QVERIFY(database);
        m_database = *database;
        auto seeded = Testing::UsageSeeder::seed(m_database, kRows, kNow, 40 * kDay, true);
        QVERIFY2(seeded, qPrintable(seeded ? QString() : seeded.error().message));
        m_calls = *seeded;
        QCOMPARE(m_calls.size(), kRows);
    }

    void aggregates_matchBruteForce_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<qint64>("bucket");
        const UsageStatsQuery day = UsageRange::lastPeriod(UsagePeriod::Day, kNow - 1, UsageSplit::None);
        const UsageStatsQuery week = UsageRange::lastPeriod(UsagePeriod::Week, kNow - 1, UsageSplit::None);
        const UsageStatsQuery month = UsageRange::lastPeriod(UsagePeriod::Month, kNow - 1, UsageSplit::None);
        const Result<UsageStatsQuery> custom = UsageRange::custom(kNow - 10 * kDay + 123456, kNow - 2 * kDay, UsageSplit::None);
        QVERIFY(custom);
        const QList<std::pair<const char *, UsageStatsQuery>> ranges {
            { "24h", day }, { "7d", week }, { "30d", month }, { "custom", *custom } };
        for (const auto &[name, q] : ranges)
            QTest::newRow(name) << q.fromMs << q.toMs << q.bucketMs;
    }

    void aggregates_matchBruteForce()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(qint64, bucket);
        for (UsageSplit split : { UsageSplit::None, UsageSplit::Provider, UsageSplit::Model, UsageSplit::Key,
                                  UsageSplit::App }) {
            UsageStatsQuery query;
            query.fromMs = from;
            query.toMs = to;
            query.bucketMs = bucket;
            query.split = split;
            compareWithBruteForce(query);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("split %1").arg(int(split))));
        }
    }

    void aggregates_foldQuietGroupsIntoOther()
    {
        const UsageStatsQuery query = UsageRange::lastPeriod(UsagePeriod::Month, kNow - 1, UsageSplit::Model);
        const Result<UsageStats> stats = UsageStatsReader::read(m_database, query);
        QVERIFY(stats);
        QCOMPARE(stats->groups.size(), query.maxGroups + 1);
        QCOMPARE(stats->groups.constLast(), QStringLiteral("other"));
        qint64 sum = 0;
        for (const QList<UsageBucket> &row : stats->series) {
            for (const UsageBucket &b : row)
                sum += b.calls;
        }
        QCOMPARE(sum, stats->totalCalls);
        QVERIFY(stats->bucketCount <= 31); // a handful of points per chart, not one per call
    }

    void pages_walkEveryMatchingCallOnceNewestFirst()
    {
        UsageCallFilter filter;
        filter.fromMs = kNow - 30 * kDay;
        filter.toMs = kNow;
        walkPages(filter, [](const auto &) { return true; });
        UsageCallFilter provider = filter;
        provider.provider = QStringLiteral("anthropic");
        walkPages(provider, [](const auto &c) { return c.provider == QStringLiteral("anthropic"); });
        UsageCallFilter model = filter;
        model.model = QStringLiteral("gpt-4o");
        walkPages(model, [](const auto &c) { return c.model == QStringLiteral("gpt-4o"); });
        UsageCallFilter key = filter;
        key.keyName = QStringLiteral("key-3");
        key.status = UsageStatusFilter::Error;
        walkPages(key, [](const auto &c) { return c.keyName == QStringLiteral("key-3") && c.status >= 400; });
        UsageCallFilter ok = filter;
        ok.status = UsageStatusFilter::Ok;
        ok.fromMs = kNow - 2 * kDay;
        walkPages(ok, [](const auto &c) { return c.status < 400; });
        UsageCallFilter search = filter;
        search.modelSearch = QStringLiteral("CLAUDE");
        walkPages(search, [](const auto &c) { return c.model.contains(QStringLiteral("claude")); });
    }

    void pages_searchTreatsWildcardsLiterally()
    {
        UsageCallFilter filter;
        filter.fromMs = kNow - 40 * kDay;
        filter.toMs = kNow;
        filter.modelSearch = QStringLiteral("%");
        const Result<QList<UsageCall>> page = UsageCallsReader::page(m_database, filter, std::nullopt, 10);
        QVERIFY(page);
        QVERIFY(page->isEmpty()); // no model name holds a percent sign
        filter.modelSearch = QStringLiteral("gpt_4o");
        const Result<QList<UsageCall>> underscore = UsageCallsReader::page(m_database, filter, std::nullopt, 10);
        QVERIFY(underscore);
        QVERIFY(underscore->isEmpty()); // '_' is not "any character"
    }

    void choices_listRecordedProvidersAndModels()
    {
        const Result<UsageCallsReader::Choices> choices = UsageCallsReader::choices(m_database);
        QVERIFY(choices);
        QCOMPARE(choices->providers, QStringList({ QStringLiteral("anthropic"), QStringLiteral("gemini"),
                                                   QStringLiteral("ollama"), QStringLiteral("openai") }));
        QCOMPARE(choices->models.size(), 10);
        QVERIFY(choices->models.contains(QStringLiteral("qwen2.5-coder")));
    }

    void cancel_stopsTheQueryWithCancelled()
    {
        std::atomic_bool cancel { true };
        const UsageStatsQuery query = UsageRange::lastPeriod(UsagePeriod::Month, kNow - 1, UsageSplit::Provider);
        const Result<UsageStats> stats = UsageStatsReader::read(m_database, query, &cancel);
        QVERIFY(!stats);
        QCOMPARE(stats.error().code, ErrorCode::Cancelled);
        UsageCallFilter filter;
        filter.fromMs = query.fromMs;
        filter.toMs = query.toMs;
        const Result<QList<UsageCall>> page = UsageCallsReader::page(m_database, filter, std::nullopt, 10, &cancel);
        QVERIFY(!page);
        QCOMPARE(page.error().code, ErrorCode::Cancelled);
    }

    void badInput_failsWithAClearError()
    {
        UsageStatsQuery reversed;
        reversed.fromMs = kNow;
        reversed.toMs = kNow - kDay;
        QCOMPARE(UsageStatsReader::read(m_database, reversed).error().code, ErrorCode::InvalidArgument);
        UsageStatsQuery tiny;
        tiny.fromMs = kNow - 30 * kDay;
        tiny.toMs = kNow;
        tiny.bucketMs = 1000; // 2.6 million points: refused, not attempted
        const Result<UsageStats> tooMany = UsageStatsReader::read(m_database, tiny);
        QVERIFY(!tooMany);
        QVERIFY(tooMany.error().message.contains(QStringLiteral("larger buckets")));
        UsageCallFilter filter;
        filter.fromMs = kNow - kDay;
        filter.toMs = kNow;
        QCOMPARE(UsageCallsReader::page(m_database, filter, std::nullopt, 0).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(UsageCallsReader::page(m_database, filter, std::nullopt, UsageCallsReader::MaxPageSize + 1).error().code,
                 ErrorCode::InvalidArgument);
        filter.toMs = filter.fromMs;
        QCOMPARE(UsageCallsReader::page(m_database, filter, std::nullopt, 10).error().code, ErrorCode::InvalidArgument);
    }

    void range_picksSensibleBuckets()
    {
        QCOMPARE(UsageRange::bucketFor(2 * kHour), 5 * kMinute);
        QCOMPARE(UsageRange::bucketFor(kDay), 30 * kMinute);
        QCOMPARE(UsageRange::bucketFor(7 * kDay), 3 * kHour);
        QCOMPARE(UsageRange::bucketFor(30 * kDay), 12 * kHour);
        QCOMPARE(UsageRange::bucketFor(365 * kDay), 7 * kDay);
        QCOMPARE(UsageRange::bucketFor(3650 * kDay), 90 * kDay);
        QCOMPARE(UsageRange::bucketFor(1), kMinute);
        for (qint64 span : { kHour, 5 * kDay, 90 * kDay, 20 * 365 * kDay })
            QVERIFY((span + UsageRange::bucketFor(span) - 1) / UsageRange::bucketFor(span) <= UsageRange::TargetBuckets);

        const UsageStatsQuery week = UsageRange::lastPeriod(UsagePeriod::Week, kNow, UsageSplit::Key);
        QCOMPARE(week.bucketMs, 6 * kHour);
        QCOMPARE(week.toMs, kNow + 1);
        QCOMPARE(week.toMs - week.fromMs, 7 * kDay);
        QCOMPARE(week.split, UsageSplit::Key);
        const Result<UsageStatsQuery> custom = UsageRange::custom(kNow - 3 * kDay, kNow, UsageSplit::App);
        QVERIFY(custom);
        QCOMPARE(custom->bucketMs, 3 * kHour);
        QVERIFY(!UsageRange::custom(kNow, kNow, UsageSplit::None));
        QVERIFY(!UsageRange::custom(kNow, kNow - 1, UsageSplit::None));
    }
};

QTEST_GUILESS_MAIN(TestUsageQueries)
#include "tst_usagequeries.moc"
