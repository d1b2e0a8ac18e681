// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/aignecompletionsformat.h"

#include "core/providers/openaichatformat.h"

namespace AiHub::Providers {

using Json = nlohmann::ordered_json;

namespace {
std::unexpected<Error> invalid(const QString &message) { return fail(ErrorCode::InvalidArgument, message); }

// Renames the camelCase keys this format uses to OpenAI's, keeping only the keys the format defines.
Json messageToOpenAi(const Json &m)
{
    Json out = Json::object();
    if (!m.is_object())
        return m;
    for (const char *key : { "role", "name" }) {
        if (m.contains(key))
            out[key] = m[key];
    }
    if (m.contains("content")) {
        const Json &content = m["content"];
        if (content.is_array()) {
            Json parts = Json::array();
            for (const Json &part : content) {
                if (part.is_object() && part.value("type", std::string()) == "image_url") {
                    Json p { { "type", "image_url" } };
                    p["image_url"] = part.value("imageUrl", Json::object());
                    parts.push_back(std::move(p));
                } else {
                    parts.push_back(part);
                }
            }
            out["content"] = std::move(parts);
        } else {
            out["content"] = content;
        }
    }
    if (m.contains("toolCalls"))
        out["tool_calls"] = m["toolCalls"];
    if (m.contains("toolCallId"))
        out["tool_call_id"] = m["toolCallId"];
    return out;
}
} // namespace

Result<ChatRequest> AigneCompletionsFormat::parseRequest(const Json &body)
{
    if (!body.is_object())
        return invalid(QStringLiteral("The request body must be a JSON object such as {\"model\": "
                                      "\"openai/gpt-5-mini\", \"messages\": [{\"role\": \"user\", \"content\": "
                                      "\"Hello\"}]}."));
    const bool hasPrompt = body.contains("prompt");
    const bool hasMessages = body.contains("messages");
    if (hasPrompt == hasMessages)
        return invalid(QStringLiteral("Send exactly one of \"prompt\" (a string) and \"messages\" (an array)."));
    Json openAi = Json::object();
    const std::string model = body.value("model", std::string());
    openAi["model"] = model.empty() ? std::string(kDefaultModel) : model;
    if (hasPrompt) {
        if (!body["prompt"].is_string() || body["prompt"].get<std::string>().empty())
            return invalid(QStringLiteral("\"prompt\" must be a non-empty string."));
        openAi["messages"] = Json::array({ Json { { "role", "user" }, { "content", body["prompt"] } } });
    } else {
        if (!body["messages"].is_array() || body["messages"].empty())
            return invalid(QStringLiteral("\"messages\" must be a non-empty array of {\"role\", \"content\"}."));
        openAi["messages"] = Json::array();
        int index = 0;
        for (const Json &m : body["messages"]) {
            if (m.is_object() && m.value("role", std::string()) == "tool" && !m.contains("toolCallId"))
                return invalid(QStringLiteral("messages[%1] is a tool result without \"toolCallId\"; name the tool "
                                              "call it answers.")
                                   .arg(index));
            openAi["messages"].push_back(messageToOpenAi(m));
            ++index;
        }
    }
    static const std::pair<const char *, const char *> renames[] = {
        { "stream", "stream" },
        { "temperature", "temperature" },
        { "topP", "top_p" },
        { "presencePenalty", "presence_penalty" },
        { "frequencyPenalty", "frequency_penalty" },
        { "maxTokens", "max_tokens" },
        { "tools", "tools" },
        { "toolChoice", "tool_choice" },
    };
    for (const auto &[from, to] : renames) {
        if (body.contains(from))
            openAi[to] = body[from];
    }
    // Only a JSON schema is passed on; every other format means plain text, as on the real hub.
    if (const auto format = body.find("responseFormat"); format != body.end() && format->is_object()
        && format->value("type", std::string()) == "json_schema") {
        Json f { { "type", "json_schema" } };
        f["json_schema"] = format->value("jsonSchema", Json::object());
        openAi["response_format"] = std::move(f);
    }
    return OpenAiChatFormat::parseRequest(openAi);
}

Json AigneCompletionsFormat::encodeToolCalls(const QList<ToolCall> &calls)
{
    Json out = Json::array();
    for (const ToolCall &c : calls) {
        Json call;
        call["id"] = c.id.toStdString();
        call["type"] = "function";
        call["function"]["name"] = c.name.toStdString();
        call["function"]["arguments"] = c.arguments.toStdString();
        out.push_back(std::move(call));
    }
    return out;
}

Json AigneCompletionsFormat::encodeResult(const ChatResult &result)
{
    Json out;
    out["role"] = "assistant";
    out["text"] = result.text.toStdString();
    out["content"] = result.text.toStdString();
    if (!result.toolCalls.isEmpty())
        out["toolCalls"] = encodeToolCalls(result.toolCalls);
    return out;
}

Json AigneCompletionsFormat::deltaChunk(const QString &content, const QList<ToolCall> &calls)
{
    Json chunk;
    chunk["delta"]["role"] = "assistant";
    chunk["delta"]["content"] = content.toStdString();
    chunk["delta"]["toolCalls"] = encodeToolCalls(calls);
    return chunk;
}

Json AigneCompletionsFormat::usageChunk(const TokenUsage &usage)
{
    const qint64 prompt = usage.inputTokens.value_or(0);
    const qint64 completion = usage.outputTokens.value_or(0);
    Json chunk;
    chunk["usage"] = Json { { "promptTokens", prompt }, { "completionTokens", completion },
                            { "totalTokens", prompt + completion } };
    return chunk;
}

} // namespace AiHub::Providers
