// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/iprovideradapter.h"

#include <QDateTime>

#include <functional>

namespace AiHub::Providers {

// Amazon Bedrock: chat through the Converse / ConverseStream API, embeddings (Titan, Cohere) and images
// (Titan Image, Nova Canvas) through InvokeModel, model discovery through the control plane
// (bedrock.<region>.amazonaws.com). Every request is signed with SigV4 (service "bedrock").
class BedrockAdapter final : public IProviderAdapter {
public:
    using Clock = std::function<QDateTime()>;
    // `clock` gives the signing time; the default is the current UTC time. Tests pass a fixed one.
    explicit BedrockAdapter(Clock clock = {});

    Result<Net::UpstreamRequest> chatRequest(const LiveProvider &provider, const LiveCredential *credential,
                                             const ChatCall &call) const override;
    std::unique_ptr<IChatStreamDecoder> streamDecoder(const LiveProvider &provider, StreamOutput output) const override;
    Result<ChatCompletion> parseCompletion(const LiveProvider &provider, const QByteArray &body) const override;
    Error mapError(const LiveProvider &provider, int status, const QByteArray &body,
                   int retryAfterSeconds) const override;
    Result<Net::UpstreamRequest> modelsRequest(const LiveProvider &provider,
                                               const LiveCredential *credential) const override;
    Result<QStringList> parseModels(const QByteArray &body) const override;
    // The type and input modalities from ListFoundationModels' outputModalities / inputModalities.
    Result<QList<ModelInfo>> parseModelList(const QByteArray &body) const override;
    Result<Net::UpstreamRequest> embeddingRequest(const LiveProvider &provider, const LiveCredential *credential,
                                                  const EmbeddingRequest &request) const override;
    Result<EmbeddingResult> parseEmbeddings(const LiveProvider &provider, const QByteArray &body) const override;
    Result<Net::UpstreamRequest> imageRequest(const LiveProvider &provider, const LiveCredential *credential,
                                              const ImageRequest &request) const override;
    Result<ImageResult> parseImages(const LiveProvider &provider, const QByteArray &body) const override;
    Result<Net::UpstreamRequest> testRequest(const LiveProvider &provider,
                                             const LiveCredential *credential) const override;

    // The control-plane base URL: bedrock.<region>.amazonaws.com for the default runtime URL, the host with
    // "bedrock-runtime." turned into "bedrock." for a custom one that follows AWS naming, else the base URL itself.
    static QString controlPlaneBaseUrl(const LiveProvider &provider);

private:
    Result<Net::UpstreamRequest> signedRequest(const LiveProvider &provider, const LiveCredential *credential,
                                               const QByteArray &method, const QString &url, QByteArray body,
                                               const QByteArray &accept) const;

    Clock m_clock;
};

} // namespace AiHub::Providers
