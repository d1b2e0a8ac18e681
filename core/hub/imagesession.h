// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/imeter.h"
#include "core/common/error.h"
#include "core/hub/callerinfo.h"
#include "core/net/upstreamrequest.h"
#include "core/providers/imagetypes.h"
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

// One image generation relayed to a provider: resolve target → adapter request → upstream → parse, then the
// bytes of every image the provider only gave a URL for are fetched, so the hub can hand them out itself (its
// clients may not reach the provider's storage, and those URLs expire). An image whose fetch fails keeps only
// its URL. Records usage (type Image) exactly once however it ends.
class ImageSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageSession)

public:
    ImageSession(Net::UpstreamClient &client, Usage::UsageRecorder *recorder,
                 std::shared_ptr<const Providers::ProviderSnapshot> snapshot, Providers::ModelTarget target,
                 Providers::ImageRequest request, CallerInfo caller, QObject *parent = nullptr);
    ~ImageSession() override;

    void setTimeouts(const Net::UpstreamTimeouts &timeouts) { m_timeouts = timeouts; }
    // Credit billing (see ChatSession::setMeter); null: nothing is billed.
    void setMeter(Billing::IMeter *meter) { m_meter = meter; }
    // The credits charged once the call ended; empty when not billed.
    std::optional<Billing::Credits> creditsCharged() const { return m_charged; }
    void start();
    void cancel();

Q_SIGNALS:
    void completed(const AiHub::Providers::ImageResult &result);
    void failed(const AiHub::Error &error);

private:
    void onGenerated();
    void fetchNext();
    void onFetched(bool ok);
    void send(Net::UpstreamRequest request);
    void finishOk();
    void fail(Error error);
    void record(int status, const Error *error);

    Net::UpstreamClient &m_client;
    Usage::UsageRecorder *m_recorder;
    std::shared_ptr<const Providers::ProviderSnapshot> m_snapshot; // keeps m_target.provider alive
    Providers::ModelTarget m_target;
    Providers::ImageRequest m_request;
    CallerInfo m_caller;
    std::optional<Net::UpstreamTimeouts> m_timeouts;
    Net::UpstreamCall *m_upstream = nullptr;
    QByteArray m_body;
    bool m_bodyTooLarge = false;
    Providers::ImageResult m_result;
    qsizetype m_fetchIndex = -1; // the image being fetched; -1 while generating
    bool m_done = false;
    Billing::IMeter *m_meter = nullptr;
    std::optional<Billing::Hold> m_hold;
    QString m_refusal; // billing reason when the meter refused the call
    std::optional<Billing::Credits> m_charged;
    qint64 m_inputBytes = 0;
};

} // namespace AiHub::Hub
