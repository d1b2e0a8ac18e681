// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/anthropic/anthropicadapter.h"

#include "core/providers/anthropic/anthropicrequestencoder.h"
#include "core/providers/anthropic/anthropicstopreason.h"
#include "core/providers/anthropic/anthropicstreamdecoder.h"
#include "core/providers/anthropic/anthropicusage.h"
#include "core/providers/liveprovider.h"
#include "core/providers/openaierrorbody.h"
#include "core/providers/upstreamerrormapper.h"

#include <QDateTime>
#include <QUrl>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace AiHub::Providers {

namespace {
using Json = nlohmann::ordered_json;

// The API version this adapter speaks; Anthropic keeps old versions stable.
constexpr QByteArrayView ApiVersion = "2023-06-01";

QString stringField(const Json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

bool looksLikeContextTooLong(const OpenAiErrorBody &e)
{
    const QString m = e.message.toLower();
    return m.contains(u"prompt is too long"_s) || m.contains(u"context window"_s)
        || m.contains(u"context length"_s) || m.contains(u"too many tokens"_s);
}

bool looksLikeNoBalance(const OpenAiErrorBody &e)
{
    // Anthropic answers an empty prepaid account with 400 invalid_request_error, not 402.
    return e.type == u"billing_error"_s || e.message.toLower().contains(u"credit balance"_s);
}

bool looksLikeRefusal(const OpenAiErrorBody &e)
{
    return e.message.toLower().contains(u"content filtering"_s);
}
} // namespace

Result<Net::UpstreamRequest> AnthropicAdapter::baseRequest(const LiveProvider &provider,
                                                           const LiveCredential *credential, const QByteArray &method,
                                                           const QString &pathAndQuery) const
{
    if (!credential || credential->secret.apiKey.isEmpty()) {
        return fail(ErrorCode::UpstreamBadCredentials,
                    u"%1 has no usable API key. Add one with `aigne-hubd provider credential add %2` or in "
                    "Providers.%3"_s.arg(provider.label(), provider.config.name,
                                         provider.problems.isEmpty() ? QString()
                                                                     : u' ' + provider.problems.constFirst()));
    }
    Net::UpstreamRequest request;
    request.method = method;
    request.url = QUrl(provider.config.effectiveBaseUrl() + pathAndQuery);
    if (!request.url.isValid() || request.url.host().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"The base URL of %1 is not a valid URL: %2"_s.arg(
                                                    provider.label(), provider.config.effectiveBaseUrl()));
    request.headers.emplaceBack(QByteArray("x-api-key"), credential->secret.apiKey.toUtf8());
    request.headers.emplaceBack(QByteArray("anthropic-version"), ApiVersion.toByteArray());
    return request;
}

Result<Net::UpstreamRequest> AnthropicAdapter::chatRequest(const LiveProvider &provider,
                                                           const LiveCredential *credential,
                                                           const ChatCall &call) const
{
    auto body = AnthropicRequestEncoder::encode(call.request, call.stream, provider.label());
    if (!body)
        return std::unexpected(body.error());
    auto request = baseRequest(provider, credential, "POST", u"/v1/messages"_s);
    if (!request)
        return request;
    request->body = QByteArray::fromStdString(body->dump());
    request->headers.emplaceBack(QByteArray("content-type"), QByteArray("application/json"));
    request->headers.emplaceBack(QByteArray("accept"),
                                 QByteArray(call.stream ? "text/event-stream" : "application/json"));
    return request;
}

std::unique_ptr<IChatStreamDecoder> AnthropicAdapter::streamDecoder(const LiveProvider &provider,
                                                                    StreamOutput) const
{
    // Anthropic's events have no OpenAI chunk form: neutral events whatever the caller asked.
    return std::make_unique<AnthropicStreamDecoder>(provider.label(), provider.config.name);
}

Result<ChatCompletion> AnthropicAdapter::parseCompletion(const LiveProvider &provider, const QByteArray &body) const
{
    const Json root = Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    const auto content = root.is_object() ? root.find("content") : root.end();
    if (!root.is_object() || content == root.end() || !content->is_array())
        return fail(ErrorCode::UpstreamProtocol,
                    u"%1 answered with something that is not a message; try again, and check the provider's base "
                    "URL if it keeps happening"_s.arg(provider.label()));
    ChatCompletion out;
    ChatResult &result = out.result;
    result.id = stringField(root, "id");
    result.model = stringField(root, "model");
    result.created = QDateTime::currentSecsSinceEpoch(); // Anthropic's message has no timestamp
    for (const Json &block : *content) {
        if (!block.is_object())
            continue;
        const QString type = stringField(block, "type");
        if (type == u"text"_s) {
            result.text += stringField(block, "text");
        } else if (type == u"thinking"_s) {
            ThinkingBlock thinking;
            thinking.thinking = stringField(block, "thinking");
            thinking.signature = stringField(block, "signature").toUtf8();
            result.reasoning += thinking.thinking;
            result.thinkingBlocks.append(std::move(thinking));
        } else if (type == u"redacted_thinking"_s) {
            if (const QString data = stringField(block, "data"); !data.isEmpty())
                result.thinkingBlocks.append(ThinkingBlock { {}, {}, data.toUtf8() });
        } else if (type == u"tool_use"_s) {
            ToolCall call;
            call.id = stringField(block, "id");
            call.name = stringField(block, "name");
            const auto input = block.find("input");
            call.arguments = input != block.end() && input->is_object() ? QString::fromStdString(input->dump())
                                                                        : u"{}"_s;
            result.toolCalls.append(call);
        }
    }
    const QString stopReason = stringField(root, "stop_reason");
    if (!stopReason.isEmpty())
        result.finishReason = AnthropicStopReason::toFinishReason(stopReason);
    if (const auto usage = root.find("usage"); usage != root.end())
        result.usage = AnthropicUsage::fromJson(*usage);
    out.usage = result.usage;
    return out;
}

Error AnthropicAdapter::mapError(const LiveProvider &provider, int status, const QByteArray &body,
                                 int retryAfterSeconds) const
{
    // Anthropic's envelope {"type":"error","error":{"type","message"}} has the same error object as OpenAI's.
    const OpenAiErrorBody e = OpenAiErrorBody::parse(body);
    const QString details = e.message.isEmpty() ? u"no details"_s : e.message;
    UpstreamErrorMapper::Facts facts;
    facts.status = status;
    facts.what = e.type.isEmpty() ? u"HTTP %1: %2"_s.arg(status).arg(details)
                                  : u"HTTP %1 %2: %3"_s.arg(status).arg(e.type, details);
    facts.retryAfterSeconds = retryAfterSeconds;
    facts.badCredentials = e.type == u"authentication_error"_s;
    facts.noCredit = status == 402 || looksLikeNoBalance(e);
    facts.overloaded = status == 529 || e.type == u"overloaded_error"_s;
    facts.contextTooLong = looksLikeContextTooLong(e);
    facts.refused = looksLikeRefusal(e);
    UpstreamErrorMapper::Wording wording;
    wording.noCreditAdvice = u"Top it up in Anthropic's console."_s;
    wording.badRequestAdvice = u"Check the request's fields against the error."_s;
    return UpstreamErrorMapper::map(provider, facts, wording);
}

Result<Net::UpstreamRequest> AnthropicAdapter::modelsRequest(const LiveProvider &provider,
                                                             const LiveCredential *credential) const
{
    // The list is paged (20 by default); 1000, the largest page, holds every model Anthropic offers.
    return baseRequest(provider, credential, "GET", u"/v1/models?limit=1000"_s);
}

Result<QStringList> AnthropicAdapter::parseModels(const QByteArray &body) const
{
    const Json root = Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    const auto data = root.is_object() ? root.find("data") : root.end();
    if (!root.is_object() || data == root.end() || !data->is_array())
        return fail(ErrorCode::UpstreamProtocol, u"the model list is not in the expected form"_s);
    QStringList ids;
    for (const Json &model : *data) {
        if (model.is_object())
            if (const QString id = stringField(model, "id"); !id.isEmpty())
                ids.append(id);
    }
    return ids;
}

Result<Net::UpstreamRequest> AnthropicAdapter::testRequest(const LiveProvider &provider,
                                                           const LiveCredential *credential) const
{
    return baseRequest(provider, credential, "GET", u"/v1/models?limit=1"_s);
}

} // namespace AiHub::Providers
