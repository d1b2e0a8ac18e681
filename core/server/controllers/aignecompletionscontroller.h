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

// POST /api/v2/chat/completions (and /api/v2/completions): the AIGNE Hub's legacy chat format, in its three
// output modes: SSE when the client accepts text/event-stream, raw text for "stream": true otherwise, JSON else.
class AigneCompletionsController final {
public:
    AigneCompletionsController(const HubServices &services, Net::UpstreamClient &client);

    void handle(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);

private:
    const HubServices &m_services;
    Net::UpstreamClient &m_client;
};

} // namespace AiHub::Server
