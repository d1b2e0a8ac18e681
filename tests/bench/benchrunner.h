// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "tests/bench/benchfigures.h"
#include "tests/bench/benchoptions.h"
#include "tests/bench/hubprocess.h"
#include "tests/bench/loadgenerator.h"
#include "tests/bench/mockprocess.h"
#include "tests/bench/nginxproxy.h"
#include "tests/bench/resulttable.h"

#include <QTemporaryDir>

#include <memory>

namespace AiHub::Bench {

// One benchmark run: starts the mocks, nginx and the hub, measures, prints the table (stdout) and progress
// (stderr), writes the JSON, stops everything.
class BenchRunner final {
public:
    explicit BenchRunner(BenchOptions options);
    BenchRunner(const BenchRunner &) = delete;
    BenchRunner &operator=(const BenchRunner &) = delete;
    ~BenchRunner();

    // 0: every measurement ran (and, with --check-targets, every target was met); 1 otherwise.
    int run();

private:
    Status setUp();
    Status probe();
    Status warmUp();
    Status measureLatency();
    Status measureThroughput();
    Status measureFirstByte();
    Status measureStreams();
    void printHeader() const;

    QByteArray chatRequest(quint16 port, const QByteArray &model, bool stream) const;
    Result<LoadGenerator::Outcome> load(quint16 port, const QByteArray &request, int connections, qint64 requests,
                                        qint64 warmup, bool firstByte) const;
    void progress(const QString &text) const;
    double rssMb(const char *field) const;
    bool haveNginx() const { return m_nginx.port() != 0; }

    BenchOptions m_options;
    std::unique_ptr<QTemporaryDir> m_temp;
    int m_hubCpu = -1;
    int m_clientCpu = -1;
    QString m_loadAtStart;
    MockProcess m_fastMock;
    MockProcess m_slowMock;
    NginxProxy m_nginx;
    HubProcess m_hub;
    BenchFigures m_runs;
    ResultTable m_table;
    QStringList m_errors; // measurements that could not be made
};

} // namespace AiHub::Bench
