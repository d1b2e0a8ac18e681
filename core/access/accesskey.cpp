// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/access/accesskey.h"

using namespace Qt::StringLiterals;

namespace AiHub::Access {

QString roleName(Role role)
{
    switch (role) {
    case Role::Admin: return u"admin"_s;
    case Role::User: return u"user"_s;
    }
    return u"user"_s;
}

std::optional<Role> parseRole(QStringView name)
{
    if (name == u"admin")
        return Role::Admin;
    if (name == u"user")
        return Role::User;
    return std::nullopt;
}

} // namespace AiHub::Access
