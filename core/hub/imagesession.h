// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"
#include "core/hub/upstreamsessioncore.h"
#include "core/providers/imagetypes.h"

#include <QObject>

namespace AiHub::Hub {

// One image generation relayed to a provider: resolve target → adapter request → upstream → parse, then the
// bytes of every image the provider only gave a URL for are fetched, so the hub can hand them out itself (its
// clients may not reach the provider's storage, and those URLs expire). An image whose fetch fails keeps only
// its URL. Records usage (type Image) exactly once however it ends.
class ImageSession final : public QObject, public UpstreamSessionCore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageSession)

public:
    ImageSession(Net::UpstreamClient &client, Usage::UsageRecorder *recorder,
                 std::shared_ptr<const Providers::ProviderSnapshot> snapshot, Providers::ModelTarget target,
                 Providers::ImageRequest request, CallerInfo caller, QObject *parent = nullptr);
    ~ImageSession() override;

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

    Providers::ImageRequest m_request;
    bool m_bodyTooLarge = false;
    Providers::ImageResult m_result;
    qsizetype m_fetchIndex = -1; // the image being fetched; -1 while generating
    QString m_refusal; // billing reason when the meter refused the call
};

} // namespace AiHub::Hub
