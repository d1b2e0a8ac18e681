// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/benchreport.h"

#include "tests/bench/latencysummary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace AiHub::Bench {

namespace {

using Row = ResultTable::Row;
using Verdict = ResultTable::Verdict;

Row row(const QString &key, const QString &label, const QList<double> &runs, const QString &unit, int decimals)
{
    Row r;
    r.key = key;
    r.label = label;
    r.runs = runs;
    r.value = LatencySummary::median(runs);
    r.unit = unit;
    r.decimals = decimals;
    return r;
}

double worst(const QList<double> &runs, bool highest)
{
    if (runs.isEmpty())
        return NAN;
    return highest ? *std::max_element(runs.begin(), runs.end()) : *std::min_element(runs.begin(), runs.end());
}

Verdict judge(double value, bool pass) { return std::isnan(value) ? Verdict::NotMeasured : pass ? Verdict::Pass : Verdict::Fail; }

} // namespace

void BenchReport::fill(ResultTable &table, const BenchFigures &f, const BenchOptions &options, bool haveNginx)
{
    const QString c = QString::number(options.connections);
    table.addSection(QStringLiteral("Baseline: the mock upstream called directly"));
    table.add(row(QStringLiteral("direct.latency_p50_ms"), QStringLiteral("  latency c=1, p50"), f.directP50,
                  QStringLiteral("ms"), 3));
    table.add(row(QStringLiteral("direct.latency_p99_ms"), QStringLiteral("  latency c=1, p99"), f.directP99,
                  QStringLiteral("ms"), 3));
    table.add(row(QStringLiteral("direct.latency_mean_ms"), QStringLiteral("  latency c=1, mean"), f.directMean,
                  QStringLiteral("ms"), 3));
    table.add(row(QStringLiteral("direct.requests_per_second"), QStringLiteral("  requests/s c=%1").arg(c),
                  f.directRps, QStringLiteral("req/s"), 0));

    if (haveNginx) {
        table.addSection(QStringLiteral("nginx as a plain reverse proxy (1 worker, same CPU as the hub)"));
        table.add(row(QStringLiteral("nginx.added_latency_p50_ms"), QStringLiteral("  added latency c=1, p50"),
                      f.nginxAddedP50, QStringLiteral("ms"), 3));
        table.add(row(QStringLiteral("nginx.added_latency_p99_ms"), QStringLiteral("  added latency c=1, p99"),
                      f.nginxAddedP99, QStringLiteral("ms"), 3));
        table.add(row(QStringLiteral("nginx.requests_per_second"), QStringLiteral("  requests/s c=%1").arg(c),
                      f.nginxRps, QStringLiteral("req/s"), 0));
        table.add(row(QStringLiteral("nginx.cpu_us_per_request"), QStringLiteral("  CPU time per request, c=%1").arg(c),
                      f.nginxCpuUsPerRequest, QStringLiteral("us"), 1));
    }

    table.addSection(QStringLiteral("AIGNE Hub (serve --threads 1, one CPU)"));
    Row p50 = row(QStringLiteral("hub.added_latency_p50_ms"), QStringLiteral("  added latency c=1, p50"),
                  f.hubAddedP50, QStringLiteral("ms"), 3);
    p50.target = QStringLiteral("<= %1 ms").arg(maxAddedP50Ms, 0, 'f', 3);
    p50.verdict = judge(p50.value, p50.value <= maxAddedP50Ms);
    if (p50.verdict == Verdict::Fail)
        p50.note = QStringLiteral("missed by %1 ms (%2x the allowance; hub p50 %3 ms end to end)")
                       .arg(p50.value - maxAddedP50Ms, 0, 'f', 3)
                       .arg(p50.value / maxAddedP50Ms, 0, 'f', 1)
                       .arg(LatencySummary::median(f.hubP50), 0, 'f', 3);
    table.add(p50);
    table.add(row(QStringLiteral("hub.added_latency_p99_ms"), QStringLiteral("  added latency c=1, p99"),
                  f.hubAddedP99, QStringLiteral("ms"), 3));
    if (haveNginx)
        table.add(row(QStringLiteral("hub.added_latency_over_nginx_p50_ms"),
                      QStringLiteral("  added latency c=1, p50, minus nginx's"), f.hubOverNginxP50,
                      QStringLiteral("ms"), 3));
    table.add(row(QStringLiteral("hub.requests_per_second"), QStringLiteral("  requests/s c=%1").arg(c), f.hubRps,
                  QStringLiteral("req/s"), 0));
    Row share = row(QStringLiteral("hub.share_of_nginx_percent"),
                    QStringLiteral("  requests/s c=%1, share of nginx's").arg(c), f.hubShareOfNginx,
                    QStringLiteral("%"), 1);
    share.target = QStringLiteral(">= %1 %").arg(minShareOfNginxPercent, 0, 'f', 0);
    share.verdict = judge(share.value, share.value >= minShareOfNginxPercent);
    const double nginxRps = LatencySummary::median(f.nginxRps);
    const double nginxCpuUs = LatencySummary::median(f.nginxCpuUsPerRequest);
    const double hubCpuUs = LatencySummary::median(f.hubCpuUsPerRequest);
    if (share.verdict == Verdict::Fail) {
        share.note = QStringLiteral("missed by %1 points (%2 of the %3 req/s needed)")
                         .arg(minShareOfNginxPercent - share.value, 0, 'f', 1)
                         .arg(ResultTable::format(LatencySummary::median(f.hubRps), 0))
                         .arg(ResultTable::format(nginxRps * minShareOfNginxPercent / 100, 0));
        // With the core to itself, the share is nginx's CPU per request over the hub's.
        if (!std::isnan(nginxCpuUs) && !std::isnan(hubCpuUs))
            share.note += QStringLiteral("; on a core of its own the hub would need at most %1 us of CPU per "
                                         "request (%2x nginx's %3 us) and used %4 us")
                              .arg(nginxCpuUs * 100 / minShareOfNginxPercent, 0, 'f', 1)
                              .arg(100 / minShareOfNginxPercent, 0, 'f', 0)
                              .arg(nginxCpuUs, 0, 'f', 1)
                              .arg(hubCpuUs, 0, 'f', 1);
    }
    table.add(share);
    table.add(row(QStringLiteral("hub.cpu_us_per_request"), QStringLiteral("  CPU time per request, c=%1").arg(c),
                  f.hubCpuUsPerRequest, QStringLiteral("us"), 1));
    if (haveNginx)
        table.add(row(QStringLiteral("hub.cpu_share_of_nginx_percent"),
                      QStringLiteral("  requests per CPU-second, share of nginx's"), f.hubCpuShareOfNginx,
                      QStringLiteral("%"), 1));
    table.add(row(QStringLiteral("direct.stream_first_byte_p50_ms"),
                  QStringLiteral("  stream first byte c=1, direct p50"), f.directTtfbP50, QStringLiteral("ms"), 3));
    table.add(row(QStringLiteral("hub.added_first_byte_p50_ms"), QStringLiteral("  added time to first byte, p50"),
                  f.hubAddedTtfbP50, QStringLiteral("ms"), 3));
    table.add(row(QStringLiteral("hub.added_first_byte_p99_ms"), QStringLiteral("  added time to first byte, p99"),
                  f.hubAddedTtfbP99, QStringLiteral("ms"), 3));

    const QString n = ResultTable::format(options.streams, 0);
    Row completed = row(QStringLiteral("hub.streams_completed"),
                        QStringLiteral("  %1 simultaneous streams: completed (worst run)").arg(n),
                        f.streamsCompleted, QString(), 0);
    completed.value = worst(f.streamsCompleted, false);
    table.add(completed);
    Row lost = row(QStringLiteral("hub.stream_events_lost"),
                   QStringLiteral("  %1 simultaneous streams: events lost (worst run)").arg(n), f.chunksLost,
                   QString(), 0);
    lost.value = worst(f.chunksLost, true);
    lost.target = QStringLiteral("0, all complete");
    lost.verdict = judge(lost.value, lost.value == 0 && completed.value == options.streams);
    if (lost.verdict == Verdict::Fail)
        lost.note = QStringLiteral("%1 of %2 expected events lost and %3 of %4 streams incomplete in the worst run")
                        .arg(ResultTable::format(lost.value, 0))
                        .arg(ResultTable::format(double(options.streams) * f.expectedEvents, 0))
                        .arg(ResultTable::format(options.streams - completed.value, 0))
                        .arg(n);
    table.add(lost);
    table.add(row(QStringLiteral("hub.peak_simultaneous_streams"), QStringLiteral("  streams open at once (peak)"),
                  f.peakStreaming, QString(), 0));
    Row rss = row(QStringLiteral("hub.peak_rss_mb"), QStringLiteral("  hub peak RSS during the streams"),
                  f.peakRssMb, QStringLiteral("MB"), 1);
    rss.target = QStringLiteral("<= %1 MB").arg(maxPeakRssMb, 0, 'f', 0);
    rss.verdict = judge(rss.value, rss.value <= maxPeakRssMb);
    if (rss.verdict == Verdict::Fail)
        rss.note = QStringLiteral("over by %1 MB").arg(rss.value - maxPeakRssMb, 0, 'f', 1);
    if (!f.peakIsHighWaterMark)
        rss.note += QStringLiteral("%1sampled every 20 ms (VmHWM could not be reset)")
                        .arg(rss.note.isEmpty() ? QString() : QStringLiteral("; "));
    table.add(rss);
    Row idle = row(QStringLiteral("hub.idle_rss_mb"), QStringLiteral("  hub idle RSS after start-up"), {},
                   QStringLiteral("MB"), 1);
    idle.value = f.idleRssMb < 0 ? NAN : f.idleRssMb;
    table.add(idle);
    Row after = row(QStringLiteral("hub.idle_rss_after_mb"), QStringLiteral("  hub idle RSS after the streams"), {},
                    QStringLiteral("MB"), 1);
    after.value = f.idleRssAfterMb < 0 ? NAN : f.idleRssAfterMb;
    table.add(after);
    if (f.expectedEvents > 0)
        table.addNote(QStringLiteral("A whole stream is %1 data events and [DONE] (%2 content events %3 ms apart, "
                                     "plus role, finish and usage chunks); MB = 10^6 bytes.")
                          .arg(f.expectedEvents)
                          .arg(options.streamChunks)
                          .arg(options.chunkDelayMs));
}

