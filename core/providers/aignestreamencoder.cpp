// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/aignestreamencoder.h"

namespace AiHub::Providers {

using Json = nlohmann::ordered_json;

AigneStreamEncoder::AigneStreamEncoder(ResponseFormat format)
    : m_format(std::move(format))
{
}

QByteArray AigneStreamEncoder::jsonChunk(const Json &fields)
{
    Json chunk;
    chunk["delta"]["json"] = fields;
    return QByteArray::fromStdString(chunk.dump());
}

QByteArray AigneStreamEncoder::textChunk(const char *key, const QString &fragment)
{
    Json chunk;
    chunk["delta"]["text"][key] = fragment.toStdString();
    return QByteArray::fromStdString(chunk.dump());
}

QList<QByteArray> AigneStreamEncoder::encode(const ChatEvent &event)
{
    QList<QByteArray> out;
    if (event.choiceIndex != 0)
        return out; // the framework has no notion of several choices
    switch (event.kind) {
    case ChatEvent::Kind::Start:
        if (!event.model.isEmpty() && !m_modelSent) {
            m_modelSent = true;
            m_result.model = event.model;
            Json fields;
            fields["model"] = event.model.toStdString();
            out.append(jsonChunk(fields));
        }
        break;
    case ChatEvent::Kind::TextDelta:
        m_result.text += event.text;
        if (!AigneChatFormat::wantsJson(m_format) && !event.text.isEmpty())
            out.append(textChunk("text", event.text));
        break;
    case ChatEvent::Kind::ReasoningDelta:
        m_result.reasoning += event.text;
        if (!event.text.isEmpty())
            out.append(textChunk("thoughts", event.text));
        break;
    case ChatEvent::Kind::ToolCall: {
        ToolCall &call = m_toolCalls[event.toolCall.index];
        if (!event.toolCall.id.isEmpty())
            call.id = event.toolCall.id;
        if (!event.toolCall.name.isEmpty())
            call.name = event.toolCall.name;
        call.arguments += event.toolCall.argumentsDelta;
        break;
    }
    case ChatEvent::Kind::Finish:
        m_result.finishReason = event.finishReason;
        break;
    case ChatEvent::Kind::Chunk:
    case ChatEvent::Kind::Usage:
    case ChatEvent::Kind::Error:
    case ChatEvent::Kind::Done:
        break;
    }
    return out;
}

QList<QByteArray> AigneStreamEncoder::finish(const TokenUsage &usage, const AigneOutputExtras &extras)
{
    QList<QByteArray> out;
    m_result.usage = usage;
    m_result.toolCalls = m_toolCalls.values();
    Json usageFields;
    usageFields["usage"] = AigneChatFormat::encodeUsage(usage, nullptr);
    out.append(jsonChunk(usageFields));
    const Json output = AigneChatFormat::encodeOutput(m_result, m_format, extras);
    if (output.contains("toolCalls") || output.contains("json")) {
        Json fields;
        if (output.contains("json"))
            fields["json"] = output["json"];
        if (output.contains("toolCalls"))
            fields["toolCalls"] = output["toolCalls"];
        out.append(jsonChunk(fields));
    }
    out.append(jsonChunk(output));
    return out;
}

} // namespace AiHub::Providers
