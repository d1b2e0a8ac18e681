// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/cli/cliinvocation.h"
#include "core/cli/clioutput.h"
#include "core/providers/providerconfig.h"

#include <QObject>

#include <functional>
#include <memory>

namespace AiHub::Hub {
class HubRuntime;
}
namespace AiHub::Hub {
class ProviderAdmin;
}

namespace AiHub::Cli {

class SecretInput;

// `aigne-hubd provider add|list|remove|test` and `provider credential add|list|remove`. Secrets go to the secret
// store first and the database only learns where they are, so a failure never leaves a credential without its
// secret in the database.
class ProviderCommands final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderCommands)

public:
    ProviderCommands(Hub::HubRuntime &runtime, const CliOutput &output, SecretInput &input,
                     QObject *parent = nullptr);
    ~ProviderCommands() override;

    // Asynchronous: finished() carries the exit code.
    void run(const CliInvocation &invocation);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void add(const CliInvocation &inv);
    void list();
    void remove(const CliInvocation &inv);
    void test(const CliInvocation &inv);
    void credential(const CliInvocation &inv);
    void addCredential(const Providers::ProviderConfig &provider, const CliInvocation &inv, bool providerIsNew);
    Hub::ProviderAdmin *admin();
    void finishWithError(const Error &error);
    void finishUsage(const QString &message);

    Hub::HubRuntime &m_runtime;
    const CliOutput &m_output;
    SecretInput &m_input;
    Hub::ProviderAdmin *m_admin = nullptr;
};

} // namespace AiHub::Cli
