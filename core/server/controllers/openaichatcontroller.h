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

// POST /v1/chat/completions: OpenAI's chat API, streaming (SSE ending in "data: [DONE]") and not.
// Translates between HTTP and a Hub::ChatSession; holds no business rules.
class OpenAiChatController final {
public:
    OpenAiChatController(const HubServices &services, Net::UpstreamClient &client);

    void handle(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);

private:
    const HubServices &m_services;
    Net::UpstreamClient &m_client;
};

} // namespace AiHub::Server
