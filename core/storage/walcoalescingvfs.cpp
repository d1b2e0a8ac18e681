// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/walcoalescingvfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

namespace AiHub::Storage {

namespace {

constexpr int kFrameHeaderSize = 24; // WAL_FRAME_HDRSIZE in SQLite's wal.c
// SQLite never writes more than a page at once, and the unix VFS cuts every write to its low 17 bits of length
// (seekAndWriteFd): what is gathered goes out in pieces well below that.
constexpr int kMaxWrite = 96 * 1024;
constexpr std::size_t kMaxGathered = 1u << 20; // a transaction larger than this is written out as it goes

sqlite3_vfs *g_base = nullptr;
sqlite3_vfs g_vfs;
sqlite3_io_methods g_logMethods;
std::atomic<qint64> g_logWrites { 0 };
std::atomic<qint64> g_frames { 0 };

// A write-ahead log. The VFS below's own file object follows this one in the same allocation.
struct LogFile {
    sqlite3_file base; // must come first: SQLite sees this
    sqlite3_file *inner = nullptr;
    std::vector<char> gathered;
    sqlite3_int64 gatheredAt = 0;
    sqlite3_int64 pageExpectedAt = -1; // where the page of the frame whose header came last goes
    bool commitFrame = false;          // that header is a commit frame's
};

constexpr int innerOffset()
{
    return int((sizeof(LogFile) + 15) & ~std::size_t(15));
}

LogFile *logFile(sqlite3_file *file)
{
    return reinterpret_cast<LogFile *>(file);
}

int writeThrough(LogFile *f, const void *data, int amount, sqlite3_int64 offset)
{
    g_logWrites.fetch_add(1, std::memory_order_relaxed);
    return f->inner->pMethods->xWrite(f->inner, data, amount, offset);
}

int flush(LogFile *f)
{
    f->pageExpectedAt = -1;
    f->commitFrame = false;
    if (f->gathered.empty())
        return SQLITE_OK;
    int rc = SQLITE_OK;
    for (std::size_t done = 0; done < f->gathered.size() && rc == SQLITE_OK;) {
        const int n = int(std::min<std::size_t>(f->gathered.size() - done, kMaxWrite));
        rc = writeThrough(f, f->gathered.data() + done, n, f->gatheredAt + sqlite3_int64(done));
        done += std::size_t(n);
    }
    if (f->gathered.capacity() > 2 * kMaxGathered)
        std::vector<char>().swap(f->gathered); // after an unusually large transaction: give the memory back
    else
        f->gathered.clear();
    return rc;
}

void gather(LogFile *f, const void *data, int amount, sqlite3_int64 offset)
{
    if (f->gathered.empty())
        f->gatheredAt = offset;
    const auto *bytes = static_cast<const char *>(data);
    f->gathered.insert(f->gathered.end(), bytes, bytes + amount);
}

quint32 bigEndian32(const void *data)
{
    const auto *b = static_cast<const unsigned char *>(data);
    return (quint32(b[0]) << 24) | (quint32(b[1]) << 16) | (quint32(b[2]) << 8) | quint32(b[3]);
}

int logWrite(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
    LogFile *f = logFile(file);
    const bool follows = f->gathered.empty() || offset == f->gatheredAt + sqlite3_int64(f->gathered.size());
    if (amount == kFrameHeaderSize && f->pageExpectedAt < 0 && follows) {
        // A frame header: bytes 4-7 are the database size after a commit, zero in every other frame.
        gather(f, data, amount, offset);
        f->pageExpectedAt = offset + kFrameHeaderSize;
        f->commitFrame = bigEndian32(static_cast<const char *>(data) + 4) != 0;
        return SQLITE_OK;
    }
    if (offset == f->pageExpectedAt && follows) {
        gather(f, data, amount, offset);
        g_frames.fetch_add(1, std::memory_order_relaxed);
        f->pageExpectedAt = -1;
        // The commit frame is complete: everything goes out now, and a failure is this write's.
        if (f->commitFrame || f->gathered.size() > kMaxGathered)
            return flush(f);
        return SQLITE_OK;
    }
    // Not the usual append (the log's header after a restart, a frame rewritten in place): in order, at once.
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return writeThrough(f, data, amount, offset);
}

int logClose(sqlite3_file *file)
{
    LogFile *f = logFile(file);
    const int flushed = flush(f);
    const int closed = f->inner->pMethods ? f->inner->pMethods->xClose(f->inner) : SQLITE_OK;
    f->~LogFile();
    return flushed != SQLITE_OK ? flushed : closed;
}

int logRead(sqlite3_file *file, void *data, int amount, sqlite3_int64 offset)
{
    LogFile *f = logFile(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->inner->pMethods->xRead(f->inner, data, amount, offset);
}

int logTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    LogFile *f = logFile(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->inner->pMethods->xTruncate(f->inner, size);
}

int logSync(sqlite3_file *file, int flags)
{
    LogFile *f = logFile(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->inner->pMethods->xSync(f->inner, flags);
}

int logFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    LogFile *f = logFile(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->inner->pMethods->xFileSize(f->inner, size);
}

int logLock(sqlite3_file *file, int level)
{
    sqlite3_file *inner = logFile(file)->inner;
    return inner->pMethods->xLock(inner, level);
}

int logUnlock(sqlite3_file *file, int level)
{
    sqlite3_file *inner = logFile(file)->inner;
    return inner->pMethods->xUnlock(inner, level);
}

int logCheckReservedLock(sqlite3_file *file, int *out)
{
    sqlite3_file *inner = logFile(file)->inner;
    return inner->pMethods->xCheckReservedLock(inner, out);
}

int logFileControl(sqlite3_file *file, int op, void *arg)
{
    LogFile *f = logFile(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->inner->pMethods->xFileControl(f->inner, op, arg);
}

int logSectorSize(sqlite3_file *file)
{
    sqlite3_file *inner = logFile(file)->inner;
    return inner->pMethods->xSectorSize(inner);
}

int logDeviceCharacteristics(sqlite3_file *file)
{
    sqlite3_file *inner = logFile(file)->inner;
    return inner->pMethods->xDeviceCharacteristics(inner);
}

int logShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
    sqlite3_file *inner = logFile(file)->inner;
    return inner->pMethods->xShmMap(inner, region, size, extend, out);
}

int logShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    sqlite3_file *inner = logFile(file)->inner;
    return inner->pMethods->xShmLock(inner, offset, n, flags);
}

void logShmBarrier(sqlite3_file *file)
{
    sqlite3_file *inner = logFile(file)->inner;
    inner->pMethods->xShmBarrier(inner);
}

int logShmUnmap(sqlite3_file *file, int deleteFlag)
{
    sqlite3_file *inner = logFile(file)->inner;
    return inner->pMethods->xShmUnmap(inner, deleteFlag);
}

int logFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
    LogFile *f = logFile(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->inner->pMethods->xFetch(f->inner, offset, amount, out);
}

int logUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *page)
{
    sqlite3_file *inner = logFile(file)->inner;
    return inner->pMethods->xUnfetch(inner, offset, page);
}

// The log's methods, as far as the VFS below's own go (its version decides which exist).
void initLogMethods(const sqlite3_io_methods &below)
{
    g_logMethods = sqlite3_io_methods {};
    g_logMethods.iVersion = below.iVersion;
    g_logMethods.xClose = logClose;
    g_logMethods.xRead = logRead;
    g_logMethods.xWrite = logWrite;
    g_logMethods.xTruncate = logTruncate;
    g_logMethods.xSync = logSync;
    g_logMethods.xFileSize = logFileSize;
    g_logMethods.xLock = logLock;
    g_logMethods.xUnlock = logUnlock;
    g_logMethods.xCheckReservedLock = logCheckReservedLock;
    g_logMethods.xFileControl = logFileControl;
    g_logMethods.xSectorSize = logSectorSize;
    g_logMethods.xDeviceCharacteristics = logDeviceCharacteristics;
    if (below.iVersion >= 2) {
        g_logMethods.xShmMap = below.xShmMap ? logShmMap : nullptr;
        g_logMethods.xShmLock = below.xShmLock ? logShmLock : nullptr;
        g_logMethods.xShmBarrier = below.xShmBarrier ? logShmBarrier : nullptr;
        g_logMethods.xShmUnmap = below.xShmUnmap ? logShmUnmap : nullptr;
    }
    if (below.iVersion >= 3) {
        g_logMethods.xFetch = below.xFetch ? logFetch : nullptr;
        g_logMethods.xUnfetch = below.xUnfetch ? logUnfetch : nullptr;
    }
}

int vfsOpen(sqlite3_vfs *, const char *name, sqlite3_file *file, int flags, int *outFlags)
{
    if (!(flags & SQLITE_OPEN_WAL))
        return g_base->xOpen(g_base, name, file, flags, outFlags); // the VFS below's file, unwrapped
    auto *inner = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + innerOffset());
    inner->pMethods = nullptr;
    const int rc = g_base->xOpen(g_base, name, inner, flags, outFlags);
    if (rc != SQLITE_OK) {
        if (inner->pMethods)
            inner->pMethods->xClose(inner);
        file->pMethods = nullptr; // SQLite then does not call xClose
        return rc;
    }
    static std::once_flag methodsReady;
    std::call_once(methodsReady, [inner] { initLogMethods(*inner->pMethods); });
    auto *f = new (file) LogFile;
    f->inner = inner;
    f->base.pMethods = &g_logMethods;
    return SQLITE_OK;
}

} // namespace

bool WalCoalescingVfs::install()
{
    static const bool installed = [] {
        if (sqlite3_initialize() != SQLITE_OK)
            return false;
        g_base = sqlite3_vfs_find(nullptr);
        if (!g_base)
            return false;
        // Everything but opening a file is the VFS below's, with its own context (pAppData).
        g_vfs = *g_base;
        g_vfs.zName = "aihub-wal-coalescing";
        g_vfs.pNext = nullptr;
        g_vfs.szOsFile = innerOffset() + g_base->szOsFile;
        g_vfs.xOpen = vfsOpen;
        return sqlite3_vfs_register(&g_vfs, 1) == SQLITE_OK;
    }();
    return installed;
}

qint64 WalCoalescingVfs::logWrites()
{
    return g_logWrites.load(std::memory_order_relaxed);
}

qint64 WalCoalescingVfs::framesWritten()
{
    return g_frames.load(std::memory_order_relaxed);
}

} // namespace AiHub::Storage
