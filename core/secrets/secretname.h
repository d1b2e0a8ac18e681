// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace AiHub::Secrets {

// The input rules every store applies, so a name or value accepted by one store is accepted by all.
class SecretName final {
public:
    static constexpr int MaxNameLength = 256;
    static constexpr int MaxSecretSize = 64 * 1024;

    // InvalidArgument for an empty name, one longer than MaxNameLength, or one with control characters.
    [[nodiscard]] static Status check(const QString &name);
    // InvalidArgument for an empty secret (remove the name instead) or one larger than MaxSecretSize.
    [[nodiscard]] static Status checkSecret(const QByteArray &secret);
};

} // namespace AiHub::Secrets
