// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QObject>
#include <QPointer>

#include <vector>

namespace AiHub::Usage {
class UsageCommitNotifier;
class UsageRecorder;
} // namespace AiHub::Usage

namespace AiHub::Hub {

// Waits for usage records to be committed on behalf of all the calls of one thread: one connection to the
// recorder's notifier and one queued signal per commit for all of them, instead of a connection per call and a
// queued signal per waiting call and commit.
class UsageCommitWaiter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageCommitWaiter)

public:
    class Client {
    public:
        // The record is committed, or the writer is failing (the row stays queued and is retried; the client
        // must not hang on a broken database). Called once; the client is forgotten before.
        virtual void usageCommitted() = 0;

    protected:
        ~Client() = default;
    };

    // The waiter of the calling thread for that recorder (made on first use, kept until the thread ends).
    static UsageCommitWaiter *forRecorder(Usage::UsageRecorder *recorder);

    // Calls client->usageCommitted() once the record with that sequence number is committed. The client must
    // cancel() before it goes away.
    void wait(qint64 sequence, Client *client);
    void cancel(Client *client);

private:
    explicit UsageCommitWaiter(Usage::UsageCommitNotifier *notifier);
    void onProgressed(qint64 written, bool failing);

    struct Waiting {
        qint64 sequence;
        Client *client;
    };
    QPointer<Usage::UsageCommitNotifier> m_notifier;
    std::vector<Waiting> m_waiting;
};

} // namespace AiHub::Hub
