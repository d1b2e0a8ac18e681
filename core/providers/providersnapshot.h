// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/liveprovider.h"

namespace AiHub::Providers {

struct ModelTarget {
    const LiveProvider *provider = nullptr;
    QString upstreamModel; // the provider's own name for the model
};

// An immutable view of all configured providers, shared by the server's worker threads.
class ProviderSnapshot final {
public:
    explicit ProviderSnapshot(QList<LiveProvider> providers = {});

    const QList<LiveProvider> &providers() const { return m_providers; }
    const LiveProvider *find(QStringView name) const;

    // "openai/gpt-4o-mini" → the provider named "openai" (or the only provider of kind openai) and "gpt-4o-mini".
    // A bare model name is matched by its family ("gpt-…" → OpenAI, "claude-…" → Anthropic, ...) when exactly one
    // enabled provider of that kind exists.
    [[nodiscard]] Result<ModelTarget> resolve(const QString &model) const;

private:
    const LiveProvider *onlyEnabledOfKind(ProviderKind kind) const;

    QList<LiveProvider> m_providers;
};

} // namespace AiHub::Providers
