// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QList>

namespace AiHub::Bench {

// The raw figures of a benchmark, one entry per run (times in ms, memory in MB = 10^6 bytes).
struct BenchFigures {
    QList<double> directP50, directP99, directMean;
    QList<double> nginxAddedP50, nginxAddedP99;
    QList<double> hubP50, hubAddedP50, hubAddedP99, hubOverNginxP50;
    QList<double> directRps, nginxRps, hubRps, hubShareOfNginx;
    QList<double> nginxCpuUsPerRequest, hubCpuUsPerRequest, hubCpuShareOfNginx;
    QList<double> directTtfbP50, hubAddedTtfbP50, hubAddedTtfbP99;
    QList<double> streamsCompleted, chunksLost, peakStreaming, peakRssMb;
    double idleRssMb = -1;      // after start-up and the first requests
    double idleRssAfterMb = -1; // a second after the last streams
    int expectedEvents = -1;    // data events in one whole stream
    bool peakIsHighWaterMark = true; // VmHWM could be reset before each stream run
};

} // namespace AiHub::Bench
