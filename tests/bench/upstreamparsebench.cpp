// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
//
// aihub-upstream-parse-bench: the cost of reading one upstream response, for callgrind (instruction counts are
// what to trust on a shared machine; wall time is printed only as a hint). Not a ctest test.
//
//   aihub-upstream-parse-bench parse-basic N   the mock's exact bytes for openai/chat-basic (Content-Length),
//                                              one read each, through HttpResponseParser as UpstreamConnection
//                                              and UpstreamCall use it
//   aihub-upstream-parse-bench parse-stream N  openai/chat-stream-include-usage (chunked SSE), one read per event
//   aihub-upstream-parse-bench socket N [stream]  N sequential calls through UpstreamClient to an in-process mock
//   aihub-upstream-parse-bench streams N [plain]  N simultaneous slow streams (or plain answers) from an
//                                              aihub-mock-upstream process: heap and RSS of this (client)
//                                              process per open stream, and per pooled idle connection after
//
// Per-response instructions:
//   valgrind --tool=callgrind --toggle-collect='parseOne*' aihub-upstream-parse-bench parse-basic 2000
//   valgrind --tool=callgrind --toggle-collect='AiHub::Net::UpstreamConnection::onReadyRead()'
//       aihub-upstream-parse-bench socket 2000   (one command line)
// and divide the total by N.
#include "core/net/httpresponseparser.h"
#include "core/net/upstreamcall.h"
#include "core/net/upstreamclient.h"
#include "tests/mockupstream/mockresponse.h"
#include "tests/mockupstream/mockupstream.h"
#include "tests/mockupstream/preparedresponse.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTimer>

#include <malloc.h>

#include <cstdio>
#include <memory>
#include <vector>

using namespace AiHub;
using namespace AiHub::Net;
using namespace AiHub::Testing;
using namespace Qt::StringLiterals;

namespace {

struct Outcome {
    qint64 bodyBytes = 0;
    qsizetype headers = 0;
    bool ok = false;
};

// One response, fed read by read, handled the way UpstreamConnection::process and UpstreamCall do.
[[gnu::noinline]] Outcome parseOne(HttpResponseParser &parser, const QList<QByteArray> &reads)
{
    Outcome out;
    parser.reset();
    QByteArray body;
    for (const QByteArray &read : reads) {
        parser.feed(read);
        for (;;) {
            const Result<HttpResponseParser::Event> event = parser.next(&body);
            if (!event)
                return out;
            if (*event == HttpResponseParser::Event::NeedMoreData)
                break;
            if (*event == HttpResponseParser::Event::HeadersComplete) {
                const ResponseHeaders headers = parser.takeHeaders();
                out.headers = headers.size();
            } else if (*event == HttpResponseParser::Event::BodyData) {
                out.bodyBytes += body.size();
            } else {
                out.ok = parser.keepAlive();
                return out;
            }
        }
    }
    return out;
}

int runParse(const QString &fixture, bool perChunk, int n)
{
    const Result<MockResponse> response = MockResponse::fromFixture(fixture);
    if (!response) {
        std::fprintf(stderr, "%s\n", qPrintable(response.error().message));
        return 1;
    }
    const auto prepared = PreparedResponse::prepare(*response);
    QList<QByteArray> reads;
    if (perChunk) {
        reads.append(prepared->headKeepAlive);
        reads.append(prepared->wireChunks);
        reads.append(prepared->trailer);
    } else {
        reads.append(prepared->wholeKeepAlive);
    }
    qint64 wireBytes = 0;
    for (const QByteArray &r : std::as_const(reads))
        wireBytes += r.size();

    HttpResponseParser parser;
    Outcome last;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < n; ++i) {
        // A fresh copy of every read, as the socket hands the connection a new array each time.
        QList<QByteArray> fresh;
        fresh.reserve(reads.size());
        for (const QByteArray &r : std::as_const(reads))
            fresh.append(QByteArray(r.constData(), r.size()));
        last = parseOne(parser, fresh);
        if (!last.ok) {
            std::fprintf(stderr, "response %d did not parse\n", i);
            return 1;
        }
    }
    const double ns = double(timer.nsecsElapsed()) / n;
    std::printf("%d responses of %lld wire bytes in %lld reads: %lld body bytes, %lld headers; %.0f ns each\n", n,
                static_cast<long long>(wireBytes), static_cast<long long>(reads.size()),
                static_cast<long long>(last.bodyBytes), static_cast<long long>(last.headers), ns);
    return 0;
}

int runSocket(int n, bool stream)
{
    MockUpstream mock;
    if (mock.startInThread() == 0) {
        std::fprintf(stderr, "mock: %s\n", qPrintable(mock.errorString()));
        return 1;
    }
    UpstreamClient client;
    UpstreamRequest request;
    request.url = QUrl(mock.baseUrl().toString() + u"/chat/completions"_s);
    request.headers.emplaceBack("Content-Type", "application/json");
    request.body = stream ? QByteArray(R"({"model":"gpt-4o-mini","stream":true,"messages":[]})")
                          : QByteArray(R"({"model":"gpt-4o-mini","messages":[]})");
    qint64 bodyBytes = 0;
    int failures = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < n; ++i) {
        QEventLoop loop;
        UpstreamCall *call = client.send(request);
        QObject::connect(call, &UpstreamCall::bodyData, &loop,
                         [&bodyBytes](const QByteArray &chunk) { bodyBytes += chunk.size(); });
        QObject::connect(call, &UpstreamCall::finished, &loop, &QEventLoop::quit);
        QObject::connect(call, &UpstreamCall::failed, &loop, [&failures, &loop](const Error &error) {
            std::fprintf(stderr, "call failed: %s\n", qPrintable(error.message));
            ++failures;
            loop.quit();
        });
        loop.exec();
        delete call;
        if (failures)
            return 1;
    }
    std::printf("%d %s calls, %lld body bytes in all; %.0f us each\n", n, stream ? "streamed" : "plain",
                static_cast<long long>(bodyBytes), double(timer.nsecsElapsed()) / n / 1000.0);
    return 0;
}

