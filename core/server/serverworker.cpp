// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/serverworker.h"

#include "core/net/upstreamclient.h"
#include "core/server/controllers/aigneroutes.h"
#include "core/server/controllers/openaichatcontroller.h"
#include "core/server/controllers/openaimodelscontroller.h"
#include "core/server/httpheaders.h"
#include "core/server/router.h"
#include "core/server/transport/httpexchange.h"
#include "core/server/transport/httptransport.h"
#include "core/server/transport/transportlimits.h"

namespace AiHub::Server {

ServerWorker::ServerWorker(const HubServices &services, const ServerOptions &options)
    : m_services(services)
    , m_options(options)
    , m_client(std::make_unique<Net::UpstreamClient>())
    , m_router(std::make_unique<Router>(services.keys))
    , m_chat(std::make_unique<OpenAiChatController>(m_services, *m_client))
    , m_models(std::make_unique<OpenAiModelsController>(m_services, *m_client))
    , m_aigne(std::make_unique<AigneRoutes>(m_services, *m_client))
    , m_transport(std::make_unique<HttpTransport>())
{
    using namespace std::placeholders;
    m_router->add("POST", QStringLiteral("/v1/chat/completions"), Router::Access::Key,
                  std::bind(&OpenAiChatController::handle, m_chat.get(), _1, _2, _3));
    m_router->add("GET", QStringLiteral("/v1/models"), Router::Access::Key,
                  std::bind(&OpenAiModelsController::handle, m_models.get(), _1, _2, _3));
    m_router->add("GET", QStringLiteral("/healthz"), Router::Access::Public,
                  [](const HttpRequest &, HttpExchange *exchange, const RequestContext &) {
                      exchange->respond(200, HttpHeaders { { "Content-Type", "application/json" } },
                                        QByteArrayLiteral("{\"status\":\"ok\"}"));
                  });

    m_aigne->addTo(*m_router);

    TransportLimits limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    limits.idleTimeoutMs = m_options.idleTimeoutMs;
    limits.maxConnections = m_options.maxConnections;
    m_transport->setLimits(limits);
    m_transport->setHandler(
        [router = m_router.get()](const HttpRequest &request, HttpExchange *exchange) {
            router->dispatch(request, exchange);
        });
    connect(m_transport.get(), &HttpTransport::drained, this, &ServerWorker::drained);
}

ServerWorker::~ServerWorker() = default;

Result<quint16> ServerWorker::listen(quint16 port, bool reusePort)
{
    return m_transport->listen(m_options.address, port, reusePort);
}

void ServerWorker::beginShutdown()
{
    m_transport->stopAccepting();
    m_transport->closeIdleConnections(); // the transport emits drained() once nothing is in flight
}

int ServerWorker::openExchanges() const { return m_transport->openExchanges(); }

} // namespace AiHub::Server
