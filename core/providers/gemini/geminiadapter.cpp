// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/gemini/geminiadapter.h"

#include "core/providers/gemini/geminierrorbody.h"
#include "core/providers/gemini/geminirequestencoder.h"
#include "core/providers/gemini/geminiresponse.h"
#include "core/providers/gemini/geministreamdecoder.h"
#include "core/providers/jsonwire.h"
#include "core/providers/liveprovider.h"
#include "core/providers/upstreamerrormapper.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QUrl>

namespace AiHub::Providers {

namespace {
Q_LOGGING_CATEGORY(lcGeminiAdapter, "aihub.providers.gemini")

using Json = nlohmann::ordered_json;

// Clients may write the model as Gemini names it ("models/gemini-2.5-flash").
QString modelPath(const QString &model)
{
    return QStringLiteral("/models/") + (model.startsWith(QStringLiteral("models/")) ? model.mid(7) : model);
}

std::unexpected<Error> notInForm(const LiveProvider &provider, const char *what)
{
    return fail(ErrorCode::UpstreamProtocol,
                QStringLiteral("%1 answered with something that is not %2; try again, and check the provider's base "
                               "URL if it keeps happening")
                    .arg(provider.label(), QLatin1StringView(what)));
}

bool looksLikeBadKey(const GeminiErrorBody &e)
{
    const QString m = e.message.toLower();
    return e.reason == QStringLiteral("API_KEY_INVALID") || m.contains(QStringLiteral("api key"));
}

bool looksLikeContextTooLong(const GeminiErrorBody &e)
{
    const QString m = e.message.toLower();
    return m.contains(QStringLiteral("exceeds the maximum number of tokens"))
        || m.contains(QStringLiteral("input token count")) || m.contains(QStringLiteral("context length"));
}

std::optional<QString> aspectRatio(const QString &size)
{
    if (size.isEmpty())
        return QString();
    static const std::pair<const char *, const char *> sizes[] = {
        { "1024x1024", "1:1" }, { "896x1280", "3:4" },  { "1280x896", "4:3" },  { "768x1408", "9:16" },
        { "1408x768", "16:9" }, { "2048x2048", "1:1" }, { "1024x1792", "9:16" }, { "1792x1024", "16:9" },
    };
    for (const auto &[wxh, ratio] : sizes) {
        if (size == QLatin1StringView(wxh))
            return QString(QLatin1StringView(ratio));
    }
    return std::nullopt;
}
} // namespace

Result<Net::UpstreamRequest> GeminiAdapter::baseRequest(const LiveProvider &provider, const LiveCredential *credential,
                                                        const QByteArray &method, const QString &path) const
{
    if (!credential || credential->secret.apiKey.isEmpty()) {
        return fail(ErrorCode::UpstreamBadCredentials,
                    QStringLiteral("%1 has no usable API key. Add one with `aigne-hubd provider credential add %2` "
                                   "or in Providers.%3")
                        .arg(provider.label(), provider.config.name,
                             provider.problems.isEmpty() ? QString() : u' ' + provider.problems.constFirst()));
    }
    QString base = provider.config.effectiveBaseUrl();
    while (base.endsWith(u'/'))
        base.chop(1);
    Net::UpstreamRequest request;
    request.method = method;
    request.url = QUrl(base + path);
    if (!request.url.isValid() || request.url.host().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The base URL of %1 is not a valid URL: %2").arg(provider.label(), base));
    request.headers.emplaceBack(QByteArray("x-goog-api-key"), credential->secret.apiKey.toUtf8());
    return request;
}

Result<Net::UpstreamRequest> GeminiAdapter::chatRequest(const LiveProvider &provider, const LiveCredential *credential,
                                                        const ChatCall &call) const
{
    auto body = GeminiRequestEncoder::encode(call.request, call.stream, provider.label());
    if (!body)
        return std::unexpected(body.error());
    const QString path = modelPath(call.request.model)
        + (call.stream ? QStringLiteral(":streamGenerateContent?alt=sse") : QStringLiteral(":generateContent"));
    auto request = baseRequest(provider, credential, "POST", path);
    if (!request)
        return request;
    request->body = QByteArray::fromStdString(body->dump());
    JsonWire::addJsonHeaders(*request, call.stream ? "text/event-stream" : "application/json");
    return request;
}

std::unique_ptr<IChatStreamDecoder> GeminiAdapter::streamDecoder(const LiveProvider &provider, StreamOutput) const
{
    return std::make_unique<GeminiStreamDecoder>(provider.label());
}

Result<ChatCompletion> GeminiAdapter::parseCompletion(const LiveProvider &provider, const QByteArray &body) const
{
    const Json root = JsonWire::parse(body);
    if (!root.is_object())
        return notInForm(provider, "a GenerateContentResponse");
    ChatCompletion out;
    ChatResult &result = out.result;
    if (const auto usage = root.find("usageMetadata"); usage != root.end())
        result.usage = GeminiResponse::usage(*usage);
    out.usage = result.usage;
    if (const auto feedback = root.find("promptFeedback"); feedback != root.end()) {
        const QString blocked = GeminiResponse::string(*feedback, "blockReason");
        if (!blocked.isEmpty()) {
            Error e = Error::make(ErrorCode::UpstreamRefused,
                                  QStringLiteral("%1 refused the prompt (blockReason %2). Rephrase the request.")
                                      .arg(provider.label(), blocked));
            e.provider = provider.config.name;
            return std::unexpected(e);
        }
    }
    const auto candidates = root.find("candidates");
    if (candidates == root.end() || !candidates->is_array() || candidates->empty() || !candidates->front().is_object())
        return notInForm(provider, "a GenerateContentResponse with a candidate");
    const Json &candidate = candidates->front();
    result.id = GeminiResponse::string(root, "responseId");
    result.model = GeminiResponse::modelName(root);
    result.created = QDateTime::currentSecsSinceEpoch(); // Gemini does not say when
    const auto content = candidate.find("content");
    if (content != candidate.end() && content->is_object()) {
        const auto parts = content->find("parts");
        if (parts != content->end() && parts->is_array()) {
            for (const auto &part : *parts) {
                if (!part.is_object())
                    continue;
                if (const auto call = part.find("functionCall"); call != part.end() && call->is_object()) {
                    ToolCall toolCall;
                    toolCall.id = GeminiResponse::callId(*call, int(result.toolCalls.size()));
                    toolCall.name = GeminiResponse::string(*call, "name");
                    toolCall.arguments = GeminiResponse::argumentsText(*call);
                    toolCall.signature = GeminiResponse::string(part, "thoughtSignature").toUtf8();
                    result.toolCalls.append(toolCall);
                    continue;
                }
                const auto thought = part.find("thought");
                const bool isThought = thought != part.end() && thought->is_boolean() && thought->get<bool>();
                (isThought ? result.reasoning : result.text) += GeminiResponse::string(part, "text");
            }
        }
    }
    result.finishReason = GeminiResponse::finishReason(GeminiResponse::string(candidate, "finishReason").toStdString(),
                                                       !result.toolCalls.isEmpty());
    return out;
}

Error GeminiAdapter::mapError(const LiveProvider &provider, int status, const QByteArray &body,
                              int retryAfterSeconds) const
{
    const GeminiErrorBody e = GeminiErrorBody::parse(body);
    QString detail = e.message.isEmpty() ? QStringLiteral("no details") : e.message;
    if (!e.status.isEmpty())
        detail = e.status + QStringLiteral(": ") + detail;
    UpstreamErrorMapper::Facts facts;
    facts.status = status;
    facts.what = QStringLiteral("HTTP %1 %2").arg(status).arg(detail);
    facts.retryAfterSeconds = retryAfterSeconds >= 0 ? retryAfterSeconds : e.retryDelaySeconds;
    // Gemini answers a bad key with 400 INVALID_ARGUMENT (reason API_KEY_INVALID), not 401.
    facts.badCredentials = status == 400 && looksLikeBadKey(e);
    facts.contextTooLong = looksLikeContextTooLong(e);
    UpstreamErrorMapper::Wording wording;
    wording.rateLimited = QStringLiteral("is rate-limiting requests or the quota is used up");
    return UpstreamErrorMapper::map(provider, facts, wording);
}

Result<Net::UpstreamRequest> GeminiAdapter::modelsRequest(const LiveProvider &provider,
                                                          const LiveCredential *credential) const
{
    // 1000 is the largest page Gemini serves, enough for its whole catalogue in one call.
    return baseRequest(provider, credential, "GET", QStringLiteral("/models?pageSize=1000"));
}

Result<QStringList> GeminiAdapter::parseModels(const QByteArray &body) const
{
    const Json root = JsonWire::parse(body);
    const auto models = root.is_object() ? root.find("models") : root.end();
    if (!root.is_object() || models == root.end() || !models->is_array())
        return fail(ErrorCode::UpstreamProtocol, QStringLiteral("the model list is not in the expected form"));
    QStringList ids;
    for (const auto &model : *models) {
        QString name = GeminiResponse::string(model, "name");
        if (name.startsWith(QStringLiteral("models/")))
            name.remove(0, 7);
        if (!name.isEmpty())
            ids.append(name);
    }
    return ids;
}

Result<QList<ModelInfo>> GeminiAdapter::parseModelList(const QByteArray &body) const
{
    if (auto ids = parseModels(body); !ids)
        return std::unexpected(ids.error());
    const Json root = JsonWire::parse(body);
    QList<ModelInfo> out;
    for (const auto &model : root["models"]) {
        ModelInfo m;
        m.id = GeminiResponse::string(model, "name");
        if (m.id.startsWith(QStringLiteral("models/")))
            m.id.remove(0, 7);
        if (m.id.isEmpty())
            continue;
        const auto limit = [&model](const char *key) -> qint64 {
            const auto it = model.find(key);
            return it != model.end() && it->is_number_integer() && it->get<qint64>() > 0 ? it->get<qint64>() : 0;
        };
        m.contextLength = limit("inputTokenLimit");
        m.maxOutputTokens = limit("outputTokenLimit");
        QStringList methods;
        if (const auto it = model.find("supportedGenerationMethods"); it != model.end() && it->is_array())
            for (const auto &method : *it)
                if (method.is_string())
                    methods.append(QString::fromStdString(method.get<std::string>()));
        if (methods.contains(QStringLiteral("generateContent")))
            m.type = ModelInfo::Type::Chat;
        else if (methods.contains(QStringLiteral("embedContent")) || methods.contains(QStringLiteral("batchEmbedContents")))
            m.type = ModelInfo::Type::Embedding;
        else if (methods.contains(QStringLiteral("predict"))) // Imagen
            m.type = ModelInfo::Type::Image;
        out.append(m);
    }
    return out;
}

Result<Net::UpstreamRequest> GeminiAdapter::embeddingRequest(const LiveProvider &provider,
                                                             const LiveCredential *credential,
                                                             const EmbeddingRequest &request) const
{
    if (request.inputs.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The embedding request has no input; send at least one text."));
    const QString model = request.model.startsWith(QStringLiteral("models/")) ? request.model.mid(7) : request.model;
    auto entry = [&](const QString &text) {
        Json e { { "model", QString(QStringLiteral("models/") + model).toStdString() },
                 { "content", { { "parts", Json::array({ Json { { "text", text.toStdString() } } }) } } } };
        if (request.dimensions)
            e["outputDimensionality"] = *request.dimensions;
        return e;
    };
    Json body;
    QString path;
    if (request.inputs.size() == 1) {
        body = entry(request.inputs.constFirst());
        path = modelPath(model) + QStringLiteral(":embedContent");
    } else {
        body["requests"] = Json::array();
        for (const QString &input : request.inputs)
            body["requests"].push_back(entry(input));
        path = modelPath(model) + QStringLiteral(":batchEmbedContents");
    }
    auto upstream = baseRequest(provider, credential, "POST", path);
    if (!upstream)
        return upstream;
    upstream->body = QByteArray::fromStdString(body.dump());
    JsonWire::addJsonHeaders(*upstream, "application/json");
    return upstream;
}

Result<EmbeddingResult> GeminiAdapter::parseEmbeddings(const LiveProvider &provider, const QByteArray &body) const
{
    const Json root = JsonWire::parse(body);
    if (!root.is_object())
        return notInForm(provider, "an embedding response");
    auto vector = [](const Json &embedding, QList<float> &out) {
        const auto values = embedding.is_object() ? embedding.find("values") : embedding.end();
        if (!embedding.is_object() || values == embedding.end() || !values->is_array())
            return false;
        out.reserve(qsizetype(values->size()));
        for (const auto &v : *values) {
            if (!v.is_number())
                return false;
            out.append(v.get<float>());
        }
        return true;
    };
    EmbeddingResult result;
    if (const auto one = root.find("embedding"); one != root.end()) {
        QList<float> values;
        if (!vector(*one, values))
            return notInForm(provider, "an embedding response");
        result.vectors.append(values);
    } else if (const auto many = root.find("embeddings"); many != root.end() && many->is_array()) {
        for (const auto &embedding : *many) {
            QList<float> values;
            if (!vector(embedding, values))
                return notInForm(provider, "an embedding response");
            result.vectors.append(values);
        }
    } else {
        return notInForm(provider, "an embedding response");
    }
    return result; // Gemini reports no token usage for embeddings
}

Result<Net::UpstreamRequest> GeminiAdapter::imageRequest(const LiveProvider &provider, const LiveCredential *credential,
                                                         const ImageRequest &request) const
{
    // Imagen through the Gemini API: POST models/<imagen model>:predict.
    if (request.n < 1 || request.n > 4)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 generates 1 to 4 images per request; ask for n between 1 and 4.")
                        .arg(provider.label()));
    const std::optional<QString> ratio = aspectRatio(request.size);
    if (!ratio)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 (Imagen) cannot make images of size %2. Use 1024x1024, 896x1280, 1280x896, "
                                   "768x1408, 1408x768, 1024x1792 or 1792x1024.")
                        .arg(provider.label(), request.size));
    Json parameters { { "sampleCount", request.n } };
    if (!ratio->isEmpty())
        parameters["aspectRatio"] = ratio->toStdString();
    if (!request.quality.isEmpty() || !request.style.isEmpty())
        qCInfo(lcGeminiAdapter) << "Imagen has no quality or style setting; they are dropped";
    if (request.wantUrl)
        qCInfo(lcGeminiAdapter) << "Imagen answers with image bytes only, not URLs";
    const Json body { { "instances", Json::array({ Json { { "prompt", request.prompt.toStdString() } } }) },
                      { "parameters", parameters } };
    auto upstream = baseRequest(provider, credential, "POST", modelPath(request.model) + QStringLiteral(":predict"));
    if (!upstream)
        return upstream;
    upstream->body = QByteArray::fromStdString(body.dump());
    JsonWire::addJsonHeaders(*upstream, "application/json");
    return upstream;
}

