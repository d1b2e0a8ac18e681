// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// aihub-bench: measures the hub against the mock upstream called directly and against nginx.
#include "tests/bench/benchoptions.h"
#include "tests/bench/benchrunner.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("aihub-bench"));
    // A peer that goes away must not kill the benchmark; send() reports it instead.
    std::signal(SIGPIPE, SIG_IGN);

    auto options = AiHub::Bench::BenchOptions::parse(QCoreApplication::arguments());
    if (!options) {
        const bool help = options.error().code == AiHub::ErrorCode::Cancelled;
        std::fprintf(help ? stdout : stderr, "%s\n", qPrintable(options.error().message));
        return help ? 0 : 2;
    }
    AiHub::Bench::BenchRunner runner(*options);
    return runner.run();
}
