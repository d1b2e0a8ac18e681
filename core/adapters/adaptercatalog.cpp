// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/adapters/adaptercatalog.h"

#include "core/providers/anthropic/anthropicadapter.h"
#include "core/providers/bedrock/bedrockadapter.h"
#include "core/providers/gemini/geminiadapter.h"
#include "core/providers/ollama/ollamaadapter.h"
#include "core/providers/openaicompatibleadapter.h"

namespace AiHub::Providers {

const IProviderAdapter *AdapterCatalog::forKind(ProviderKind kind)
{
    static const OpenAiCompatibleAdapter openAiCompatible;
    static const GeminiAdapter gemini;
    static const OllamaAdapter ollama;
    static const AnthropicAdapter anthropic;
    static const BedrockAdapter bedrock;
    if (kind == ProviderKind::Anthropic)
        return &anthropic;
    if (kind == ProviderKind::Bedrock)
        return &bedrock;
    if (kind == ProviderKind::Google)
        return &gemini;
    if (kind == ProviderKind::Ollama)
        return &ollama;
    if (ProviderKinds::isOpenAiCompatible(kind))
        return &openAiCompatible;
    return nullptr;
}

} // namespace AiHub::Providers
