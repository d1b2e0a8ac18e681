// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/imagetypes.h"
#include "core/server/hubservices.h"
#include "core/server/requestcontext.h"
#include "core/server/transport/httprequest.h"

#include <functional>

namespace AiHub::Net {
class UpstreamClient;
}

namespace AiHub::Server {

class HttpExchange;

// Image generation through any provider that offers it: POST /v1/images/generations (OpenAI's shape, "url" or
// "b64_json"), POST /api/v2/image (the AIGNE invoke shape, images as {type:"url"} or {type:"file", data}) and
// POST /api/v2/images/generate (the AIGNE hub's OpenAI-ish form). Images handed out as URLs are stored by the hub
// and served at GET /files/<id> under a signed, expiring URL (Hub::ImageFileStore).
class ImagesController final {
public:
    ImagesController(const HubServices &services, Net::UpstreamClient &client);

    void openAi(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);
    void aigneInvoke(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);
    void aigneGenerate(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);
    void file(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);

private:
    struct Output {
        QString url;       // set when the client wants a URL
        QByteArray base64; // set when the client wants the bytes
        QString mimeType;
    };
    using Done = std::function<void(const Providers::ImageResult &result, const QList<Output> &images,
                                    const QString &modelWithProvider)>;
    using Reject = std::function<void(const Error &error)>;

    void run(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context, const QString &model,
             Providers::ImageRequest image, bool wantUrl, bool aigneApi, Done done, Reject reject);
    Result<Output> output(const HttpRequest &request, const Providers::GeneratedImage &image, bool wantUrl) const;

    const HubServices &m_services;
    Net::UpstreamClient &m_client;
};

} // namespace AiHub::Server
