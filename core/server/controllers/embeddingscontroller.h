// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/server/hubservices.h"
#include "core/server/requestcontext.h"
#include "core/server/transport/httprequest.h"

namespace AiHub::Net {
class UpstreamClient;
}

namespace AiHub::Server {

class HttpExchange;

// Embeddings through any provider that offers them: POST /v1/embeddings (OpenAI's shape; "float" or "base64"
// little-endian float32, which official SDKs ask for by default; "dimensions") and POST /api/v2/embeddings (the
// AIGNE invoke shape). Runs a Hub::EmbeddingSession.
class EmbeddingsController final {
public:
    EmbeddingsController(const HubServices &services, Net::UpstreamClient &client);

    void openAi(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);
    void aigne(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);

    // base64 of the vector as little-endian float32, as OpenAI encodes it.
    static QByteArray encodeBase64(const QList<float> &vector);

private:
    const HubServices &m_services;
    Net::UpstreamClient &m_client;
};

} // namespace AiHub::Server
