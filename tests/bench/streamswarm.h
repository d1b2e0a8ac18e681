// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QStringList>

#include <functional>

namespace AiHub::Bench {

// Many simultaneous streaming requests on one epoll loop: opens `streams` connections at once, sends the same
// streaming request on each, and checks every SSE answer: its data events, the closing [DONE], nothing
// malformed. Calls tick every tickMs while it runs (the benchmark samples the hub's memory there).
class StreamSwarm final {
public:
    struct Config {
        quint16 port = 0;
        QByteArray request;
        int streams = 1;
        int expectedEvents = 0; // data events a complete stream has ([DONE] not counted)
        int timeoutMs = 60000;  // the whole swarm
        int tickMs = 20;
        std::function<void()> tick;
    };
    struct Outcome {
        int streams = 0;
        int completed = 0;        // 200, every expected event, [DONE], nothing malformed
        int sawDone = 0;
        qint64 eventsExpected = 0;
        qint64 eventsReceived = 0;
        qint64 eventsLost = 0;    // sum over streams of what is missing
        int peakStreaming = 0;    // streams that had begun and not yet finished, at the same moment
        double allStartedMs = 0;  // from the start until every stream had its first event
        double seconds = 0;
        QStringList problems;     // the first few, for the report
        int firstStatus = 0;      // the first stream's HTTP status and the start of its body (probes)
        QByteArray firstBody;
    };

    [[nodiscard]] static Result<Outcome> run(const Config &config);
};

} // namespace AiHub::Bench
