// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/heaptrimmer.h"

#include <QLoggingCategory>
#include <QThreadPool>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

Q_LOGGING_CATEGORY(lcHeapTrimmer, "aihub.memory")

namespace AiHub::Server {

HeapTrimmer::HeapTrimmer(std::function<qint64()> activity, qint64 thresholdBytes, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_activity(std::move(activity))
    , m_threshold(thresholdBytes)
{
    m_activityAtTrim = m_activity ? m_activity() : 0;
    m_timer.setInterval(intervalMs);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &HeapTrimmer::trimIfWorthwhile);
}

qint64 HeapTrimmer::freeHeapBytes()
{
#if defined(__GLIBC__)
    return qint64(mallinfo2().fordblks);
#else
    return 0;
#endif
}

bool HeapTrimmer::trimIfWorthwhile()
{
#if defined(__GLIBC__)
    const qint64 free = freeHeapBytes();
    if (m_lowestFree < 0 || free < m_lowestFree)
        m_lowestFree = free;
    const qint64 activity = m_activity ? m_activity() : 0;
    // Blocks freed since the low point were in use, so their pages may be resident again; work done since the
    // last trim may have reused and freed blocks between two looks.
    const bool touched = activity != m_activityAtTrim || free - m_lowestFree >= m_threshold;
    qCDebug(lcHeapTrimmer) << "free" << free << "lowest" << m_lowestFree << "activity" << activity << "at trim"
                           << m_activityAtTrim;
    if (free < m_threshold || !touched || m_trimming->test())
        return false;
    // Off this thread (the desktop app's host lives on the GUI thread): a trim takes ~2 ms per 30 MB freed.
    // Trimming leaves the free blocks in malloc's lists, so the free count stays about what it is now.
    m_trimming->test_and_set();
    QThreadPool::globalInstance()->start([trimming = m_trimming] {
        malloc_trim(0);
        trimming->clear();
    });
    m_lowestFree = free;
    m_activityAtTrim = activity;
    qCDebug(lcHeapTrimmer) << "trimming";
    return true;
#else
    return false;
#endif
}

} // namespace AiHub::Server
