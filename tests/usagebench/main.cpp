// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Seeds a temporary hub database with usage rows (1,000,000 by default) and prints how long each query of the
// Usage page takes: the charts for 24 h, 7 d, 30 d and a custom range in every split, the first page of recent
// calls, filtered pages, a deep page and the filter choices. Each figure is the median of several runs.
#include "core/storage/database.h"
#include "core/usage/usagecallsreader.h"
#include "core/usage/usagerange.h"
#include "core/usage/usagestats.h"
#include "tests/core/usage/usageseeder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <functional>

using namespace AiHub;
using namespace AiHub::Usage;

namespace {
constexpr qint64 kDay = 24 * 3600 * 1000LL;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Median wall and CPU time (this thread: the queries run here) of `runs` calls in ms. CPU time is the figure to
// compare on a busy machine; wall time is what a person waits on an idle one.
void measure(const QString &name, int runs, const std::function<bool()> &body)
{
    QList<double> wall;
    QList<double> cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs();
        if (!body()) {
            out() << name << ": FAILED\n";
            out().flush();
            return;
        }
        cpu.append(threadCpuMs() - cpuStart);
        wall.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    out() << qSetFieldWidth(40) << Qt::left << name << qSetFieldWidth(0)
          << QStringLiteral(" wall %1 ms   cpu %2 ms\n")
                 .arg(wall.at(wall.size() / 2), 8, 'f', 1)
                 .arg(cpu.at(cpu.size() / 2), 8, 'f', 1);
    out().flush();
}

QString splitName(UsageSplit split)
{
    switch (split) {
    case UsageSplit::None:
        return QStringLiteral("all");
    case UsageSplit::Provider:
        return QStringLiteral("provider");
    case UsageSplit::Model:
        return QStringLiteral("model");
    case UsageSplit::Key:
        return QStringLiteral("key");
    case UsageSplit::App:
        return QStringLiteral("app");
    }
    return {};
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times the Usage page's queries over seeded usage rows."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("rows"), QStringLiteral("Rows to seed (default 1000000)."), QStringLiteral("n"),
                       QStringLiteral("1000000") });
    parser.addOption({ QStringLiteral("runs"), QStringLiteral("Runs per query (default 5)."), QStringLiteral("n"),
                       QStringLiteral("5") });
    parser.addOption({ QStringLiteral("keep"),
                       QStringLiteral("Keep the database in this folder (reused when it already holds one)."),
                       QStringLiteral("dir") });
    parser.addOption({ QStringLiteral("index"),
                       QStringLiteral("Extra SQL to run before measuring, e.g. a candidate CREATE INDEX."),
                       QStringLiteral("sql") });
    parser.process(app);
    const qint64 rows = parser.value(QStringLiteral("rows")).toLongLong();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    if (rows <= 0) {
        out() << "--rows must be a positive number\n";
        return 2;
    }

    QTemporaryDir temp;
    const QString dir = parser.isSet(QStringLiteral("keep")) ? parser.value(QStringLiteral("keep")) : temp.path();
    const QString path = dir + QStringLiteral("/usagebench.db");
    const bool reuse = QFile::exists(path);
    auto opened = Storage::Database::open(path);
    if (!opened) {
        out() << "Cannot open " << path << ": " << opened.error().message << '\n';
        return 1;
    }
    std::shared_ptr<Storage::Database> database = *opened;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 end = (now / kDay) * kDay; // the seeded rows end today at 00:00 UTC
    if (!reuse) {
        QElapsedTimer seeding;
        seeding.start();
        auto seeded = Testing::UsageSeeder::seed(database, rows, end, 35 * kDay, false);
        if (!seeded) {
            out() << "Seeding failed: " << seeded.error().message << '\n';
            return 1;
        }
        out() << "Seeded " << rows << " rows over 35 days in " << seeding.elapsed() << " ms\n";
    } else {
        out() << "Reusing " << path << '\n';
    }
    QSqlQuery count(database->connection());
    count.exec(QStringLiteral("SELECT COUNT(*) FROM usage_records"));
    count.next();
    out() << "usage_records holds " << count.value(0).toLongLong() << " rows\n";
    if (parser.isSet(QStringLiteral("index"))) {
        QElapsedTimer timer;
        timer.start();
        QSqlQuery extra(database->connection());
        if (!extra.exec(parser.value(QStringLiteral("index")))) {
            out() << "The extra SQL failed: " << extra.lastError().text() << '\n';
            return 1;
        }
        out() << "Extra SQL ran in " << timer.elapsed() << " ms\n";
    }
    out().flush();

    const QList<std::pair<QString, UsageStatsQuery>> ranges {
        { QStringLiteral("24h"), UsageRange::lastPeriod(UsagePeriod::Day, end - 1, UsageSplit::None) },
        { QStringLiteral("7d"), UsageRange::lastPeriod(UsagePeriod::Week, end - 1, UsageSplit::None) },
        { QStringLiteral("30d"), UsageRange::lastPeriod(UsagePeriod::Month, end - 1, UsageSplit::None) },
        { QStringLiteral("custom 10d"), *UsageRange::custom(end - 12 * kDay, end - 2 * kDay, UsageSplit::None) },
    };
    for (const auto &[name, base] : ranges) {
        for (UsageSplit split : { UsageSplit::None, UsageSplit::Provider, UsageSplit::Model, UsageSplit::Key,
                                  UsageSplit::App }) {
            UsageStatsQuery query = base;
            query.split = split;
            qint64 calls = 0;
            measure(QStringLiteral("charts %1 by %2").arg(name, splitName(split)), runs, [&] {
                const Result<UsageStats> stats = UsageStatsReader::read(database, query);
                calls = stats ? stats->totalCalls : 0;
                return bool(stats);
            });
            if (split == UsageSplit::None)
                out() << "    (" << calls << " calls in range)\n";
        }
    }

    UsageCallFilter month;
    month.fromMs = ranges.at(2).second.fromMs;
    month.toMs = ranges.at(2).second.toMs;
    const auto page = [&](const QString &name, const UsageCallFilter &filter) {
        measure(name, runs, [&] { return bool(UsageCallsReader::page(database, filter, std::nullopt, 100)); });
    };
    page(QStringLiteral("calls: first page (30d)"), month);
    UsageCallFilter provider = month;
    provider.provider = QStringLiteral("gemini");
    page(QStringLiteral("calls: provider=gemini"), provider);
    UsageCallFilter model = month;
    model.model = QStringLiteral("claude-haiku-4");
    page(QStringLiteral("calls: model=claude-haiku-4"), model);
    UsageCallFilter providerModel = month;
    providerModel.provider = QStringLiteral("openai");
    providerModel.model = QStringLiteral("gpt-4o");
    page(QStringLiteral("calls: provider+model"), providerModel);
    UsageCallFilter keyErrors = month;
    keyErrors.keyName = QStringLiteral("key-7");
    keyErrors.status = UsageStatusFilter::Error;
    page(QStringLiteral("calls: key-7 errors"), keyErrors);
    UsageCallFilter errors = month;
    errors.status = UsageStatusFilter::Error;
    page(QStringLiteral("calls: errors"), errors);
    UsageCallFilter search = month;
    search.modelSearch = QStringLiteral("coder");
    page(QStringLiteral("calls: search \"coder\""), search);
    UsageCallFilter rare = month;
    rare.modelSearch = QStringLiteral("no-such-model");
    page(QStringLiteral("calls: search with no match"), rare);
    measure(QStringLiteral("calls: 50th page (keyset)"), runs, [&] {
        std::optional<UsageCallCursor> after;
        for (int i = 0; i < 50; ++i) {
            const Result<QList<UsageCall>> calls = UsageCallsReader::page(database, month, after, 100);
            if (!calls || calls->isEmpty())
                return false;
            after = UsageCallCursor { calls->constLast().createdAtMs, calls->constLast().id };
        }
        return true;
    });
    measure(QStringLiteral("filter choices"), runs, [&] { return bool(UsageCallsReader::choices(database)); });
    return 0;
}
