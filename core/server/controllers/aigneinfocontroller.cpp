// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/aigneinfocontroller.h"

#include "core/common/errorstatus.h"
#include "core/hub/ibalancelookup.h"
#include "core/hub/iratelookup.h"
#include "core/hub/modelcatalog.h"
#include "core/hub/modeltypes.h"
#include "core/hub/nobalancelookup.h"
#include "core/hub/zeroratelookup.h"
#include "core/providers/providerregistry.h"
#include "core/server/aigneerror.h"
#include "core/server/controllers/aignechatcontroller.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

#include <QPointer>

#include <nlohmann/json.hpp>

namespace AiHub::Server {

using Json = nlohmann::ordered_json;

namespace {
void respondJson(HttpExchange *exchange, int status, const Json &body)
{
    exchange->respond(status, HttpHeaders { { "Content-Type", "application/json" } },
                      QByteArray::fromStdString(body.dump()));
}

std::string s(const QString &v) { return v.toStdString(); }

// AIGNE Hub's modelMetadata: {maxTokens (the context window), features}; null when nothing is known.
Json modelMetadata(const Hub::CatalogModel &m)
{
    if (m.contextLength <= 0 && !m.inputModalities.contains(QStringLiteral("image")))
        return nullptr;
    Json metadata = Json::object();
    if (m.contextLength > 0)
        metadata["maxTokens"] = m.contextLength;
    if (m.maxOutputTokens > 0)
        metadata["maxOutputTokens"] = m.maxOutputTokens;
    Json features = Json::array();
    if (m.inputModalities.contains(QStringLiteral("image")) && m.type == Usage::CallType::Chat)
        features.push_back("vision");
    metadata["features"] = features;
    return metadata;
}
} // namespace

AigneInfoController::AigneInfoController(const HubServices &services, Net::UpstreamClient &client)
    : m_services(services)
    , m_client(client)
{
}

void AigneInfoController::blocklet(const HttpRequest &request, HttpExchange *exchange, const RequestContext &)
{
    // What the framework client needs to find the hub's mount point; the hub is mounted at the root.
    Json info;
    info["appName"] = "AIGNE Hub";
    info["appPid"] = kComponentDid;
    info["prefix"] = "/";
    info["componentId"] = kComponentDid;
    Json component;
    component["did"] = kComponentDid;
    component["name"] = "ai-kit";
    component["title"] = "AIGNE Hub";
    component["mountPoint"] = "/";
    component["status"] = "running";
    info["componentMountPoints"] = Json::array({ component });
    const QByteArray json = QByteArray::fromStdString(info.dump());
    if (request.query.queryItemValue(QStringLiteral("type")) == QStringLiteral("json")) {
        exchange->respond(200, HttpHeaders { { "Content-Type", "application/json" } }, json);
        return;
    }
    exchange->respond(200, HttpHeaders { { "Content-Type", "application/javascript; charset=utf-8" } },
                      "window.blocklet = " + json + ";\n");
}

void AigneInfoController::status(const HttpRequest &request, HttpExchange *exchange, const RequestContext &)
{
    // Always 200: the outcome is in the body, as the real hub answers.
    auto snapshot = m_services.providers->snapshot();
    Json body;
    bool anyEnabled = false;
    for (const auto &provider : snapshot->providers())
        anyEnabled = anyEnabled || provider.config.enabled;
    if (!anyEnabled) {
        body["available"] = false;
        body["error"] = "No providers available";
        body["code"] = 503;
        respondJson(exchange, 200, body);
        return;
    }
    const QString model = request.query.queryItemValue(QStringLiteral("model"), QUrl::FullyDecoded);
    if (!model.isEmpty()) {
        if (auto target = snapshot->resolve(model); !target) {
            body["available"] = false;
            body["error"] = s(target.error().message);
            body["code"] = httpStatusFor(target.error().code);
            respondJson(exchange, 200, body);
            return;
        }
    }
    body["available"] = true;
    respondJson(exchange, 200, body);
}

void AigneInfoController::models(const HttpRequest &request, HttpExchange *exchange, const RequestContext &)
{
    std::optional<Usage::CallType> filter;
    const QString type = request.query.queryItemValue(QStringLiteral("type"));
    if (!type.isEmpty()) {
        filter = Hub::ModelTypes::parseAigneFilter(type);
        if (!filter) {
            AigneError::respond(exchange, request,
                                Error::make(ErrorCode::InvalidArgument,
                                            QStringLiteral("Unknown model type \"%1\"; use chat, image or embedding, "
                                                           "or leave type out for all models.")
                                                .arg(type)));
            return;
        }
    }
    auto snapshot = m_services.providers->snapshot();
    static const Hub::ZeroRateLookup zeroRates;
    const Hub::IRateLookup *rates = m_services.rates ? m_services.rates : &zeroRates;
    QPointer<HttpExchange> guard(exchange);
    m_services.models->list(
        m_client, snapshot, exchange,
        [guard, snapshot, rates, filter](const QList<Hub::CatalogModel> &models, const QStringList &) {
            if (!guard)
                return;
            Json list = Json::array();
            for (const Hub::CatalogModel &m : models) {
                const QString bare = m.id.mid(m.provider.size() + 1);
                const Usage::CallType callType = m.type;
                if (filter && *filter != callType)
                    continue;
                const auto *provider = snapshot->find(m.provider);
                const Hub::ModelRate rate = rates->rate(m.provider, bare, callType);
                Json entry;
                entry["key"] = s(m.id);
                entry["model"] = s(bare);
                entry["type"] = s(Hub::ModelTypes::aigneName(callType));
                entry["provider"] = s(m.provider);
                entry["providerId"] = s(m.provider);
                entry["input_credits_per_token"] = s(rate.inputCreditsPerToken);
                entry["output_credits_per_token"] = s(rate.outputCreditsPerToken);
                entry["modelMetadata"] = modelMetadata(m);
                entry["status"] = Json { { "available", true } };
                entry["providerDisplayName"] = provider ? s(Providers::ProviderKinds::displayName(provider->config.kind))
                                                        : s(m.provider);
                list.push_back(std::move(entry));
            }
            respondJson(guard, 200, list);
        });
}

void AigneInfoController::userInfo(const HttpRequest &, HttpExchange *exchange, const RequestContext &context)
{
    static const Hub::NoBalanceLookup noBalances;
    const Hub::IBalanceLookup *balances = m_services.balances ? m_services.balances : &noBalances;
    const Hub::CallerInfo caller = AigneChatController::aigneCaller(context);
    Json body;
    body["user"]["did"] = s(caller.account.isEmpty() ? caller.keyName : caller.account);
    body["user"]["fullName"] = s(caller.keyName);
    body["user"]["email"] = "";
    body["user"]["avatar"] = "";
    const auto balance = balances->balance(caller);
    if (balance) {
        body["creditBalance"]["balance"] = s(balance->balance);
        body["creditBalance"]["total"] = s(balance->total);
        body["creditBalance"]["grantCount"] = balance->grantCount;
        body["creditBalance"]["pendingCredit"] = s(balance->pendingCredit);
        body["paymentLink"] = s(balance->paymentLink);
        body["currency"] = s(balance->currency);
        body["enableCredit"] = true;
        body["profileLink"] = "";
        body["creditPrefix"] = s(balance->creditPrefix);
    } else {
        body["creditBalance"] = nullptr;
        body["paymentLink"] = nullptr;
        body["enableCredit"] = false;
        body["profileLink"] = "";
        body["creditPrefix"] = "";
    }
    respondJson(exchange, 200, body);
}

} // namespace AiHub::Server
