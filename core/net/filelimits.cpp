// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/net/filelimits.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>

#include <cerrno>
#include <cstring>
#endif

using namespace Qt::StringLiterals;

namespace AiHub::Net {

Result<qint64> FileLimits::raiseSoftLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return fail(ErrorCode::Internal,
                    u"cannot read the open file limit: "_s + QString::fromLocal8Bit(std::strerror(errno)));
    rlim_t target = limit.rlim_max;
#ifdef Q_OS_MACOS
    // macOS rejects a soft limit above OPEN_MAX even when the hard limit is unlimited.
    if (target == RLIM_INFINITY || target > 10240)
        target = 10240;
#else
    // Linux refuses RLIM_INFINITY for descriptors; 1 Mi is the kernel's default ceiling (fs.nr_open).
    if (target == RLIM_INFINITY)
        target = 1024 * 1024;
#endif
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur >= target)
        return qint64(limit.rlim_cur);
    if (limit.rlim_cur == RLIM_INFINITY)
        return qint64(target);
    limit.rlim_cur = target;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
        return fail(ErrorCode::Internal, u"cannot raise the open file limit to %1: "_s.arg(qint64(target))
                                             + QString::fromLocal8Bit(std::strerror(errno))
                                             + u"; raise it with ulimit -n before starting the hub"_s);
    return qint64(target);
#else
    return qint64(-1);
#endif
}

} // namespace AiHub::Net
