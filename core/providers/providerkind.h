// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace AiHub::Providers {

enum class ProviderKind { OpenAI, Anthropic, Bedrock, DeepSeek, Google, Ollama, OpenRouter, XAI };

enum class CredentialType {
    None,         // e.g. a local Ollama
    ApiKey,       // one secret string
    AwsAccessKey, // access key id + secret access key (+ optional session token), signed with SigV4
};

// Static facts about each kind of provider. One table, so adding a provider touches one place.
class ProviderKinds final {
public:
    static QList<ProviderKind> all();
    static QString name(ProviderKind kind); // "openai", "anthropic", ...
    static std::optional<ProviderKind> fromName(const QString &name);
    static QString displayName(ProviderKind kind); // "OpenAI", "Amazon Bedrock", ...
    static CredentialType credentialType(ProviderKind kind);
    // Speaks OpenAI's /chat/completions dialect (with its own quirks).
    static bool isOpenAiCompatible(ProviderKind kind);
    // Default API base URL; for Bedrock the region is filled in.
    static QString defaultBaseUrl(ProviderKind kind, const QString &region = {});
};

} // namespace AiHub::Providers
