// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/openaicompatibleadapter.h"

#include "core/providers/liveprovider.h"
#include "core/providers/openaichatformat.h"
#include "core/providers/openaierrorbody.h"
#include "core/providers/openaistreamdecoder.h"
#include "core/providers/openaiusage.h"
#include "core/providers/orderedjsonwriter.h"
#include "core/providers/relayedcompletionscan.h"

#include <QUrl>
#include <QtEndian>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace AiHub::Providers {

namespace {
bool looksLikeBadKey(const OpenAiErrorBody &e)
{
    // xAI answers a bad key with 400 and a message, not 401.
    const QString m = e.message.toLower();
    return m.contains(QStringLiteral("api key")) || m.contains(QStringLiteral("api-key"))
        || e.code == QStringLiteral("invalid_api_key");
}

bool looksLikeContextTooLong(const OpenAiErrorBody &e)
{
    const QString m = e.message.toLower();
    return e.code == QStringLiteral("context_length_exceeded") || m.contains(QStringLiteral("context length"))
        || m.contains(QStringLiteral("maximum context")) || m.contains(QStringLiteral("too many tokens"));
}

// The body sent upstream: the client's (or the encoded) request with "stream" set and usage asked for on streams,
// stream_options dropped otherwise. Written member by member straight from the document: the same text as
// copying it, editing the copy and dumping that (members edited in place, missing ones appended in that order),
// without the copy. A stream_options that is not an object is replaced by one.
std::string upstreamBody(const nlohmann::ordered_json &request, bool stream)
{
    using Json = nlohmann::ordered_json;
    std::string out;
    out.reserve(256);
    OrderedJsonWriter writer(out);
    bool first = true;
    auto writeKey = [&](const std::string &key) {
        if (!first)
            out += ',';
        first = false;
        writer.writeKey(key);
    };
    auto writeStreamOptions = [&](const Json &options) {
        out += '{';
        bool sawUsage = false;
        if (options.is_object()) {
            bool firstOption = true;
            for (auto it = options.begin(); it != options.end(); ++it) {
                if (!firstOption)
                    out += ',';
                firstOption = false;
                writer.writeKey(it.key());
                if (it.key() == "include_usage") {
                    sawUsage = true;
                    out += "true";
                } else {
                    writer.write(*it);
                }
            }
            if (!sawUsage && !firstOption)
                out += ',';
        }
        if (!sawUsage)
            out += "\"include_usage\":true";
        out += '}';
    };
    out += '{';
    bool sawStream = false;
    bool sawOptions = false;
    if (request.is_object()) {
        for (auto it = request.begin(); it != request.end(); ++it) {
            const std::string &key = it.key();
            if (key == "stream_options") {
                if (!stream)
                    continue; // OpenAI rejects stream_options without stream
                sawOptions = true;
                writeKey(key);
                writeStreamOptions(*it);
            } else if (stream && key == "stream") {
                sawStream = true;
                writeKey(key);
                out += "true";
            } else {
                writeKey(key);
                writer.write(*it);
            }
        }
    }
    if (stream && !sawStream) {
        writeKey("stream");
        out += "true";
    }
    if (stream && !sawOptions) {
        writeKey("stream_options");
        out += "{\"include_usage\":true}";
    }
    out += '}';
    return out;
}

bool looksLikeRefusal(const OpenAiErrorBody &e)
{
    return e.code == QStringLiteral("content_filter") || e.code == QStringLiteral("content_policy_violation")
        || e.type == QStringLiteral("content_policy_violation");
}
} // namespace

