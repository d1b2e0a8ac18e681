// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/iprovideradapter.h"

namespace AiHub::Providers {

// A local (or proxied) Ollama server's native API: POST /api/chat (NDJSON stream or one object), POST /api/embed,
// GET /api/tags. Ollama needs no key; a stored key is sent as a Bearer token, for proxies in front of it.
// Image generation is not offered.
class OllamaAdapter final : public IProviderAdapter {
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
    Result<Net::UpstreamRequest> embeddingRequest(const LiveProvider &provider, const LiveCredential *credential,
                                                  const EmbeddingRequest &request) const override;
    Result<EmbeddingResult> parseEmbeddings(const LiveProvider &provider, const QByteArray &body) const override;
    Result<Net::UpstreamRequest> testRequest(const LiveProvider &provider,
                                             const LiveCredential *credential) const override;
    // A refused or unreachable Ollama usually just is not running: say so, and how to start it.
    Error describeTransportError(const ProviderConfig &config, const Error &error) const override;

private:
    Result<Net::UpstreamRequest> baseRequest(const LiveProvider &provider, const LiveCredential *credential,
                                             const QByteArray &method, const QString &path) const;
};

} // namespace AiHub::Providers
