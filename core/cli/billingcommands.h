// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/cli/cliinvocation.h"
#include "core/cli/clioutput.h"

#include <QObject>

#include <memory>

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Cli {

// `aigne-hubd billing on|off|show|set`, `rates set|list|history|import` and `credits grant|adjust|balance|history`.
class BillingCommands final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BillingCommands)

public:
    BillingCommands(std::shared_ptr<Storage::Database> database, const CliOutput &output, QObject *parent = nullptr);

    // Returns the process exit code.
    int run(const CliInvocation &invocation);

private:
    int billing(const CliInvocation &invocation);
    int rates(const CliInvocation &invocation);
    int credits(const CliInvocation &invocation);
    int failed(const Error &error);

    std::shared_ptr<Storage::Database> m_database;
    const CliOutput &m_output;
};

} // namespace AiHub::Cli