Result<Net::UpstreamRequest> OpenAiCompatibleAdapter::baseRequest(const LiveProvider &provider,
                                                                  const LiveCredential *credential,
                                                                  const QByteArray &method, const QString &path) const
{
    if (!credential || credential->secret.apiKey.isEmpty()) {
        return fail(ErrorCode::UpstreamBadCredentials,
                    QStringLiteral("%1 has no usable API key. Add one with `aigne-hubd provider credential add %2` "
                                   "or in Providers.%3")
                        .arg(provider.label(), provider.config.name,
                             provider.problems.isEmpty() ? QString() : u' ' + provider.problems.constFirst()));
    }
    Net::UpstreamRequest request;
    request.method = method;
    // Parsing the URL was a good part of building a request, and the same few come back every time.
    // Handing on the same QUrl also lets UpstreamClient reuse what it derived from it. Found by what the URL is
    // made of (compared, not concatenated and hashed: a hub has a few providers).
    struct ParsedUrl {
        ProviderKind kind;
        QString baseUrl;
        QString region;
        QString path;
        QUrl url;
        bool usable = false;
    };
    thread_local std::vector<ParsedUrl> parsedUrls;
    const ProviderConfig &config = provider.config;
    auto parsed = std::find_if(parsedUrls.cbegin(), parsedUrls.cend(), [&](const ParsedUrl &p) {
        return p.kind == config.kind && p.path == path && p.baseUrl == config.baseUrl && p.region == config.region;
    });
    if (parsed == parsedUrls.cend()) {
        if (parsedUrls.size() >= 64)
            parsedUrls.clear();
        QUrl url(config.effectiveBaseUrl() + path);
        const bool usable = url.isValid() && !url.host().isEmpty();
        parsedUrls.push_back(ParsedUrl { config.kind, config.baseUrl, config.region, path, std::move(url), usable });
        parsed = parsedUrls.cend() - 1;
    }
    if (!parsed->usable)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The base URL of %1 is not a valid URL: %2")
                                                    .arg(provider.label(), provider.config.effectiveBaseUrl()));
    request.url = parsed->url;
    request.headers.reserve(5);
    request.headers.emplaceBack(QByteArrayLiteral("Authorization"), "Bearer " + credential->secret.apiKey.toUtf8());
    if (provider.config.kind == ProviderKind::OpenRouter) {
        // OpenRouter attributes traffic to the calling app with these two headers.
        request.headers.emplaceBack(QByteArray("HTTP-Referer"), QByteArray("https://www.aigne.io/"));
        request.headers.emplaceBack(QByteArray("X-Title"), QByteArray("AIGNE Hub"));
    }
    return request;
}