Result<ImageResult> GeminiAdapter::parseImages(const LiveProvider &provider, const QByteArray &body) const
{
    const Json root = JsonWire::parse(body);
    if (!root.is_object())
        return notInForm(provider, "an Imagen response");
    ImageResult result;
    const auto predictions = root.find("predictions");
    if (predictions == root.end()) {
        // Imagen leaves the list out when its safety filter removed every image.
        return fail(ErrorCode::UpstreamRefused,
                    QStringLiteral("%1 returned no image; its safety filter probably removed them. Rephrase the "
                                   "prompt.")
                        .arg(provider.label()));
    }
    if (!predictions->is_array())
        return notInForm(provider, "an Imagen response");
    for (const auto &prediction : *predictions) {
        const QString data = GeminiResponse::string(prediction, "bytesBase64Encoded");
        if (data.isEmpty())
            continue;
        GeneratedImage image;
        image.data = QByteArray::fromBase64(data.toLatin1());
        image.mimeType = GeminiResponse::string(prediction, "mimeType");
        if (image.mimeType.isEmpty())
            image.mimeType = QStringLiteral("image/png");
        result.images.append(image);
    }
    if (result.images.isEmpty())
        return fail(ErrorCode::UpstreamRefused,
                    QStringLiteral("%1 returned no image; its safety filter probably removed them. Rephrase the "
                                   "prompt.")
                        .arg(provider.label()));
    return result;
}

Result<Net::UpstreamRequest> GeminiAdapter::testRequest(const LiveProvider &provider,
                                                        const LiveCredential *credential) const
{
    return baseRequest(provider, credential, "GET", QStringLiteral("/models?pageSize=1"));
}

} // namespace AiHub::Providers