Status BenchReport::writeJson(const BenchOptions &options, const ResultTable &table, const QJsonObject &machine,
                              const QStringList &errors)
{
    if (options.jsonPath.isEmpty())
        return {};
    QJsonObject root = table.toJson();
    root.insert(QStringLiteral("machine"), machine);
    QJsonObject o;
    o.insert(QStringLiteral("quick"), options.quick);
    o.insert(QStringLiteral("runs"), options.runs);
    o.insert(QStringLiteral("requests"), options.requests);
    o.insert(QStringLiteral("warmup_requests"), options.warmupRequests());
    o.insert(QStringLiteral("first_byte_requests"), options.firstByteRequests);
    o.insert(QStringLiteral("connections"), options.connections);
    o.insert(QStringLiteral("streams"), options.streams);
    o.insert(QStringLiteral("stream_chunks"), options.streamChunks);
    o.insert(QStringLiteral("chunk_delay_ms"), options.chunkDelayMs);
    o.insert(QStringLiteral("hub"), options.hubPath);
    o.insert(QStringLiteral("nice"), options.nice);
    root.insert(QStringLiteral("options"), o);
    root.insert(QStringLiteral("not_measured"), QJsonArray::fromStringList(errors));
    QFile file(options.jsonPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0)
        return fail(ErrorCode::StorageReadOnly,
                    QStringLiteral("Cannot write %1: %2").arg(options.jsonPath, file.errorString()));
    return {};
}

} // namespace AiHub::Bench
