// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "tests/bench/childprocess.h"

namespace AiHub::Bench {

// nginx as a plain reverse proxy in front of the mock: one worker, HTTP/1.1 with keep-alive to the
// upstream, no access log. Its config, pid file, temp folders and error log live in a folder of ours.
class NginxProxy final {
public:
    struct Settings {
        QString program;
        QString folder;       // created if missing
        quint16 upstreamPort = 0;
        int cpu = -1;
    };

    [[nodiscard]] Status start(const Settings &settings);
    void stop() { m_process.terminate(); }
    quint16 port() const { return m_port; }
    pid_t pid() const { return m_process.pid(); }

    // The configuration start() writes.
    static QByteArray config(const QString &folder, quint16 listenPort, quint16 upstreamPort, bool runsAsRoot);
    // A port on 127.0.0.1 that was free a moment ago (nginx cannot report the one it picked).
    [[nodiscard]] static Result<quint16> freePort();

private:
    ChildProcess m_process;
    quint16 m_port = 0;
};

} // namespace AiHub::Bench
