// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/cli/admincli.h"

#include "core/access/accesskeystore.h"
#include "core/cli/billingcommands.h"
#include "core/cli/keycommands.h"
#include "core/cli/providercommands.h"
#include "core/hub/hubruntime.h"
#include "core/storage/exitcodes.h"

namespace AiHub::Cli {

AdminCli::AdminCli(CliInvocation invocation, QObject *parent)
    : QObject(parent)
    , m_invocation(std::move(invocation))
{
}

AdminCli::~AdminCli() = default;

void AdminCli::finish(int exitCode)
{
    QMetaObject::invokeMethod(this, [this, exitCode] { Q_EMIT finished(exitCode); }, Qt::QueuedConnection);
}

void AdminCli::start()
{
    if (m_invocation.version) {
        m_output.line(QStringLiteral("aigne-hubd " AIHUB_VERSION));
        finish(0);
        return;
    }
    const QString command = m_invocation.words.value(0);
    if (m_invocation.help || command.isEmpty() || command == QStringLiteral("help")) {
        m_output.line(CliInvocation::usage());
        finish(command.isEmpty() && !m_invocation.help ? int(Storage::ExitCode::Usage) : 0);
        return;
    }
    const bool billing = command == QStringLiteral("billing") || command == QStringLiteral("rates")
        || command == QStringLiteral("credits");
    if (command != QStringLiteral("key") && command != QStringLiteral("provider") && !billing) {
        m_output.error(tr("Unknown command \"%1\". Run `aigne-hubd --help` for the list.").arg(command));
        finish(int(Storage::ExitCode::Usage));
        return;
    }
    m_runtime = std::make_unique<Hub::HubRuntime>(
        Hub::HubRuntime::Options { m_invocation.option(QStringLiteral("data-dir")),
                                   m_invocation.option(QStringLiteral("secret-store")) });
    if (auto opened = m_runtime->openDatabase(); !opened) {
        m_output.error(opened.error().message);
        finish(int(Storage::exitCodeFor(opened.error().code)));
        return;
    }
    if (billing) {
        BillingCommands commands(m_runtime->database(), m_output);
        finish(commands.run(m_invocation));
        return;
    }
    if (command == QStringLiteral("key")) {
        auto keyStore = Access::AccessKeyStore::open(m_runtime->database());
        if (!keyStore) {
            m_output.error(keyStore.error().message);
            finish(int(Storage::exitCodeFor(keyStore.error().code)));
            return;
        }
        m_keys = std::move(*keyStore);
        KeyCommands keys(*m_keys, m_output);
        finish(keys.run(m_invocation));
        return;
    }
    m_runtime->openSecrets([this](Status opened) {
        if (!opened) {
            m_output.error(opened.error().message);
            finish(int(Storage::exitCodeFor(opened.error().code)));
            return;
        }
        runProviderCommand();
    });
}

void AdminCli::runProviderCommand()
{
    m_providers = std::make_unique<ProviderCommands>(*m_runtime, m_output, m_input);
    connect(m_providers.get(), &ProviderCommands::finished, this, &AdminCli::finish);
    if (m_invocation.words.value(1) == QStringLiteral("add") || m_invocation.words.value(2) == QStringLiteral("add"))
        m_output.message(m_runtime->secretStoreSentence());
    m_providers->run(m_invocation);
}

} // namespace AiHub::Cli
