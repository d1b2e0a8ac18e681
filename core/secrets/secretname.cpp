// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/secrets/secretname.h"

#include <algorithm>

namespace AiHub::Secrets {

Status SecretName::check(const QString &name)
{
    if (name.isEmpty())
        return fail(
            ErrorCode::InvalidArgument, QStringLiteral("A secret needs a name; the name given was empty."));
    if (name.size() > MaxNameLength)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The secret name is %1 characters long; use at most %2.")
                .arg(name.size())
                .arg(MaxNameLength));
    const bool hasControl = std::any_of(
        name.cbegin(), name.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
    if (hasControl)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The secret name contains control characters; use printable characters only."));
    return {};
}

Status SecretName::checkSecret(const QByteArray &secret)
{
    if (secret.isEmpty())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("An empty secret cannot be stored; remove the entry instead."));
    if (secret.size() > MaxSecretSize)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("The secret is %1 bytes long; at most %2 bytes can be stored.")
                .arg(secret.size())
                .arg(MaxSecretSize));
    return {};
}

} // namespace AiHub::Secrets
