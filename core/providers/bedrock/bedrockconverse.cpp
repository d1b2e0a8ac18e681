// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/bedrock/bedrockconverse.h"

#include <QLoggingCategory>

namespace AiHub::Providers {

Q_LOGGING_CATEGORY(lcBedrock, "aihub.providers.bedrock")

namespace {
using Json = nlohmann::ordered_json;

std::string str(const QString &s) { return s.toStdString(); }

std::unexpected<Error> invalid(const QString &message) { return fail(ErrorCode::InvalidArgument, message); }

// Converse image formats: png | jpeg | gif | webp.
std::optional<std::string> imageFormat(const QString &mimeType)
{
    const QString m = mimeType.toLower();
    if (m == u"image/png")
        return "png";
    if (m == u"image/jpeg" || m == u"image/jpg")
        return "jpeg";
    if (m == u"image/gif")
        return "gif";
    if (m == u"image/webp")
        return "webp";
    return std::nullopt;
}

Result<Json> imageBlock(const ContentPart &part)
{
    QByteArray data = part.imageData;
    QString mime = part.mimeType;
    if (data.isEmpty() && part.imageUrl.startsWith(u"data:")) {
        // data:<mime>;base64,<bytes>
        const qsizetype comma = part.imageUrl.indexOf(u',');
        const QString meta = part.imageUrl.mid(5, comma - 5);
        if (comma < 0 || !meta.endsWith(u";base64"))
            return invalid(QStringLiteral("An image data URL is not base64-encoded; send it as data:<type>;base64,..."));
        mime = meta.chopped(7);
        data = QByteArray::fromBase64(part.imageUrl.mid(comma + 1).toLatin1());
    }
    if (data.isEmpty())
        return invalid(QStringLiteral("Amazon Bedrock takes images as inline bytes only, not URLs; send the image "
                                      "as a base64 data: URL instead."));
    const auto format = imageFormat(mime);
    if (!format)
        return invalid(QStringLiteral("Amazon Bedrock accepts PNG, JPEG, GIF and WebP images, not \"%1\".").arg(mime));
    Json block;
    block["image"]["format"] = *format;
    block["image"]["source"]["bytes"] = data.toBase64().toStdString();
    return block;
}

Json parseArguments(const QString &arguments)
{
    const std::string text = arguments.toStdString();
    Json input = Json::parse(text, nullptr, false);
    // toolUse.input must be a JSON object.
    return input.is_object() ? input : Json::object();
}

Json toolResultBlock(const ChatMessage &message)
{
    Json content = Json::array();
    for (const ContentPart &part : message.content) {
        if (part.type == ContentPart::Type::Text && !part.text.isEmpty())
            content.push_back({ { "text", str(part.text) } });
    }
    if (content.empty())
        content.push_back({ { "text", "" } });
    Json block;
    block["toolResult"]["toolUseId"] = str(message.toolCallId);
    block["toolResult"]["content"] = std::move(content);
    return block;
}

// Anthropic models on Bedrock take extended thinking through additionalModelRequestFields.
std::optional<int> thinkingBudget(const ChatRequest &request)
{
    if (request.reasoningEffort.isEmpty() || !request.model.contains(u"anthropic.claude"))
        return std::nullopt;
    if (request.reasoningEffort == u"low")
        return 1024;
    if (request.reasoningEffort == u"high")
        return 16384;
    return 4096;
}
} // namespace

Result<nlohmann::ordered_json> BedrockConverse::encodeRequest(const ChatRequest &request)
{
    if (request.n.value_or(1) > 1)
        return invalid(QStringLiteral("Amazon Bedrock returns one answer per request; n must be 1."));
    if (request.responseFormat.type != ResponseFormat::Type::Text)
        return invalid(QStringLiteral("Amazon Bedrock's Converse API cannot enforce response_format; remove it and "
                                      "ask for JSON in the prompt, or use a tool with a schema."));
    if (request.topK)
        qCInfo(lcBedrock) << "top_k dropped: Converse has no common field for it";
    if (request.seed || request.presencePenalty || request.frequencyPenalty || !request.user.isEmpty())
        qCInfo(lcBedrock) << "seed / presence_penalty / frequency_penalty / user dropped: Converse does not take them";

    Json body;
    Json system = Json::array();
    Json messages = Json::array();
    bool historyHasTools = false;
    auto append = [&messages](const char *role, Json blocks) {
        if (blocks.empty())
            return;
        // Converse wants user and assistant turns to alternate: merge neighbours of the same role.
        if (!messages.empty() && messages.back()["role"] == role) {
            for (auto &b : blocks)
                messages.back()["content"].push_back(std::move(b));
            return;
        }
        messages.push_back({ { "role", role }, { "content", std::move(blocks) } });
    };
    for (const ChatMessage &m : request.messages) {
        Json blocks = Json::array();
        switch (m.role) {
        case ChatMessage::Role::System:
            for (const ContentPart &part : m.content) {
                if (part.type == ContentPart::Type::Text && !part.text.isEmpty())
                    system.push_back({ { "text", str(part.text) } });
            }
            continue;
        case ChatMessage::Role::Tool:
            historyHasTools = true;
            append("user", Json::array({ toolResultBlock(m) }));
            continue;
        case ChatMessage::Role::Assistant:
            // Each reasoning block whole and in order, first (Claude on Bedrock checks every block's signature).
            for (const ThinkingBlock &b : m.thinkingBlocks) {
                Json reasoning;
                if (b.isRedacted()) {
                    reasoning["reasoningContent"]["redactedContent"] = b.redactedData.toStdString(); // base64 blob
                } else {
                    reasoning["reasoningContent"]["reasoningText"]["text"] = str(b.thinking);
                    if (!b.signature.isEmpty())
                        reasoning["reasoningContent"]["reasoningText"]["signature"] = b.signature.toStdString();
                }
                blocks.push_back(std::move(reasoning));
            }
            if (m.thinkingBlocks.isEmpty() && !m.reasoning.isEmpty()) {
                Json reasoning;
                reasoning["reasoningContent"]["reasoningText"]["text"] = str(m.reasoning);
                blocks.push_back(std::move(reasoning));
            }
            [[fallthrough]];
        case ChatMessage::Role::User:
            for (const ContentPart &part : m.content) {
                if (part.type == ContentPart::Type::Text) {
                    if (!part.text.isEmpty()) // Converse rejects blank text blocks
                        blocks.push_back({ { "text", str(part.text) } });
                } else {
                    auto image = imageBlock(part);
                    if (!image)
                        return std::unexpected(image.error());
                    blocks.push_back(std::move(*image));
                }
            }
            for (const ToolCall &call : m.toolCalls) {
                historyHasTools = true;
                Json use;
                use["toolUse"]["toolUseId"] = str(call.id);
                use["toolUse"]["name"] = str(call.name);
                use["toolUse"]["input"] = parseArguments(call.arguments);
                blocks.push_back(std::move(use));
            }
            append(m.role == ChatMessage::Role::User ? "user" : "assistant", std::move(blocks));
            break;
        }
    }
    if (messages.empty())
        return invalid(QStringLiteral("The request has no user or assistant message to send to Amazon Bedrock."));
    body["messages"] = std::move(messages);
    body["system"] = std::move(system);

    Json inference = Json::object();
    if (request.maxTokens)
        inference["maxTokens"] = *request.maxTokens;
    if (request.temperature)
        inference["temperature"] = *request.temperature;
    if (request.topP)
        inference["topP"] = *request.topP;
    if (!request.stop.isEmpty()) {
        Json stops = Json::array();
        for (const QString &s : request.stop)
            stops.push_back(str(s));
        inference["stopSequences"] = std::move(stops);
    }
    body["inferenceConfig"] = std::move(inference);

    const bool toolsOff = request.toolChoice && request.toolChoice->mode == ToolChoice::Mode::None;
    // Converse has no "none" choice; leaving the tools out does the same, unless the history uses them
    // (Converse then insists on a toolConfig).
    if (!request.tools.isEmpty() && (!toolsOff || historyHasTools)) {
        Json tools = Json::array();
        for (const ToolDefinition &tool : request.tools) {
            Json spec;
            spec["name"] = str(tool.name);
            if (!tool.description.isEmpty())
                spec["description"] = str(tool.description);
            Json schema = tool.parameters.isEmpty()
                ? Json::object()
                : Json::parse(tool.parameters.constData(), tool.parameters.constData() + tool.parameters.size(),
                              nullptr, false);
            if (schema.is_discarded() || !schema.is_object())
                return invalid(QStringLiteral("The parameters of tool \"%1\" are not a JSON Schema object.").arg(tool.name));
            if (schema.empty())
                schema = Json { { "type", "object" }, { "properties", Json::object() } };
            spec["inputSchema"]["json"] = std::move(schema);
            tools.push_back({ { "toolSpec", std::move(spec) } });
        }
        body["toolConfig"]["tools"] = std::move(tools);
        if (toolsOff)
            qCInfo(lcBedrock) << "tool_choice none: tools kept because the history uses them";
        if (request.toolChoice && !toolsOff) {
            switch (request.toolChoice->mode) {
            case ToolChoice::Mode::Auto:
                body["toolConfig"]["toolChoice"] = { { "auto", Json::object() } };
                break;
            case ToolChoice::Mode::Required:
                body["toolConfig"]["toolChoice"] = { { "any", Json::object() } };
                break;
            case ToolChoice::Mode::Named:
                body["toolConfig"]["toolChoice"] = { { "tool", { { "name", str(request.toolChoice->name) } } } };
                break;
            case ToolChoice::Mode::None:
                break;
            }
        }
    } else if (request.toolChoice && request.toolChoice->mode != ToolChoice::Mode::Auto
               && request.toolChoice->mode != ToolChoice::Mode::None) {
        return invalid(QStringLiteral("tool_choice asks for a tool but the request defines none."));
    }
    if (const auto budget = thinkingBudget(request)) {
        body["additionalModelRequestFields"]["thinking"] = { { "type", "enabled" }, { "budget_tokens", *budget } };
    } else if (!request.reasoningEffort.isEmpty()) {
        qCInfo(lcBedrock) << "reasoning_effort dropped: only Anthropic models on Bedrock take a thinking budget";
    }
    return body;
}

QString BedrockConverse::finishReason(const std::string &stopReason)
{
    if (stopReason == "max_tokens" || stopReason == "model_context_window_exceeded")
        return QStringLiteral("length");
    if (stopReason == "tool_use")
        return QStringLiteral("tool_calls");
    if (stopReason == "content_filtered" || stopReason == "guardrail_intervened")
        return QStringLiteral("content_filter");
    return QStringLiteral("stop"); // end_turn, stop_sequence
}

TokenUsage BedrockConverse::usage(const nlohmann::json &usage)
{
    TokenUsage out;
    if (!usage.is_object())
        return out;
    auto take = [&usage](const char *key) -> std::optional<qint64> {
        const auto it = usage.find(key);
        if (it == usage.end() || !it->is_number_integer())
            return std::nullopt;
        return it->get<qint64>();
    };
    out.inputTokens = take("inputTokens");
    out.outputTokens = take("outputTokens");
    out.cacheReadTokens = take("cacheReadInputTokens");
    out.cacheWriteTokens = take("cacheWriteInputTokens");
    return out;
}

} // namespace AiHub::Providers
