// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <sys/types.h>

#include <utility>

namespace AiHub::Bench {

// A child process for the benchmark: pinned to one CPU before exec, output to files (a pipe nobody reads
// would stall a chatty server), small stdin from memory, and ended with the benchmark (PR_SET_PDEATHSIG).
// Blocking waits are fine here: this is a command-line program without an event loop.
class ChildProcess final {
public:
    struct Spec {
        QString program;
        QStringList arguments;
        QList<std::pair<QByteArray, QByteArray>> environment; // added to (or replacing in) ours
        int cpu = -1;                                         // -1: not pinned
        QByteArray stdinData;                                 // at most a pipe's buffer (64 KiB)
        QString stdoutPath;                                   // empty: /dev/null
        QString stderrPath;                                   // empty: /dev/null
    };

    ChildProcess() = default;
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;
    ~ChildProcess(); // terminate()

    [[nodiscard]] Status start(const Spec &spec);
    pid_t pid() const { return m_pid; }
    QString program() const { return m_program; }
    bool isRunning();
    // The exit code (128 + signal when killed), or an error after timeoutMs.
    [[nodiscard]] Result<int> waitForExit(int timeoutMs);
    // SIGTERM, then SIGKILL after graceMs. Safe to call twice.
    void terminate(int graceMs = 5000);

    // Waits until the file at path matches pattern (checked every 10 ms) and returns the match; fails when
    // the process ends first or after timeoutMs.
    [[nodiscard]] Result<QRegularExpressionMatch> waitForOutput(const QString &path,
                                                                const QRegularExpression &pattern, int timeoutMs);
    // Runs a command to completion and returns its standard output (stderr goes to stderrPath).
    [[nodiscard]] static Result<QByteArray> run(Spec spec, int timeoutMs);
    // The last lines of a log file, for error messages.
    static QString tail(const QString &path, int lines = 15);

private:
    void reap(int status);

    pid_t m_pid = -1;
    QString m_program;
    int m_exitCode = -1;
};

} // namespace AiHub::Bench
