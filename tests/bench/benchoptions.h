// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QString>
#include <QStringList>

namespace AiHub::Bench {

// What one benchmark run does; parsed from the command line.
struct BenchOptions {
    bool quick = false;
    int runs = 3;                // each measurement, the median is reported
    qint64 requests = 20000;     // measured requests per run, c=1 and c=64
    qint64 firstByteRequests = 2000; // measured streams per run for time to first byte
    int connections = 64;        // the throughput test
    int streams = 1024;          // simultaneous streams through the hub
    int streamChunks = 20;       // content events per stream
    int chunkDelayMs = 100;      // between them
    QString hubPath;
    QString mockPath;
    QString nginxPath = QStringLiteral("/usr/sbin/nginx");
    QString jsonPath;
    int hubCpu = 0;              // the hub and nginx
    int clientCpu = 1;           // the mock upstreams and the load generator
    int nice = -10;              // for us and (inherited) every process we start; 0: leave it
    QStringList only;            // phases to run (see phaseNames()); empty: all
    bool checkTargets = false;   // exit 1 when a target is missed
    bool keepTemp = false;

    static QStringList phaseNames(); // latency, throughput, first-byte, streams
    bool includes(const QString &phase) const { return only.isEmpty() || only.contains(phase); }
    qint64 warmupRequests() const { return qMax<qint64>(100, requests / 10); }

    // Parses the arguments (the program name first). Help and bad input come back as an error whose message
    // is the text to print: code InvalidArgument for bad input, Cancelled for --help (nothing to run).
    [[nodiscard]] static Result<BenchOptions> parse(const QStringList &arguments);
    static QString helpText();
};

} // namespace AiHub::Bench
