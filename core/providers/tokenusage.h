// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QtGlobal>

#include <optional>

namespace AiHub::Providers {

// Token counts exactly as the provider reported them. An empty optional means "not reported", never zero.
struct TokenUsage {
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<qint64> cacheReadTokens;
    std::optional<qint64> cacheWriteTokens;

    bool reported() const { return inputTokens.has_value() || outputTokens.has_value(); }
};

} // namespace AiHub::Providers
