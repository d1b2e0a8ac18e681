// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/net/upstreamrequest.h"
#include "core/providers/chatcall.h"
#include "core/providers/chatresult.h"
#include "core/providers/embeddingtypes.h"
#include "core/providers/imagetypes.h"
#include "core/providers/modelinfo.h"
#include "core/providers/ichatstreamdecoder.h"
#include "core/providers/tokenusage.h"

#include <QStringList>

#include <memory>

namespace AiHub::Providers {

struct LiveProvider;
struct ProviderConfig;
struct LiveCredential;

struct ChatCompletion {
    ChatResult result; // always filled in
    QByteArray body;   // OpenAI-style providers: their chat.completion JSON, relayed unchanged to OpenAI clients
    TokenUsage usage;  // the same as result.usage
    bool usageOnly = false; // parseRelayedCompletion: result holds nothing but the usage (parseCompletion for more)
};

// Everything that differs between providers' wire formats, and nothing else: no I/O, no state.
class IProviderAdapter {
public:
    virtual ~IProviderAdapter() = default;

    [[nodiscard]] virtual Result<Net::UpstreamRequest> chatRequest(const LiveProvider &provider,
                                                                   const LiveCredential *credential,
                                                                   const ChatCall &call) const = 0;
    // Whether chatRequest() sends an OpenAI client's own body (ChatCall::openAiBody) when there is one, and so
    // never reads ChatCall::request for it. Otherwise the caller fills that in first (ChatCall::neutralRequest()).
    virtual bool sendsOpenAiBody() const { return false; }
    // Adapters that cannot produce OpenAI chunks produce neutral events whatever `output` asks.
    virtual std::unique_ptr<IChatStreamDecoder> streamDecoder(const LiveProvider &provider,
                                                              StreamOutput output) const = 0;
    [[nodiscard]] virtual Result<ChatCompletion> parseCompletion(const LiveProvider &provider,
                                                                 const QByteArray &body) const = 0;
    // For an answer relayed unchanged to an OpenAI client: adapters whose answers are OpenAI chat completions
    // may check its shape and read only the usage (usageOnly set). The default is the full parseCompletion().
    [[nodiscard]] virtual Result<ChatCompletion> parseRelayedCompletion(const LiveProvider &provider,
                                                                        const QByteArray &body) const;
    // A non-2xx answer turned into the hub's error, naming the provider and saying what to do.
    virtual Error mapError(const LiveProvider &provider, int status, const QByteArray &body,
                           int retryAfterSeconds) const = 0;

    // Live model discovery.
    [[nodiscard]] virtual Result<Net::UpstreamRequest> modelsRequest(const LiveProvider &provider,
                                                                     const LiveCredential *credential) const = 0;
    [[nodiscard]] virtual Result<QStringList> parseModels(const QByteArray &body) const = 0;
    // The same list with what it says about each model. The default takes the ids from parseModels() and
    // reads the OpenAI-style extras some providers add to each entry of "data" (OpenRouter's context_length,
    // top_provider.max_completion_tokens and architecture.input_modalities).
    [[nodiscard]] virtual Result<QList<ModelInfo>> parseModelList(const QByteArray &body) const;

    // Embeddings and image generation. The defaults say the provider offers neither (InvalidArgument).
    [[nodiscard]] virtual Result<Net::UpstreamRequest> embeddingRequest(const LiveProvider &provider,
                                                                        const LiveCredential *credential,
                                                                        const EmbeddingRequest &request) const;
    [[nodiscard]] virtual Result<EmbeddingResult> parseEmbeddings(const LiveProvider &provider,
                                                                  const QByteArray &body) const;
    [[nodiscard]] virtual Result<Net::UpstreamRequest> imageRequest(const LiveProvider &provider,
                                                                    const LiveCredential *credential,
                                                                    const ImageRequest &request) const;
    [[nodiscard]] virtual Result<ImageResult> parseImages(const LiveProvider &provider, const QByteArray &body) const;

    // The cheapest real call that proves the credential works (`provider test`).
    [[nodiscard]] virtual Result<Net::UpstreamRequest> testRequest(const LiveProvider &provider,
                                                                   const LiveCredential *credential) const = 0;

    // A failure to get an answer at all (connection refused, DNS, TLS, timeout) in this provider's terms, e.g.
    // "is the local server running?". The default keeps the transport's own words.
    virtual Error describeTransportError(const ProviderConfig &config, const Error &error) const;
    // Makes `request` word its transport failures through describeTransportError(). Adapters call it on every
    // request they build; `this` must outlive the request (adapters are process-wide singletons).
    void attachTransportHint(Net::UpstreamRequest &request, const ProviderConfig &config) const;
};

} // namespace AiHub::Providers
