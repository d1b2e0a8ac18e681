// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/bedrock/bedrockstreamdecoder.h"

#include "core/providers/bedrock/bedrockconverse.h"
#include "core/providers/bedrock/bedrockerrors.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

namespace {
QString stringAt(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

qint64 intAt(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<qint64>() : 0;
}

const nlohmann::json *objectAt(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it != object.end() && it->is_object() ? &*it : nullptr;
}
} // namespace

BedrockStreamDecoder::BedrockStreamDecoder(QString who, QString providerName)
    : m_who(std::move(who))
    , m_providerName(std::move(providerName))
{
}

void BedrockStreamDecoder::feed(const QByteArray &bytes, std::vector<ChatEvent> &out)
{
    if (m_failed)
        return;
    QList<EventStreamMessage> messages;
    const Status status = m_frames.feed(bytes, messages);
    for (const EventStreamMessage &m : std::as_const(messages)) {
        if (m_failed)
            return;
        onMessage(m, out);
    }
    if (!status) {
        Error e = status.error();
        e.message = QStringLiteral("%1 sent a damaged answer stream: %2").arg(m_who, e.message);
        failWith(e, out);
    }
}

void BedrockStreamDecoder::finish(std::vector<ChatEvent> &out)
{
    if (m_failed)
        return;
    if (m_frames.hasPendingBytes() || !m_sawStop) {
        failWith(Error::make(ErrorCode::UpstreamProtocol,
                             QStringLiteral("%1 ended the answer stream before the answer was complete. Try again.")
                                 .arg(m_who)),
                 out);
        return;
    }
    out.push_back(ChatEvent::done());
}

void BedrockStreamDecoder::failWith(Error error, std::vector<ChatEvent> &out)
{
    m_failed = true;
    error.provider = m_providerName;
    out.push_back(ChatEvent::failure(error));
}

int BedrockStreamDecoder::toolIndexFor(qint64 blockIndex)
{
    const auto it = m_toolIndexByBlock.constFind(blockIndex);
    if (it != m_toolIndexByBlock.cend())
        return it.value();
    const int index = int(m_toolIndexByBlock.size());
    m_toolIndexByBlock.insert(blockIndex, index);
    return index;
}

void BedrockStreamDecoder::onMessage(const EventStreamMessage &message, std::vector<ChatEvent> &out)
{
    const QByteArray messageType = message.stringHeader(":message-type");
    if (messageType == "event") {
        onEvent(message.stringHeader(":event-type"), message.payload, out);
        return;
    }
    BedrockErrors::AwsError aws;
    if (messageType == "exception") {
        // e.g. :exception-type throttlingException, payload {"message": "..."}
        aws = BedrockErrors::parseBody(message.payload);
        aws.type = BedrockErrors::exceptionTypeName(message.stringHeader(":exception-type"));
    } else if (messageType == "error") {
        aws.type = QString::fromUtf8(message.stringHeader(":error-code"));
        aws.message = QString::fromUtf8(message.stringHeader(":error-message"));
    } else {
        return; // unknown message types carry nothing we use
    }
    Error e = BedrockErrors::map(m_who, m_providerName, BedrockErrors::statusForType(aws.type), aws, -1);
    e.message = QStringLiteral("During the answer: %1").arg(e.message);
    failWith(e, out);
}

void BedrockStreamDecoder::onEvent(const QByteArray &type, const QByteArray &payload, std::vector<ChatEvent> &out)
{
    const nlohmann::json json = nlohmann::json::parse(payload.constData(), payload.constData() + payload.size(),
                                                      nullptr, false);
    if (!json.is_object()) {
        failWith(Error::make(ErrorCode::UpstreamProtocol,
                             QStringLiteral("%1 sent a stream event that is not JSON; try again, and report it if "
                                            "it keeps happening")
                                 .arg(m_who)),
                 out);
        return;
    }
    // Every payload also carries a random "p" padding field; it is never read.
    if (type == "messageStart") {
        out.push_back(ChatEvent::start({}, {}));
    } else if (type == "contentBlockStart") {
        const nlohmann::json *start = objectAt(json, "start");
        const nlohmann::json *toolUse = start ? objectAt(*start, "toolUse") : nullptr;
        if (toolUse) {
            ToolCallDelta delta;
            delta.index = toolIndexFor(intAt(json, "contentBlockIndex"));
            delta.id = stringAt(*toolUse, "toolUseId");
            delta.name = stringAt(*toolUse, "name");
            out.push_back(ChatEvent::toolCallDelta(delta));
        }
    } else if (type == "contentBlockDelta") {
        const nlohmann::json *delta = objectAt(json, "delta");
        if (!delta)
            return;
        if (const auto text = delta->find("text"); text != delta->end() && text->is_string()) {
            out.push_back(ChatEvent::textDelta(QString::fromStdString(text->get<std::string>())));
        } else if (const nlohmann::json *toolUse = objectAt(*delta, "toolUse")) {
            ToolCallDelta d;
            d.index = toolIndexFor(intAt(json, "contentBlockIndex"));
            d.argumentsDelta = stringAt(*toolUse, "input");
            out.push_back(ChatEvent::toolCallDelta(d));
        } else if (const nlohmann::json *reasoning = objectAt(*delta, "reasoningContent")) {
            // The signature (closing a block) and redactedContent (a whole redacted block) travel on to be sent
            // back next turn.
            const QString text = stringAt(*reasoning, "text");
            if (!text.isEmpty())
                out.push_back(ChatEvent::reasoningDelta(text));
            if (const QString signature = stringAt(*reasoning, "signature"); !signature.isEmpty())
                out.push_back(ChatEvent::reasoningSignature(signature.toUtf8()));
            if (const QString redacted = stringAt(*reasoning, "redactedContent"); !redacted.isEmpty())
                out.push_back(ChatEvent::redactedReasoning(redacted.toUtf8()));
        }
    } else if (type == "messageStop") {
        m_sawStop = true;
        out.push_back(ChatEvent::finish(BedrockConverse::finishReason(stringAt(json, "stopReason").toStdString())));
    } else if (type == "metadata") {
        const auto usage = json.find("usage");
        if (usage != json.end()) {
            const TokenUsage u = BedrockConverse::usage(*usage);
            if (u.reported())
                out.push_back(ChatEvent::usageReport(u));
        }
    }
    // contentBlockStop and unknown event types carry nothing to relay.
}

} // namespace AiHub::Providers
