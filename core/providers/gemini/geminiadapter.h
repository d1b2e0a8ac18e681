// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/iprovideradapter.h"

namespace AiHub::Providers {

// Google's Gemini API (generativelanguage.googleapis.com/v1beta): generateContent and
// streamGenerateContent?alt=sse for chat, embedContent / batchEmbedContents for embeddings, Imagen's :predict
// for images, GET /models for the model list. The key travels in the x-goog-api-key header.
class GeminiAdapter final : public IProviderAdapter {
public:
    Result<Net::UpstreamRequest> chatRequest(const LiveProvider &provider, const LiveCredential *credential,
                                             const ChatCall &call) const override;
    std::unique_ptr<IChatStreamDecoder> streamDecoder(const LiveProvider &provider, StreamOutput output) const override;
    Result<ChatCompletion> parseCompletion(const LiveProvider &provider, const QByteArray &body) const override;
    Error mapError(const LiveProvider &provider, int status, const QByteArray &body,
                   int retryAfterSeconds) const override;
    Result<Net::UpstreamRequest> modelsRequest(const LiveProvider &provider,
                                               const LiveCredential *credential) const override;
    Result<QStringList> parseModels(const QByteArray &body) const override;
    // inputTokenLimit, outputTokenLimit, and the type from supportedGenerationMethods.
    Result<QList<ModelInfo>> parseModelList(const QByteArray &body) const override;
    Result<Net::UpstreamRequest> embeddingRequest(const LiveProvider &provider, const LiveCredential *credential,
                                                  const EmbeddingRequest &request) const override;
    Result<EmbeddingResult> parseEmbeddings(const LiveProvider &provider, const QByteArray &body) const override;
    Result<Net::UpstreamRequest> imageRequest(const LiveProvider &provider, const LiveCredential *credential,
                                              const ImageRequest &request) const override;
    Result<ImageResult> parseImages(const LiveProvider &provider, const QByteArray &body) const override;
    Result<Net::UpstreamRequest> testRequest(const LiveProvider &provider,
                                             const LiveCredential *credential) const override;

private:
    Result<Net::UpstreamRequest> baseRequest(const LiveProvider &provider, const LiveCredential *credential,
                                             const QByteArray &method, const QString &path) const;
};

} // namespace AiHub::Providers
