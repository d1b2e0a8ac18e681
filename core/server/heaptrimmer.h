// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace AiHub::Server {

// Gives memory that the hub freed back to the system. glibc's malloc keeps freed blocks for reuse and returns
// pages only from the very top of a heap, so after a burst of streams the worker threads' heaps stay as large
// as the burst made them (1,024 streams: some 16 MB more resident, for good). Every interval this looks at how
// much malloc holds free; when that is at least `threshold` bytes and memory may have been touched since the
// last trim (the activity counter moved, e.g. calls were served, or at least `threshold` bytes were freed
// since the lowest point seen), malloc_trim() hands the free pages back (the address space stays, so reuse
// costs only a page fault). Looks from the thread it lives in and trims on a pool thread, never on the request
// path. Elsewhere than glibc it does nothing; with jemalloc (linked into the executables when it is installed)
// glibc's heaps stay empty, so it finds nothing to trim, and jemalloc's own background thread returns the pages.
class HeapTrimmer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeapTrimmer)

public:
    static constexpr qint64 DefaultThresholdBytes = 4 * 1024 * 1024;
    static constexpr int DefaultIntervalMs = 2000;

    // activity: a counter that moves when the hub works (may be empty; must be safe to call from this thread).
    explicit HeapTrimmer(std::function<qint64()> activity = {}, qint64 thresholdBytes = DefaultThresholdBytes,
                         int intervalMs = DefaultIntervalMs, QObject *parent = nullptr);

    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }

    // One check as the timer does it; true when it started a trim (which runs on a pool thread).
    bool trimIfWorthwhile();
    // Bytes malloc holds free in all its heaps (0 where unknown).
    static qint64 freeHeapBytes();

private:
    QTimer m_timer;
    std::function<qint64()> m_activity;
    qint64 m_threshold;
    qint64 m_lowestFree = -1;       // since the last trim
    qint64 m_activityAtTrim = 0;
    std::shared_ptr<std::atomic_flag> m_trimming = std::make_shared<std::atomic_flag>(); // one trim at a time
};

} // namespace AiHub::Server
