// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/bedrock/bedrockadapter.h"

#include "core/providers/bedrock/bedrockconverse.h"
#include "core/providers/bedrock/bedrockerrors.h"
#include "core/providers/bedrock/bedrockstreamdecoder.h"
#include "core/providers/bedrock/sigv4signer.h"
#include "core/providers/liveprovider.h"

#include <QUrl>

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

namespace {
using Json = nlohmann::ordered_json;

QString region(const LiveProvider &provider)
{
    return provider.config.region.isEmpty() ? QStringLiteral("us-east-1") : provider.config.region;
}

// Model ids go into the path percent-encoded (":" in "…-v1:0", "/" and ":" in ARNs).
QString modelPath(const QString &model, const char *operation)
{
    return QStringLiteral("/model/") + QString::fromLatin1(QUrl::toPercentEncoding(model))
        + QLatin1StringView(operation);
}

Json parseJson(const QByteArray &body)
{
    return Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
}

std::unexpected<Error> notUnderstood(const LiveProvider &provider, const QString &what)
{
    return fail(ErrorCode::UpstreamProtocol,
                QStringLiteral("%1 answered with something that is not %2; try again, and check the provider's base "
                               "URL if it keeps happening")
                    .arg(provider.label(), what));
}

QString stringOf(const Json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

bool isTitanEmbedding(const QString &model) { return model.contains(u"titan-embed"); }
bool isCohereEmbedding(const QString &model) { return model.contains(u"cohere.embed"); }
bool isTitanOrNovaImage(const QString &model)
{
    return model.contains(u"titan-image") || model.contains(u"nova-canvas");
}
} // namespace

BedrockAdapter::BedrockAdapter(Clock clock)
    : m_clock(std::move(clock))
{
}

QString BedrockAdapter::controlPlaneBaseUrl(const LiveProvider &provider)
{
    if (provider.config.baseUrl.isEmpty())
        return QStringLiteral("https://bedrock.%1.amazonaws.com").arg(region(provider));
    QUrl url(provider.config.effectiveBaseUrl());
    const QString host = url.host();
    if (host.startsWith(u"bedrock-runtime."))
        url.setHost(QStringLiteral("bedrock.") + host.mid(16));
    return url.toString(QUrl::FullyEncoded);
}

Result<Net::UpstreamRequest> BedrockAdapter::signedRequest(const LiveProvider &provider,
                                                           const LiveCredential *credential,
                                                           const QByteArray &method, const QString &url,
                                                           QByteArray body, const QByteArray &accept) const
{
    if (!credential || credential->info.accessKeyId.isEmpty() || credential->secret.secretAccessKey.isEmpty()) {
        return fail(ErrorCode::UpstreamBadCredentials,
                    QStringLiteral("%1 has no usable AWS access key (access key id and secret access key). Add one "
                                   "with `aigne-hubd provider credential add %2` or in Providers.%3")
                        .arg(provider.label(), provider.config.name,
                             provider.problems.isEmpty() ? QString() : u' ' + provider.problems.constFirst()));
    }
    Net::UpstreamRequest request;
    request.method = method;
    request.url = QUrl(url);
    if (!request.url.isValid() || request.url.host().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The base URL of %1 is not a valid URL: %2").arg(provider.label(), url));
    request.body = std::move(body);
    if (method == "POST")
        request.headers.emplaceBack(QByteArray("Content-Type"), QByteArray("application/json"));
    request.headers.emplaceBack(QByteArray("Accept"), accept);
    const SigV4Signer signer(QStringLiteral("bedrock"), region(provider),
                             { credential->info.accessKeyId, credential->secret.secretAccessKey,
                               credential->secret.sessionToken });
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    if (const Status ok = signer.signUpstreamRequest(request, now); !ok)
        return std::unexpected(ok.error());
    return request;
}

Result<Net::UpstreamRequest> BedrockAdapter::chatRequest(const LiveProvider &provider,
                                                         const LiveCredential *credential,
                                                         const ChatCall &call) const
{
    auto body = BedrockConverse::encodeRequest(call.request);
    if (!body)
        return std::unexpected(body.error());
    const QString url = provider.config.effectiveBaseUrl()
        + modelPath(call.request.model, call.stream ? "/converse-stream" : "/converse");
    return signedRequest(provider, credential, "POST", url, QByteArray::fromStdString(body->dump()),
                         call.stream ? QByteArray("application/vnd.amazon.eventstream")
                                     : QByteArray("application/json"));
}

std::unique_ptr<IChatStreamDecoder> BedrockAdapter::streamDecoder(const LiveProvider &provider, StreamOutput) const
{
    return std::make_unique<BedrockStreamDecoder>(provider.label(), provider.config.name);
}

Result<ChatCompletion> BedrockAdapter::parseCompletion(const LiveProvider &provider, const QByteArray &body) const
{
    const Json root = parseJson(body);
    const Json *content = nullptr;
    if (root.is_object()) {
        const auto output = root.find("output");
        if (output != root.end() && output->is_object()) {
            const auto message = output->find("message");
            if (message != output->end() && message->is_object()) {
                const auto c = message->find("content");
                if (c != message->end() && c->is_array())
                    content = &*c;
            }
        }
    }
    if (!content)
        return notUnderstood(provider, QStringLiteral("a Converse answer"));
    ChatCompletion out;
    // Converse's answer carries neither an id nor a timestamp (the request id is only a header).
    out.result.created = QDateTime::currentSecsSinceEpoch();
    for (const Json &block : *content) {
        if (!block.is_object())
            continue;
        if (const auto text = block.find("text"); text != block.end() && text->is_string()) {
            out.result.text += QString::fromStdString(text->get<std::string>());
        } else if (const auto use = block.find("toolUse"); use != block.end() && use->is_object()) {
            ToolCall call;
            call.id = stringOf(*use, "toolUseId");
            call.name = stringOf(*use, "name");
            const auto input = use->find("input");
            call.arguments = input != use->end() ? QString::fromStdString(input->dump()) : QStringLiteral("{}");
            out.result.toolCalls.append(call);
        } else if (const auto r = block.find("reasoningContent"); r != block.end() && r->is_object()) {
            const auto rt = r->find("reasoningText");
            if (rt != r->end() && rt->is_object()) {
                ThinkingBlock thinking;
                if (const auto t = rt->find("text"); t != rt->end() && t->is_string())
                    thinking.thinking = QString::fromStdString(t->get<std::string>());
                if (const auto sig = rt->find("signature"); sig != rt->end() && sig->is_string())
                    thinking.signature = QByteArray::fromStdString(sig->get<std::string>());
                out.result.reasoning += thinking.thinking;
                out.result.thinkingBlocks.append(std::move(thinking));
            } else if (const auto rc = r->find("redactedContent"); rc != r->end() && rc->is_string()
                       && !rc->get_ref<const std::string &>().empty()) {
                out.result.thinkingBlocks.append(
                    ThinkingBlock { {}, {}, QByteArray::fromStdString(rc->get<std::string>()) });
            }
        }
    }
    const auto stop = root.find("stopReason");
    out.result.finishReason = BedrockConverse::finishReason(stop != root.end() && stop->is_string()
                                                                ? stop->get<std::string>()
                                                                : std::string());
    if (const auto usage = root.find("usage"); usage != root.end())
        out.result.usage = BedrockConverse::usage(nlohmann::json(*usage));
    out.usage = out.result.usage;
    return out;
}

Error BedrockAdapter::mapError(const LiveProvider &provider, int status, const QByteArray &body,
                               int retryAfterSeconds) const
{
    // The x-amzn-ErrorType header does not reach mapError; the body's __type carries the same name.
    return BedrockErrors::map(provider.label(), provider.config.name, status, BedrockErrors::parseBody(body),
                              retryAfterSeconds);
}

Result<Net::UpstreamRequest> BedrockAdapter::modelsRequest(const LiveProvider &provider,
                                                           const LiveCredential *credential) const
{
    // ListFoundationModels on the control plane; signed for service "bedrock" like the runtime.
    return signedRequest(provider, credential, "GET", controlPlaneBaseUrl(provider) + QStringLiteral("/foundation-models"),
                         {}, "application/json");
}

Result<QStringList> BedrockAdapter::parseModels(const QByteArray &body) const
{
    const Json root = parseJson(body);
    const auto summaries = root.is_object() ? root.find("modelSummaries") : root.end();
    if (!root.is_object() || summaries == root.end() || !summaries->is_array())
        return fail(ErrorCode::UpstreamProtocol, QStringLiteral("the Bedrock model list is not in the expected form"));
    QStringList ids;
    for (const Json &model : *summaries) {
        if (!model.is_object())
            continue;
        if (const auto id = model.find("modelId"); id != model.end() && id->is_string())
            ids.append(QString::fromStdString(id->get<std::string>()));
    }
    return ids;
}

Result<QList<ModelInfo>> BedrockAdapter::parseModelList(const QByteArray &body) const
{
    if (auto ids = parseModels(body); !ids)
        return std::unexpected(ids.error());
    const Json root = parseJson(body);
    QList<ModelInfo> out;
    for (const Json &model : root["modelSummaries"]) {
        if (!model.is_object())
            continue;
        const auto id = model.find("modelId");
        if (id == model.end() || !id->is_string())
            continue;
        ModelInfo m;
        m.id = QString::fromStdString(id->get<std::string>());
        const auto words = [&model](const char *key) {
            QStringList list;
            if (const auto it = model.find(key); it != model.end() && it->is_array())
                for (const Json &w : *it)
                    if (w.is_string())
                        list.append(QString::fromStdString(w.get<std::string>()).toLower());
            return list;
        };
        m.inputModalities = words("inputModalities");
        const QStringList outputs = words("outputModalities");
        if (outputs.contains(QStringLiteral("embedding")))
            m.type = ModelInfo::Type::Embedding;
        else if (outputs.contains(QStringLiteral("text")))
            m.type = ModelInfo::Type::Chat;
        else if (outputs.contains(QStringLiteral("image")))
            m.type = ModelInfo::Type::Image;
        out.append(m);
    }
    return out;
}

Result<Net::UpstreamRequest> BedrockAdapter::testRequest(const LiveProvider &provider,
                                                         const LiveCredential *credential) const
{
    return modelsRequest(provider, credential);
}

Result<Net::UpstreamRequest> BedrockAdapter::embeddingRequest(const LiveProvider &provider,
                                                              const LiveCredential *credential,
                                                              const EmbeddingRequest &request) const
{
    if (request.inputs.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The embedding request has no input."));
    Json body;
    if (isTitanEmbedding(request.model)) {
        // Titan Text Embeddings (InvokeModel): {"inputText", "dimensions"} -> {"embedding", "inputTextTokenCount"}.
        // https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-text.html
        // Titan embeds one text per call, and one upstream request carries one call.
        if (request.inputs.size() > 1)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("%1: Titan embedding models take one input per request; send the %2 inputs "
                                       "one at a time, or use a Cohere embedding model for batches.")
                            .arg(provider.label())
                            .arg(request.inputs.size()));
        body["inputText"] = request.inputs.constFirst().toStdString();
        if (request.dimensions)
            body["dimensions"] = *request.dimensions;
    } else if (isCohereEmbedding(request.model)) {
        // Cohere Embed (InvokeModel): {"texts", "input_type"} -> {"embeddings": [[...]]}.
        // https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed.html
        if (request.dimensions)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("%1: Cohere embedding models on Bedrock have a fixed size; remove "
                                       "\"dimensions\".")
                            .arg(provider.label()));
        Json texts = Json::array();
        for (const QString &input : request.inputs)
            texts.push_back(input.toStdString());
        body["texts"] = std::move(texts);
        body["input_type"] = "search_document"; // the neutral request carries no purpose; documents are the common case
    } else {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1: \"%2\" is not an embedding model the hub can call; use amazon.titan-embed-* "
                                   "or cohere.embed-*.")
                        .arg(provider.label(), request.model));
    }
    return signedRequest(provider, credential, "POST",
                         provider.config.effectiveBaseUrl() + modelPath(request.model, "/invoke"),
                         QByteArray::fromStdString(body.dump()), "application/json");
}

