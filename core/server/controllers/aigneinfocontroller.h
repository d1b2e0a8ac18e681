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

// The AIGNE API's read-only endpoints: mount-point discovery (GET /__blocklet__.js), GET /api/v2/status,
// the model list with credit rates (GET /api/ai/models) and the caller's credit balance (GET /api/user/info).
class AigneInfoController final {
public:
    static constexpr const char *kComponentDid = "z8ia3xzq2tMq8CRHfaXj1BTYJyYnEcHbqP8cJ";

    AigneInfoController(const HubServices &services, Net::UpstreamClient &client);

    void blocklet(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);
    void status(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);
    void models(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);
    void userInfo(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);

private:
    const HubServices &m_services;
    Net::UpstreamClient &m_client;
};

} // namespace AiHub::Server
