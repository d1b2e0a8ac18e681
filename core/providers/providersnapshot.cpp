// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/providersnapshot.h"

namespace AiHub::Providers {

namespace {
std::optional<ProviderKind> kindOfModelFamily(const QString &model)
{
    struct Family {
        const char *prefix;
        ProviderKind kind;
    };
    static constexpr Family families[] = {
        { "gpt-", ProviderKind::OpenAI },          { "o1", ProviderKind::OpenAI },
        { "o3", ProviderKind::OpenAI },            { "o4", ProviderKind::OpenAI },
        { "dall-e", ProviderKind::OpenAI },        { "text-embedding-", ProviderKind::OpenAI },
        { "chatgpt-", ProviderKind::OpenAI },      { "claude-", ProviderKind::Anthropic },
        { "gemini-", ProviderKind::Google },       { "imagen-", ProviderKind::Google },
        { "deepseek-", ProviderKind::DeepSeek },   { "grok-", ProviderKind::XAI },
    };
    for (const Family &f : families) {
        if (model.startsWith(QLatin1StringView(f.prefix), Qt::CaseInsensitive))
            return f.kind;
    }
    return std::nullopt;
}

std::unexpected<Error> unknownModel(const QString &model, const QString &why)
{
    return fail(ErrorCode::NotFound,
                QStringLiteral("The model \"%1\" cannot be routed: %2. Name it as \"<provider>/<model>\", for example "
                               "\"openai/gpt-4o-mini\"; GET /v1/models lists what this hub offers.")
                    .arg(model, why));
}
} // namespace

ProviderSnapshot::ProviderSnapshot(QList<LiveProvider> providers)
    : m_providers(std::move(providers))
{
}

const LiveProvider *ProviderSnapshot::find(QStringView name) const
{
    for (const LiveProvider &p : m_providers) {
        if (p.config.name == name)
            return &p;
    }
    return nullptr;
}

const LiveProvider *ProviderSnapshot::onlyEnabledOfKind(ProviderKind kind) const
{
    const LiveProvider *found = nullptr;
    for (const LiveProvider &p : m_providers) {
        if (p.config.kind != kind || !p.config.enabled)
            continue;
        if (found)
            return nullptr; // ambiguous
        found = &p;
    }
    return found;
}

Result<ModelTarget> ProviderSnapshot::resolve(const QString &model) const
{
    if (model.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The request has no \"model\"; name one, for example "
                                                               "\"openai/gpt-4o-mini\"."));
    const qsizetype slash = model.indexOf(u'/');
    if (slash > 0) {
        const QString prefix = model.left(slash);
        const QString rest = model.mid(slash + 1);
        const LiveProvider *provider = find(prefix);
        if (!provider) {
            if (auto kind = ProviderKinds::fromName(prefix))
                provider = onlyEnabledOfKind(*kind);
        }
        if (provider) {
            if (rest.isEmpty())
                return unknownModel(model, QStringLiteral("the model part after \"/\" is empty"));
            if (!provider->config.enabled)
                return fail(ErrorCode::NotFound,
                            QStringLiteral("The provider \"%1\" is disabled; enable it in Providers to use \"%2\".")
                                .arg(provider->config.name, model));
            return ModelTarget { provider, rest };
        }
    }
    if (auto kind = kindOfModelFamily(model)) {
        if (const LiveProvider *provider = onlyEnabledOfKind(*kind))
            return ModelTarget { provider, model };
    }
    if (slash > 0)
        return unknownModel(model, QStringLiteral("no provider named \"%1\" is configured").arg(model.left(slash)));
    return unknownModel(model, QStringLiteral("it names no provider"));
}

} // namespace AiHub::Providers
