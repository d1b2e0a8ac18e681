// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/openaichunkencoder.h"

#include "core/crypto/securerandom.h"
#include "core/providers/orderedjsonreader.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

using Json = nlohmann::ordered_json;

OpenAiChunkEncoder::OpenAiChunkEncoder(QString model)
    : m_created(QDateTime::currentSecsSinceEpoch())
    , m_model(std::move(model))
{
}

const QByteArray &OpenAiChunkEncoder::id() const
{
    if (!m_hasId) {
        m_id = "chatcmpl-" + Crypto::SecureRandom::bytes(12).toHex();
        m_hasId = true;
    }
    return m_id;
}

void OpenAiChunkEncoder::learnIdentity(const QByteArray &chunkJson)
{
    if (m_identityKnown)
        return;
    m_identityKnown = true;
    const Json c = OrderedJsonReader::parse(chunkJson.constData(), chunkJson.constData() + chunkJson.size());
    if (!c.is_object())
        return;
    if (auto learned = c.find("id"); learned != c.end() && learned->is_string()) {
        m_id = QByteArray::fromStdString(learned->get<std::string>());
        m_hasId = true;
    }
    if (auto created = c.find("created"); created != c.end() && created->is_number_integer())
        m_created = created->get<qint64>();
    if (auto model = c.find("model"); model != c.end() && model->is_string())
        m_model = QString::fromStdString(model->get<std::string>());
}

QByteArray OpenAiChunkEncoder::chunk(const QByteArray &deltaJson, int choice, const QByteArray &finishReason) const
{
    // Built by hand: this runs for every token of every stream.
    QByteArray out;
    out.reserve(160 + deltaJson.size());
    out += "{\"id\":" + QByteArray::fromStdString(Json(id().toStdString()).dump())
        + ",\"object\":\"chat.completion.chunk\",\"created\":" + QByteArray::number(m_created)
        + ",\"model\":" + QByteArray::fromStdString(Json(m_model.toStdString()).dump())
        + ",\"choices\":[{\"index\":" + QByteArray::number(choice) + ",\"delta\":" + deltaJson
        + ",\"finish_reason\":" + (finishReason.isEmpty() ? QByteArray("null") : '"' + finishReason + '"') + "}]}";
    return out;
}

QByteArray OpenAiChunkEncoder::encode(const ChatEvent &event)
{
    auto withRole = [this](Json delta) {
        if (!m_roleSent) {
            Json d { { "role", "assistant" } };
            for (auto it = delta.begin(); it != delta.end(); ++it)
                d[it.key()] = it.value();
            m_roleSent = true;
            return QByteArray::fromStdString(d.dump());
        }
        return QByteArray::fromStdString(delta.dump());
    };
    switch (event.kind) {
    case ChatEvent::Kind::Start:
        if (!event.responseId.isEmpty()) {
            m_id = event.responseId.toUtf8();
            m_hasId = true;
        }
        if (!event.model.isEmpty())
            m_model = event.model;
        m_identityKnown = true;
        return chunk(withRole(Json { { "content", "" } }), event.choiceIndex, {});
    case ChatEvent::Kind::TextDelta:
        return chunk(withRole(Json { { "content", event.text.toStdString() } }), event.choiceIndex, {});
    case ChatEvent::Kind::ReasoningDelta:
        // LiteLLM's thinking_blocks delta, one entry per completed block: {type:"thinking", thinking:"", signature}
        // when a thinking block closes (its text is the reasoning_content streamed since the previous entry), or
        // {type:"redacted_thinking", data} for a redacted block. Several blocks in one answer (interleaved
        // thinking) thus arrive as several entries, in order, and a client rebuilds each with its own signature.
        if (!event.redactedData.isEmpty())
            return chunk(withRole(Json { { "thinking_blocks",
                                           Json::array({ { { "type", "redacted_thinking" },
                                                           { "data", event.redactedData.toStdString() } } }) } }),
                         event.choiceIndex, {});
        if (!event.signature.isEmpty())
            return chunk(withRole(Json { { "thinking_blocks",
                                           Json::array({ { { "type", "thinking" },
                                                           { "thinking", "" },
                                                           { "signature", event.signature.toStdString() } } }) } }),
                         event.choiceIndex, {});
        return chunk(withRole(Json { { "reasoning_content", event.text.toStdString() } }), event.choiceIndex, {});
    case ChatEvent::Kind::ToolCall: {
        Json call { { "index", event.toolCall.index } };
        if (!event.toolCall.id.isEmpty())
            call["id"] = event.toolCall.id.toStdString();
        if (!event.toolCall.id.isEmpty() || !event.toolCall.name.isEmpty())
            call["type"] = "function";
        Json function;
        if (!event.toolCall.name.isEmpty())
            function["name"] = event.toolCall.name.toStdString();
        function["arguments"] = event.toolCall.argumentsDelta.toStdString();
        call["function"] = function;
        if (!event.toolCall.signature.isEmpty()) // as Gemini's own OpenAI-compatible API sends it
            call["extra_content"]["google"]["thought_signature"] = event.toolCall.signature.toStdString();
        return chunk(withRole(Json { { "tool_calls", Json::array({ call }) } }), event.choiceIndex, {});
    }
    case ChatEvent::Kind::Finish:
        return chunk(m_roleSent ? QByteArray("{}") : withRole(Json::object()), event.choiceIndex,
                     event.finishReason.toUtf8());
    default:
        return {};
    }
}

QByteArray OpenAiChunkEncoder::usageChunk(const QByteArray &usageJson) const
{
    return "{\"id\":" + QByteArray::fromStdString(Json(id().toStdString()).dump())
        + ",\"object\":\"chat.completion.chunk\",\"created\":" + QByteArray::number(m_created)
        + ",\"model\":" + QByteArray::fromStdString(Json(m_model.toStdString()).dump())
        + ",\"choices\":[],\"usage\":" + usageJson + "}";
}

} // namespace AiHub::Providers