Result<Net::UpstreamRequest> OpenAiCompatibleAdapter::chatRequest(const LiveProvider &provider,
                                                                  const LiveCredential *credential,
                                                                  const ChatCall &call) const
{
    auto request = baseRequest(provider, credential, QByteArrayLiteral("POST"), QStringLiteral("/chat/completions"));
    if (!request)
        return request;
    // An OpenAI client's own body goes on as it came (fields the hub does not model included); any other
    // client's request is encoded from the neutral form.
    // On streams usage is always asked for, so every call is accounted; the relay hands it on only if the client
    // asked.
    if (!call.openAiText.isEmpty()) {
        request->body = call.openAiScan.upstreamBody(call.openAiText, call.request.model);
    } else {
        const std::string body = call.openAiBody.is_object()
            ? upstreamBody(call.openAiBody, call.stream)
            : upstreamBody(OpenAiChatFormat::encodeRequest(call.request), call.stream);
        request->body = QByteArray::fromStdString(body);
    }
    // Literals: no allocation per request.
    request->headers.emplaceBack(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    request->headers.emplaceBack(QByteArrayLiteral("Accept"), call.stream ? QByteArrayLiteral("text/event-stream")
                                                                          : QByteArrayLiteral("application/json"));
    return request;
}

std::unique_ptr<IChatStreamDecoder> OpenAiCompatibleAdapter::streamDecoder(const LiveProvider &provider,
                                                                           StreamOutput output) const
{
    return std::make_unique<OpenAiStreamDecoder>(provider.label(), output);
}

Result<ChatCompletion> OpenAiCompatibleAdapter::parseCompletion(const LiveProvider &provider,
                                                                const QByteArray &body) const
{
    const nlohmann::ordered_json root = nlohmann::ordered_json::parse(body.constData(), body.constData() + body.size(), nullptr,
                                                      false);
    if (!root.is_object() || !root.contains("choices"))
        return fail(ErrorCode::UpstreamProtocol,
                    QStringLiteral("%1 answered with something that is not a chat completion; try again, and check "
                                   "the provider's base URL if it keeps happening")
                        .arg(provider.label()));
    ChatCompletion out;
    out.result = OpenAiChatFormat::parseCompletion(root);
    out.body = body; // relayed unchanged to OpenAI clients: they see every field the provider sent
    out.usage = out.result.usage;
    return out;
}

Result<ChatCompletion> OpenAiCompatibleAdapter::parseRelayedCompletion(const LiveProvider &provider,
                                                                       const QByteArray &body) const
{
    const RelayedCompletionScan scan = scanRelayedCompletion(body.constData(), body.constData() + body.size());
    if (!scan.wellFormed || !scan.sawChoices)
        return fail(ErrorCode::UpstreamProtocol,
                    QStringLiteral("%1 answered with something that is not a chat completion; try again, and check "
                                   "the provider's base URL if it keeps happening")
                        .arg(provider.label()));
    ChatCompletion out;
    out.usage = scan.usage;
    out.result.usage = out.usage;
    out.body = body;
    out.usageOnly = true;
    return out;
}

Error OpenAiCompatibleAdapter::mapError(const LiveProvider &provider, int status, const QByteArray &body,
                                        int retryAfterSeconds) const
{
    const OpenAiErrorBody e = OpenAiErrorBody::parse(body);
    const QString who = provider.label();
    const QString what = QStringLiteral("HTTP %1: %2").arg(status).arg(e.message.isEmpty() ? QStringLiteral("no "
                                                                                                           "details")
                                                                                           : e.message);
    Error error;
    error.upstreamStatus = status;
    error.retryAfterSeconds = retryAfterSeconds;
    error.provider = provider.config.name;
    if (status == 401 || status == 403 || (status == 400 && looksLikeBadKey(e))) {
        error.code = ErrorCode::UpstreamBadCredentials;
        error.message = QStringLiteral("%1 rejected the API key (%2). Check the key for \"%3\" in Providers, or "
                                       "replace it with `aigne-hubd provider credential add %3`.")
                            .arg(who, what, provider.config.name);
    } else if (status == 429) {
        error.code = ErrorCode::UpstreamRateLimited;
        error.message = QStringLiteral("%1 is rate-limiting requests (%2). Wait%3 and try again.")
                            .arg(who, what,
                                 retryAfterSeconds >= 0 ? QStringLiteral(" %1 s").arg(retryAfterSeconds) : QString());
    } else if (status == 404) {
        error.code = ErrorCode::UpstreamModelNotFound;
        error.message = QStringLiteral("%1 does not offer this model (%2). GET /v1/models lists the models it has.")
                            .arg(who, what);
    } else if (status == 402) {
        error.code = ErrorCode::UpstreamUnavailable;
        error.message = QStringLiteral("The account at %1 has run out of balance (%2). Top it up with the provider.")
                            .arg(who, what);
    } else if (status == 408 || status == 504) {
        error.code = ErrorCode::UpstreamTimeout;
        error.message = QStringLiteral("%1 timed out (%2). Try again.").arg(who, what);
    } else if (status >= 400 && status < 500) {
        if (looksLikeContextTooLong(e)) {
            error.code = ErrorCode::UpstreamBadRequest;
            error.message = QStringLiteral("The conversation is too long for this model at %1 (%2). Shorten it or "
                                           "choose a model with a larger context.")
                                .arg(who, what);
        } else if (looksLikeRefusal(e)) {
            error.code = ErrorCode::UpstreamRefused;
            error.message = QStringLiteral("%1 refused to answer (%2).").arg(who, what);
        } else {
            error.code = ErrorCode::UpstreamBadRequest;
            error.message = QStringLiteral("%1 rejected the request (%2).").arg(who, what);
        }
    } else {
        error.code = ErrorCode::UpstreamUnavailable;
        error.message = QStringLiteral("%1 could not answer (%2). Try again shortly.").arg(who, what);
    }
    return error;
}

Result<Net::UpstreamRequest> OpenAiCompatibleAdapter::modelsRequest(const LiveProvider &provider,
                                                                    const LiveCredential *credential) const
{
    return baseRequest(provider, credential, "GET", QStringLiteral("/models"));
}

Result<QStringList> OpenAiCompatibleAdapter::parseModels(const QByteArray &body) const
{
    const nlohmann::ordered_json root = nlohmann::ordered_json::parse(body.constData(), body.constData() + body.size(), nullptr,
                                                      false);
    const auto data = root.is_object() ? root.find("data") : root.end();
    if (!root.is_object() || data == root.end() || !data->is_array())
        return fail(ErrorCode::UpstreamProtocol, QStringLiteral("the model list is not in the expected form"));
    QStringList ids;
    for (const auto &model : *data) {
        if (const auto id = model.find("id"); id != model.end() && id->is_string())
            ids.append(QString::fromStdString(id->get<std::string>()));
    }
    return ids;
}

Result<Net::UpstreamRequest> OpenAiCompatibleAdapter::testRequest(const LiveProvider &provider,
                                                                  const LiveCredential *credential) const
{
    // OpenRouter lists models without a key, so ask about the key itself there.
    const bool openRouter = provider.config.kind == ProviderKind::OpenRouter;
    return baseRequest(provider, credential, "GET", openRouter ? QStringLiteral("/key") : QStringLiteral("/models"));
}

} // namespace AiHub::Providers

