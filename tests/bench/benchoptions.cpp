// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/benchoptions.h"

#include <QCommandLineParser>

#include <functional>

namespace AiHub::Bench {

namespace {

const QString optQuick = QStringLiteral("quick");
const QString optRuns = QStringLiteral("runs");
const QString optRequests = QStringLiteral("requests");
const QString optStreams = QStringLiteral("streams");
const QString optChunks = QStringLiteral("stream-chunks");
const QString optDelay = QStringLiteral("chunk-delay-ms");
const QString optHub = QStringLiteral("hub");
const QString optMock = QStringLiteral("mock");
const QString optNginx = QStringLiteral("nginx");
const QString optJson = QStringLiteral("json");
const QString optHubCpu = QStringLiteral("hub-cpu");
const QString optClientCpu = QStringLiteral("client-cpu");
const QString optNice = QStringLiteral("nice");
const QString optCheck = QStringLiteral("check-targets");
const QString optOnly = QStringLiteral("only");
const QString optKeep = QStringLiteral("keep-temp");

void describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Measures the hub against the mock upstream called directly and against nginx as a plain reverse proxy:\n"
        "added latency (c=1), requests/s (c=64), time to first byte of streams, simultaneous streams and memory.\n"
        "Pins the hub and nginx to one CPU and the mock upstreams and the load generator to another; repeats\n"
        "each measurement and prints the median."));
    parser.addHelpOption();
    parser.addOption({ optQuick, QStringLiteral("Smoke run with small counts (well under a minute).") });
    parser.addOption({ optRuns, QStringLiteral("Repetitions of each measurement (default 3)."), QStringLiteral("N") });
    parser.addOption({ optRequests,
                       QStringLiteral("Measured requests per run at c=1 and at c=64 (default 20000, quick 2000)."),
                       QStringLiteral("N") });
    parser.addOption({ optStreams, QStringLiteral("Simultaneous streams through the hub (default 1024, quick 64)."),
                       QStringLiteral("N") });
    parser.addOption({ optChunks, QStringLiteral("Content events per stream (default 20, quick 5)."),
                       QStringLiteral("N") });
    parser.addOption({ optDelay, QStringLiteral("Milliseconds between stream events (default 100, quick 20)."),
                       QStringLiteral("MS") });
    parser.addOption({ optHub, QStringLiteral("The aigne-hubd to measure (default: the one of this build)."),
                       QStringLiteral("PATH") });
    parser.addOption({ optMock, QStringLiteral("The aihub-mock-upstream executable (default: this build's)."),
                       QStringLiteral("PATH") });
    parser.addOption({ optNginx, QStringLiteral("nginx (default /usr/sbin/nginx); the nginx rows are skipped "
                                                "when it is missing."),
                       QStringLiteral("PATH") });
    parser.addOption({ optJson, QStringLiteral("Also write the figures as JSON to FILE."), QStringLiteral("FILE") });
    parser.addOption({ optHubCpu, QStringLiteral("CPU for the hub and nginx (default 0)."), QStringLiteral("N") });
    parser.addOption({ optClientCpu, QStringLiteral("CPU for the load generator and mocks (default 1)."),
                       QStringLiteral("N") });
    parser.addOption({ optNice,
                       QStringLiteral("Nice value for the benchmark and everything it starts (default -10, so busy "
                                      "neighbours on a shared machine disturb less; 0 leaves it)."),
                       QStringLiteral("N") });
    parser.addOption({ optOnly,
                       QStringLiteral("Run only these measurements, comma-separated: %1 (for quick iterations "
                                      "while optimising).")
                           .arg(BenchOptions::phaseNames().join(QStringLiteral(", "))),
                       QStringLiteral("LIST") });
    parser.addOption({ optCheck, QStringLiteral("Exit with 1 when a target is missed.") });
    parser.addOption({ optKeep, QStringLiteral("Keep the temporary folder (configs, data, logs) and print it.") });
}

