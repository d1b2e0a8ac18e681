// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/cli/cliinvocation.h"
#include "core/cli/clioutput.h"

#include <QObject>

namespace AiHub::Access {
class AccessKeyStore;
}

namespace AiHub::Cli {

// `aigne-hubd key create|list|revoke`.
class KeyCommands final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyCommands)

public:
    KeyCommands(Access::AccessKeyStore &keys, const CliOutput &output, QObject *parent = nullptr);

    // Returns the process exit code.
    int run(const CliInvocation &invocation);

private:
    int create(const CliInvocation &invocation);
    int list(const CliInvocation &invocation);
    int revoke(const CliInvocation &invocation);

    Access::AccessKeyStore &m_keys;
    const CliOutput &m_output;
};

} // namespace AiHub::Cli
