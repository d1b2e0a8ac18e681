// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// HeapTrimmer: memory freed in another thread's heap (as the server's worker threads free it after a burst of
// streams) goes back to the system when, and only when, it is worth it.
#include "core/server/heaptrimmer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <vector>

using AiHub::Server::HeapTrimmer;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kBurstBytes = 32 * kMiB;

qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toLongLong() * qint64(sysconf(_SC_PAGESIZE));
}

// A burst in a thread of its own that lives for the whole test (so always in the same heap of its own, as on
// a server worker): 32 MiB in 1 KiB blocks, all written, then all freed but every 64th, which pins the heap's
// top so that malloc cannot give it back by itself.
QThread *burstThread()
{
    static QThread *thread = [] {
        auto *t = new QThread;
        t->start();
        return t;
    }();
    return thread;
}

std::vector<void *> burstLeavingFragments()
{
    std::vector<void *> kept;
    QObject context;
    context.moveToThread(burstThread());
    QMetaObject::invokeMethod(
        &context,
        [&kept] {
            std::vector<void *> blocks;
            for (qint64 i = 0; i < kBurstBytes / 1024; ++i) {
                void *block = std::malloc(1024);
                std::memset(block, 0x5a, 1024);
                blocks.push_back(block);
            }
            for (std::size_t i = 0; i < blocks.size(); ++i) {
                if (i % 64 == 63)
                    kept.push_back(blocks[i]);
                else
                    std::free(blocks[i]);
            }
        },
        Qt::BlockingQueuedConnection);
    return kept;
}

// The trim runs on a pool thread; wait for it.
void waitForTrim() { QThreadPool::globalInstance()->waitForDone(); }

void release(std::vector<void *> &blocks)
{
    for (void *block : blocks)
        std::free(block);
    blocks.clear();
}

} // namespace

class TestHeapTrimmer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase()
    {
        burstThread()->quit();
        burstThread()->wait();
        delete burstThread();
    }

    void freedBurst_isReturnedToTheSystem_once()
    {
        HeapTrimmer trimmer({}, 4 * kMiB, 60000);
        trimmer.trimIfWorthwhile(); // the first look sets the low point
        std::vector<void *> kept = burstLeavingFragments();
        QVERIFY(HeapTrimmer::freeHeapBytes() >= kBurstBytes / 2);
        const qint64 before = residentBytes();
        QElapsedTimer timer;
        timer.start();
        HeapTrimmer::freeHeapBytes();
        const qint64 countUs = timer.nsecsElapsed() / 1000;
        timer.restart();
        QVERIFY(trimmer.trimIfWorthwhile());
        const qint64 lookUs = timer.nsecsElapsed() / 1000;
        waitForTrim();
        const qint64 tookUs = timer.nsecsElapsed() / 1000;
        const qint64 after = residentBytes();
        QVERIFY2(before - after >= kBurstBytes / 2,
                 qPrintable(QStringLiteral("resident %1 -> %2 bytes").arg(before).arg(after)));
        qInfo("trimmed %lld KiB in %lld us (the caller's thread: %lld us; counting the free bytes: %lld us)",
              (before - after) / 1024, tookUs, lookUs, countUs);
        // Nothing was used or freed since: no second trim.
        QVERIFY(!trimmer.trimIfWorthwhile());
        release(kept);
    }

    void workDoneBetweenTwoLooks_isTrimmedOnTheNextLook()
    {
        qint64 calls = 0;
        HeapTrimmer trimmer([&calls] { return calls; }, 4 * kMiB, 60000);
        std::vector<void *> kept = burstLeavingFragments();
        ++calls;
        QVERIFY(trimmer.trimIfWorthwhile());
        waitForTrim();
        release(kept);
        // The same burst again, unseen by the trimmer: as much is free as after the last trim, so only the
        // activity counter tells that the pages were written again.
        kept = burstLeavingFragments();
        QVERIFY(!trimmer.trimIfWorthwhile());
        ++calls;
        const qint64 before = residentBytes();
        QVERIFY(trimmer.trimIfWorthwhile());
        waitForTrim();
        QVERIFY(before - residentBytes() >= kBurstBytes / 2);
        release(kept);
    }

    void lessFreeThanTheThreshold_isLeftAlone()
    {
        qint64 calls = 0;
        HeapTrimmer trimmer([&calls] { return calls; }, qint64(1) << 40, 60000);
        std::vector<void *> kept = burstLeavingFragments();
        ++calls;
        const qint64 before = residentBytes();
        QVERIFY(!trimmer.trimIfWorthwhile());
        QVERIFY(residentBytes() >= before - kMiB);
        release(kept);
    }

    void started_trimsOnItsOwn()
    {
        qint64 calls = 0;
        HeapTrimmer trimmer([&calls] { return calls; }, 4 * kMiB, 20);
        std::vector<void *> kept = burstLeavingFragments();
        ++calls;
        const qint64 before = residentBytes();
        trimmer.start();
        QTRY_VERIFY_WITH_TIMEOUT(before - residentBytes() >= kBurstBytes / 2, 5000);
        trimmer.stop();
        release(kept);
    }
};

QTEST_GUILESS_MAIN(TestHeapTrimmer)
#include "tst_heaptrimmer.moc"
