// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/embeddingscontroller.h"

#include "core/hub/embeddingsession.h"
#include "core/providers/providerregistry.h"
#include "core/server/aigneerror.h"
#include "core/server/apierror.h"
#include "core/server/controllers/aignechatcontroller.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

#include <QtEndian>

#include <nlohmann/json.hpp>

namespace AiHub::Server {

using Json = nlohmann::ordered_json;

namespace {
std::unexpected<Error> invalid(const QString &message) { return fail(ErrorCode::InvalidArgument, message); }

// "input": a string or an array of strings (token arrays are not relayed: providers differ on them).
Result<QStringList> parseInputs(const Json &input, const char *field)
{
    QStringList inputs;
    if (input.is_string()) {
        inputs.append(QString::fromStdString(input.get<std::string>()));
    } else if (input.is_array() && !input.empty()) {
        for (const Json &item : input) {
            if (!item.is_string())
                return invalid(QStringLiteral("\"%1\" must be a string or an array of strings; token arrays are not "
                                              "supported, send the text.")
                                   .arg(QLatin1StringView(field)));
            inputs.append(QString::fromStdString(item.get<std::string>()));
        }
    } else {
        return invalid(QStringLiteral("\"%1\" is required: a string or a non-empty array of strings.")
                           .arg(QLatin1StringView(field)));
    }
    return inputs;
}

Result<std::optional<int>> parseDimensions(const Json &object)
{
    const auto it = object.find("dimensions");
    if (it == object.end() || it->is_null())
        return std::optional<int> {};
    if (!it->is_number_integer() || it->get<qint64>() < 1 || it->get<qint64>() > 65536)
        return invalid(QStringLiteral("\"dimensions\" must be a positive whole number, e.g. 256."));
    return std::optional<int>(int(it->get<qint64>()));
}

Json floats(const QList<float> &vector)
{
    Json out = Json::array();
    for (float v : vector)
        out.push_back(v);
    return out;
}
} // namespace

EmbeddingsController::EmbeddingsController(const HubServices &services, Net::UpstreamClient &client)
    : m_services(services)
    , m_client(client)
{
}

QByteArray EmbeddingsController::encodeBase64(const QList<float> &vector)
{
    QByteArray raw(vector.size() * 4, Qt::Uninitialized);
    for (qsizetype i = 0; i < vector.size(); ++i)
        qToLittleEndian<float>(vector[i], raw.data() + 4 * i);
    return raw.toBase64();
}

void EmbeddingsController::openAi(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context)
{
    const Json root = Json::parse(request.body.constData(), request.body.constData() + request.body.size(), nullptr,
                                  false);
    auto reject = [exchange](const Error &error) { ApiError::respond(exchange, error); };
    if (root.is_discarded() || !root.is_object()) {
        reject(Error::make(ErrorCode::InvalidArgument,
                           QStringLiteral("The request body must be a JSON object such as {\"model\": "
                                          "\"openai/text-embedding-3-small\", \"input\": \"Hello\"}.")));
        return;
    }
    const QString model = QString::fromStdString(root.value("model", std::string()));
    if (model.isEmpty()) {
        reject(Error::make(ErrorCode::InvalidArgument,
                           QStringLiteral("\"model\" is required: name a model such as "
                                          "\"openai/text-embedding-3-small\".")));
        return;
    }
    auto inputs = parseInputs(root.value("input", Json()), "input");
    auto dimensions = parseDimensions(root);
    const std::string format = root.value("encoding_format", std::string("float"));
    if (!inputs || !dimensions || (format != "float" && format != "base64")) {
        reject(!inputs ? inputs.error()
               : !dimensions
                   ? dimensions.error()
                   : Error::make(ErrorCode::InvalidArgument,
                                 QStringLiteral("\"encoding_format\" must be \"float\" or \"base64\".")));
        return;
    }
    auto snapshot = m_services.providers->snapshot();
    auto target = snapshot->resolve(model);
    if (!target) {
        reject(target.error());
        return;
    }
    Providers::EmbeddingRequest embedding;
    embedding.inputs = std::move(*inputs);
    embedding.dimensions = *dimensions;
    Hub::CallerInfo caller = context.caller;
    caller.api = Usage::Api::OpenAi;
    auto *session = new Hub::EmbeddingSession(m_client, m_services.usage, std::move(snapshot), std::move(*target),
                                              std::move(embedding), std::move(caller), exchange);
    session->setTimeouts(m_services.upstreamTimeouts);
    session->setMeter(m_services.billing);
    QObject::connect(exchange, &HttpExchange::clientGone, session, &Hub::EmbeddingSession::cancel);
    const bool base64 = format == "base64";
    QObject::connect(session, &Hub::EmbeddingSession::completed, exchange,
                     [exchange, base64](const Providers::EmbeddingResult &result) {
                         Json body;
                         body["object"] = "list";
                         body["data"] = Json::array();
                         for (qsizetype i = 0; i < result.vectors.size(); ++i) {
                             Json item;
                             item["object"] = "embedding";
                             item["index"] = i;
                             if (base64)
                                 item["embedding"] = encodeBase64(result.vectors[i]).toStdString();
                             else
                                 item["embedding"] = floats(result.vectors[i]);
                             body["data"].push_back(std::move(item));
                         }
                         body["model"] = result.model.toStdString();
                         const qint64 tokens = result.usage.inputTokens.value_or(0);
                         body["usage"] = Json { { "prompt_tokens", tokens }, { "total_tokens", tokens } };
                         exchange->respond(200, HttpHeaders { { "Content-Type", "application/json" } },
                                           QByteArray::fromStdString(body.dump()));
                     });
    QObject::connect(session, &Hub::EmbeddingSession::failed, exchange,
                     [exchange](const Error &error) { ApiError::respond(exchange, error); });
    session->start();
}

void EmbeddingsController::aigne(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context)
{
    const Json root = Json::parse(request.body.constData(), request.body.constData() + request.body.size(), nullptr,
                                  false);
    auto reject = [exchange, &request](const Error &error) { AigneError::respond(exchange, request, error); };
    if (root.is_discarded() || !root.is_object()) {
        reject(Error::make(ErrorCode::InvalidArgument,
                           QStringLiteral("The request body must be a JSON object such as {\"model\": "
                                          "\"openai/text-embedding-3-small\", \"input\": {\"input\": \"Hello\"}}.")));
        return;
    }
    // The invoke form {model, input:{input, modelOptions}}; the hub UI's older {model, input:"text"} works too.
    const Json input = root.value("input", Json());
    const Json options = input.is_object() ? input.value("modelOptions", Json::object()) : Json::object();
    QString model = QString::fromStdString(root.value("model", std::string()));
    if (model.isEmpty() && input.is_object())
        model = QString::fromStdString(input.value("model", std::string()));
    if (model.isEmpty() && options.is_object())
        model = QString::fromStdString(options.value("model", std::string()));
    if (model.isEmpty()) {
        reject(Error::make(ErrorCode::InvalidArgument,
                           QStringLiteral("Model is required for embedding: send \"model\": "
                                          "\"openai/text-embedding-3-small\".")));
        return;
    }
    auto inputs = parseInputs(input.is_object() ? input.value("input", Json()) : input, "input.input");
    auto dimensions = parseDimensions(options.is_object() ? options : Json::object());
    if (!inputs || !dimensions) {
        reject(!inputs ? inputs.error() : dimensions.error());
        return;
    }
    auto snapshot = m_services.providers->snapshot();
    auto target = snapshot->resolve(model);
    if (!target) {
        reject(target.error());
        return;
    }
    const std::string modelWithProvider = QString(target->provider->config.name + u'/' + target->upstreamModel).toStdString();
    Providers::EmbeddingRequest embedding;
    embedding.inputs = std::move(*inputs);
    embedding.dimensions = *dimensions;
    auto *session = new Hub::EmbeddingSession(m_client, m_services.usage, std::move(snapshot), std::move(*target),
                                              std::move(embedding), AigneChatController::aigneCaller(context),
                                              exchange);
    session->setTimeouts(m_services.upstreamTimeouts);
    session->setMeter(m_services.billing);
    QObject::connect(exchange, &HttpExchange::clientGone, session, &Hub::EmbeddingSession::cancel);
    const std::string callId = context.caller.requestId.toStdString();
    QObject::connect(session, &Hub::EmbeddingSession::completed, exchange,
                     [exchange, modelWithProvider, callId, session](const Providers::EmbeddingResult &result) {
                         Json body;
                         body["embeddings"] = Json::array();
                         body["data"] = Json::array();
                         for (qsizetype i = 0; i < result.vectors.size(); ++i) {
                             body["embeddings"].push_back(floats(result.vectors[i]));
                             body["data"].push_back(Json { { "index", i }, { "embedding", floats(result.vectors[i]) } });
                         }
                         body["model"] = result.model.toStdString();
                         // The credits settled for this call (a decimal number; 0 when not billed).
                         const auto credits = session->creditsCharged();
                         body["usage"] = Json { { "inputTokens", result.usage.inputTokens.value_or(0) },
                                                { "outputTokens", 0 },
                                                { "modelCallId", callId },
                                                { "aigneHubCredits",
                                                  Json::parse(credits ? credits->toString().toStdString() : "0") },
                                                { "creditPrefix", "" } };
                         body["modelWithProvider"] = modelWithProvider;
                         exchange->respond(200, HttpHeaders { { "Content-Type", "application/json" } },
                                           QByteArray::fromStdString(body.dump()));
                     });
    QObject::connect(session, &Hub::EmbeddingSession::failed, exchange, [exchange](const Error &error) {
        AigneError::respond(exchange, exchange->request(), error);
    });
    session->start();
}

} // namespace AiHub::Server
