// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/storage/database.h"

#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace AiHub::Storage {

// Checkpoints the write-ahead log of a busy writer's connection on a thread of its own.
//
// SQLite checkpoints inside the commit that takes the log past its limit: the commit then waits for the
// database file to be written and for two fsyncs, tens of milliseconds on a busy disk, and so does every
// answer waiting for that commit (the usage writer's group commit). A connection attached here only notes how
// long the log has grown; past `pages` this thread copies the log into the database (PASSIVE: it never holds
// the writer up) while the writer goes on committing, in rounds until what came during a round is little. The
// next commit past the limit copies that little itself, so the log is all in the database between two commits
// and SQLite starts it afresh. Should the thread fall behind (four times `pages`), or not run, the commit
// checkpoints as SQLite would have.
class WalCheckpointer final {
public:
    explicit WalCheckpointer(std::shared_ptr<Database> database, int pages = Database::CheckpointPages);
    ~WalCheckpointer(); // stop()
    Q_DISABLE_COPY_MOVE(WalCheckpointer)

    // Checkpoints go to the thread from now on; it starts when the first one is due.
    void start();
    // Ends the thread after the checkpoint it may be running; commits checkpoint themselves again.
    void stop();

    // Takes over the automatic checkpoint of a connection; call on the connection's thread, and detach() before
    // this object goes, or close the connection.
    void attach(sqlite3 *connection);
    // Gives the connection back SQLite's own automatic checkpoint.
    void detach(sqlite3 *connection);

    // Checkpoints run on this thread, and by commits themselves (for tests).
    [[nodiscard]] qint64 checkpoints() const { return m_checkpoints.load(); }
    [[nodiscard]] qint64 commitCheckpoints() const { return m_commitCheckpoints.load(); }

private:
    // Idle -> Requested (a commit went past the limit) -> Copied (the thread checkpointed) -> Idle (the next
    // commit past the limit copied the rest itself).
    enum class State { Idle, Requested, Copied };

    static int onCommit(void *self, sqlite3 *connection, const char *schema, int pages);
    void run();

    const std::shared_ptr<Database> m_database;
    const int m_pages;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    State m_state = State::Idle;
    bool m_stopping = false;
    std::atomic<bool> m_running { false };
    std::thread m_thread;
    std::atomic<int> m_logPages { 0 }; // the log's length after the attached writer's last commit
    std::atomic<qint64> m_checkpoints { 0 };
    std::atomic<qint64> m_commitCheckpoints { 0 };
};

} // namespace AiHub::Storage
