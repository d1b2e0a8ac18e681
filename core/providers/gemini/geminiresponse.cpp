// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/gemini/geminiresponse.h"

namespace AiHub::Providers {

namespace {
std::optional<qint64> integer(const nlohmann::ordered_json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer())
        return std::nullopt;
    return it->get<qint64>();
}

std::optional<qint64> sum(std::optional<qint64> a, std::optional<qint64> b)
{
    if (!a && !b)
        return std::nullopt;
    return a.value_or(0) + b.value_or(0);
}
} // namespace

TokenUsage GeminiResponse::usage(const nlohmann::ordered_json &usageMetadata)
{
    TokenUsage out;
    if (!usageMetadata.is_object())
        return out;
    out.inputTokens = sum(integer(usageMetadata, "promptTokenCount"), integer(usageMetadata, "toolUsePromptTokenCount"));
    out.outputTokens = sum(integer(usageMetadata, "candidatesTokenCount"), integer(usageMetadata, "thoughtsTokenCount"));
    out.cacheReadTokens = integer(usageMetadata, "cachedContentTokenCount");
    return out;
}

QString GeminiResponse::finishReason(const std::string &reason, bool calledTools)
{
    if (reason == "MAX_TOKENS")
        return QStringLiteral("length");
    if (reason == "SAFETY" || reason == "RECITATION" || reason == "BLOCKLIST" || reason == "PROHIBITED_CONTENT"
        || reason == "SPII" || reason == "IMAGE_SAFETY" || reason == "IMAGE_PROHIBITED_CONTENT")
        return QStringLiteral("content_filter");
    return calledTools ? QStringLiteral("tool_calls") : QStringLiteral("stop");
}

QString GeminiResponse::modelName(const nlohmann::ordered_json &response)
{
    QString model = string(response, "modelVersion");
    if (model.startsWith(QStringLiteral("models/")))
        model.remove(0, 7);
    return model;
}

QString GeminiResponse::argumentsText(const nlohmann::ordered_json &functionCall)
{
    const auto args = functionCall.find("args");
    if (args == functionCall.end() || args->is_null())
        return QStringLiteral("{}");
    return QString::fromStdString(args->dump());
}

QString GeminiResponse::callId(const nlohmann::ordered_json &functionCall, int n)
{
    const QString own = string(functionCall, "id");
    return own.isEmpty() ? QStringLiteral("call_%1").arg(n) : own;
}

QString GeminiResponse::string(const nlohmann::ordered_json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

} // namespace AiHub::Providers
