// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/providerkind.h"

namespace AiHub::Providers {

namespace {
struct KindInfo {
    ProviderKind kind;
    const char *name;
    const char *displayName;
    CredentialType credential;
    bool openAiCompatible;
    const char *baseUrl;
};

// Base URLs are the providers' documented API roots; the hub appends the endpoint path.
constexpr KindInfo kKinds[] = {
    { ProviderKind::OpenAI, "openai", "OpenAI", CredentialType::ApiKey, true, "https://api.openai.com/v1" },
    { ProviderKind::Anthropic, "anthropic", "Anthropic", CredentialType::ApiKey, false, "https://api.anthropic.com" },
    { ProviderKind::Bedrock, "bedrock", "Amazon Bedrock", CredentialType::AwsAccessKey, false,
      "https://bedrock-runtime.%1.amazonaws.com" },
    { ProviderKind::DeepSeek, "deepseek", "DeepSeek", CredentialType::ApiKey, true, "https://api.deepseek.com" },
    { ProviderKind::Google, "google", "Google Gemini", CredentialType::ApiKey, false,
      "https://generativelanguage.googleapis.com/v1beta" },
    { ProviderKind::Ollama, "ollama", "Ollama", CredentialType::None, false, "http://127.0.0.1:11434" },
    { ProviderKind::OpenRouter, "openrouter", "OpenRouter", CredentialType::ApiKey, true,
      "https://openrouter.ai/api/v1" },
    { ProviderKind::XAI, "xai", "xAI", CredentialType::ApiKey, true, "https://api.x.ai/v1" },
};

const KindInfo &info(ProviderKind kind)
{
    for (const KindInfo &k : kKinds) {
        if (k.kind == kind)
            return k;
    }
    return kKinds[0];
}
} // namespace

QList<ProviderKind> ProviderKinds::all()
{
    QList<ProviderKind> out;
    for (const KindInfo &k : kKinds)
        out.append(k.kind);
    return out;
}

QString ProviderKinds::name(ProviderKind kind) { return QString::fromLatin1(info(kind).name); }

std::optional<ProviderKind> ProviderKinds::fromName(const QString &name)
{
    for (const KindInfo &k : kKinds) {
        if (name.compare(QLatin1StringView(k.name), Qt::CaseInsensitive) == 0)
            return k.kind;
    }
    return std::nullopt;
}

QString ProviderKinds::displayName(ProviderKind kind) { return QString::fromUtf8(info(kind).displayName); }

CredentialType ProviderKinds::credentialType(ProviderKind kind) { return info(kind).credential; }

bool ProviderKinds::isOpenAiCompatible(ProviderKind kind) { return info(kind).openAiCompatible; }

QString ProviderKinds::defaultBaseUrl(ProviderKind kind, const QString &region)
{
    const QString url = QString::fromLatin1(info(kind).baseUrl);
    if (kind == ProviderKind::Bedrock)
        return url.arg(region.isEmpty() ? QStringLiteral("us-east-1") : region);
    return url;
}

} // namespace AiHub::Providers
