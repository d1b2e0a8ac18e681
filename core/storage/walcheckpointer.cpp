// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/walcheckpointer.h"

#include <QLoggingCategory>

#include <sqlite3.h>

#include <utility>

Q_LOGGING_CATEGORY(lcCheckpoint, "aihub.storage.checkpoint")

namespace AiHub::Storage {

namespace {
constexpr int kFallBehindFactor = 4;
constexpr int kMaxRounds = 8;
} // namespace

WalCheckpointer::WalCheckpointer(std::shared_ptr<Database> database, int pages)
    : m_database(std::move(database))
    , m_pages(pages)
{
}

WalCheckpointer::~WalCheckpointer()
{
    stop();
}

void WalCheckpointer::start()
{
    m_running = true; // the thread itself only once a commit needs it: most hubs rarely fill a log
}

void WalCheckpointer::stop()
{
    m_running = false;
    std::thread thread;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        thread = std::move(m_thread);
    }
    m_wake.notify_all();
    if (thread.joinable())
        thread.join();
    const std::lock_guard lock(m_mutex);
    m_stopping = false;
    m_state = State::Idle;
}

void WalCheckpointer::attach(sqlite3 *connection)
{
    sqlite3_wal_hook(connection, &WalCheckpointer::onCommit, this); // replaces the automatic checkpoint
}

void WalCheckpointer::detach(sqlite3 *connection)
{
    sqlite3_wal_autocheckpoint(connection, Database::CheckpointPages);
}

int WalCheckpointer::onCommit(void *self, sqlite3 *connection, const char *schema, int pages)
{
    // Inside the commit, on the writer's thread, after its frames are in the log.
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    checkpointer->m_logPages.store(pages, std::memory_order_relaxed);
    if (pages < checkpointer->m_pages)
        return SQLITE_OK;
    if (checkpointer->m_running && pages < kFallBehindFactor * checkpointer->m_pages) {
        std::unique_lock lock(checkpointer->m_mutex);
        if (!checkpointer->m_stopping) {
            switch (checkpointer->m_state) {
            case State::Idle:
                checkpointer->m_state = State::Requested;
                if (!checkpointer->m_thread.joinable()) // a plain thread: a QThread brings an event loop along
                    checkpointer->m_thread = std::thread([checkpointer] { checkpointer->run(); });
                lock.unlock();
                checkpointer->m_wake.notify_one();
                return SQLITE_OK;
            case State::Requested:
                return SQLITE_OK; // the thread is copying
            case State::Copied:
                // The thread copied what the log held when it began; what came since is a few commits' worth.
                // Copied here, between two commits, the log is then all in the database, and SQLite starts it
                // afresh at the next one: a thread alone would chase a log that grows while it copies.
                checkpointer->m_state = State::Idle;
                break;
            }
        }
    }
    // As SQLite's own automatic checkpoint does; its failure is not the commit's.
    ++checkpointer->m_commitCheckpoints;
    sqlite3_wal_checkpoint_v2(connection, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_state == State::Requested || m_stopping; });
            if (m_stopping)
                break;
        }
        sqlite3 *db = Database::nativeHandle(m_database->connection());
        // Each round copies what the log held when it began; the writer goes on committing meanwhile. Again
        // until what came during a round is little, for the writer's commit to copy at once (see onCommit).
        bool copied = false;
        for (int round = 0; round < kMaxRounds; ++round) {
            int copiedPages = 0;
            const int rc = db ? sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                                          &copiedPages)
                              : SQLITE_CANTOPEN;
            ++m_checkpoints;
            if (rc != SQLITE_OK) {
                if (rc != SQLITE_BUSY)
                    qCWarning(lcCheckpoint) << "Checkpointing" << m_database->filePath() << "failed:"
                                            << (db ? sqlite3_errmsg(db) : "no connection")
                                            << "; the next commit past the limit tries again";
                break;
            }
            copied = true;
            if (m_logPages.load() - copiedPages <= m_pages / 64 + 16)
                break;
            const std::lock_guard lock(m_mutex);
            if (m_stopping)
                break;
        }
        const std::lock_guard lock(m_mutex);
        m_state = copied ? State::Copied : State::Idle;
    }
}

} // namespace AiHub::Storage
