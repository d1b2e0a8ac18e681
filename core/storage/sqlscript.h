// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QString>
#include <QStringList>

namespace AiHub::Storage {

// Splits a migration file into single statements, because the Qt drivers run one statement per exec().
// Knows '...' and "..." quoting, -- and /* */ comments, and the BEGIN ... END body of CREATE TRIGGER.
class SqlScript final {
public:
    // Statements without their terminating ';', trimmed; comment-only pieces are dropped.
    static QStringList split(const QString &script);
};

} // namespace AiHub::Storage