Result<EmbeddingResult> BedrockAdapter::parseEmbeddings(const LiveProvider &provider, const QByteArray &body) const
{
    // The answer's shape tells the model family apart: Titan has "embedding", Cohere "embeddings"
    // (a list of vectors, or {"float": [...]} when embedding types were asked for).
    const Json root = parseJson(body);
    if (!root.is_object())
        return notUnderstood(provider, QStringLiteral("an embedding answer"));
    auto toVector = [](const Json &values, QList<float> &out) {
        if (!values.is_array())
            return false;
        out.reserve(qsizetype(values.size()));
        for (const Json &v : values) {
            if (!v.is_number())
                return false;
            out.append(v.get<float>());
        }
        return true;
    };
    EmbeddingResult result;
    if (const auto one = root.find("embedding"); one != root.end()) {
        QList<float> vector;
        if (!toVector(*one, vector))
            return notUnderstood(provider, QStringLiteral("an embedding answer"));
        result.vectors.append(vector);
        if (const auto count = root.find("inputTextTokenCount"); count != root.end() && count->is_number_integer())
            result.usage.inputTokens = count->get<qint64>();
        return result;
    }
    const auto found = root.find("embeddings");
    const Json *many = found != root.end() ? &*found : nullptr;
    if (many && many->is_object()) {
        const auto floats = many->find("float");
        many = floats != many->end() ? &*floats : nullptr;
    }
    if (!many || !many->is_array())
        return notUnderstood(provider, QStringLiteral("an embedding answer"));
    for (const Json &values : *many) {
        QList<float> vector;
        if (!toVector(values, vector))
            return notUnderstood(provider, QStringLiteral("an embedding answer"));
        result.vectors.append(vector);
    }
    return result;
}

