// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/imeter.h"
#include "core/hub/callerinfo.h"
#include "core/net/upstreamrequest.h"
#include "core/providers/providersnapshot.h"

#include <QByteArray>

#include <memory>
#include <optional>

namespace AiHub::Net {
class UpstreamCall;
class UpstreamClient;
} // namespace AiHub::Net
namespace AiHub::Usage {
class UsageRecorder;
}

namespace AiHub::Hub {

// The state ChatSession, EmbeddingSession and ImageSession keep the same way around one upstream call, and their
// common setters. Not polymorphic and not a QObject: sharing it costs the chat hot path nothing.
class UpstreamSessionCore {
    Q_DISABLE_COPY_MOVE(UpstreamSessionCore)

public:
    // Upstream connect / first-byte / idle limits; the adapter's defaults otherwise.
    void setTimeouts(const Net::UpstreamTimeouts &timeouts) { m_timeouts = timeouts; }
    // Credit billing: start() holds the most the call can cost before anything is sent (failing with
    // InsufficientCredit, and no upstream call, when the balance cannot cover it); the end settles to what was
    // delivered. Without a meter nothing is billed.
    void setMeter(Billing::IMeter *meter) { m_meter = meter; }
    // The credits charged, once the call has ended (for APIs that report them); empty when not billed.
    std::optional<Billing::Credits> creditsCharged() const { return m_charged; }

protected:
    // Fills in the caller's arrival times where it left them at 0.
    UpstreamSessionCore(Net::UpstreamClient &client, Usage::UsageRecorder *recorder,
                        std::shared_ptr<const Providers::ProviderSnapshot> snapshot, Providers::ModelTarget target,
                        CallerInfo caller);
    ~UpstreamSessionCore() = default;

    // Whether this call holds credits, so what it produces must be counted for the charge.
    bool isCharging() const { return m_meter && m_hold && m_hold->active; }

    Net::UpstreamClient &m_client;
    Usage::UsageRecorder *m_recorder;
    std::shared_ptr<const Providers::ProviderSnapshot> m_snapshot; // keeps m_target.provider alive
    Providers::ModelTarget m_target;
    CallerInfo m_caller;
    std::optional<Net::UpstreamTimeouts> m_timeouts;
    Net::UpstreamCall *m_upstream = nullptr;
    QByteArray m_body; // the answer (or error body) read so far
    bool m_done = false;
    Billing::IMeter *m_meter = nullptr;
    std::optional<Billing::Hold> m_hold;
    std::optional<Billing::Credits> m_charged;
    qint64 m_inputBytes = 0; // the request's text, for counted input tokens
};

} // namespace AiHub::Hub
