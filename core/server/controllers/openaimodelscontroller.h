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

// GET /v1/models: the models of every configured provider, ids in "<provider>/<model>" form.
class OpenAiModelsController final {
public:
    OpenAiModelsController(const HubServices &services, Net::UpstreamClient &client);

    void handle(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);

private:
    const HubServices &m_services;
    Net::UpstreamClient &m_client;
};

} // namespace AiHub::Server