namespace AiHub::Providers {

namespace {
std::unexpected<Error> unreadable(const LiveProvider &provider, const char *what)
{
    return fail(ErrorCode::UpstreamProtocol,
                QStringLiteral("%1 (provider \"%2\") sent %3 the hub cannot read; try again, or report it if it "
                               "persists.")
                    .arg(ProviderKinds::displayName(provider.config.kind), provider.config.name,
                         QLatin1StringView(what)));
}
} // namespace

Result<Net::UpstreamRequest> OpenAiCompatibleAdapter::embeddingRequest(const LiveProvider &provider,
                                                                       const LiveCredential *credential,
                                                                       const EmbeddingRequest &r) const
{
    auto request = baseRequest(provider, credential, "POST", QStringLiteral("/embeddings"));
    if (!request)
        return request;
    nlohmann::ordered_json body;
    body["model"] = r.model.toStdString();
    if (r.inputs.size() == 1) {
        body["input"] = r.inputs.constFirst().toStdString();
    } else {
        body["input"] = nlohmann::ordered_json::array();
        for (const QString &input : r.inputs)
            body["input"].push_back(input.toStdString());
    }
    if (r.dimensions)
        body["dimensions"] = *r.dimensions;
    body["encoding_format"] = "base64"; // a third of the bytes of float text, and exact
    request->headers.emplaceBack(QByteArray("Content-Type"), QByteArray("application/json"));
    request->body = QByteArray::fromStdString(body.dump());
    return request;
}

Result<EmbeddingResult> OpenAiCompatibleAdapter::parseEmbeddings(const LiveProvider &provider,
                                                                 const QByteArray &body) const
{
    const auto root = nlohmann::ordered_json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    const auto data = root.is_object() ? root.find("data") : root.end();
    if (!root.is_object() || data == root.end() || !data->is_array())
        return unreadable(provider, "embeddings");
    EmbeddingResult result;
    result.model = QString::fromStdString(root.value("model", std::string()));
    result.vectors.resize(data->size());
    for (std::size_t i = 0; i < data->size(); ++i) {
        const auto &item = (*data)[i];
        const auto index = item.is_object() ? item.value("index", qint64(i)) : qint64(i);
        if (index < 0 || std::size_t(index) >= data->size())
            return unreadable(provider, "embeddings");
        const auto embedding = item.is_object() ? item.find("embedding") : item.end();
        if (!item.is_object() || embedding == item.end())
            return unreadable(provider, "embeddings");
        QList<float> &vector = result.vectors[index];
        if (embedding->is_string()) {
            // Little-endian float32 values, base64-encoded.
            const QByteArray raw = QByteArray::fromBase64(QByteArray::fromStdString(embedding->get<std::string>()));
            if (raw.size() % 4 != 0)
                return unreadable(provider, "embeddings");
            vector.resize(raw.size() / 4);
            for (qsizetype k = 0; k < vector.size(); ++k)
                vector[k] = qFromLittleEndian<float>(raw.constData() + 4 * k);
        } else if (embedding->is_array()) {
            vector.reserve(qsizetype(embedding->size()));
            for (const auto &v : *embedding) {
                if (!v.is_number())
                    return unreadable(provider, "embeddings");
                vector.append(v.get<float>());
            }
        } else {
            return unreadable(provider, "embeddings");
        }
    }
    if (const auto usage = root.find("usage"); usage != root.end() && usage->is_object()) {
        if (const auto prompt = usage->find("prompt_tokens"); prompt != usage->end() && prompt->is_number_integer())
            result.usage.inputTokens = prompt->get<qint64>();
    }
    return result;
}

Result<Net::UpstreamRequest> OpenAiCompatibleAdapter::imageRequest(const LiveProvider &provider,
                                                                   const LiveCredential *credential,
                                                                   const ImageRequest &r) const
{
    auto request = baseRequest(provider, credential, "POST", QStringLiteral("/images/generations"));
    if (!request)
        return request;
    nlohmann::ordered_json body;
    body["model"] = r.model.toStdString();
    body["prompt"] = r.prompt.toStdString();
    if (r.n != 1)
        body["n"] = r.n;
    if (!r.size.isEmpty())
        body["size"] = r.size.toStdString();
    if (!r.quality.isEmpty())
        body["quality"] = r.quality.toStdString();
    if (!r.style.isEmpty())
        body["style"] = r.style.toStdString();
    // Only the DALL-E models take response_format; gpt-image-* refuse it and answer as they do.
    if (r.model.startsWith(QStringLiteral("dall-e")))
        body["response_format"] = r.wantUrl ? "url" : "b64_json";
    request->headers.emplaceBack(QByteArray("Content-Type"), QByteArray("application/json"));
    request->body = QByteArray::fromStdString(body.dump());
    return request;
}

Result<ImageResult> OpenAiCompatibleAdapter::parseImages(const LiveProvider &provider, const QByteArray &body) const
{
    const auto root = nlohmann::ordered_json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    const auto data = root.is_object() ? root.find("data") : root.end();
    if (!root.is_object() || data == root.end() || !data->is_array())
        return unreadable(provider, "an image answer");
    ImageResult result;
    result.model = QString::fromStdString(root.value("model", std::string()));
    const QString format = QString::fromStdString(root.value("output_format", std::string("png")));
    for (const auto &item : *data) {
        if (!item.is_object())
            return unreadable(provider, "an image answer");
        GeneratedImage image;
        image.url = QString::fromStdString(item.value("url", std::string()));
        const std::string b64 = item.value("b64_json", std::string());
        if (!b64.empty())
            image.data = QByteArray::fromBase64(QByteArray::fromStdString(b64));
        if (image.url.isEmpty() && image.data.isEmpty())
            return unreadable(provider, "an image without a URL or data");
        image.mimeType = QStringLiteral("image/") + (format == QStringLiteral("jpg") ? QStringLiteral("jpeg") : format);
        image.revisedPrompt = QString::fromStdString(item.value("revised_prompt", std::string()));
        result.images.append(image);
    }
    if (const auto usage = root.find("usage"); usage != root.end() && usage->is_object()) {
        if (const auto in = usage->find("input_tokens"); in != usage->end() && in->is_number_integer())
            result.usage.inputTokens = in->get<qint64>();
        if (const auto out = usage->find("output_tokens"); out != usage->end() && out->is_number_integer())
            result.usage.outputTokens = out->get<qint64>();
    }
    return result;
}

} // namespace AiHub::Providers
