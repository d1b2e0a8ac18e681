// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/benchrunner.h"

#include "tests/bench/benchreport.h"
#include "tests/bench/latencysummary.h"
#include "tests/bench/streamswarm.h"
#include "tests/bench/systeminfo.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace AiHub::Bench {

namespace {

const QByteArray fastModel = "openai/gpt-4o-mini";
const QByteArray slowModel = "slow/gpt-4o-mini";

void sleepMs(int ms)
{
    timespec ts { ms / 1000, long(ms % 1000) * 1000000L };
    ::nanosleep(&ts, nullptr);
}

double ms(double us) { return us / 1000.0; }

QString fmt(double value, int decimals = 3) { return ResultTable::format(value, decimals); }

} // namespace

BenchRunner::BenchRunner(BenchOptions options)
    : m_options(std::move(options))
{
}

BenchRunner::~BenchRunner()
{
    m_hub.stop();
    m_nginx.stop();
    m_slowMock.stop();
    m_fastMock.stop();
}

void BenchRunner::progress(const QString &text) const
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
    std::fflush(stderr);
}

double BenchRunner::rssMb(const char *field) const
{
    const qint64 kb = SystemInfo::statusKb(m_hub.pid(), field);
    return kb < 0 ? NAN : double(kb) * 1024.0 / 1e6;
}

QByteArray BenchRunner::chatRequest(quint16 port, const QByteArray &model, bool stream) const
{
    QByteArray body = R"({"model":")" + model + R"(","messages":[{"role":"user","content":"Say hello in one word."}])";
    if (stream)
        body += R"(,"stream":true,"stream_options":{"include_usage":true})";
    body += '}';
    return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
        + "\r\nAuthorization: Bearer " + m_hub.accessKey() + "\r\nContent-Type: application/json\r\nAccept: "
        + (stream ? QByteArray("text/event-stream") : QByteArray("application/json"))
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

Result<LoadGenerator::Outcome> BenchRunner::load(quint16 port, const QByteArray &request, int connections,
                                                 qint64 requests, qint64 warmup, bool firstByte) const
{
    LoadGenerator::Config config;
    config.port = port;
    config.request = request;
    config.connections = connections;
    config.requests = requests;
    config.warmupRequests = warmup;
    config.measureFirstByte = firstByte;
    auto outcome = LoadGenerator::run(config);
    if (!outcome)
        return outcome;
    if (outcome->failed > 0)
        return fail(ErrorCode::Internal, QStringLiteral("%1 of %2 requests to port %3 failed; the first: %4")
                                             .arg(outcome->failed)
                                             .arg(requests + warmup)
                                             .arg(port)
                                             .arg(outcome->firstFailure));
    return outcome;
}

Status BenchRunner::setUp()
{
    if (m_options.nice != 0 && !SystemInfo::setNice(m_options.nice)) {
        m_table.addNote(QStringLiteral("Could not set nice %1 (needs root or CAP_SYS_NICE): busy neighbours weigh "
                                       "on every figure.")
                            .arg(m_options.nice));
        m_options.nice = 0;
    }
    if (SystemInfo::cpuAvailable(m_options.hubCpu) && SystemInfo::cpuAvailable(m_options.clientCpu)) {
        m_hubCpu = m_options.hubCpu;
        m_clientCpu = m_options.clientCpu;
        if (auto pinned = SystemInfo::pinToCpu(m_clientCpu); !pinned)
            return pinned;
    } else {
        m_table.addNote(QStringLiteral("CPU %1 or %2 is not available: nothing was pinned, so the load generator "
                                       "competed with the hub for the same cores.")
                            .arg(m_options.hubCpu)
                            .arg(m_options.clientCpu));
    }
    auto limit = SystemInfo::raiseFileLimit();
    if (!limit)
        return fail(limit.error());
    if (*limit >= 0 && *limit < 2 * m_options.streams + 256)
        m_table.addNote(QStringLiteral("The open file limit is %1; %2 streams need about %3 here and in the hub.")
                            .arg(*limit)
                            .arg(m_options.streams)
                            .arg(2 * m_options.streams + 256));

    m_temp = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/aihub-bench-XXXXXX"));
    if (!m_temp->isValid())
        return fail(ErrorCode::StorageReadOnly, QStringLiteral("Cannot create a temporary folder in %1.")
                                                    .arg(QDir::tempPath()));
    m_temp->setAutoRemove(!m_options.keepTemp);
    const QString dir = m_temp->path();

    progress(QStringLiteral("Starting the mock upstreams, nginx and the hub in %1 ...").arg(dir));
    if (!QFile::exists(m_options.mockPath))
        return fail(ErrorCode::NotFound, QStringLiteral("The mock upstream is not at %1: build aihub-mock-upstream "
                                                        "or pass --mock PATH.")
                                             .arg(m_options.mockPath));
    if (auto started = m_fastMock.start({ m_options.mockPath, m_clientCpu, 0, 0, dir + QStringLiteral("/mock-fast.log") });
        !started)
        return started;
    if (auto started = m_slowMock.start({ m_options.mockPath, m_clientCpu, m_options.streamChunks,
                                          m_options.chunkDelayMs, dir + QStringLiteral("/mock-slow.log") });
        !started)
        return started;
    if (auto started = m_nginx.start({ m_options.nginxPath, dir + QStringLiteral("/nginx"), m_fastMock.port(), m_hubCpu });
        !started) {
        m_table.addNote(QStringLiteral("nginx was not measured: %1").arg(started.error().message));
        progress(QStringLiteral("warning: nginx is not measured: %1").arg(started.error().message));
    }
    HubProcess::Settings hub;
    hub.program = m_options.hubPath;
    hub.folder = dir + QStringLiteral("/hub");
    hub.cpu = m_hubCpu;
    hub.threads = 1;
    hub.providers = {
        { QStringLiteral("openai"), QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_fastMock.port())) },
        { QStringLiteral("slow"), QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_slowMock.port())) },
    };
    return m_hub.start(hub);
}

