// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/openaichatcontroller.h"

#include "core/hub/chatsession.h"
#include "core/providers/openaichatformat.h"
#include "core/providers/orderedjsonreader.h"
#include "core/providers/providerregistry.h"
#include "core/server/apierror.h"
#include "core/server/controllers/openaicompletionresponder.h"
#include "core/server/controllers/openaisserelay.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

#include <nlohmann/json.hpp>

namespace AiHub::Server {

namespace {
std::unexpected<Error> badRequest(const QString &message) { return fail(ErrorCode::InvalidArgument, message); }

Result<Providers::ChatCall> parseChatCall(const QByteArray &body)
{
    // nlohmann's result, built several times faster.
    nlohmann::ordered_json root = Providers::OrderedJsonReader::parse(body.constData(), body.constData() + body.size());
    if (root.is_discarded())
        return badRequest(QStringLiteral("The request body is not valid JSON. Send a JSON object such as "
                                         "{\"model\": \"openai/gpt-4o-mini\", \"messages\": [{\"role\": \"user\", "
                                         "\"content\": \"Hello\"}]}."));
    if (!root.is_object())
        return badRequest(QStringLiteral("The request body must be a JSON object."));
    const auto model = root.find("model");
    if (model == root.end() || !model->is_string() || model->get_ref<const std::string &>().empty())
        return badRequest(QStringLiteral("\"model\" is required: name a model such as \"openai/gpt-4o-mini\"."));
    if (Status checked = Providers::OpenAiChatFormat::checkRequest(root); !checked)
        return fail(checked.error());
    Providers::ChatCall call;
    const std::string &modelName = model->get_ref<const std::string &>();
    call.request.model = QString::fromUtf8(modelName.data(), qsizetype(modelName.size()));
    const auto stream = root.find("stream");
    call.stream = stream != root.end() && stream->is_boolean() && stream->get<bool>();
    call.requestPending = true; // the rest of the neutral form only if a provider or billing needs it
    if (const auto options = root.find("stream_options"); options != root.end() && options->is_object()) {
        const auto usage = options->find("include_usage");
        call.clientWantsUsage = usage != options->end() && usage->is_boolean() && usage->get<bool>();
    }
    call.openAiBody = std::move(root);
    return call;
}
} // namespace

OpenAiChatController::OpenAiChatController(const HubServices &services, Net::UpstreamClient &client)
    : m_services(services)
    , m_client(client)
{
}

void OpenAiChatController::handle(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context)
{
    auto call = parseChatCall(request.body);
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
