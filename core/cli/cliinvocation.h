// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QHash>
#include <QStringList>

namespace AiHub::Cli {

// The aigne-hubd command line, parsed: command words ("provider", "add", "openai") and --options.
struct CliInvocation {
    QStringList words;
    QHash<QString, QString> options; // long option name → value ("" for flags that were given)
    bool help = false;
    bool version = false;

    QString option(const QString &name, const QString &fallback = {}) const { return options.value(name, fallback); }
    bool has(const QString &name) const { return options.contains(name); }

    // Options that take a value; everything else starting with "--" is a flag or an error.
    static Result<CliInvocation> parse(const QStringList &arguments);
    static QString usage();
};

} // namespace AiHub::Cli
