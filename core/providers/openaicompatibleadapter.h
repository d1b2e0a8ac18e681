// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/iprovideradapter.h"

namespace AiHub::Providers {

// OpenAI's /chat/completions dialect, shared by OpenAI, DeepSeek, xAI and OpenRouter. Their differences
// (usage placement, reasoning fields, comments, error shapes) are handled here and in OpenAiStreamDecoder.
class OpenAiCompatibleAdapter final : public IProviderAdapter {
public:
    Result<Net::UpstreamRequest> chatRequest(const LiveProvider &provider, const LiveCredential *credential,
                                             const ChatCall &call) const override;
    bool sendsOpenAiBody() const override { return true; }
    std::unique_ptr<IChatStreamDecoder> streamDecoder(const LiveProvider &provider,
                                                      StreamOutput output) const override;
    Result<ChatCompletion> parseCompletion(const LiveProvider &provider, const QByteArray &body) const override;
    // For an answer relayed unchanged to an OpenAI client: checks that it is a chat completion and reads only its
    // usage, without building the document. result holds nothing but the usage; parseCompletion for the rest.
    Result<ChatCompletion> parseRelayedCompletion(const LiveProvider &provider,
                                                  const QByteArray &body) const override;
    Error mapError(const LiveProvider &provider, int status, const QByteArray &body,
                   int retryAfterSeconds) const override;
    Result<Net::UpstreamRequest> modelsRequest(const LiveProvider &provider,
                                               const LiveCredential *credential) const override;
    Result<QStringList> parseModels(const QByteArray &body) const override;
    Result<Net::UpstreamRequest> testRequest(const LiveProvider &provider,
                                             const LiveCredential *credential) const override;
    // POST /embeddings (asks for base64, as OpenAI's SDKs do; reads float arrays too) and POST /images/generations.
    Result<Net::UpstreamRequest> embeddingRequest(const LiveProvider &provider, const LiveCredential *credential,
                                                  const EmbeddingRequest &request) const override;
    Result<EmbeddingResult> parseEmbeddings(const LiveProvider &provider, const QByteArray &body) const override;
    Result<Net::UpstreamRequest> imageRequest(const LiveProvider &provider, const LiveCredential *credential,
                                              const ImageRequest &request) const override;
    Result<ImageResult> parseImages(const LiveProvider &provider, const QByteArray &body) const override;

private:
    Result<Net::UpstreamRequest> baseRequest(const LiveProvider &provider, const LiveCredential *credential,
                                             const QByteArray &method, const QString &path) const;
};

} // namespace AiHub::Providers
