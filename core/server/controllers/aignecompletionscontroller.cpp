// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/aignecompletionscontroller.h"

#include "core/hub/chatsession.h"
#include "core/providers/aignecompletionsformat.h"
#include "core/providers/providerregistry.h"
#include "core/server/aigneerror.h"
#include "core/server/controllers/aignechatcontroller.h"
#include "core/server/controllers/aignecompletionsrelay.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

#include <nlohmann/json.hpp>

namespace AiHub::Server {

AigneCompletionsController::AigneCompletionsController(const HubServices &services, Net::UpstreamClient &client)
    : m_services(services)
    , m_client(client)
{
}

void AigneCompletionsController::handle(const HttpRequest &request, HttpExchange *exchange,
                                        const RequestContext &context)
{
    const auto root = nlohmann::ordered_json::parse(request.body.constData(),
                                                    request.body.constData() + request.body.size(), nullptr, false);
    auto parsed = root.is_discarded()
        ? Result<Providers::ChatRequest>(fail(ErrorCode::InvalidArgument,
                                              QStringLiteral("The request body is not valid JSON.")))
        : Providers::AigneCompletionsFormat::parseRequest(root);
    if (!parsed) {
        AigneError::respondLegacy(exchange, request, parsed.error());
        return;
    }
    auto snapshot = m_services.providers->snapshot();
    auto target = snapshot->resolve(parsed->model);
    if (!target) {
        AigneError::respondLegacy(exchange, request, target.error());
        return;
    }
    const bool sse = AigneError::acceptsEventStream(request);
    const bool stream = sse || parsed->stream;
    Providers::ChatCall call;
    call.stream = stream;
    call.request = std::move(*parsed);
    call.request.stream = stream;
    const Hub::CallerInfo caller = AigneChatController::aigneCaller(context);
    const qint64 receivedAtNs = caller.receivedAtNs;
    auto *session = new Hub::ChatSession(m_client, m_services.usage, std::move(snapshot), std::move(*target),
                                         std::move(call), caller, exchange);
    session->setTimeouts(m_services.upstreamTimeouts);
    session->setStreamOutput(Providers::StreamOutput::Neutral);
    session->setMeter(m_services.billing); // credits are charged, though this format never reports them
    QObject::connect(exchange, &HttpExchange::clientGone, session, &Hub::ChatSession::cancel);
    if (stream) {
        auto *relay = new AigneCompletionsRelay(
            exchange, sse ? AigneCompletionsRelay::Mode::Sse : AigneCompletionsRelay::Mode::Text, receivedAtNs,
            session);
        QObject::connect(session, &Hub::ChatSession::event, relay, &AigneCompletionsRelay::onEvent);
        QObject::connect(session, &Hub::ChatSession::streamFinished, relay, &AigneCompletionsRelay::onFinished);
        QObject::connect(session, &Hub::ChatSession::failed, relay, &AigneCompletionsRelay::onFailed);
    } else {
        QObject::connect(session, &Hub::ChatSession::completed, exchange,
                         [exchange](const Providers::ChatCompletion &completion) {
                             const auto body = Providers::AigneCompletionsFormat::encodeResult(completion.result);
                             exchange->respond(200,
                                               HttpHeaders { { "Content-Type", "application/json" },
                                                             { "Cache-Control", "no-cache" },
                                                             { "X-Accel-Buffering", "no" } },
                                               QByteArray::fromStdString(body.dump()));
                         });
        QObject::connect(session, &Hub::ChatSession::failed, exchange, [exchange](const Error &error, bool) {
            AigneError::respondLegacy(exchange, exchange->request(), error);
        });
    }
    session->start();
}

} // namespace AiHub::Server
