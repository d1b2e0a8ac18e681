// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/credentialsecret.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

QByteArray CredentialSecret::toBytes() const
{
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    if (!apiKey.isEmpty())
        j["apiKey"] = apiKey.toStdString();
    if (!secretAccessKey.isEmpty())
        j["secretAccessKey"] = secretAccessKey.toStdString();
    if (!sessionToken.isEmpty())
        j["sessionToken"] = sessionToken.toStdString();
    return QByteArray::fromStdString(j.dump());
}

Result<CredentialSecret> CredentialSecret::fromBytes(const QByteArray &bytes)
{
    const nlohmann::ordered_json j = nlohmann::ordered_json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr,
                                                   false);
    if (!j.is_object())
        return fail(ErrorCode::SecretStoreUnavailable,
                    QStringLiteral("a stored provider credential is unreadable; remove and add the credential again"));
    auto str = [&j](const char *key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
    };
    return CredentialSecret { str("apiKey"), str("secretAccessKey"), str("sessionToken") };
}

} // namespace AiHub::Providers
