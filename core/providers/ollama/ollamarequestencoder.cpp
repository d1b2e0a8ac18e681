// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/ollama/ollamarequestencoder.h"

#include <QLoggingCategory>

namespace AiHub::Providers {

namespace {
Q_LOGGING_CATEGORY(lcOllama, "aihub.providers.ollama")

using Json = nlohmann::ordered_json;

std::unexpected<Error> invalid(const QString &message)
{
    return fail(ErrorCode::InvalidArgument, message);
}

Json parseObject(const QByteArray &text)
{
    return Json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
}

const char *roleName(ChatMessage::Role role)
{
    switch (role) {
    case ChatMessage::Role::System: return "system";
    case ChatMessage::Role::User: return "user";
    case ChatMessage::Role::Assistant: return "assistant";
    case ChatMessage::Role::Tool: return "tool";
    }
    return "user";
}

QString toolNameFor(const QList<ChatMessage> &messages, qsizetype before, const ChatMessage &result)
{
    if (!result.name.isEmpty())
        return result.name;
    for (qsizetype i = before - 1; i >= 0; --i) {
        for (const ToolCall &call : messages.at(i).toolCalls) {
            if (call.id == result.toolCallId)
                return call.name;
        }
    }
    return {};
}
} // namespace

Result<nlohmann::ordered_json> OllamaRequestEncoder::encode(const ChatRequest &request, bool stream,
                                                            const QString &providerLabel)
{
    if (request.n && *request.n > 1)
        return invalid(QStringLiteral("%1 returns one choice per request (n = %2 asked). Ask for one choice.")
                           .arg(providerLabel)
                           .arg(*request.n));
    Json messages = Json::array();
    for (qsizetype i = 0; i < request.messages.size(); ++i) {
        const ChatMessage &message = request.messages.at(i);
        Json out { { "role", roleName(message.role) }, { "content", message.text().toStdString() } };
        Json images = Json::array();
        for (const ContentPart &part : message.content) {
            if (part.type != ContentPart::Type::Image)
                continue;
            if (!part.imageData.isEmpty()) {
                images.push_back(part.imageData.toBase64().toStdString());
                continue;
            }
            const qsizetype comma = part.imageUrl.indexOf(u',');
            if (part.imageUrl.startsWith(QStringLiteral("data:")) && comma > 0
                && part.imageUrl.left(comma).endsWith(QStringLiteral(";base64"))) {
                images.push_back(part.imageUrl.mid(comma + 1).toStdString());
                continue;
            }
            return invalid(QStringLiteral("%1 takes images as data, not as links (%2). Send the image inline as a "
                                          "base64 data: URL.")
                               .arg(providerLabel, part.imageUrl.left(100)));
        }
        if (!images.empty())
            out["images"] = std::move(images);
        if (message.role == ChatMessage::Role::Assistant && !message.reasoning.isEmpty())
            out["thinking"] = message.reasoning.toStdString();
        if (!message.toolCalls.isEmpty()) {
            Json calls = Json::array();
            for (const ToolCall &call : message.toolCalls) {
                // Ollama wants the arguments as an object, not as OpenAI's JSON text.
                const QByteArray text = call.arguments.trimmed().isEmpty() ? QByteArray("{}") : call.arguments.toUtf8();
                Json args = parseObject(text);
                if (!args.is_object())
                    return invalid(QStringLiteral("The arguments of tool call \"%1\" (%2) are not a JSON object; %3 "
                                                  "needs an object. Send the arguments as a JSON object text.")
                                       .arg(call.id, call.name, providerLabel));
                calls.push_back(Json { { "function", { { "name", call.name.toStdString() }, { "arguments", std::move(args) } } } });
            }
            out["tool_calls"] = std::move(calls);
        }
        if (message.role == ChatMessage::Role::Tool) {
            const QString name = toolNameFor(request.messages, i, message);
            if (!name.isEmpty())
                out["tool_name"] = name.toStdString();
        }
        messages.push_back(std::move(out));
    }
    Json body { { "model", request.model.toStdString() }, { "messages", std::move(messages) }, { "stream", stream } };

    bool sendTools = !request.tools.isEmpty();
    if (request.toolChoice && sendTools) {
        switch (request.toolChoice->mode) {
        case ToolChoice::Mode::Auto: break;
        case ToolChoice::Mode::None: sendTools = false; break; // no tools offered: none can be called
        case ToolChoice::Mode::Required:
        case ToolChoice::Mode::Named:
            return invalid(QStringLiteral("%1 cannot be made to call a tool (tool_choice \"%2\"). Use tool_choice "
                                          "\"auto\", or say in the prompt which tool to call.")
                               .arg(providerLabel, request.toolChoice->mode == ToolChoice::Mode::Named
                                                       ? request.toolChoice->name
                                                       : QStringLiteral("required")));
        }
    }
    if (sendTools) {
        Json tools = Json::array();
        for (const ToolDefinition &tool : request.tools) {
            Json function { { "name", tool.name.toStdString() }, { "description", tool.description.toStdString() } };
            if (!tool.parameters.isEmpty()) {
                Json parameters = parseObject(tool.parameters);
                if (!parameters.is_object())
                    return invalid(QStringLiteral("The parameters of tool \"%1\" are not a JSON schema object. Fix the "
                                                  "tool definition.")
                                       .arg(tool.name));
                function["parameters"] = std::move(parameters);
            }
            tools.push_back(Json { { "type", "function" }, { "function", std::move(function) } });
        }
        body["tools"] = std::move(tools);
    }

    if (request.responseFormat.type == ResponseFormat::Type::JsonObject) {
        body["format"] = "json";
    } else if (request.responseFormat.type == ResponseFormat::Type::JsonSchema) {
        Json schema = parseObject(request.responseFormat.schema);
        if (!schema.is_object())
            return invalid(QStringLiteral("The response_format JSON schema is not a JSON object, so %1 cannot enforce "
                                          "it. Send the schema as an object.")
                               .arg(providerLabel));
        body["format"] = std::move(schema);
    }

    Json options = Json::object();
    if (request.temperature)
        options["temperature"] = *request.temperature;
    if (request.topP)
        options["top_p"] = *request.topP;
    if (request.topK)
        options["top_k"] = *request.topK;
    if (request.maxTokens)
        options["num_predict"] = *request.maxTokens;
    if (!request.stop.isEmpty()) {
        Json stops = Json::array();
        for (const QString &s : request.stop)
            stops.push_back(s.toStdString());
        options["stop"] = std::move(stops);
    }
    if (request.seed)
        options["seed"] = *request.seed;
    if (request.presencePenalty)
        options["presence_penalty"] = *request.presencePenalty;
    if (request.frequencyPenalty)
        options["frequency_penalty"] = *request.frequencyPenalty;
    if (!options.empty())
        body["options"] = std::move(options);

    if (!request.reasoningEffort.isEmpty())
        qCInfo(lcOllama) << "reasoning_effort is not sent to Ollama (not every model can think)";
    if (!request.user.isEmpty())
        qCInfo(lcOllama) << "Ollama takes no end-user id; \"user\" is dropped";
    return body;
}

} // namespace AiHub::Providers
