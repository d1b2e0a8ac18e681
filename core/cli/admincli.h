// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/cli/cliinvocation.h"
#include "core/cli/clioutput.h"
#include "core/cli/secretinput.h"

#include <QObject>

#include <memory>

namespace AiHub::Hub {
class HubRuntime;
}
namespace AiHub::Access {
class AccessKeyStore;
}

namespace AiHub::Cli {

class ProviderCommands;

// Runs one admin command (everything but `serve`): opens what the command needs, runs it, reports the exit code.
class AdminCli final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminCli)

public:
    explicit AdminCli(CliInvocation invocation, QObject *parent = nullptr);
    ~AdminCli() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void finish(int exitCode);
    void runProviderCommand();

    CliInvocation m_invocation;
    CliOutput m_output;
    SecretInput m_input;
    std::unique_ptr<Hub::HubRuntime> m_runtime;
    std::unique_ptr<Access::AccessKeyStore> m_keys;
    std::unique_ptr<ProviderCommands> m_providers;
};

} // namespace AiHub::Cli
