// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/childprocess.h"

#include "tests/bench/systeminfo.h"

#include <QFile>
#include <QTemporaryFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace AiHub::Bench {

namespace {

QString errnoText() { return QString::fromLocal8Bit(std::strerror(errno)); }

void sleepMs(int ms)
{
    timespec ts { ms / 1000, long(ms % 1000) * 1000000L };
    ::nanosleep(&ts, nullptr);
}

} // namespace

ChildProcess::~ChildProcess() { terminate(); }

Status ChildProcess::start(const Spec &spec)
{
    if (m_pid > 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 is already running.").arg(m_program));
    m_program = spec.program;
    m_exitCode = -1;

    // Everything the child needs is built before fork(): after it, only async-signal-safe calls.
    std::vector<QByteArray> argStore;
    argStore.push_back(spec.program.toLocal8Bit());
    for (const QString &arg : spec.arguments)
        argStore.push_back(arg.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &arg : argStore)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    std::vector<QByteArray> envStore;
    for (char **e = environ; *e; ++e) {
        const QByteArray entry(*e);
        const QByteArray name = entry.left(entry.indexOf('='));
        bool replaced = false;
        for (const auto &[key, value] : spec.environment)
            replaced = replaced || key == name;
        if (!replaced)
            envStore.push_back(entry);
    }
    for (const auto &[key, value] : spec.environment)
        envStore.push_back(key + '=' + value);
    std::vector<char *> envp;
    for (QByteArray &entry : envStore)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    const QByteArray outPath = spec.stdoutPath.isEmpty() ? QByteArray("/dev/null") : spec.stdoutPath.toLocal8Bit();
    const QByteArray errPath = spec.stderrPath.isEmpty() ? QByteArray("/dev/null") : spec.stderrPath.toLocal8Bit();
    const int outFd = ::open(outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    // One file for both: share the file offset, or the two streams overwrite each other.
    const int errFd = errPath == outPath ? ::fcntl(outFd, F_DUPFD_CLOEXEC, 0)
                                         : ::open(errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    int inPipe[2] = { -1, -1 };
    if (outFd < 0 || errFd < 0 || ::pipe2(inPipe, O_CLOEXEC) != 0) {
        const QString why = errnoText();
        for (int fd : { outFd, errFd, inPipe[0], inPipe[1] })
            if (fd >= 0)
                ::close(fd);
        return fail(ErrorCode::Internal, QStringLiteral("Cannot prepare the output files of %1: %2.")
                                             .arg(spec.program, why));
    }
    // Small enough for the pipe buffer, so writing before the child reads cannot block.
    if (!spec.stdinData.isEmpty()) {
        [[maybe_unused]] const auto n = ::write(inPipe[1], spec.stdinData.constData(), size_t(spec.stdinData.size()));
    }
    ::close(inPipe[1]);

    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    if (spec.cpu >= 0)
        CPU_SET(spec.cpu, &cpus);
    const pid_t parent = ::getpid();

    const pid_t pid = ::fork();
    if (pid < 0) {
        const QString why = errnoText();
        ::close(outFd);
        ::close(errFd);
        ::close(inPipe[0]);
        return fail(ErrorCode::Internal, QStringLiteral("Cannot start %1: %2.").arg(spec.program, why));
    }
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(127);
        if (spec.cpu >= 0)
            ::sched_setaffinity(0, sizeof cpus, &cpus);
        ::dup2(inPipe[0], 0);
        ::dup2(outFd, 1);
        ::dup2(errFd, 2);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(outFd);
    ::close(errFd);
    ::close(inPipe[0]);
    m_pid = pid;
    return {};
}

void ChildProcess::reap(int status)
{
    m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    m_pid = -1;
}

bool ChildProcess::isRunning()
{
    if (m_pid <= 0)
        return false;
    int status = 0;
    const pid_t r = ::waitpid(m_pid, &status, WNOHANG);
    if (r == m_pid) {
        reap(status);
        return false;
    }
    return r == 0;
}

Result<int> ChildProcess::waitForExit(int timeoutMs)
{
    const qint64 deadline = SystemInfo::nowNs() + qint64(timeoutMs) * 1000000;
    while (isRunning()) {
        if (SystemInfo::nowNs() > deadline)
            return fail(ErrorCode::Internal,
                        QStringLiteral("%1 did not finish within %2 ms.").arg(m_program).arg(timeoutMs));
        sleepMs(5);
    }
    return m_exitCode;
}

void ChildProcess::terminate(int graceMs)
{
    if (!isRunning())
        return;
    ::kill(m_pid, SIGTERM);
    if (waitForExit(graceMs))
        return;
    ::kill(m_pid, SIGKILL);
    int status = 0;
    if (::waitpid(m_pid, &status, 0) == m_pid)
        reap(status);
}

Result<QRegularExpressionMatch> ChildProcess::waitForOutput(const QString &path, const QRegularExpression &pattern,
                                                           int timeoutMs)
{
    const qint64 deadline = SystemInfo::nowNs() + qint64(timeoutMs) * 1000000;
    for (;;) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            const auto match = pattern.match(QString::fromUtf8(file.readAll()));
            if (match.hasMatch())
                return match;
        }
        if (!isRunning())
            return fail(ErrorCode::Internal, QStringLiteral("%1 ended (exit code %2) before it was ready:\n%3")
                                                 .arg(m_program)
                                                 .arg(m_exitCode)
                                                 .arg(tail(path)));
        if (SystemInfo::nowNs() > deadline)
            return fail(ErrorCode::Internal, QStringLiteral("%1 was not ready after %2 ms:\n%3")
                                                 .arg(m_program)
                                                 .arg(timeoutMs)
                                                 .arg(tail(path)));
        sleepMs(10);
    }
}

Result<QByteArray> ChildProcess::run(Spec spec, int timeoutMs)
{
    QTemporaryFile out;
    if (!out.open())
        return fail(ErrorCode::Internal, QStringLiteral("Cannot create a temporary file for %1.").arg(spec.program));
    spec.stdoutPath = out.fileName();
    ChildProcess process;
    if (auto started = process.start(spec); !started)
        return fail(started.error());
    auto code = process.waitForExit(timeoutMs);
    if (!code) {
        process.terminate(1000);
        return fail(code.error());
    }
    const QByteArray output = out.readAll();
    if (*code != 0)
        return fail(ErrorCode::Internal, QStringLiteral("`%1 %2` failed with exit code %3:\n%4%5")
                                             .arg(spec.program, spec.arguments.join(u' '))
                                             .arg(*code)
                                             .arg(QString::fromUtf8(output),
                                                  spec.stderrPath.isEmpty() ? QString() : tail(spec.stderrPath)));
    return output;
}

QString ChildProcess::tail(const QString &path, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    const QStringList all = QString::fromUtf8(file.readAll()).split(u'\n');
    return all.mid(qMax(0, all.size() - lines - 1)).join(u'\n');
}

} // namespace AiHub::Bench
