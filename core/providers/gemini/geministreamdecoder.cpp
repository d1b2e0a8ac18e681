// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/gemini/geministreamdecoder.h"

#include "core/providers/gemini/geminierrorbody.h"
#include "core/providers/gemini/geminiresponse.h"

namespace AiHub::Providers {

namespace {
ErrorCode codeForStatus(const QString &status)
{
    if (status == QStringLiteral("RESOURCE_EXHAUSTED"))
        return ErrorCode::UpstreamRateLimited;
    if (status == QStringLiteral("DEADLINE_EXCEEDED"))
        return ErrorCode::UpstreamTimeout;
    if (status == QStringLiteral("INVALID_ARGUMENT") || status == QStringLiteral("FAILED_PRECONDITION"))
        return ErrorCode::UpstreamBadRequest;
    return ErrorCode::UpstreamUnavailable;
}
} // namespace

GeminiStreamDecoder::GeminiStreamDecoder(QString providerLabel)
    : m_providerLabel(std::move(providerLabel))
{
}

void GeminiStreamDecoder::feed(const QByteArray &bytes, std::vector<ChatEvent> &out)
{
    m_parser.feed(bytes, [this, &out](const SseParser::Event &event) { onEvent(event.data, out); });
}

void GeminiStreamDecoder::finish(std::vector<ChatEvent> &out)
{
    if (m_finished)
        return;
    m_finished = true;
    m_parser.finish([this, &out](const SseParser::Event &event) { onEvent(event.data, out); });
    if (m_usage && m_usage->reported())
        out.push_back(ChatEvent::usageReport(*m_usage));
}

void GeminiStreamDecoder::onEvent(const QByteArray &data, std::vector<ChatEvent> &out)
{
    const auto response = nlohmann::ordered_json::parse(data.constData(), data.constData() + data.size(), nullptr, false);
    if (!response.is_object()) {
        out.push_back(ChatEvent::failure(Error::make(
            ErrorCode::UpstreamProtocol,
            QStringLiteral("%1 sent a stream event that is not JSON; try again, and report it if it keeps happening")
                .arg(m_providerLabel))));
        return;
    }
    if (const GeminiErrorBody error = GeminiErrorBody::fromJson(response); error.valid) {
        Error e = Error::make(codeForStatus(error.status),
                              QStringLiteral("%1 reported an error during the answer (%2: %3). Try again.")
                                  .arg(m_providerLabel, error.status.isEmpty() ? QStringLiteral("error") : error.status,
                                       error.message.isEmpty() ? QStringLiteral("no details") : error.message));
        e.upstreamStatus = error.code;
        e.retryAfterSeconds = error.retryDelaySeconds;
        out.push_back(ChatEvent::failure(e));
        return;
    }
    if (!m_started) {
        m_started = true;
        out.push_back(ChatEvent::start(GeminiResponse::string(response, "responseId"),
                                       GeminiResponse::modelName(response)));
    }
    if (const auto usage = response.find("usageMetadata"); usage != response.end() && usage->is_object())
        m_usage = GeminiResponse::usage(*usage); // cumulative: the last one wins
    if (const auto feedback = response.find("promptFeedback"); feedback != response.end()) {
        const QString blocked = GeminiResponse::string(*feedback, "blockReason");
        if (!blocked.isEmpty()) {
            out.push_back(ChatEvent::failure(Error::make(
                ErrorCode::UpstreamRefused,
                QStringLiteral("%1 refused the prompt (blockReason %2). Rephrase the request.")
                    .arg(m_providerLabel, blocked))));
            return;
        }
    }
    const auto candidates = response.find("candidates");
    if (candidates == response.end() || !candidates->is_array())
        return;
    for (const auto &candidate : *candidates) {
        if (candidate.is_object())
            onCandidate(candidate, out);
    }
}

void GeminiStreamDecoder::onCandidate(const nlohmann::ordered_json &candidate, std::vector<ChatEvent> &out)
{
    int index = 0;
    if (const auto i = candidate.find("index"); i != candidate.end() && i->is_number_integer())
        index = i->get<int>();
    const auto content = candidate.find("content");
    const auto parts = content != candidate.end() && content->is_object() ? content->find("parts") : content;
    if (content != candidate.end() && content->is_object() && parts != content->end() && parts->is_array()) {
        for (const auto &part : *parts) {
            if (!part.is_object())
                continue;
            if (const auto call = part.find("functionCall"); call != part.end() && call->is_object()) {
                ToolCallDelta delta;
                delta.index = m_callsPerCandidate.value(index);
                m_callsPerCandidate[index] = delta.index + 1;
                delta.id = GeminiResponse::callId(*call, m_nextCallId++);
                delta.name = GeminiResponse::string(*call, "name");
                delta.argumentsDelta = GeminiResponse::argumentsText(*call);
                delta.signature = GeminiResponse::string(part, "thoughtSignature").toUtf8();
                out.push_back(ChatEvent::toolCallDelta(delta, index));
                continue;
            }
            const QString text = GeminiResponse::string(part, "text");
            if (text.isEmpty())
                continue;
            const auto thought = part.find("thought");
            const bool isThought = thought != part.end() && thought->is_boolean() && thought->get<bool>();
            out.push_back(isThought ? ChatEvent::reasoningDelta(text, index) : ChatEvent::textDelta(text, index));
        }
    }
    const QString reason = GeminiResponse::string(candidate, "finishReason");
    if (!reason.isEmpty() && reason != QStringLiteral("FINISH_REASON_UNSPECIFIED"))
        out.push_back(ChatEvent::finish(GeminiResponse::finishReason(reason.toStdString(),
                                                                     m_callsPerCandidate.value(index) > 0),
                                        index));
}

} // namespace AiHub::Providers
