// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/aignechatcontroller.h"

#include "core/hub/chatsession.h"
#include "core/providers/aignechatformat.h"
#include "core/providers/providerregistry.h"
#include "core/server/aigneerror.h"
#include "core/server/controllers/aignesserelay.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

#include <QUrl>

#include <nlohmann/json.hpp>

namespace AiHub::Server {

namespace {
double creditsOf(const Hub::ChatSession &session)
{
    const auto charged = session.creditsCharged();
    return charged ? double(charged->nanos()) / double(Billing::Credits::Scale) : 0.0;
}
} // namespace

AigneChatController::AigneChatController(const HubServices &services, Net::UpstreamClient &client)
    : m_services(services)
    , m_client(client)
{
}

Hub::CallerInfo AigneChatController::aigneCaller(const RequestContext &context)
{
    Hub::CallerInfo caller = context.caller;
    caller.api = Usage::Api::Aigne;
    caller.appDid = QUrl::fromPercentEncoding(caller.appDid.trimmed().toUtf8());
    return caller;
}

void AigneChatController::handle(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context)
{
    const auto root = nlohmann::ordered_json::parse(request.body.constData(),
                                                    request.body.constData() + request.body.size(), nullptr, false);
    if (root.is_discarded()) {
        AigneError::respond(exchange, request,
                            Error::make(ErrorCode::InvalidArgument,
                                        QStringLiteral("The request body is not valid JSON. Send {\"input\": "
                                                       "{\"messages\": [{\"role\": \"user\", \"content\": "
                                                       "\"Hello\"}]}}.")));
        return;
    }
    auto invoke = Providers::AigneChatFormat::parseInvoke(root);
    if (!invoke) {
        AigneError::respond(exchange, request, invoke.error());
        return;
    }
    auto snapshot = m_services.providers->snapshot();
    auto target = snapshot->resolve(invoke->request.model);
    if (!target) {
        AigneError::respond(exchange, request, target.error());
        return;
    }
    Providers::AigneOutputExtras extras;
    extras.modelCallId = context.caller.requestId;
    extras.modelWithProvider = target->provider->config.name + u'/' + target->upstreamModel;
    const Providers::ResponseFormat format = invoke->request.responseFormat;
    Providers::ChatCall call;
    call.stream = invoke->stream;
    call.request = std::move(invoke->request);
    const bool stream = call.stream;
    auto *session = new Hub::ChatSession(m_client, m_services.usage, std::move(snapshot), std::move(*target),
                                         std::move(call), aigneCaller(context), exchange);
    session->setTimeouts(m_services.upstreamTimeouts);
    session->setStreamOutput(Providers::StreamOutput::Neutral);
    session->setMeter(m_services.billing);
    QObject::connect(exchange, &HttpExchange::clientGone, session, &Hub::ChatSession::cancel);
    if (stream) {
        auto *relay = new AigneSseRelay(exchange, format, extras, session);
        // Connected before the relay's own slot: the session has settled the bill when it signals the end.
        QObject::connect(session, &Hub::ChatSession::streamFinished, relay,
                         [session, relay] { relay->setCredits(creditsOf(*session)); });
        QObject::connect(session, &Hub::ChatSession::event, relay, &AigneSseRelay::onEvent);
        QObject::connect(session, &Hub::ChatSession::streamFinished, relay, &AigneSseRelay::onFinished);
        QObject::connect(session, &Hub::ChatSession::failed, relay, &AigneSseRelay::onFailed);
    } else {
        QObject::connect(session, &Hub::ChatSession::completed, exchange,
                         [exchange, session, format, extras](const Providers::ChatCompletion &completion) {
                             Providers::AigneOutputExtras billed = extras;
                             billed.credits = creditsOf(*session);
                             const auto body = Providers::AigneChatFormat::encodeOutput(completion.result, format,
                                                                                        billed);
                             exchange->respond(200, HttpHeaders { { "Content-Type", "application/json" } },
                                               QByteArray::fromStdString(body.dump()));
                         });
        QObject::connect(session, &Hub::ChatSession::failed, exchange,
                         [exchange](const Error &error, bool) {
                             AigneError::respond(exchange, exchange->request(), error);
                         });
    }
    session->start();
}

} // namespace AiHub::Server
