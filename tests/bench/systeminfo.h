// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>

#include <sys/types.h>

namespace AiHub::Bench {

// What the benchmark needs from Linux: cores, load, CPU pinning, the file limit and a process's memory.
class SystemInfo final {
public:
    static int onlineCores();
    // The three load averages of /proc/loadavg, e.g. "1.02 0.87 0.55".
    static QString loadAverage();
    // Whether this process may run on that CPU.
    static bool cpuAvailable(int cpu);
    // Pins the calling thread (and so every thread and process it starts later) to one CPU.
    [[nodiscard]] static Status pinToCpu(int cpu);
    // Raises the soft RLIMIT_NOFILE to the hard limit; returns the new soft limit.
    [[nodiscard]] static Result<qint64> raiseFileLimit();
    // A "VmRSS" / "VmHWM" style field of /proc/<pid>/status in kB; -1 when it cannot be read.
    static qint64 statusKb(pid_t pid, const char *field);
    // Resets the peak RSS (VmHWM) of a process to its current RSS (Linux 4.0+, needs the right to write
    // /proc/<pid>/clear_refs). Returns false when that is not allowed.
    static bool resetPeakRss(pid_t pid);
    // CPU time of a process (all its live threads, from schedstat) in milliseconds; -1 when unknown.
    static double cpuTimeMs(pid_t pid);
    // The direct children of a process (from /proc/<pid>/task/<pid>/children).
    static QList<pid_t> childPids(pid_t pid);
    // CPU time of a process and its direct children (nginx: master and workers), -1 when unknown.
    static double treeCpuTimeMs(pid_t pid);
    // Sets the nice value of this process; false when not allowed.
    static bool setNice(int nice);
    // Nanoseconds from CLOCK_MONOTONIC.
    static qint64 nowNs();
};

} // namespace AiHub::Bench
