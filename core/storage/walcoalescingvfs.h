// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QtGlobal>

namespace AiHub::Storage {

// A SQLite VFS over the default one that hands the frames of a commit to the write-ahead log in one write.
//
// SQLite appends each frame as two writes (its 24-byte header, then the page), so a commit of the usage writer
// cost some thirty system calls, each touching the same page-cache pages again. Here the frames are gathered
// and written at once when the commit frame (the one whose header records the database size) is complete,
// inside that frame's own write call: a failure is still that write's failure and fails the commit, before
// SQLite makes the frames visible to readers. Anything else written to the log (its header after a restart, a
// frame rewritten in place), and any read, sync, truncate or size query of it, first writes out what is
// gathered. Every other file (the database, journals) goes straight to the VFS below.
class WalCoalescingVfs final {
public:
    // Makes it SQLite's default VFS, once per process, over the default before it. Call before databases open;
    // connections opened earlier keep the VFS they have. False if SQLite has no default VFS to build on.
    static bool install();
    // Writes to write-ahead logs handed to the VFS below, and the frames SQLite asked to write (for tests and
    // the benchmark notes).
    [[nodiscard]] static qint64 logWrites();
    [[nodiscard]] static qint64 framesWritten();
};

} // namespace AiHub::Storage
