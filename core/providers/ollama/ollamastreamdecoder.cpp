// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/ollama/ollamastreamdecoder.h"

#include "core/providers/ollama/ollamamessage.h"

namespace AiHub::Providers {

OllamaStreamDecoder::OllamaStreamDecoder(QString providerLabel)
    : m_providerLabel(std::move(providerLabel))
{
}

void OllamaStreamDecoder::feed(const QByteArray &bytes, std::vector<ChatEvent> &out)
{
    m_buffer.append(bytes);
    qsizetype start = 0;
    for (qsizetype nl = m_buffer.indexOf('\n'); nl >= 0; nl = m_buffer.indexOf('\n', start)) {
        onLine(QByteArrayView(m_buffer).sliced(start, nl - start), out);
        start = nl + 1;
    }
    m_buffer.remove(0, start);
}

void OllamaStreamDecoder::finish(std::vector<ChatEvent> &out)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!m_buffer.isEmpty())
        onLine(m_buffer, out);
    m_buffer.clear();
    if (!m_ended) {
        out.push_back(ChatEvent::failure(Error::make(
            ErrorCode::UpstreamProtocol,
            QStringLiteral("%1 stopped the answer before its final line; the answer is cut off. Try again, and check "
                           "the Ollama server's log if it keeps happening.")
                .arg(m_providerLabel))));
    }
}

void OllamaStreamDecoder::onLine(QByteArrayView line, std::vector<ChatEvent> &out)
{
    line = line.trimmed();
    if (line.isEmpty() || m_ended)
        return;
    const auto object = nlohmann::ordered_json::parse(line.begin(), line.end(), nullptr, false);
    if (!object.is_object()) {
        m_ended = true;
        out.push_back(ChatEvent::failure(Error::make(
            ErrorCode::UpstreamProtocol,
            QStringLiteral("%1 sent a stream line that is not JSON; try again, and check the provider's base URL if "
                           "it keeps happening")
                .arg(m_providerLabel))));
        return;
    }
    onObject(object, out);
}

void OllamaStreamDecoder::onObject(const nlohmann::ordered_json &object, std::vector<ChatEvent> &out)
{
    if (const auto error = object.find("error"); error != object.end() && !error->is_null()) {
        m_ended = true;
        const QString message = error->is_string() ? QString::fromStdString(error->get<std::string>())
                                                   : QString::fromStdString(error->dump());
        out.push_back(ChatEvent::failure(Error::make(
            ErrorCode::UpstreamUnavailable,
            QStringLiteral("%1 reported an error during the answer: %2. Try again, and check the Ollama server's log "
                           "if it keeps happening.")
                .arg(m_providerLabel, message))));
        return;
    }
    if (!m_started) {
        m_started = true;
        out.push_back(ChatEvent::start(QString(), OllamaMessage::string(object, "model")));
    }
    if (const auto message = object.find("message"); message != object.end() && message->is_object()) {
        const QString thinking = OllamaMessage::string(*message, "thinking");
        if (!thinking.isEmpty())
            out.push_back(ChatEvent::reasoningDelta(thinking));
        const QString content = OllamaMessage::string(*message, "content");
        if (!content.isEmpty())
            out.push_back(ChatEvent::textDelta(content));
        if (const auto calls = message->find("tool_calls"); calls != message->end() && calls->is_array()) {
            for (const auto &entry : *calls) {
                const ToolCall call = OllamaMessage::toolCall(entry, m_toolCalls);
                ToolCallDelta delta;
                delta.index = m_toolCalls++;
                delta.id = call.id;
                delta.name = call.name;
                delta.argumentsDelta = call.arguments; // each call arrives whole
                out.push_back(ChatEvent::toolCallDelta(delta));
            }
        }
    } else {
        const QString response = OllamaMessage::string(object, "response"); // /api/generate
        if (!response.isEmpty())
            out.push_back(ChatEvent::textDelta(response));
    }
    if (const auto done = object.find("done"); done != object.end() && done->is_boolean() && done->get<bool>()) {
        m_ended = true;
        out.push_back(ChatEvent::finish(OllamaMessage::finishReason(object, m_toolCalls > 0)));
        const TokenUsage usage = OllamaMessage::usage(object);
        if (usage.reported())
            out.push_back(ChatEvent::usageReport(usage));
        out.push_back(ChatEvent::done());
    }
}

} // namespace AiHub::Providers
