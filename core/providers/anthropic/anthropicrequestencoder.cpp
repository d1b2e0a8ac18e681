// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/anthropic/anthropicrequestencoder.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace AiHub::Providers {

Q_LOGGING_CATEGORY(lcAnthropicEncoder, "aihub.providers.anthropic")

namespace {
using Json = nlohmann::ordered_json;

std::string str(const QString &s)
{
    return s.toStdString();
}

// Anthropic takes JPEG, PNG, GIF and WebP; inline bytes without a MIME type are recognised by their magic.
QString sniffImageType(const QByteArray &bytes)
{
    if (bytes.startsWith("\x89PNG"))
        return u"image/png"_s;
    if (bytes.startsWith("\xFF\xD8\xFF"))
        return u"image/jpeg"_s;
    if (bytes.startsWith("GIF8"))
        return u"image/gif"_s;
    if (bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return u"image/webp"_s;
    return {};
}

Result<Json> imageBlock(const ContentPart &part, const QString &who)
{
    Json source;
    if (!part.imageData.isEmpty()) {
        const QString mime = part.mimeType.isEmpty() ? sniffImageType(part.imageData) : part.mimeType;
        if (mime.isEmpty())
            return fail(ErrorCode::InvalidArgument,
                        u"An image sent to %1 has no MIME type and is not JPEG, PNG, GIF or WebP; send one of those "
                        "formats."_s.arg(who));
        source = { { "type", "base64" }, { "media_type", str(mime) },
                   { "data", part.imageData.toBase64().toStdString() } };
    } else if (part.imageUrl.startsWith(u"data:"_s, Qt::CaseInsensitive)) {
        // data:[<mime>][;base64],<payload>
        const qsizetype comma = part.imageUrl.indexOf(u',');
        if (comma < 0)
            return fail(ErrorCode::InvalidArgument,
                        u"An image data: URL sent to %1 has no comma before its data; send "
                        "data:<type>;base64,<data>."_s.arg(who));
        const QString header = part.imageUrl.mid(5, comma - 5);
        const QByteArray payload = part.imageUrl.mid(comma + 1).toLatin1();
        const bool base64 = header.endsWith(u";base64"_s, Qt::CaseInsensitive);
        const QByteArray bytes = base64 ? QByteArray::fromBase64(payload) : QByteArray::fromPercentEncoding(payload);
        QString mime = header.section(u';', 0, 0).trimmed().toLower();
        if (mime.isEmpty())
            mime = sniffImageType(bytes);
        if (mime.isEmpty() || bytes.isEmpty())
            return fail(ErrorCode::InvalidArgument,
                        u"An image data: URL sent to %1 has no image type or no data; send "
                        "data:image/png;base64,<data> (JPEG, PNG, GIF or WebP)."_s.arg(who));
        source = { { "type", "base64" }, { "media_type", str(mime) },
                   { "data", base64 ? payload.trimmed().toStdString() : bytes.toBase64().toStdString() } };
    } else if (part.imageUrl.startsWith(u"http://"_s, Qt::CaseInsensitive)
               || part.imageUrl.startsWith(u"https://"_s, Qt::CaseInsensitive)) {
        source = { { "type", "url" }, { "url", str(part.imageUrl) } };
    } else {
        return fail(ErrorCode::InvalidArgument,
                    u"%1 takes images as http(s) URLs, data: URLs or inline bytes; \"%2\" is none of these."_s.arg(
                        who, part.imageUrl.left(40)));
    }
    return Json { { "type", "image" }, { "source", std::move(source) } };
}

// Text and image blocks of a user (or tool result) message; empty text parts are left out, as Anthropic rejects
// empty text blocks.
Result<Json> contentBlocks(const ChatMessage &message, const QString &who)
{
    Json blocks = Json::array();
    for (const ContentPart &part : message.content) {
        if (part.type == ContentPart::Type::Text) {
            if (!part.text.isEmpty())
                blocks.push_back({ { "type", "text" }, { "text", str(part.text) } });
            continue;
        }
        if (message.role == ChatMessage::Role::Assistant)
            return fail(ErrorCode::InvalidArgument,
                        u"%1 takes images only in user messages and tool results, not in assistant messages."_s.arg(
                            who));
        auto image = imageBlock(part, who);
        if (!image)
            return std::unexpected(image.error());
        blocks.push_back(std::move(*image));
    }
    return blocks;
}

Result<Json> parseJsonText(const QByteArray &text, const QString &what, const QString &who)
{
    Json value = Json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    if (value.is_discarded() || !value.is_object())
        return fail(ErrorCode::InvalidArgument,
                    u"%1 for %2 is not a JSON object; send a JSON object."_s.arg(what, who));
    return value;
}

Result<Json> assistantBlocks(const ChatMessage &message, const QString &who)
{
    Json blocks = Json::array();
    // Every thinking block goes back whole, in order, before text and tool_use (Anthropic checks each block's
    // signature, and interleaved thinking gives one turn several). Anthropic only accepts thinking it signed
    // itself; unsigned reasoning (from another provider) is dropped.
    bool dropped = message.thinkingBlocks.isEmpty() && !message.reasoning.isEmpty();
    for (const ThinkingBlock &b : message.thinkingBlocks) {
        if (b.isRedacted())
            blocks.push_back({ { "type", "redacted_thinking" }, { "data", b.redactedData.toStdString() } });
        else if (!b.signature.isEmpty())
            blocks.push_back({ { "type", "thinking" }, { "thinking", str(b.thinking) },
                               { "signature", b.signature.toStdString() } });
        else
            dropped = true;
    }
    if (dropped)
        qCInfo(lcAnthropicEncoder) << "dropping assistant reasoning without an Anthropic signature";
    auto content = contentBlocks(message, who);
    if (!content)
        return content;
    for (auto &block : *content)
        blocks.push_back(std::move(block));
    for (const ToolCall &call : message.toolCalls) {
        Json input = Json::object();
        if (!call.arguments.trimmed().isEmpty()) {
            auto parsed = parseJsonText(call.arguments.toUtf8(),
                                        u"The arguments of the tool call \"%1\" (%2)"_s.arg(call.name, call.id), who);
            if (!parsed)
                return parsed;
            input = std::move(*parsed);
        }
        blocks.push_back({ { "type", "tool_use" }, { "id", str(call.id) }, { "name", str(call.name) },
                           { "input", std::move(input) } });
    }
    return blocks;
}

Result<Json> toolResultBlock(const ChatMessage &message, const QString &who)
{
    if (message.toolCallId.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    u"A tool result sent to %1 does not say which tool call it answers; set tool_call_id."_s.arg(who));
    auto content = contentBlocks(message, who);
    if (!content)
        return content;
    Json block = { { "type", "tool_result" }, { "tool_use_id", str(message.toolCallId) } };
    bool textOnly = true;
    for (const auto &part : *content)
        textOnly = textOnly && part["type"] == "text";
    if (textOnly)
        block["content"] = str(message.text());
    else
        block["content"] = std::move(*content);
    return block;
}

Result<Json> encodeMessages(const QList<ChatMessage> &messages, Json &system, const QString &who)
{
    Json out = Json::array();
    QStringList systemTexts;
    for (const ChatMessage &message : messages) {
        Result<Json> blocks = Json::array();
        const char *role = "user";
        switch (message.role) {
        case ChatMessage::Role::System:
            if (const QString text = message.text(); !text.isEmpty())
                systemTexts.append(text);
            continue;
        case ChatMessage::Role::User: blocks = contentBlocks(message, who); break;
        case ChatMessage::Role::Assistant:
            role = "assistant";
            blocks = assistantBlocks(message, who);
            break;
        case ChatMessage::Role::Tool: {
            auto block = toolResultBlock(message, who);
            if (!block)
                return block;
            blocks->push_back(std::move(*block));
            break;
        }
        }
        if (!blocks)
            return blocks;
        if (blocks->empty())
            continue; // Anthropic rejects messages without content
        if (!out.empty() && out.back()["role"] == role) {
            for (auto &block : *blocks)
                out.back()["content"].push_back(std::move(block));
        } else {
            out.push_back({ { "role", role }, { "content", std::move(*blocks) } });
        }
    }
    // The short form for plain text, as Anthropic's own examples write it.
    for (auto &message : out) {
        Json &content = message["content"];
        if (content.size() == 1 && content[0]["type"] == "text")
            content = Json(content[0]["text"]);
    }
    if (!systemTexts.isEmpty())
        system = str(systemTexts.join(u"\n\n"_s));
    return out;
}

Result<Json> encodeTools(const QList<ToolDefinition> &tools, const QString &who)
{
    Json out = Json::array();
    for (const ToolDefinition &tool : tools) {
        Json entry = { { "name", str(tool.name) } };
        if (!tool.description.isEmpty())
            entry["description"] = str(tool.description);
        if (tool.parameters.trimmed().isEmpty()) {
            entry["input_schema"] = { { "type", "object" }, { "properties", Json::object() } };
        } else {
            auto schema = parseJsonText(tool.parameters, u"The parameters schema of the tool \"%1\""_s.arg(tool.name),
                                        who);
            if (!schema)
                return schema;
            entry["input_schema"] = std::move(*schema);
        }
        out.push_back(std::move(entry));
    }
    return out;
}

std::optional<qint64> thinkingBudget(const QString &effort)
{
    if (effort == u"minimal"_s || effort == u"low"_s)
        return 1024; // Anthropic's minimum budget
    if (effort == u"medium"_s)
        return 4096;
    if (effort == u"high"_s)
        return 16384;
    return std::nullopt;
}
} // namespace

Result<nlohmann::ordered_json> AnthropicRequestEncoder::encode(const ChatRequest &request, bool stream,
                                                               const QString &providerLabel)
{
    const QString &who = providerLabel;
    if (request.responseFormat.type != ResponseFormat::Type::Text) {
        // Anthropic has no JSON mode; asking for JSON in a prompt would not guarantee it, so say so instead.
        return fail(ErrorCode::InvalidArgument,
                    u"%1 has no JSON response mode, so response_format \"%2\" cannot be honoured. Leave "
                    "response_format out and ask for JSON in the prompt, or use a provider with JSON mode."_s.arg(
                        who, request.responseFormat.type == ResponseFormat::Type::JsonSchema ? u"json_schema"_s
                                                                                             : u"json_object"_s));
    }
    if (request.n && *request.n > 1)
        return fail(ErrorCode::InvalidArgument,
                    u"%1 returns one answer per request; n = %2 cannot be honoured. Send n = 1 (or leave it out) and "
                    "repeat the request for more answers."_s.arg(who).arg(*request.n));

    Json body;
    body["model"] = str(request.model);
    std::optional<qint64> budget;
    if (!request.reasoningEffort.isEmpty()) {
        budget = thinkingBudget(request.reasoningEffort);
        if (!budget)
            qCInfo(lcAnthropicEncoder) << "dropping unknown reasoning_effort" << request.reasoningEffort;
    }
    qint64 maxTokens = request.maxTokens.value_or(DefaultMaxTokens + budget.value_or(0));
    if (budget && *budget >= maxTokens) {
        // The thinking budget counts against max_tokens and must stay below it.
        budget = maxTokens - 1;
        if (*budget < 1024)
            return fail(ErrorCode::InvalidArgument,
                        u"%1 needs max_tokens above 1024 to reason (reasoning_effort \"%2\"); raise max_tokens or "
                        "leave reasoning_effort out."_s.arg(who, request.reasoningEffort));
    }
    body["max_tokens"] = maxTokens;

    Json system;
    auto messages = encodeMessages(request.messages, system, who);
    if (!messages)
        return messages;
    if (!system.is_null())
        body["system"] = std::move(system);
    body["messages"] = std::move(*messages);

    if (!request.tools.isEmpty()) {
        auto tools = encodeTools(request.tools, who);
        if (!tools)
            return tools;
        body["tools"] = std::move(*tools);
        Json choice;
        if (request.toolChoice) {
            switch (request.toolChoice->mode) {
            case ToolChoice::Mode::Auto: choice = { { "type", "auto" } }; break;
            case ToolChoice::Mode::Required: choice = { { "type", "any" } }; break;
            case ToolChoice::Mode::None: choice = { { "type", "none" } }; break;
            case ToolChoice::Mode::Named: choice = { { "type", "tool" }, { "name", str(request.toolChoice->name) } }; break;
            }
        }
        if (!request.parallelToolCalls && (choice.is_null() || choice["type"] != "none")) {
            if (choice.is_null())
                choice = { { "type", "auto" } };
            choice["disable_parallel_tool_use"] = true;
        }
        if (!choice.is_null())
            body["tool_choice"] = std::move(choice);
    }

    if (!request.stop.isEmpty()) {
        Json stops = Json::array();
        for (const QString &stop : request.stop)
            stops.push_back(str(stop));
        body["stop_sequences"] = std::move(stops);
    }
    if (request.temperature)
        body["temperature"] = *request.temperature;
    if (request.topP)
        body["top_p"] = *request.topP;
    if (request.topK)
        body["top_k"] = *request.topK;
    if (budget)
        body["thinking"] = { { "type", "enabled" }, { "budget_tokens", *budget } };
    if (!request.user.isEmpty())
        body["metadata"] = { { "user_id", str(request.user) } };
    if (request.seed || request.presencePenalty || request.frequencyPenalty)
        qCInfo(lcAnthropicEncoder) << "dropping seed / presence_penalty / frequency_penalty: Anthropic has none";
    body["stream"] = stream;
    return body;
}

} // namespace AiHub::Providers
