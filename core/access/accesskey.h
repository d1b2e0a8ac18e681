// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace AiHub::Access {

// What a hub access key may do: admins manage the hub, users only call the AI APIs.
enum class Role { Admin, User };

QString roleName(Role role);                          // "admin" | "user"
std::optional<Role> parseRole(QStringView name);      // exact, lower-case names only

// A hub access key as the hub knows it. The secret is not here: only its SHA-256 is stored.
struct AccessKeyInfo {
    qint64 id = 0;                        // row id in access_keys (usage_records.access_key_id)
    QString keyId;                        // the public 12-character part of the token, used for lookup
    QString name;                         // unique among active keys
    Role role = Role::User;
    QString account;                      // who is billed; defaults to the name
    qint64 createdAtMs = 0;               // milliseconds since the Unix epoch (UTC)
    std::optional<qint64> lastUsedAtMs;   // last successful verify, flushed every few seconds
    std::optional<qint64> revokedAtMs;

    bool isRevoked() const { return revokedAtMs.has_value(); }
};

// The result of creating a key: the token is shown once and never stored.
struct CreatedAccessKey {
    AccessKeyInfo info;
    QString token; // ahk_<keyId>_<secret>
};

} // namespace AiHub::Access
