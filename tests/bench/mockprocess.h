// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "tests/bench/childprocess.h"

namespace AiHub::Bench {

// One aihub-mock-upstream process (OpenAI routes under /v1), pinned to a CPU.
class MockProcess final {
public:
    struct Settings {
        QString program;
        int cpu = -1;
        int streamChunks = 0; // 0: the recorded stream as is
        int chunkDelayMs = 0;
        QString logPath;      // its stdout and stderr
    };

    [[nodiscard]] Status start(const Settings &settings);
    void stop() { m_process.terminate(); }
    quint16 port() const { return m_port; }
    pid_t pid() const { return m_process.pid(); }

private:
    ChildProcess m_process;
    quint16 m_port = 0;
};

} // namespace AiHub::Bench
