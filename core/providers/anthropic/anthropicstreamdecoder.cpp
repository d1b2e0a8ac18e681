// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/anthropic/anthropicstreamdecoder.h"

#include "core/providers/anthropic/anthropicstopreason.h"
#include "core/providers/anthropic/anthropicusage.h"

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace AiHub::Providers {

namespace {
using Json = nlohmann::ordered_json;

QString stringField(const Json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

int intField(const Json &object, const char *key, int fallback)
{
    if (!object.is_object())
        return fallback;
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

const Json &objectField(const Json &object, const char *key)
{
    static const Json empty = Json::object();
    if (!object.is_object())
        return empty;
    const auto it = object.find(key);
    return it != object.end() && it->is_object() ? *it : empty;
}

ErrorCode codeForStreamError(const QString &type)
{
    if (type == u"rate_limit_error"_s)
        return ErrorCode::UpstreamRateLimited;
    if (type == u"invalid_request_error"_s || type == u"request_too_large"_s)
        return ErrorCode::UpstreamBadRequest;
    if (type == u"authentication_error"_s || type == u"permission_error"_s)
        return ErrorCode::UpstreamBadCredentials;
    if (type == u"not_found_error"_s)
        return ErrorCode::UpstreamModelNotFound;
    if (type == u"timeout_error"_s)
        return ErrorCode::UpstreamTimeout;
    return ErrorCode::UpstreamUnavailable; // overloaded_error, api_error and anything new
}
} // namespace

AnthropicStreamDecoder::AnthropicStreamDecoder(QString providerLabel, QString providerName)
    : m_providerLabel(std::move(providerLabel))
    , m_providerName(std::move(providerName))
{
}

void AnthropicStreamDecoder::feed(const QByteArray &bytes, std::vector<ChatEvent> &out)
{
    m_parser.feed(bytes, [this, &out](const SseParser::Event &event) { onEvent(event, out); });
}

void AnthropicStreamDecoder::finish(std::vector<ChatEvent> &out)
{
    m_parser.finish([this, &out](const SseParser::Event &event) { onEvent(event, out); });
    // A stream cut off before message_delta still consumed its input tokens.
    reportUsage(out);
}

void AnthropicStreamDecoder::reportUsage(std::vector<ChatEvent> &out)
{
    if (!m_usagePending)
        return;
    m_usagePending = false;
    out.push_back(ChatEvent::usageReport(m_usage));
}

void AnthropicStreamDecoder::onEvent(const SseParser::Event &event, std::vector<ChatEvent> &out)
{
    // nlohmann skips trailing whitespace, which real streams pad some data lines with.
    const Json data = Json::parse(event.data.constData(), event.data.constData() + event.data.size(), nullptr, false);
    if (!data.is_object()) {
        Error e = Error::make(
            ErrorCode::UpstreamProtocol,
            u"%1 sent a stream event that is not JSON; try again, and report it if it keeps happening"_s.arg(
                m_providerLabel));
        e.provider = m_providerName;
        out.push_back(ChatEvent::failure(e));
        return;
    }
    QString type = stringField(data, "type");
    if (type.isEmpty())
        type = QString::fromUtf8(event.event);

    if (type == u"content_block_delta"_s) { // the most frequent event first
        const Json &delta = objectField(data, "delta");
        const QString deltaType = stringField(delta, "type");
        if (deltaType == u"text_delta"_s) {
            out.push_back(ChatEvent::textDelta(stringField(delta, "text")));
        } else if (deltaType == u"thinking_delta"_s) {
            out.push_back(ChatEvent::reasoningDelta(stringField(delta, "thinking")));
        } else if (deltaType == u"input_json_delta"_s) {
            const auto tool = m_toolIndexByBlock.constFind(intField(data, "index", -1));
            const QString fragment = stringField(delta, "partial_json");
            if (tool != m_toolIndexByBlock.constEnd() && !fragment.isEmpty()) {
                ToolCallDelta call;
                call.index = tool.value();
                call.argumentsDelta = fragment;
                out.push_back(ChatEvent::toolCallDelta(call));
            }
        } else if (deltaType == u"signature_delta"_s) {
            if (const QString signature = stringField(delta, "signature"); !signature.isEmpty())
                out.push_back(ChatEvent::reasoningSignature(signature.toUtf8()));
        }
        // citations_delta: no neutral form.
    } else if (type == u"content_block_start"_s) {
        const Json &block = objectField(data, "content_block");
        const QString blockType = stringField(block, "type");
        if (blockType == u"text"_s) {
            if (const QString text = stringField(block, "text"); !text.isEmpty())
                out.push_back(ChatEvent::textDelta(text));
        } else if (blockType == u"thinking"_s) {
            if (const QString thinking = stringField(block, "thinking"); !thinking.isEmpty())
                out.push_back(ChatEvent::reasoningDelta(thinking));
        } else if (blockType == u"tool_use"_s) {
            const int toolIndex = int(m_toolIndexByBlock.size());
            m_toolIndexByBlock.insert(intField(data, "index", -1), toolIndex);
            ToolCallDelta call;
            call.index = toolIndex;
            call.id = stringField(block, "id");
            call.name = stringField(block, "name");
            // Streams start with input {} and send the arguments as input_json_delta; anything else is whole.
            if (const Json &input = objectField(block, "input"); !input.empty())
                call.argumentsDelta = QString::fromStdString(input.dump());
            out.push_back(ChatEvent::toolCallDelta(call));
        } else if (blockType == u"redacted_thinking"_s) {
            // Comes whole in content_block_start; it must go back on the next turn like a signed block.
            if (const QString redacted = stringField(block, "data"); !redacted.isEmpty())
                out.push_back(ChatEvent::redactedReasoning(redacted.toUtf8()));
        }
        // Server-side tool blocks have nothing a client can use.
    } else if (type == u"message_start"_s) {
        const Json &message = objectField(data, "message");
        out.push_back(ChatEvent::start(stringField(message, "id"), stringField(message, "model")));
        if (const Json &usage = objectField(message, "usage"); !usage.empty()) {
            AnthropicUsage::merge(m_usage, AnthropicUsage::fromJson(usage));
            m_usagePending = true;
        }
    } else if (type == u"message_delta"_s) {
        const QString stopReason = stringField(objectField(data, "delta"), "stop_reason");
        if (!stopReason.isEmpty())
            out.push_back(ChatEvent::finish(AnthropicStopReason::toFinishReason(stopReason)));
        if (const Json &usage = objectField(data, "usage"); !usage.empty()) {
            AnthropicUsage::merge(m_usage, AnthropicUsage::fromJson(usage));
            m_usagePending = true;
        }
        reportUsage(out);
    } else if (type == u"message_stop"_s) {
        reportUsage(out);
        out.push_back(ChatEvent::done());
    } else if (type == u"error"_s) {
        const Json &error = objectField(data, "error");
        const QString errorType = stringField(error, "type");
        const QString message = stringField(error, "message");
        reportUsage(out);
        Error e = Error::make(codeForStreamError(errorType),
                              u"%1 reported an error during the answer (%2: %3). Try again shortly."_s.arg(
                                  m_providerLabel, errorType.isEmpty() ? u"error"_s : errorType,
                                  message.isEmpty() ? u"no details"_s : message));
        e.provider = m_providerName;
        out.push_back(ChatEvent::failure(e));
    }
    // ping, content_block_stop and event types added later carry nothing to relay.
}

} // namespace AiHub::Providers