// Heap bytes in use (glibc) and resident set size of this process.
struct MemorySample {
    qint64 heap = 0;
    qint64 rss = 0;
};

MemorySample sampleMemory()
{
    MemorySample s;
    s.heap = qint64(mallinfo2().uordblks);
    QFile status(u"/proc/self/status"_s);
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                s.rss = line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
        }
    }
    return s;
}

int runStreams(int n, bool plain)
{
    QProcess mock;
    mock.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    mock.start(QStringLiteral(AIHUB_BENCH_MOCK), { u"--stream-chunks"_s, u"40"_s, u"--chunk-delay-ms"_s, u"100"_s });
    QByteArray banner;
    while (!banner.contains('\n') && mock.waitForReadyRead(10000))
        banner += mock.readAllStandardOutput();
    const int port = banner.startsWith("PORT ") ? banner.mid(5).trimmed().toInt() : 0;
    if (port == 0) {
        std::fprintf(stderr, "the mock did not start: %s\n", banner.constData());
        return 1;
    }
    UpstreamClient client;
    client.setMaxIdlePerHost(n);
    UpstreamRequest request;
    request.url = QUrl(u"http://127.0.0.1:%1/v1/chat/completions"_s.arg(port));
    request.headers.emplaceBack("Content-Type", "application/json");
    request.body = plain ? QByteArray(R"({"model":"gpt-4o-mini","messages":[]})")
                         : QByteArray(R"({"model":"gpt-4o-mini","stream":true,"messages":[]})");

    // One call first, so that lazily created state (thread-local buffers, Qt internals) is not counted.
    std::vector<std::unique_ptr<UpstreamCall>> calls;
    int started = 0;
    int finished = 0;
    int failures = 0;
    qint64 bodyBytes = 0;
    QEventLoop loop;
    const auto launch = [&](int count) {
        for (int i = 0; i < count; ++i) {
            UpstreamCall *call = client.send(request);
            auto seen = std::make_shared<bool>(false);
            QObject::connect(call, &UpstreamCall::bodyData, &loop, [&, seen](const QByteArray &chunk) {
                bodyBytes += chunk.size();
                if (!*seen) {
                    *seen = true;
                    ++started;
                }
            });
            QObject::connect(call, &UpstreamCall::finished, &loop, [&] { ++finished; });
            QObject::connect(call, &UpstreamCall::failed, &loop, [&](const Error &error) {
                std::fprintf(stderr, "call failed: %s\n", qPrintable(error.message));
                ++failures;
            });
            calls.emplace_back(call);
        }
    };
    const auto waitFor = [&](const std::function<bool()> &done) {
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (done() || failures)
                loop.quit();
        });
        poll.start(5);
        loop.exec();
    };
    launch(1);
    waitFor([&] { return finished == 1; });
    calls.clear();
    started = finished = 0;
    bodyBytes = 0;

    const MemorySample before = sampleMemory();
    launch(n);
    waitFor([&] { return started == n; });
    const MemorySample open = sampleMemory();
    waitFor([&] { return finished == n; });
    calls.clear();
    const MemorySample idle = sampleMemory();
    mock.terminate();
    mock.waitForFinished(5000);
    if (failures)
        return 1;
    std::printf("%d simultaneous %s, %lld body bytes in all\n", n, plain ? "plain calls" : "streams",
                static_cast<long long>(bodyBytes));
    std::printf("while open: %lld heap bytes, %lld RSS bytes per stream\n",
                static_cast<long long>((open.heap - before.heap) / n),
                static_cast<long long>((open.rss - before.rss) / n));
    std::printf("%d pooled idle connections: %lld heap bytes each\n", n,
                static_cast<long long>((idle.heap - before.heap) / n));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    const int n = args.value(2, u"2000"_s).toInt();
    if (n <= 0 || mode.isEmpty()) {
        std::fprintf(stderr, "usage: %s parse-basic|parse-stream|socket N [stream]|streams N [plain]\n", argv[0]);
        return 2;
    }
    if (mode == u"parse-basic")
        return runParse(u"openai/chat-basic.response.http"_s, false, n);
    if (mode == u"parse-stream")
        return runParse(u"openai/chat-stream-include-usage.response.sse"_s, true, n);
    if (mode == u"socket")
        return runSocket(n, args.value(3) == u"stream");
    if (mode == u"streams")
        return runStreams(n, args.value(3) == u"plain");
    std::fprintf(stderr, "unknown mode %s\n", qPrintable(mode));
    return 2;
}