void BenchRunner::printHeader() const
{
    QString text = QStringLiteral("AIGNE Hub benchmark, %1\n").arg(QDateTime::currentDateTime().toString(Qt::ISODate));
    text += QStringLiteral("Machine: %1 cores online, load average %2 (at start)\n")
                .arg(SystemInfo::onlineCores())
                .arg(m_loadAtStart);
    if (m_hubCpu >= 0)
        text += QStringLiteral("Pinned: hub (serve --threads 1) and nginx (1 worker) on CPU %1; mock upstreams and "
                               "load generator on CPU %2\n")
                    .arg(m_hubCpu)
                    .arg(m_clientCpu);
    if (m_options.nice != 0)
        text += QStringLiteral("Priority: nice %1 for the benchmark and every process it starts\n").arg(m_options.nice);
    text += QStringLiteral("Each figure is the median of %1 runs; per run %2 requests after %3 warm-up (c=1 and "
                           "c=%4), %5 streams for time to first byte, %6 simultaneous streams of %7 events %8 ms "
                           "apart%9\n")
                .arg(m_options.runs)
                .arg(m_options.requests)
                .arg(m_options.warmupRequests())
                .arg(m_options.connections)
                .arg(m_options.firstByteRequests)
                .arg(m_options.streams)
                .arg(m_options.streamChunks)
                .arg(m_options.chunkDelayMs)
                .arg(m_options.quick ? QStringLiteral(" (--quick)") : QString());
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

Status BenchRunner::probe()
{
    struct Target {
        QString name;
        quint16 port;
        QByteArray model;
        bool stream;
    };
    QList<Target> targets = { { QStringLiteral("mock"), m_fastMock.port(), fastModel, false },
                              { QStringLiteral("hub"), m_hub.port(), fastModel, false },
                              { QStringLiteral("hub (stream)"), m_hub.port(), fastModel, true } };
    if (haveNginx())
        targets.append({ QStringLiteral("nginx"), m_nginx.port(), fastModel, false });
    for (const Target &t : targets) {
        StreamSwarm::Config config;
        config.port = t.port;
        config.request = chatRequest(t.port, t.model, t.stream);
        config.timeoutMs = 15000;
        auto outcome = StreamSwarm::run(config);
        if (!outcome)
            return fail(ErrorCode::Internal,
                        QStringLiteral("The %1 cannot be reached: %2").arg(t.name, outcome.error().message));
        if (outcome->firstStatus != 200 || (t.stream && outcome->sawDone != 1))
            return fail(ErrorCode::Internal, QStringLiteral("The %1 did not answer a chat request properly (HTTP %2):\n%3")
                                                 .arg(t.name)
                                                 .arg(outcome->firstStatus)
                                                 .arg(QString::fromUtf8(outcome->firstBody)));
    }
    m_runs.idleRssMb = rssMb("VmRSS");
    return {};
}

Status BenchRunner::warmUp()
{
    progress(QStringLiteral("Warming up ..."));
    const qint64 w = m_options.warmupRequests();
    QList<quint16> ports = { m_fastMock.port(), m_hub.port() };
    if (haveNginx())
        ports.append(m_nginx.port());
    for (quint16 port : ports) {
        const QByteArray request = chatRequest(port, fastModel, false);
        if (auto done = load(port, request, 1, w, 0, false); !done)
            return fail(done.error());
        if (auto done = load(port, request, m_options.connections, 2 * w, 0, false); !done)
            return fail(done.error());
    }
    return {};
}

Status BenchRunner::measureLatency()
{
    const qint64 n = m_options.requests;
    const qint64 w = m_options.warmupRequests();
    for (int run = 1; run <= m_options.runs; ++run) {
        // Interleaved, so a noisy neighbour hurts the three alike.
        auto direct = load(m_fastMock.port(), chatRequest(m_fastMock.port(), fastModel, false), 1, n, w, false);
        if (!direct)
            return fail(direct.error());
        const LatencySummary d(std::move(direct->latencyUs));
        m_runs.directP50.append(ms(d.p50()));
        m_runs.directP99.append(ms(d.p99()));
        m_runs.directMean.append(ms(d.mean()));
        QString line = QStringLiteral("c=1 latency, run %1/%2: direct p50 %3 ms").arg(run).arg(m_options.runs).arg(
            fmt(ms(d.p50())));
        if (haveNginx()) {
            auto nginx = load(m_nginx.port(), chatRequest(m_nginx.port(), fastModel, false), 1, n, w, false);
            if (!nginx)
                return fail(nginx.error());
            const LatencySummary s(std::move(nginx->latencyUs));
            m_runs.nginxAddedP50.append(ms(s.p50() - d.p50()));
            m_runs.nginxAddedP99.append(ms(s.p99() - d.p99()));
            line += QStringLiteral(", nginx +%1 ms").arg(fmt(ms(s.p50() - d.p50())));
        }
        auto hub = load(m_hub.port(), chatRequest(m_hub.port(), fastModel, false), 1, n, w, false);
        if (!hub)
            return fail(hub.error());
        const LatencySummary h(std::move(hub->latencyUs));
        m_runs.hubP50.append(ms(h.p50()));
        m_runs.hubAddedP50.append(ms(h.p50() - d.p50()));
        m_runs.hubAddedP99.append(ms(h.p99() - d.p99()));
        if (haveNginx())
            m_runs.hubOverNginxP50.append(ms(h.p50() - d.p50()) - m_runs.nginxAddedP50.constLast());
        progress(line + QStringLiteral(", hub +%1 ms").arg(fmt(ms(h.p50() - d.p50()))));
    }
    return {};
}

Status BenchRunner::measureThroughput()
{
    const int c = m_options.connections;
    const qint64 n = m_options.requests;
    const qint64 w = m_options.warmupRequests();
    for (int run = 1; run <= m_options.runs; ++run) {
        auto direct = load(m_fastMock.port(), chatRequest(m_fastMock.port(), fastModel, false), c, n, w, false);
        if (!direct)
            return fail(direct.error());
        m_runs.directRps.append(direct->requestsPerSecond());
        double nginxRps = NAN;
        double nginxCpuUs = NAN;
        if (haveNginx()) {
            const double before = SystemInfo::treeCpuTimeMs(m_nginx.pid());
            auto nginx = load(m_nginx.port(), chatRequest(m_nginx.port(), fastModel, false), c, n, w, false);
            const double after = SystemInfo::treeCpuTimeMs(m_nginx.pid());
            if (!nginx)
                return fail(nginx.error());
            nginxRps = nginx->requestsPerSecond();
            m_runs.nginxRps.append(nginxRps);
            if (before >= 0 && after >= 0) {
                nginxCpuUs = (after - before) * 1000.0 / double(n + w);
                m_runs.nginxCpuUsPerRequest.append(nginxCpuUs);
            }
        }
        const double cpuBefore = SystemInfo::cpuTimeMs(m_hub.pid());
        auto hub = load(m_hub.port(), chatRequest(m_hub.port(), fastModel, false), c, n, w, false);
        const double cpuAfter = SystemInfo::cpuTimeMs(m_hub.pid());
        if (!hub)
            return fail(hub.error());
        m_runs.hubRps.append(hub->requestsPerSecond());
        if (cpuBefore >= 0 && cpuAfter >= 0) {
            const double hubCpuUs = (cpuAfter - cpuBefore) * 1000.0 / double(n + w);
            m_runs.hubCpuUsPerRequest.append(hubCpuUs);
            if (!std::isnan(nginxCpuUs) && hubCpuUs > 0)
                m_runs.hubCpuShareOfNginx.append(100.0 * nginxCpuUs / hubCpuUs);
        }
        if (haveNginx())
            m_runs.hubShareOfNginx.append(100.0 * hub->requestsPerSecond() / nginxRps);
        progress(QStringLiteral("c=%1 throughput, run %2/%3: direct %4, nginx %5, hub %6 requests/s")
                     .arg(c)
                     .arg(run)
                     .arg(m_options.runs)
                     .arg(fmt(direct->requestsPerSecond(), 0), fmt(nginxRps, 0), fmt(hub->requestsPerSecond(), 0)));
    }
    return {};
}

Status BenchRunner::measureFirstByte()
{
    const qint64 n = m_options.firstByteRequests;
    const qint64 w = qMax<qint64>(20, n / 10);
    for (int run = 1; run <= m_options.runs; ++run) {
        auto direct = load(m_fastMock.port(), chatRequest(m_fastMock.port(), fastModel, true), 1, n, w, true);
        if (!direct)
            return fail(direct.error());
        auto hub = load(m_hub.port(), chatRequest(m_hub.port(), fastModel, true), 1, n, w, true);
        if (!hub)
            return fail(hub.error());
        const LatencySummary d(std::move(direct->firstByteUs));
        const LatencySummary h(std::move(hub->firstByteUs));
        m_runs.directTtfbP50.append(ms(d.p50()));
        m_runs.hubAddedTtfbP50.append(ms(h.p50() - d.p50()));
        m_runs.hubAddedTtfbP99.append(ms(h.p99() - d.p99()));
        progress(QStringLiteral("stream first byte, run %1/%2: direct p50 %3 ms, hub +%4 ms")
                     .arg(run)
                     .arg(m_options.runs)
                     .arg(fmt(ms(d.p50())), fmt(ms(h.p50() - d.p50()))));
    }
    return {};
}

Status BenchRunner::measureStreams()
{
    const int streamMs = m_options.streamChunks * m_options.chunkDelayMs;
    // How many data events one whole stream has: asked of the mock directly, then once through the idle hub.
    StreamSwarm::Config one;
    one.port = m_slowMock.port();
    one.request = chatRequest(one.port, slowModel, true);
    one.timeoutMs = streamMs + 30000;
    auto direct = StreamSwarm::run(one);
    if (!direct)
        return fail(direct.error());
    if (direct->sawDone != 1 || direct->eventsReceived == 0)
        return fail(ErrorCode::Internal, QStringLiteral("The mock's stream is incomplete: %1")
                                             .arg(QString::fromUtf8(direct->firstBody)));
    const int expected = int(direct->eventsReceived);
    m_runs.expectedEvents = expected;
    one.port = m_hub.port();
    one.request = chatRequest(one.port, slowModel, true);
    one.expectedEvents = expected;
    auto single = StreamSwarm::run(one);
    if (!single)
        return fail(single.error());
    if (single->completed != 1)
        m_table.addNote(QStringLiteral("One stream through the idle hub already differs from the mock's %1 events: "
                                       "%2")
                            .arg(expected)
                            .arg(single->problems.join(QStringLiteral("; "))));

    const pid_t hubPid = m_hub.pid();
    for (int run = 1; run <= m_options.runs; ++run) {
        const bool reset = SystemInfo::resetPeakRss(hubPid);
        qint64 sampledKb = 0;
        StreamSwarm::Config config;
        config.port = m_hub.port();
        config.request = chatRequest(config.port, slowModel, true);
        config.streams = m_options.streams;
        config.expectedEvents = expected;
        config.timeoutMs = streamMs + 60000;
        config.tickMs = 20;
        config.tick = [&sampledKb, hubPid] { sampledKb = std::max(sampledKb, SystemInfo::statusKb(hubPid, "VmRSS")); };
        auto outcome = StreamSwarm::run(config);
        if (!outcome)
            return fail(outcome.error());
        const qint64 hwmKb = SystemInfo::statusKb(hubPid, "VmHWM");
        const qint64 peakKb = reset ? std::max(hwmKb, sampledKb) : sampledKb;
        m_runs.peakIsHighWaterMark = m_runs.peakIsHighWaterMark && reset;
        m_runs.streamsCompleted.append(outcome->completed);
        m_runs.peakStreaming.append(outcome->peakStreaming);
        m_runs.chunksLost.append(double(outcome->eventsLost));
        m_runs.peakRssMb.append(double(peakKb) * 1024.0 / 1e6);
        progress(QStringLiteral("%1 streams, run %2/%3: %4 complete, %5 events lost, all streaming after %6 ms, "
                                "peak %7 at once, %8 s, hub peak RSS %9 MB")
                     .arg(m_options.streams)
                     .arg(run)
                     .arg(m_options.runs)
                     .arg(outcome->completed)
                     .arg(outcome->eventsLost)
                     .arg(fmt(outcome->allStartedMs, 0))
                     .arg(outcome->peakStreaming)
                     .arg(fmt(outcome->seconds, 1), fmt(double(peakKb) * 1024.0 / 1e6, 1)));
        for (const QString &problem : outcome->problems)
            m_table.addNote(QStringLiteral("streams run %1: %2").arg(run).arg(problem));
        sleepMs(500); // let the hub close the finished connections
    }
    sleepMs(1000);
    m_runs.idleRssAfterMb = rssMb("VmRSS");
    return {};
}

int BenchRunner::run()
{
    const qint64 startNs = SystemInfo::nowNs();
    m_loadAtStart = SystemInfo::loadAverage();
    if (auto ready = setUp(); !ready) {
        progress(QStringLiteral("aihub-bench: %1").arg(ready.error().message));
        return 1;
    }
    printHeader();
    if (auto ok = probe(); !ok) {
        progress(QStringLiteral("aihub-bench: %1").arg(ok.error().message));
        return 1;
    }
    struct Phase {
        const char *option; // --only name; null: always
        const char *name;
        Status (BenchRunner::*run)();
    };
    const Phase phases[] = {
        { nullptr, "warm-up", &BenchRunner::warmUp },
        { "latency", "latency (c=1)", &BenchRunner::measureLatency },
        { "throughput", "throughput (c=64)", &BenchRunner::measureThroughput },
        { "first-byte", "stream time to first byte", &BenchRunner::measureFirstByte },
        { "streams", "simultaneous streams", &BenchRunner::measureStreams },
    };
    for (const auto &[option, name, phase] : phases) {
        if (option && !m_options.includes(QString::fromLatin1(option)))
            continue;
        if (auto done = (this->*phase)(); !done) {
            const QString error = QStringLiteral("%1 failed: %2").arg(QString::fromLatin1(name), done.error().message);
            progress(QStringLiteral("aihub-bench: ") + error);
            m_errors.append(error);
        }
        if (!m_hub.isRunning()) {
            m_errors.append(QStringLiteral("The hub stopped during %1:\n%2")
                                .arg(QString::fromLatin1(name), ChildProcess::tail(m_hub.logPath())));
            break;
        }
    }
    BenchReport::fill(m_table, m_runs, m_options, haveNginx());
    std::printf("%s", qPrintable(m_table.render()));
    for (const QString &error : std::as_const(m_errors))
        std::printf("- NOT MEASURED: %s\n", qPrintable(error));
    std::printf("Load average at the end: %s; the benchmark took %.0f s.\n", qPrintable(SystemInfo::loadAverage()),
                double(SystemInfo::nowNs() - startNs) / 1e9);
    if (m_options.keepTemp)
        std::printf("Configs, data and logs kept in %s\n", qPrintable(m_temp->path()));
    std::fflush(stdout);
    QJsonObject machine;
    machine.insert(QStringLiteral("cores"), SystemInfo::onlineCores());
    machine.insert(QStringLiteral("load_average_start"), m_loadAtStart);
    machine.insert(QStringLiteral("load_average_end"), SystemInfo::loadAverage());
    machine.insert(QStringLiteral("hub_cpu"), m_hubCpu);
    machine.insert(QStringLiteral("client_cpu"), m_clientCpu);
    if (auto written = BenchReport::writeJson(m_options, m_table, machine, m_errors); !written) {
        progress(QStringLiteral("aihub-bench: %1").arg(written.error().message));
        return 1;
    }
    if (!m_errors.isEmpty())
        return 1;
    return m_options.checkTargets && m_table.failures() > 0 ? 1 : 0;
}

} // namespace AiHub::Bench
