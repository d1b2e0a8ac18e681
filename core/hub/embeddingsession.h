// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/imeter.h"
#include "core/common/error.h"
#include "core/hub/callerinfo.h"
#include "core/net/upstreamrequest.h"
#include "core/providers/embeddingtypes.h"
#include "core/providers/providersnapshot.h"

#include <QObject>

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

// One embeddings call relayed to a provider: resolve target → adapter request → upstream → parse, recording its
// usage (type Embedding) exactly once however it ends. The server layer turns its signals into HTTP.
class EmbeddingSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddingSession)

public:
    EmbeddingSession(Net::UpstreamClient &client, Usage::UsageRecorder *recorder,
                     std::shared_ptr<const Providers::ProviderSnapshot> snapshot, Providers::ModelTarget target,
                     Providers::EmbeddingRequest request, CallerInfo caller, QObject *parent = nullptr);
    ~EmbeddingSession() override;

    void setTimeouts(const Net::UpstreamTimeouts &timeouts) { m_timeouts = timeouts; }
    // Credit billing (see ChatSession::setMeter); null: nothing is billed.
    void setMeter(Billing::IMeter *meter) { m_meter = meter; }
    // The credits charged once the call ended; empty when not billed.
    std::optional<Billing::Credits> creditsCharged() const { return m_charged; }
    void start();
    // The client went away: stop the provider's work and record the call as cancelled.
    void cancel();

Q_SIGNALS:
    void completed(const AiHub::Providers::EmbeddingResult &result);
    void failed(const AiHub::Error &error);

private:
    void onFinished();
    void fail(Error error);
    void record(int status, const Error *error);

    Net::UpstreamClient &m_client;
    Usage::UsageRecorder *m_recorder;
    std::shared_ptr<const Providers::ProviderSnapshot> m_snapshot; // keeps m_target.provider alive
    Providers::ModelTarget m_target;
    Providers::EmbeddingRequest m_request;
    CallerInfo m_caller;
    std::optional<Net::UpstreamTimeouts> m_timeouts;
    Net::UpstreamCall *m_upstream = nullptr;
    QByteArray m_body;
    Providers::TokenUsage m_usage;
    bool m_done = false;
    Billing::IMeter *m_meter = nullptr;
    std::optional<Billing::Hold> m_hold;
    QString m_refusal; // billing reason when the meter refused the call
    std::optional<Billing::Credits> m_charged;
    qint64 m_inputBytes = 0;
};

} // namespace AiHub::Hub
