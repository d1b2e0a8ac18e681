// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/imagescontroller.h"

#include "core/hub/imagefilestore.h"
#include "core/hub/imagesession.h"
#include "core/providers/providerregistry.h"
#include "core/server/aigneerror.h"
#include "core/server/apierror.h"
#include "core/server/controllers/aignechatcontroller.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

namespace AiHub::Server {

using Json = nlohmann::ordered_json;

namespace {
constexpr const char *kDefaultImageModel = "openai/dall-e-2";

Error invalid(const QString &message) { return Error::make(ErrorCode::InvalidArgument, message); }

QString str(const Json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

// prompt, n, size, quality, style from one JSON object.
Result<Providers::ImageRequest> parseImage(const Json &object)
{
    Providers::ImageRequest image;
    image.prompt = str(object, "prompt");
    if (image.prompt.trimmed().isEmpty())
        return std::unexpected(invalid(QStringLiteral("\"prompt\" is required: describe the image to generate.")));
    const auto n = object.find("n");
    if (n != object.end() && !n->is_null()) {
        if (!n->is_number_integer() || n->get<qint64>() < 1 || n->get<qint64>() > 10)
            return std::unexpected(invalid(QStringLiteral("\"n\" must be a whole number from 1 to 10.")));
        image.n = int(n->get<qint64>());
    }
    image.size = str(object, "size");
    image.quality = str(object, "quality");
    image.style = str(object, "style");
    return image;
}

Json parseBody(const HttpRequest &request)
{
    return Json::parse(request.body.constData(), request.body.constData() + request.body.size(), nullptr, false);
}

QString filenameFor(const QString &mimeType, int index)
{
    return QStringLiteral("image-%1.%2").arg(index + 1).arg(mimeType.mid(mimeType.indexOf(u'/') + 1));
}
} // namespace

ImagesController::ImagesController(const HubServices &services, Net::UpstreamClient &client)
    : m_services(services)
    , m_client(client)
{
}

Result<ImagesController::Output> ImagesController::output(const HttpRequest &request,
                                                          const Providers::GeneratedImage &image, bool wantUrl) const
{
    Output out;
    out.mimeType = image.mimeType.isEmpty() ? QStringLiteral("image/png") : image.mimeType;
    if (!wantUrl) {
        if (image.data.isEmpty())
            return fail(ErrorCode::UpstreamUnavailable,
                        QStringLiteral("The provider answered with an image URL the hub could not download; ask for "
                                       "a URL instead, or try again."));
        out.base64 = image.data.toBase64();
        return out;
    }
    Hub::ImageFileStore *store = m_services.imageFiles;
    if (!image.data.isEmpty() && store && store->isOpen()) {
        auto id = store->store(image.data, out.mimeType);
        if (!id)
            return std::unexpected(id.error());
        QByteArray host = request.header("host");
        if (host.isEmpty())
            host = "127.0.0.1";
        const qint64 expires = QDateTime::currentSecsSinceEpoch() + Hub::ImageFileStore::kLifetimeSecs;
        out.url = QStringLiteral("http://") + QString::fromLatin1(host) + store->signedPath(*id, expires);
        return out;
    }
    if (!image.url.isEmpty()) { // the hub could not keep it: the provider's own URL is the best there is
        out.url = image.url;
        return out;
    }
    return fail(ErrorCode::Internal,
                QStringLiteral("This hub cannot hand out image URLs (no image folder); ask for the image data "
                               "instead (response_format \"b64_json\", or outputFileType \"file\")."));
}

void ImagesController::run(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context,
                           const QString &model, Providers::ImageRequest image, bool wantUrl, bool aigneApi, Done done,
                           Reject reject)
{
    auto snapshot = m_services.providers->snapshot();
    auto target = snapshot->resolve(model);
    if (!target) {
        reject(target.error());
        return;
    }
    const QString modelWithProvider = target->provider->config.name + u'/' + target->upstreamModel;
    Hub::CallerInfo caller = aigneApi ? AigneChatController::aigneCaller(context) : context.caller;
    if (!aigneApi)
        caller.api = Usage::Api::OpenAi;
    auto *session = new Hub::ImageSession(m_client, m_services.usage, std::move(snapshot), std::move(*target),
                                          std::move(image), std::move(caller), exchange);
    session->setTimeouts(m_services.upstreamTimeouts);
    session->setMeter(m_services.billing);
    QObject::connect(exchange, &HttpExchange::clientGone, session, &Hub::ImageSession::cancel);
    const HttpRequest *req = &request; // owned by the exchange, which owns the session
    QObject::connect(session, &Hub::ImageSession::completed, exchange,
                     [this, req, wantUrl, done, reject, modelWithProvider](const Providers::ImageResult &result) {
                         QList<Output> images;
                         for (const auto &image : result.images) {
                             auto out = output(*req, image, wantUrl);
                             if (!out) {
                                 reject(out.error());
                                 return;
                             }
                             images.append(*out);
                         }
                         done(result, images, modelWithProvider);
                     });
    QObject::connect(session, &Hub::ImageSession::failed, exchange, [reject](const Error &error) { reject(error); });
    session->start();
}

void ImagesController::openAi(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context)
{
    auto reject = [exchange](const Error &error) { ApiError::respond(exchange, error); };
    const Json root = parseBody(request);
    if (root.is_discarded() || !root.is_object()) {
        reject(invalid(QStringLiteral("The request body must be a JSON object such as {\"model\": "
                                      "\"openai/gpt-image-1\", \"prompt\": \"A cat\"}.")));
        return;
    }
    const QString model = str(root, "model");
    if (model.isEmpty()) {
        reject(invalid(QStringLiteral("\"model\" is required: name a model such as \"openai/gpt-image-1\".")));
        return;
    }
    auto image = parseImage(root);
    if (!image) {
        reject(image.error());
        return;
    }
    const QString format = str(root, "response_format");
    if (!format.isEmpty() && format != QStringLiteral("url") && format != QStringLiteral("b64_json")) {
        reject(invalid(QStringLiteral("\"response_format\" must be \"url\" or \"b64_json\".")));
        return;
    }
    const bool wantUrl = format != QStringLiteral("b64_json");
    run(request, exchange, context, model, std::move(*image), wantUrl, false,
        [exchange](const Providers::ImageResult &result, const QList<Output> &images, const QString &) {
            Json body;
            body["created"] = QDateTime::currentSecsSinceEpoch();
            body["data"] = Json::array();
            for (qsizetype i = 0; i < images.size(); ++i) {
                Json item;
                if (!images[i].url.isEmpty())
                    item["url"] = images[i].url.toStdString();
                else
                    item["b64_json"] = images[i].base64.toStdString();
                if (!result.images[i].revisedPrompt.isEmpty())
                    item["revised_prompt"] = result.images[i].revisedPrompt.toStdString();
                body["data"].push_back(std::move(item));
            }
            if (result.usage.reported())
                body["usage"] = Json { { "input_tokens", result.usage.inputTokens.value_or(0) },
                                       { "output_tokens", result.usage.outputTokens.value_or(0) },
                                       { "total_tokens", result.usage.inputTokens.value_or(0)
                                             + result.usage.outputTokens.value_or(0) } };
            exchange->respond(200, HttpHeaders { { "Content-Type", "application/json" } },
                              QByteArray::fromStdString(body.dump()));
        },
        reject);
}

void ImagesController::aigneInvoke(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context)
{
    auto reject = [exchange](const Error &error) { AigneError::respond(exchange, exchange->request(), error); };
    const Json root = parseBody(request);
    const Json input = root.is_object() ? root.value("input", Json()) : Json();
    if (!input.is_object()) {
        reject(invalid(QStringLiteral("\"input\" must be an object such as {\"prompt\": \"A cat\", \"modelOptions\": "
                                      "{\"model\": \"openai/gpt-image-1\"}}.")));
        return;
    }
    QString model = str(root, "model");
    if (model.isEmpty())
        model = str(input, "model");
    if (model.isEmpty())
        model = str(input.value("modelOptions", Json()), "model");
    if (model.isEmpty())
        model = QString::fromLatin1(kDefaultImageModel);
    auto image = parseImage(input);
    if (!image) {
        reject(image.error());
        return;
    }
    const QString fileType = str(input, "outputFileType");
    // "local" means a file on the caller's disk, which only the caller can write: it gets the bytes.
    const bool wantUrl = fileType.isEmpty() || fileType == QStringLiteral("url");
    const QString callId = context.caller.requestId;
    run(request, exchange, context, model, std::move(*image), wantUrl, true,
        [exchange, callId](const Providers::ImageResult &result, const QList<Output> &images,
                           const QString &modelWithProvider) {
            Json body;
            body["images"] = Json::array();
            for (qsizetype i = 0; i < images.size(); ++i) {
                Json item;
                if (!images[i].url.isEmpty()) {
                    item["type"] = "url";
                    item["url"] = images[i].url.toStdString();
                } else {
                    item["type"] = "file";
                    item["data"] = images[i].base64.toStdString();
                }
                item["mimeType"] = images[i].mimeType.toStdString();
                item["filename"] = filenameFor(images[i].mimeType, int(i)).toStdString();
                body["images"].push_back(std::move(item));
            }
            // billing: the settled credits go into aigneHubCredits once billing lands.
            body["usage"] = Json { { "inputTokens", result.usage.inputTokens.value_or(0) },
                                   { "outputTokens", result.usage.outputTokens.value_or(0) },
                                   { "modelCallId", callId.toStdString() },
                                   { "aigneHubCredits", 0 },
                                   { "creditPrefix", "" } };
            body["model"] = result.model.toStdString();
            body["modelWithProvider"] = modelWithProvider.toStdString();
            exchange->respond(200, HttpHeaders { { "Content-Type", "application/json" } },
                              QByteArray::fromStdString(body.dump()));
        },
        reject);
}

void ImagesController::aigneGenerate(const HttpRequest &request, HttpExchange *exchange, const RequestContext &context)
{
    auto reject = [exchange](const Error &error) { AigneError::respond(exchange, exchange->request(), error); };
    const Json root = parseBody(request);
    if (root.is_discarded() || !root.is_object()) {
        reject(invalid(QStringLiteral("The request body must be a JSON object such as {\"model\": "
                                      "\"openai/dall-e-3\", \"prompt\": \"A cat\"}.")));
        return;
    }
    QString model = str(root, "model");
    if (model.isEmpty())
        model = QString::fromLatin1(kDefaultImageModel);
    auto image = parseImage(root);
    if (!image) {
        reject(image.error());
        return;
    }
    QString format = str(root, "responseFormat");
    if (format.isEmpty())
        format = str(root, "response_format");
    const bool wantUrl = format != QStringLiteral("b64_json");
    run(request, exchange, context, model, std::move(*image), wantUrl, true,
        [exchange](const Providers::ImageResult &result, const QList<Output> &images, const QString &) {
            Json list = Json::array();
            for (const Output &out : images) {
                Json item;
                if (!out.url.isEmpty()) {
                    item["url"] = out.url.toStdString();
                } else {
                    // The hub's SDK reads any of these three spellings.
                    item["base64"] = out.base64.toStdString();
                    item["b64_json"] = out.base64.toStdString();
                    item["b64Json"] = out.base64.toStdString();
                }
                list.push_back(std::move(item));
            }
            Json body;
            body["images"] = list;
            body["data"] = list;
            body["model"] = result.model.toStdString();
            body["usage"] = Json { { "aigneHubCredits", 0 }, { "creditPrefix", "" } };
            exchange->respond(200, HttpHeaders { { "Content-Type", "application/json" } },
                              QByteArray::fromStdString(body.dump()));
        },
        reject);
}

void ImagesController::file(const HttpRequest &request, HttpExchange *exchange, const RequestContext &)
{
    const QString id = request.path.mid(request.path.lastIndexOf(u'/') + 1);
    Hub::ImageFileStore::File file;
    const auto lookup = m_services.imageFiles
        ? m_services.imageFiles->fetch(id, request.query.queryItemValue(QStringLiteral("expires")),
                                       request.query.queryItemValue(QStringLiteral("sig")),
                                       QDateTime::currentSecsSinceEpoch(), &file)
        : Hub::ImageFileStore::Lookup::NotFound;
    switch (lookup) {
    case Hub::ImageFileStore::Lookup::Found:
        exchange->respond(200, HttpHeaders { { "Content-Type", file.mimeType.toLatin1() },
                                             { "Cache-Control", "private, max-age=3600" } },
                          file.data);
        return;
    case Hub::ImageFileStore::Lookup::Expired:
        exchange->respond(410, HttpHeaders { { "Content-Type", "application/json" } },
                          ApiError::openAiBody(Error::make(ErrorCode::NotFound,
                                                           QStringLiteral("This image link has expired (links last "
                                                                          "an hour); generate the image again."))));
        return;
    case Hub::ImageFileStore::Lookup::NotFound:
        break;
    }
    ApiError::respond(exchange, Error::make(ErrorCode::NotFound,
                                            QStringLiteral("There is no such image, or its link was altered; use the "
                                                           "exact URL the hub returned.")));
}

} // namespace AiHub::Server
