// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace AiHub::Bench {

// A closed-loop HTTP/1.1 load generator on one epoll loop: `connections` keep-alive connections to
// 127.0.0.1:port, each sending the same pre-built request again as soon as the previous answer is complete.
// Parses only the framing of the answers. Runs on the calling thread until every request is answered.
class LoadGenerator final {
public:
    struct Config {
        quint16 port = 0;
        QByteArray request;          // the whole request, sent as is
        int connections = 1;
        qint64 warmupRequests = 0;   // answered but not measured
        qint64 requests = 1000;      // measured
        bool measureFirstByte = false; // also time the first decoded body byte (streams)
        int stallTimeoutMs = 15000;  // fail when nothing is answered for this long
    };
    struct Outcome {
        std::vector<double> latencyUs;   // request sent → response complete, measured requests only
        std::vector<double> firstByteUs; // request sent → first body byte (measureFirstByte)
        qint64 answered = 0;             // measured requests answered with 200
        qint64 failed = 0;               // any request not answered with 200 (warm-up included)
        qint64 reconnects = 0;           // connections the server closed
        double seconds = 0;              // first measured request sent → last answer
        QString firstFailure;            // what went wrong first, when failed > 0
        double requestsPerSecond() const { return seconds > 0 ? double(answered) / seconds : 0; }
    };

    [[nodiscard]] static Result<Outcome> run(const Config &config);
    // A non-blocking TCP socket (TCP_NODELAY) connecting to 127.0.0.1:port.
    [[nodiscard]] static Result<int> connectNonBlocking(quint16 port);
};

} // namespace AiHub::Bench
