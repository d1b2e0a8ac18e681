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

// POST /api/v2/chat: the AIGNE framework's invoke protocol (AIGNEHubChatModel), streaming and not. Translates
// between HTTP and a Hub::ChatSession; the wire format lives in Providers::AigneChatFormat.
class AigneChatController final {
public:
    AigneChatController(const HubServices &services, Net::UpstreamClient &client);

    void handle(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context);

    // The caller as the AIGNE API records it: the app from x-aigne-hub-client-did (trimmed, URI-decoded).
    static Hub::CallerInfo aigneCaller(const RequestContext &context);

private:
    const HubServices &m_services;
    Net::UpstreamClient &m_client;
};

} // namespace AiHub::Server
