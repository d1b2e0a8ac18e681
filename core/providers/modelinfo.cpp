// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/modelinfo.h"

namespace AiHub::Providers {

ModelInfo::Type ModelInfo::typeFromName(const QString &name)
{
    if (name == QStringLiteral("chat"))
        return Type::Chat;
    if (name == QStringLiteral("embedding"))
        return Type::Embedding;
    if (name == QStringLiteral("image"))
        return Type::Image;
    return Type::Unknown;
}

} // namespace AiHub::Providers
