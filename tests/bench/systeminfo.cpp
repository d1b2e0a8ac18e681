// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/systeminfo.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <ctime>

#include <fcntl.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

namespace AiHub::Bench {

int SystemInfo::onlineCores() { return int(::sysconf(_SC_NPROCESSORS_ONLN)); }

bool SystemInfo::cpuAvailable(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    return cpu >= 0 && cpu < CPU_SETSIZE && ::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_ISSET(cpu, &set);
}

QString SystemInfo::loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    const QList<QByteArray> parts = file.readAll().simplified().split(' ');
    if (parts.size() < 3)
        return QStringLiteral("unknown");
    return QString::fromLatin1(parts.at(0) + ' ' + parts.at(1) + ' ' + parts.at(2));
}

Status SystemInfo::pinToCpu(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (::sched_setaffinity(0, sizeof set, &set) != 0)
        return fail(ErrorCode::Internal,
                    QStringLiteral("Cannot pin the benchmark to CPU %1: %2.").arg(cpu).arg(
                        QString::fromLocal8Bit(std::strerror(errno))));
    return {};
}

Result<qint64> SystemInfo::raiseFileLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return fail(ErrorCode::Internal, QStringLiteral("Cannot read the open file limit."));
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &limit) != 0)
            return fail(ErrorCode::Internal, QStringLiteral("Cannot raise the open file limit to %1: %2.")
                                                 .arg(qint64(limit.rlim_max))
                                                 .arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    return limit.rlim_cur == RLIM_INFINITY ? qint64(-1) : qint64(limit.rlim_cur);
}

qint64 SystemInfo::statusKb(pid_t pid, const char *field)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.startsWith(key))
            continue;
        bool ok = false;
        const qint64 kb = line.mid(key.size()).trimmed().split(' ').value(0).toLongLong(&ok);
        return ok ? kb : -1;
    }
    return -1;
}

bool SystemInfo::resetPeakRss(pid_t pid)
{
    const QByteArray path = QStringLiteral("/proc/%1/clear_refs").arg(pid).toLocal8Bit();
    const int fd = ::open(path.constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, "5", 1) == 1;
    ::close(fd);
    return ok;
}

double SystemInfo::cpuTimeMs(pid_t pid)
{
    // schedstat has nanoseconds per thread; /proc/<pid>/stat only has 10 ms ticks, too coarse for short runs.
    const QString taskDir = QStringLiteral("/proc/%1/task").arg(pid);
    const QStringList tasks = QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (tasks.isEmpty())
        return -1;
    qint64 totalNs = 0;
    for (const QString &task : tasks) {
        QFile file(taskDir + u'/' + task + QStringLiteral("/schedstat"));
        if (!file.open(QIODevice::ReadOnly))
            continue; // the thread ended meanwhile
        bool ok = false;
        const qint64 ns = file.readAll().split(' ').value(0).toLongLong(&ok);
        if (ok)
            totalNs += ns;
    }
    return double(totalNs) / 1e6;
}

QList<pid_t> SystemInfo::childPids(pid_t pid)
{
    QFile file(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    QList<pid_t> pids;
    if (!file.open(QIODevice::ReadOnly))
        return pids;
    for (const QByteArray &word : file.readAll().simplified().split(' ')) {
        bool ok = false;
        const int child = word.toInt(&ok);
        if (ok && child > 0)
            pids.append(pid_t(child));
    }
    return pids;
}

double SystemInfo::treeCpuTimeMs(pid_t pid)
{
    double total = cpuTimeMs(pid);
    if (total < 0)
        return -1;
    for (pid_t child : childPids(pid)) {
        const double ms = cpuTimeMs(child);
        if (ms > 0)
            total += ms;
    }
    return total;
}

bool SystemInfo::setNice(int nice)
{
    return ::setpriority(PRIO_PROCESS, 0, nice) == 0;
}

qint64 SystemInfo::nowNs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

} // namespace AiHub::Bench
