// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/ollama/ollamamessage.h"

namespace AiHub::Providers {

namespace {
std::optional<qint64> integer(const nlohmann::ordered_json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer())
        return std::nullopt;
    return it->get<qint64>();
}
} // namespace

TokenUsage OllamaMessage::usage(const nlohmann::ordered_json &response)
{
    TokenUsage out;
    if (!response.is_object())
        return out;
    out.inputTokens = integer(response, "prompt_eval_count");
    out.outputTokens = integer(response, "eval_count");
    return out;
}

QString OllamaMessage::finishReason(const nlohmann::ordered_json &response, bool calledTools)
{
    if (string(response, "done_reason") == QStringLiteral("length"))
        return QStringLiteral("length");
    return calledTools ? QStringLiteral("tool_calls") : QStringLiteral("stop");
}

ToolCall OllamaMessage::toolCall(const nlohmann::ordered_json &entry, int n)
{
    ToolCall call;
    call.id = string(entry, "id");
    if (call.id.isEmpty())
        call.id = QStringLiteral("call_%1").arg(n);
    const auto function = entry.find("function");
    if (function == entry.end() || !function->is_object())
        return call;
    call.name = string(*function, "name");
    const auto args = function->find("arguments");
    if (args == function->end() || args->is_null())
        call.arguments = QStringLiteral("{}");
    else if (args->is_string()) // already JSON text
        call.arguments = QString::fromStdString(args->get<std::string>());
    else
        call.arguments = QString::fromStdString(args->dump());
    return call;
}

QString OllamaMessage::string(const nlohmann::ordered_json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

} // namespace AiHub::Providers
