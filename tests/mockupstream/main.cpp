// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// aihub-mock-upstream: the mock provider as a process, for load tests against a running hub.
#include "tests/mockupstream/mockupstream.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using AiHub::Testing::MockUpstream;

namespace {

int g_signalFds[2] = { -1, -1 };

// Only async-signal-safe work here: the event loop reads the pipe and quits.
void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFds[0], &byte, 1);
}

bool parseNonNegative(const QCommandLineParser &parser, const QString &name, int max, int &out)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 0 || value > max) {
        std::fprintf(
            stderr, "aihub-mock-upstream: --%s must be a whole number from 0 to %d\n", qPrintable(name), max);
        return false;
    }
    out = value;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"aihub-mock-upstream"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Mock OpenAI-compatible upstream on 127.0.0.1 serving recorded "
                                     u"provider payloads. Prints \"PORT <n>\" "
                                     u"when ready; stops on SIGINT or SIGTERM."_s);
    parser.addHelpOption();
    parser.addOption({ u"port"_s, u"Port to bind on 127.0.0.1 (0 = any free port)."_s, u"N"_s, u"0"_s });
    parser.addOption({ u"stream-chunks"_s,
        u"Content events per streamed answer (0 = the recorded stream as is)."_s, u"N"_s, u"0"_s });
    parser.addOption({ u"chunk-delay-ms"_s, u"Pause between streamed events."_s, u"M"_s, u"0"_s });
    parser.addOption({ u"latency-ms"_s, u"Pause before every response's header block."_s, u"M"_s, u"0"_s });
    parser.addOption({ u"prefix"_s, u"Base path of the OpenAI-compatible routes."_s, u"PATH"_s, u"/v1"_s });
    parser.addOption({ u"record"_s, u"Keep every request in memory (off: nothing grows under load)."_s });
    parser.process(app);

    int port = 0;
    int streamChunks = 0;
    int chunkDelay = 0;
    int latency = 0;
    if (!parseNonNegative(parser, u"port"_s, 65535, port)
        || !parseNonNegative(parser, u"stream-chunks"_s, 1000000, streamChunks)
        || !parseNonNegative(parser, u"chunk-delay-ms"_s, 3600000, chunkDelay)
        || !parseNonNegative(parser, u"latency-ms"_s, 3600000, latency))
        return 2;

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0) {
        std::perror("aihub-mock-upstream: socketpair");
        return 1;
    }
    QSocketNotifier signalNotifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);

    MockUpstream mock;
    mock.setRecordRequests(parser.isSet(u"record"_s));
    mock.setApiPrefix(parser.value(u"prefix"_s).toUtf8());
    mock.setDefaultStreamChunks(streamChunks);
    mock.setPerChunkDelayMs(chunkDelay);
    mock.setLatencyMs(latency);
    const quint16 bound = mock.listen(quint16(port));
    if (bound == 0) {
        std::fprintf(stderr, "aihub-mock-upstream: %s\n", qPrintable(mock.errorString()));
        return 1;
    }
    std::printf("PORT %u\n", unsigned(bound));
    std::fflush(stdout);

    const int rc = QCoreApplication::exec();
    std::fprintf(stderr, "aihub-mock-upstream: served %llu responses, peak %d connections\n",
        static_cast<unsigned long long>(mock.requestsServed()), mock.peakConnections());
    return rc;
}
