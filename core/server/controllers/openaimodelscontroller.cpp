// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/openaimodelscontroller.h"

#include "core/hub/modelcatalog.h"
#include "core/hub/modeltypes.h"
#include "core/providers/providerregistry.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

#include <QLoggingCategory>
#include <QPointer>

#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcModels, "aihub.server.models")

namespace AiHub::Server {

OpenAiModelsController::OpenAiModelsController(const HubServices &services, Net::UpstreamClient &client)
    : m_services(services)
    , m_client(client)
{
}

void OpenAiModelsController::handle(const HttpRequest &, HttpExchange *exchange, const RequestContext &)
{
    QPointer<HttpExchange> guard(exchange);
    m_services.models->list(
        m_client, m_services.providers->snapshot(), exchange,
        [guard](const QList<Hub::CatalogModel> &models, const QStringList &problems) {
            for (const QString &problem : problems)
                qCWarning(lcModels).noquote() << "Model discovery:" << problem;
            if (!guard)
                return;
            nlohmann::ordered_json data = nlohmann::ordered_json::array();
            for (const Hub::CatalogModel &m : models) {
                nlohmann::ordered_json model { { "id", m.id.toStdString() },
                                               { "object", "model" },
                                               { "created", 0 },
                                               { "owned_by", m.provider.toStdString() },
                                               { "type", Hub::ModelTypes::aigneName(m.type).toStdString() } };
                // Limits where known, in OpenRouter's /models shape, which model pickers already read.
                if (m.contextLength > 0)
                    model["context_length"] = m.contextLength;
                if (m.contextLength > 0 || m.maxOutputTokens > 0) {
                    nlohmann::ordered_json top = nlohmann::ordered_json::object();
                    if (m.contextLength > 0)
                        top["context_length"] = m.contextLength;
                    if (m.maxOutputTokens > 0)
                        top["max_completion_tokens"] = m.maxOutputTokens;
                    model["top_provider"] = top;
                }
                if (!m.inputModalities.isEmpty()) {
                    nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
                    for (const QString &modality : m.inputModalities)
                        inputs.push_back(modality.toStdString());
                    model["architecture"] = { { "input_modalities", inputs } };
                }
                data.push_back(std::move(model));
            }
            const nlohmann::ordered_json body { { "object", "list" }, { "data", data } };
            guard->respond(200, HttpHeaders { { "Content-Type", "application/json" } },
                           QByteArray::fromStdString(body.dump()));
        });
}

} // namespace AiHub::Server
