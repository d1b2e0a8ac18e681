// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/iprovideradapter.h"

namespace AiHub::Providers {

// Anthropic's Messages API: POST {base}/v1/messages with x-api-key and anthropic-version headers, model list
// at GET {base}/v1/models. Requests are encoded by AnthropicRequestEncoder, streams decoded by
// AnthropicStreamDecoder (neutral events only). No embeddings and no image generation.
class AnthropicAdapter final : public IProviderAdapter {
public:
    Result<Net::UpstreamRequest> chatRequest(const LiveProvider &provider, const LiveCredential *credential,
                                             const ChatCall &call) const override;
    std::unique_ptr<IChatStreamDecoder> streamDecoder(const LiveProvider &provider,
                                                      StreamOutput output) const override;
    Result<ChatCompletion> parseCompletion(const LiveProvider &provider, const QByteArray &body) const override;
    Error mapError(const LiveProvider &provider, int status, const QByteArray &body,
                   int retryAfterSeconds) const override;
    Result<Net::UpstreamRequest> modelsRequest(const LiveProvider &provider,
                                               const LiveCredential *credential) const override;
    Result<QStringList> parseModels(const QByteArray &body) const override;
    Result<Net::UpstreamRequest> testRequest(const LiveProvider &provider,
                                             const LiveCredential *credential) const override;

private:
    Result<Net::UpstreamRequest> baseRequest(const LiveProvider &provider, const LiveCredential *credential,
                                             const QByteArray &method, const QString &pathAndQuery) const;
};

} // namespace AiHub::Providers
