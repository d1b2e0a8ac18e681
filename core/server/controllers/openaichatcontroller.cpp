// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/openaichatcontroller.h"

#include "core/hub/chatsession.h"
#include "core/providers/openaichatcallreader.h"
#include "core/providers/providerregistry.h"
#include "core/server/apierror.h"
#include "core/server/controllers/openaicompletionresponder.h"
#include "core/server/controllers/openaisserelay.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

namespace AiHub::Server {

OpenAiChatController::OpenAiChatController(const HubServices &services, Net::UpstreamClient &client)
    : m_services(services)
    , m_client(client)
{
}

void OpenAiChatController::handle(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context)
{
    auto call = Providers::OpenAiChatCallReader::read(request.body);
    if (!call) {
        ApiError::respond(exchange, call.error());
        return;
    }
    auto snapshot = m_services.providers->snapshot();
    const QString model = call->request.model;
    auto target = snapshot->resolve(model);
    if (!target) {
        ApiError::respond(exchange, target.error());
        return;
    }
    Hub::CallerInfo caller = context.caller;
    caller.api = Usage::Api::OpenAi;
    const bool stream = call->stream;
    const bool wantsUsage = call->clientWantsUsage;
    // The session lives as long as the exchange: if the client goes away, the exchange takes it down and the
    // session cancels the provider's work.
    auto *session = new Hub::ChatSession(m_client, m_services.usage, std::move(snapshot), std::move(*target),
                                         std::move(*call), std::move(caller), exchange);
    session->setTimeouts(m_services.upstreamTimeouts);
    session->setMeter(m_services.billing);
    QObject::connect(exchange, &HttpExchange::clientGone, session, &Hub::ChatSession::cancel);
    if (stream)
        session->setListener(std::make_unique<OpenAiSseRelay>(exchange, wantsUsage, model));
    else
        session->setListener(std::make_unique<OpenAiCompletionResponder>(exchange));
    session->start();
}

} // namespace AiHub::Server
