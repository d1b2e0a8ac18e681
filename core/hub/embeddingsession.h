// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"
#include "core/hub/upstreamsessioncore.h"
#include "core/providers/embeddingtypes.h"

#include <QObject>

namespace AiHub::Hub {

// One embeddings call relayed to a provider: resolve target → adapter request → upstream → parse, recording its
// usage (type Embedding) exactly once however it ends. The server layer turns its signals into HTTP.
class EmbeddingSession final : public QObject, public UpstreamSessionCore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddingSession)

public:
    EmbeddingSession(Net::UpstreamClient &client, Usage::UsageRecorder *recorder,
                     std::shared_ptr<const Providers::ProviderSnapshot> snapshot, Providers::ModelTarget target,
                     Providers::EmbeddingRequest request, CallerInfo caller, QObject *parent = nullptr);
    ~EmbeddingSession() override;

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

    Providers::EmbeddingRequest m_request;
    Providers::TokenUsage m_usage;
    QString m_refusal; // billing reason when the meter refused the call
};

} // namespace AiHub::Hub