Result<Net::UpstreamRequest> BedrockAdapter::imageRequest(const LiveProvider &provider,
                                                          const LiveCredential *credential,
                                                          const ImageRequest &request) const
{
    if (!isTitanOrNovaImage(request.model))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1: \"%2\" is not an image model the hub can call; use amazon.titan-image-* or "
                                   "amazon.nova-canvas-*.")
                        .arg(provider.label(), request.model));
    if (request.prompt.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The image request has no prompt."));
    // Titan Image Generator and Nova Canvas share the TEXT_IMAGE task:
    // {"taskType":"TEXT_IMAGE","textToImageParams":{"text"},"imageGenerationConfig":{...}} -> {"images":[base64]}.
    // https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-image.html
    // https://docs.aws.amazon.com/nova/latest/userguide/image-gen-req-resp-structure.html
    Json body;
    body["taskType"] = "TEXT_IMAGE";
    body["textToImageParams"]["text"] = request.prompt.toStdString();
    Json config;
    config["numberOfImages"] = request.n;
    if (!request.size.isEmpty()) {
        const QStringList wh = request.size.split(u'x');
        bool okW = false;
        bool okH = false;
        const int w = wh.value(0).toInt(&okW);
        const int h = wh.value(1).toInt(&okH);
        if (wh.size() != 2 || !okW || !okH || w <= 0 || h <= 0)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("The image size \"%1\" is not WIDTHxHEIGHT (for example 1024x1024).")
                            .arg(request.size));
        config["width"] = w;
        config["height"] = h;
    }
    if (!request.quality.isEmpty()) {
        const bool premium = request.quality == u"hd" || request.quality == u"high";
        config["quality"] = premium ? "premium" : "standard";
    }
    if (!request.style.isEmpty() || request.wantUrl)
        qCInfo(lcBedrock) << "image style / URL output dropped: Bedrock image models return bytes and have no style";
    body["imageGenerationConfig"] = std::move(config);
    return signedRequest(provider, credential, "POST",
                         provider.config.effectiveBaseUrl() + modelPath(request.model, "/invoke"),
                         QByteArray::fromStdString(body.dump()), "application/json");
}

Result<ImageResult> BedrockAdapter::parseImages(const LiveProvider &provider, const QByteArray &body) const
{
    const Json root = parseJson(body);
    if (!root.is_object())
        return notUnderstood(provider, QStringLiteral("an image answer"));
    if (const auto error = root.find("error"); error != root.end() && error->is_string() && !error->empty())
        return fail(ErrorCode::UpstreamRefused, QStringLiteral("%1 did not generate the image: %2")
                                                    .arg(provider.label(),
                                                         QString::fromStdString(error->get<std::string>())));
    const auto images = root.find("images");
    if (images == root.end() || !images->is_array())
        return notUnderstood(provider, QStringLiteral("an image answer"));
    ImageResult result;
    for (const Json &image : *images) {
        if (!image.is_string())
            return notUnderstood(provider, QStringLiteral("an image answer"));
        GeneratedImage out;
        out.data = QByteArray::fromBase64(QByteArray::fromStdString(image.get<std::string>()));
        out.mimeType = QStringLiteral("image/png");
        result.images.append(out);
    }
    return result;
}

} // namespace AiHub::Providers
