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

#include <cstdio>

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
                const HttpResponseParser::HeaderList headers = parser.takeHeaders();
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    const int n = args.value(2, u"2000"_s).toInt();
    if (n <= 0 || mode.isEmpty()) {
        std::fprintf(stderr, "usage: %s parse-basic|parse-stream|socket N [stream]\n", argv[0]);
        return 2;
    }
    if (mode == u"parse-basic")
        return runParse(u"openai/chat-basic.response.http"_s, false, n);
    if (mode == u"parse-stream")
        return runParse(u"openai/chat-stream-include-usage.response.sse"_s, true, n);
    if (mode == u"socket")
        return runSocket(n, args.value(3) == u"stream");
    std::fprintf(stderr, "unknown mode %s\n", qPrintable(mode));
    return 2;
}
