// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/usagecommitwaiter.h"

#include "core/usage/usagecommitnotifier.h"
#include "core/usage/usagerecorder.h"

#include <algorithm>
#include <memory>

namespace AiHub::Hub {

namespace {
// Per thread: a waiter for each recorder seen (usually one). A recorder that is gone leaves its notifier
// pointer null; its waiter is dropped the next time the list is searched.
thread_local std::vector<std::unique_ptr<UsageCommitWaiter>> t_waiters;
} // namespace

UsageCommitWaiter::UsageCommitWaiter(Usage::UsageCommitNotifier *notifier)
    : m_notifier(notifier)
{
    connect(notifier, &Usage::UsageCommitNotifier::progressed, this, &UsageCommitWaiter::onProgressed);
}

UsageCommitWaiter *UsageCommitWaiter::forRecorder(Usage::UsageRecorder *recorder)
{
    Usage::UsageCommitNotifier *notifier = recorder->commitNotifier();
    for (auto it = t_waiters.begin(); it != t_waiters.end();) {
        UsageCommitWaiter *waiter = it->get();
        if (waiter->m_notifier == notifier)
            return waiter;
        // Its recorder is gone: nothing will be committed there any more. Only an idle waiter is dropped (a
        // client still waiting on it must be able to cancel).
        if (!waiter->m_notifier && waiter->m_waiting.empty())
            it = t_waiters.erase(it);
        else
            ++it;
    }
    t_waiters.push_back(std::unique_ptr<UsageCommitWaiter>(new UsageCommitWaiter(notifier)));
    return t_waiters.back().get();
}

void UsageCommitWaiter::wait(qint64 sequence, Client *client)
{
    m_waiting.push_back({ sequence, client });
}

void UsageCommitWaiter::cancel(Client *client)
{
    const auto it = std::find_if(m_waiting.begin(), m_waiting.end(),
                                 [client](const Waiting &w) { return w.client == client; });
    if (it != m_waiting.end())
        m_waiting.erase(it);
}

void UsageCommitWaiter::onProgressed(qint64 written, bool failing)
{
    // One at a time, searching again after each call: a client's answer may lead others to cancel or wait.
    for (;;) {
        const auto it = std::find_if(m_waiting.begin(), m_waiting.end(), [written, failing](const Waiting &w) {
            return failing || written > w.sequence;
        });
        if (it == m_waiting.end())
            return;
        Client *client = it->client;
        m_waiting.erase(it);
        client->usageCommitted();
    }
}

} // namespace AiHub::Hub