Result<qint64> number(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("--%1 wants a whole number from %2 to %3, not \"%4\".")
                        .arg(name)
                        .arg(min)
                        .arg(max)
                        .arg(parser.value(name)));
    return value;
}

} // namespace

QStringList BenchOptions::phaseNames()
{
    return { QStringLiteral("latency"), QStringLiteral("throughput"), QStringLiteral("first-byte"),
             QStringLiteral("streams") };
}

QString BenchOptions::helpText()
{
    QCommandLineParser parser;
    describe(parser);
    return parser.helpText();
}

Result<BenchOptions> BenchOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    describe(parser);
    if (!parser.parse(arguments))
        return fail(ErrorCode::InvalidArgument, parser.errorText() + QStringLiteral("\nRun with --help for the options."));
    if (parser.isSet(QStringLiteral("help")))
        return fail(ErrorCode::Cancelled, parser.helpText());
    if (!parser.positionalArguments().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Unexpected argument \"%1\". Run with --help for the options.")
                        .arg(parser.positionalArguments().constFirst()));

    BenchOptions o;
    o.hubPath = QStringLiteral(AIHUB_BENCH_DEFAULT_HUB);
    o.mockPath = QStringLiteral(AIHUB_BENCH_DEFAULT_MOCK);
    if (parser.isSet(optQuick)) {
        o.quick = true;
        o.requests = 2000;
        o.streams = 64;
        o.streamChunks = 5;
        o.chunkDelayMs = 20;
    }
    struct IntOption {
        const QString &name;
        qint64 min;
        qint64 max;
        std::function<void(qint64)> set;
    };
    const IntOption ints[] = {
        { optRuns, 1, 99, [&](qint64 v) { o.runs = int(v); } },
        { optRequests, 10, 100000000, [&](qint64 v) { o.requests = v; } },
        { optStreams, 1, 100000, [&](qint64 v) { o.streams = int(v); } },
        { optChunks, 1, 100000, [&](qint64 v) { o.streamChunks = int(v); } },
        { optDelay, 0, 60000, [&](qint64 v) { o.chunkDelayMs = int(v); } },
        { optHubCpu, 0, 1023, [&](qint64 v) { o.hubCpu = int(v); } },
        { optClientCpu, 0, 1023, [&](qint64 v) { o.clientCpu = int(v); } },
        { optNice, -20, 19, [&](qint64 v) { o.nice = int(v); } },
    };
    for (const IntOption &option : ints) {
        if (!parser.isSet(option.name))
            continue;
        auto value = number(parser, option.name, option.min, option.max);
        if (!value)
            return fail(value.error());
        option.set(*value);
    }
    o.firstByteRequests = qMax<qint64>(50, o.requests / 10);
    if (parser.isSet(optHub))
        o.hubPath = parser.value(optHub);
    if (parser.isSet(optMock))
        o.mockPath = parser.value(optMock);
    if (parser.isSet(optNginx))
        o.nginxPath = parser.value(optNginx);
    if (parser.isSet(optJson))
        o.jsonPath = parser.value(optJson);
    if (parser.isSet(optOnly)) {
        for (const QString &phase : parser.value(optOnly).split(u',', Qt::SkipEmptyParts)) {
            if (!phaseNames().contains(phase.trimmed()))
                return fail(ErrorCode::InvalidArgument, QStringLiteral("--only knows %1, not \"%2\".")
                                                            .arg(phaseNames().join(QStringLiteral(", ")), phase));
            o.only.append(phase.trimmed());
        }
        if (o.only.isEmpty())
            return fail(ErrorCode::InvalidArgument, QStringLiteral("--only wants at least one measurement."));
    }
    o.checkTargets = parser.isSet(optCheck);
    o.keepTemp = parser.isSet(optKeep);
    if (o.hubCpu == o.clientCpu)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("--hub-cpu and --client-cpu must differ: the load generator must not share the "
                                   "measured CPU."));
    return o;
}

} // namespace AiHub::Bench
