// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/ollama/ollamaadapter.h"

#include "core/providers/liveprovider.h"
#include "core/providers/ollama/ollamamessage.h"
#include "core/providers/ollama/ollamarequestencoder.h"
#include "core/providers/ollama/ollamastreamdecoder.h"
#include "core/providers/jsonwire.h"
#include "core/providers/upstreamerrormapper.h"

#include <QDateTime>
#include <QUrl>

namespace AiHub::Providers {

namespace {
using Json = nlohmann::ordered_json;

std::unexpected<Error> notInForm(const LiveProvider &provider, const char *what)
{
    return fail(ErrorCode::UpstreamProtocol,
                QStringLiteral("%1 answered with something that is not %2; check that the provider's base URL points "
                               "at an Ollama server (default http://127.0.0.1:11434)")
                    .arg(provider.label(), QLatin1StringView(what)));
}

QString errorText(const QByteArray &body)
{
    const Json root = JsonWire::parse(body);
    if (root.is_object()) {
        const auto error = root.find("error");
        if (error != root.end() && error->is_string())
            return QString::fromStdString(error->get<std::string>());
    }
    return QString::fromUtf8(body.left(300)).trimmed();
}
} // namespace

Result<Net::UpstreamRequest> OllamaAdapter::baseRequest(const LiveProvider &provider, const LiveCredential *credential,
                                                        const QByteArray &method, const QString &path) const
{
    QString base = provider.config.effectiveBaseUrl();
    while (base.endsWith(u'/'))
        base.chop(1);
    Net::UpstreamRequest request;
    request.method = method;
    request.url = QUrl(base + path);
    if (!request.url.isValid() || request.url.host().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The base URL of %1 is not a valid URL: %2").arg(provider.label(), base));
    if (credential && !credential->secret.apiKey.isEmpty()) // for an authenticating proxy in front of Ollama
        request.headers.emplaceBack(QByteArray("Authorization"),
                                    QByteArray("Bearer " + credential->secret.apiKey.toUtf8()));
    attachTransportHint(request, provider.config);
    return request;
}

Error OllamaAdapter::describeTransportError(const ProviderConfig &config, const Error &error) const
{
    if (error.code != ErrorCode::UpstreamUnavailable)
        return error;
    QString base = config.effectiveBaseUrl();
    while (base.endsWith(u'/'))
        base.chop(1);
    // The transport's own advice follows a "; "; ours replaces it.
    const QString cause = error.message.section(u';', 0, 0).trimmed();
    Error described = error;
    described.message = QStringLiteral("The hub could not reach Ollama at %1 (provider \"%2\"): %3. Start Ollama "
                                       "(run \"ollama serve\" or open the Ollama app), or correct the base URL of "
                                       "this provider in Providers.")
                            .arg(base, config.name, cause);
    return described;
}

Result<Net::UpstreamRequest> OllamaAdapter::chatRequest(const LiveProvider &provider, const LiveCredential *credential,
                                                        const ChatCall &call) const
{
    auto body = OllamaRequestEncoder::encode(call.request, call.stream, provider.label());
    if (!body)
        return std::unexpected(body.error());
    auto request = baseRequest(provider, credential, "POST", QStringLiteral("/api/chat"));
    if (!request)
        return request;
    request->body = QByteArray::fromStdString(body->dump());
    JsonWire::addJsonHeaders(*request, call.stream ? "application/x-ndjson" : "application/json");
    return request;
}

std::unique_ptr<IChatStreamDecoder> OllamaAdapter::streamDecoder(const LiveProvider &provider, StreamOutput) const
{
    return std::make_unique<OllamaStreamDecoder>(provider.label());
}

Result<ChatCompletion> OllamaAdapter::parseCompletion(const LiveProvider &provider, const QByteArray &body) const
{
    const Json root = JsonWire::parse(body);
    if (!root.is_object())
        return notInForm(provider, "a chat response");
    if (const auto error = root.find("error"); error != root.end() && error->is_string()) {
        Error e = Error::make(ErrorCode::UpstreamUnavailable,
                              QStringLiteral("%1 reported an error: %2. Check the Ollama server's log.")
                                  .arg(provider.label(), QString::fromStdString(error->get<std::string>())));
        e.provider = provider.config.name;
        return std::unexpected(e);
    }
    const auto message = root.find("message");
    if (message == root.end() || !message->is_object())
        return notInForm(provider, "a chat response");
    ChatCompletion out;
    ChatResult &result = out.result;
    result.model = OllamaMessage::string(root, "model");
    const QDateTime created = QDateTime::fromString(OllamaMessage::string(root, "created_at"), Qt::ISODateWithMs);
    result.created = created.isValid() ? created.toSecsSinceEpoch() : QDateTime::currentSecsSinceEpoch();
    result.text = OllamaMessage::string(*message, "content");
    result.reasoning = OllamaMessage::string(*message, "thinking");
    if (const auto calls = message->find("tool_calls"); calls != message->end() && calls->is_array()) {
        for (const auto &entry : *calls)
            result.toolCalls.append(OllamaMessage::toolCall(entry, int(result.toolCalls.size())));
    }
    result.finishReason = OllamaMessage::finishReason(root, !result.toolCalls.isEmpty());
    result.usage = OllamaMessage::usage(root);
    out.usage = result.usage;
    return out;
}

Error OllamaAdapter::mapError(const LiveProvider &provider, int status, const QByteArray &body,
                              int retryAfterSeconds) const
{
    const QString message = errorText(body);
    const QString lower = message.toLower();
    UpstreamErrorMapper::Facts facts;
    facts.status = status;
    facts.what = QStringLiteral("HTTP %1: %2").arg(status).arg(message.isEmpty() ? QStringLiteral("no details")
                                                                                 : message);
    facts.retryAfterSeconds = retryAfterSeconds;
    facts.modelNotFound = lower.contains(QStringLiteral("model")) && lower.contains(QStringLiteral("not found"));
    facts.contextTooLong = lower.contains(QStringLiteral("context"))
        && (lower.contains(QStringLiteral("length")) || lower.contains(QStringLiteral("exceed")));
    // Ollama itself takes no key: a 401/403 comes from a proxy in front of it, and the wording still fits.
    UpstreamErrorMapper::Wording wording;
    wording.rateLimited = QStringLiteral("is busy with other requests");
    wording.modelNotFound = QStringLiteral("does not have this model");
    wording.modelNotFoundAdvice = QStringLiteral("Pull it with `ollama pull <model>` on the Ollama machine; "
                                                 "GET /v1/models lists the models it has.");
    wording.timeoutAdvice = QStringLiteral("Try again; a large model may still be loading.");
    wording.contextAdvice = QStringLiteral("Shorten it or raise the model's context size (num_ctx).");
    wording.unavailableAdvice = QStringLiteral("Check that Ollama is running (`ollama serve`) and its log, then try "
                                               "again.");
    return UpstreamErrorMapper::map(provider, facts, wording);
}

Result<Net::UpstreamRequest> OllamaAdapter::modelsRequest(const LiveProvider &provider,
                                                          const LiveCredential *credential) const
{
    return baseRequest(provider, credential, "GET", QStringLiteral("/api/tags"));
}

Result<QStringList> OllamaAdapter::parseModels(const QByteArray &body) const
{
    const Json root = JsonWire::parse(body);
    const auto models = root.is_object() ? root.find("models") : root.end();
    if (!root.is_object() || models == root.end() || !models->is_array())
        return fail(ErrorCode::UpstreamProtocol, QStringLiteral("the model list is not in the expected form"));
    QStringList names;
    for (const auto &model : *models) {
        const QString name = OllamaMessage::string(model, "name");
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

Result<Net::UpstreamRequest> OllamaAdapter::embeddingRequest(const LiveProvider &provider,
                                                             const LiveCredential *credential,
                                                             const EmbeddingRequest &request) const
{
    if (request.inputs.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The embedding request has no input; send at least one text."));
    Json input = Json::array();
    for (const QString &text : request.inputs)
        input.push_back(text.toStdString());
    Json body { { "model", request.model.toStdString() }, { "input", std::move(input) } };
    if (request.dimensions)
        body["dimensions"] = *request.dimensions;
    auto upstream = baseRequest(provider, credential, "POST", QStringLiteral("/api/embed"));
    if (!upstream)
        return upstream;
    upstream->body = QByteArray::fromStdString(body.dump());
    JsonWire::addJsonHeaders(*upstream, "application/json");
    return upstream;
}

Result<EmbeddingResult> OllamaAdapter::parseEmbeddings(const LiveProvider &provider, const QByteArray &body) const
{
    const Json root = JsonWire::parse(body);
    const auto embeddings = root.is_object() ? root.find("embeddings") : root.end();
    if (!root.is_object() || embeddings == root.end() || !embeddings->is_array())
        return notInForm(provider, "an embedding response");
    EmbeddingResult result;
    result.model = OllamaMessage::string(root, "model");
    for (const auto &embedding : *embeddings) {
        if (!embedding.is_array())
            return notInForm(provider, "an embedding response");
        QList<float> values;
        values.reserve(qsizetype(embedding.size()));
        for (const auto &v : embedding) {
            if (!v.is_number())
                return notInForm(provider, "an embedding response");
            values.append(v.get<float>());
        }
        result.vectors.append(values);
    }
    result.usage.inputTokens = OllamaMessage::usage(root).inputTokens;
    return result;
}

Result<Net::UpstreamRequest> OllamaAdapter::testRequest(const LiveProvider &provider,
                                                        const LiveCredential *credential) const
{
    return baseRequest(provider, credential, "GET", QStringLiteral("/api/tags"));
}

} // namespace AiHub::Providers
