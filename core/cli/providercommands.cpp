// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/cli/providercommands.h"

#include "core/cli/secretinput.h"
#include "core/hub/hubruntime.h"
#include "core/hub/provideradmin.h"
#include "core/providers/providerstore.h"
#include "core/secrets/isecretstore.h"
#include "core/storage/exitcodes.h"

namespace AiHub::Cli {

using Providers::CredentialInfo;
using Providers::CredentialSecret;
using Providers::CredentialType;
using Providers::ProviderConfig;
using Providers::ProviderKinds;
using Providers::ProviderStore;

ProviderCommands::ProviderCommands(Hub::HubRuntime &runtime, const CliOutput &output, SecretInput &input,
                                   QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_output(output)
    , m_input(input)
{
}

ProviderCommands::~ProviderCommands() = default;

Hub::ProviderAdmin *ProviderCommands::admin()
{
    if (!m_admin)
        m_admin = new Hub::ProviderAdmin(m_runtime.database(), m_runtime.secrets(), this);
    return m_admin;
}

void ProviderCommands::finishWithError(const Error &error)
{
    m_output.error(error.message);
    Q_EMIT finished(int(Storage::exitCodeFor(error.code)));
}

void ProviderCommands::finishUsage(const QString &message)
{
    m_output.error(message);
    Q_EMIT finished(int(Storage::ExitCode::Usage));
}

void ProviderCommands::run(const CliInvocation &inv)
{
    const QString sub = inv.words.value(1);
    if (sub == QStringLiteral("add"))
        add(inv);
    else if (sub == QStringLiteral("list"))
        list();
    else if (sub == QStringLiteral("remove"))
        remove(inv);
    else if (sub == QStringLiteral("test"))
        test(inv);
    else if (sub == QStringLiteral("credential"))
        credential(inv);
    else
        finishUsage(tr("Unknown provider command \"%1\". Run `aigne-hubd --help` for the list.").arg(sub));
}

void ProviderCommands::add(const CliInvocation &inv)
{
    const QString kindName = inv.words.value(2);
    const auto kind = ProviderKinds::fromName(kindName);
    if (!kind) {
        QStringList kinds;
        for (auto k : ProviderKinds::all())
            kinds.append(ProviderKinds::name(k));
        finishUsage(tr("Say which kind of provider to add: one of %1.").arg(kinds.join(QStringLiteral(", "))));
        return;
    }
    ProviderConfig config;
    config.kind = *kind;
    config.name = inv.option(QStringLiteral("name"), ProviderKinds::name(*kind));
    config.baseUrl = inv.option(QStringLiteral("base-url"));
    config.region = inv.option(QStringLiteral("region"));
    if (*kind == Providers::ProviderKind::Bedrock && config.region.isEmpty()) {
        finishUsage(tr("Amazon Bedrock needs a region, e.g. --region us-east-1."));
        return;
    }
    if (auto valid = Hub::ProviderAdmin::validate(config); !valid) {
        finishUsage(valid.error().message);
        return;
    }
    if (Providers::ProviderStore(m_runtime.database()).find(config.name)) {
        finishUsage(tr("A provider named \"%1\" already exists; choose another --name, or add a credential to it "
                       "with `aigne-hubd provider credential add %1`.")
                        .arg(config.name));
        return;
    }
    // Ask for the secret before anything is written, so a cancelled prompt leaves nothing behind.
    if (ProviderKinds::credentialType(*kind) == CredentialType::None) {
        admin()->addProvider(config, std::nullopt, [this, config](Result<ProviderConfig> added) {
            if (!added)
                return finishWithError(added.error());
            m_output.message(tr("Added provider \"%1\" (%2) at %3; it needs no credential.")
                                 .arg(config.name, ProviderKinds::displayName(config.kind), added->effectiveBaseUrl()));
            Q_EMIT finished(0);
        });
        return;
    }
    addCredential(config, inv, true);
}

void ProviderCommands::addCredential(const ProviderConfig &provider, const CliInvocation &inv, bool providerIsNew)
{
    const CredentialType type = ProviderKinds::credentialType(provider.kind);
    const QString display = ProviderKinds::displayName(provider.kind);
    CredentialInfo info;
    info.label = inv.option(QStringLiteral("label"), QStringLiteral("default"));
    bool weightOk = true;
    info.weight = inv.option(QStringLiteral("weight"), QStringLiteral("1")).toInt(&weightOk);
    if (!weightOk || info.weight < 0) {
        finishUsage(tr("--weight must be a whole number of 0 or more."));
        return;
    }
    CredentialSecret secret;
    if (type == CredentialType::AwsAccessKey) {
        info.accessKeyId = inv.option(QStringLiteral("access-key-id"));
        if (info.accessKeyId.isEmpty()) {
            finishUsage(tr("Amazon Bedrock needs --access-key-id ID; the secret access key is read from standard "
                           "input or asked for."));
            return;
        }
        const QStringList values = m_input.read({ tr("Secret access key for %1: ").arg(info.accessKeyId),
                                                  tr("Session token (optional, Enter to skip): ") });
        secret.secretAccessKey = values.value(0);
        secret.sessionToken = values.value(1);
    } else {
        secret.apiKey = m_input.read({ tr("API key for %1 (%2): ").arg(provider.name, display) }).value(0);
    }
    if (secret.primary().isEmpty()) {
        finishUsage(m_input.isInteractive()
                        ? tr("No secret was entered; nothing was saved.")
                        : tr("No secret arrived on standard input; pipe it in, e.g. `printf '%s' \"$KEY\" | "
                             "aigne-hubd provider add %1`. Nothing was saved.")
                              .arg(ProviderKinds::name(provider.kind)));
        return;
    }
    auto report = [this, provider, providerIsNew](const CredentialInfo &saved) {
        m_output.message(tr("%1 provider \"%2\" (%3) with credential \"%4\" (%5), kept in the %6.")
                             .arg(providerIsNew ? tr("Added") : tr("Updated"), provider.name,
                                  ProviderKinds::displayName(provider.kind), saved.label, saved.masked,
                                  m_runtime.secrets()->description()));
        Q_EMIT finished(0);
    };
    Hub::ProviderAdmin::NewCredential credential { info, secret };
    if (providerIsNew) {
        admin()->addProvider(provider, credential, [this, report, label = info.label](Result<ProviderConfig> added) {
            if (!added)
                return finishWithError(added.error());
            for (const CredentialInfo &c : std::as_const(added->credentials)) {
                if (c.label == label)
                    return report(c);
            }
            report(CredentialInfo {});
        });
        return;
    }
    admin()->addCredential(provider.name, credential, [this, report](Result<CredentialInfo> added) {
        if (!added)
            return finishWithError(added.error());
        report(*added);
    });
}

void ProviderCommands::list()
{
    auto providers = ProviderStore(m_runtime.database()).list();
    if (!providers) {
        finishWithError(providers.error());
        return;
    }
    if (providers->isEmpty()) {
        m_output.message(tr("No providers yet. Add one with `aigne-hubd provider add openai` (the API key is read "
                            "from standard input)."));
        Q_EMIT finished(0);
        return;
    }
    for (const ProviderConfig &p : std::as_const(*providers)) {
        m_output.line(QStringLiteral("%1  %2  %3%4")
                          .arg(p.name, -16)
                          .arg(ProviderKinds::name(p.kind), -10)
                          .arg(p.effectiveBaseUrl())
                          .arg(p.enabled ? QString() : tr("  (disabled)")));
        for (const CredentialInfo &c : p.credentials) {
            m_output.line(QStringLiteral("    %1  %2  %3  %4%5")
                              .arg(c.label, -12)
                              .arg(c.accessKeyId.isEmpty() ? c.masked : c.accessKeyId + u' ' + c.masked, -24)
                              .arg(tr("weight %1").arg(c.weight), -10)
                              .arg(c.secretStore)
                              .arg(c.enabled ? QString() : tr("  (disabled)")));
        }
    }
    Q_EMIT finished(0);
}

void ProviderCommands::remove(const CliInvocation &inv)
{
    const QString name = inv.words.value(2);
    if (name.isEmpty()) {
        finishUsage(tr("Name the provider to remove: `aigne-hubd provider remove NAME`."));
        return;
    }
    admin()->removeProvider(name, [this, name](Result<QStringList> warnings) {
        if (!warnings)
            return finishWithError(warnings.error());
        for (const QString &p : std::as_const(*warnings))
            m_output.message(tr("warning: %1").arg(p));
        m_output.message(tr("Removed provider \"%1\" and its credentials.").arg(name));
        Q_EMIT finished(0);
    });
}

void ProviderCommands::test(const CliInvocation &inv)
{
    const QString name = inv.words.value(2);
    if (name.isEmpty()) {
        finishUsage(tr("Name the provider to test: `aigne-hubd provider test NAME`."));
        return;
    }
    admin()->test(name, inv.option(QStringLiteral("label")), [this, name](Result<Hub::ProviderAdmin::TestOutcome> r) {
        if (!r)
            return finishWithError(r.error());
        m_output.line(tr("OK: %1 accepted the credential (HTTP %2, %3 s).")
                          .arg(name)
                          .arg(r->httpStatus)
                          .arg(r->seconds, 0, 'f', 2));
        Q_EMIT finished(0);
    });
}

void ProviderCommands::credential(const CliInvocation &inv)
{
    const QString action = inv.words.value(2);
    const QString name = inv.words.value(3);
    if (name.isEmpty()) {
        finishUsage(tr("Name the provider: `aigne-hubd provider credential %1 NAME`.")
                        .arg(action.isEmpty() ? QStringLiteral("add") : action));
        return;
    }
    ProviderStore store(m_runtime.database());
    auto provider = store.find(name);
    if (!provider) {
        finishWithError(provider.error());
        return;
    }
    if (action == QStringLiteral("add")) {
        if (ProviderKinds::credentialType(provider->kind) == CredentialType::None) {
            finishUsage(tr("%1 providers need no credential.").arg(ProviderKinds::displayName(provider->kind)));
            return;
        }
        addCredential(*provider, inv, false);
    } else if (action == QStringLiteral("list")) {
        for (const CredentialInfo &c : std::as_const(provider->credentials)) {
            m_output.line(QStringLiteral("%1  %2  %3  %4")
                              .arg(c.label, -12)
                              .arg(c.accessKeyId.isEmpty() ? c.masked : c.accessKeyId + u' ' + c.masked, -24)
                              .arg(tr("weight %1").arg(c.weight), -10)
                              .arg(c.secretStore));
        }
        if (provider->credentials.isEmpty())
            m_output.message(tr("Provider \"%1\" has no credentials.").arg(name));
        Q_EMIT finished(0);
    } else if (action == QStringLiteral("remove")) {
        const QString label = inv.words.value(4, inv.option(QStringLiteral("label")));
        std::optional<CredentialInfo> found;
        for (const CredentialInfo &c : std::as_const(provider->credentials)) {
            if (c.label == label)
                found = c;
        }
        if (!found) {
            finishUsage(tr("Provider \"%1\" has no credential labelled \"%2\".").arg(name, label));
            return;
        }
        admin()->removeCredential(name, label, [this, name, label](Result<QStringList> warnings) {
            if (!warnings)
                return finishWithError(warnings.error());
            for (const QString &p : std::as_const(*warnings))
                m_output.message(tr("warning: the secret could not be deleted from the store: %1").arg(p));
            m_output.message(tr("Removed credential \"%1\" from provider \"%2\".").arg(label, name));
            Q_EMIT finished(0);
        });
    } else {
        finishUsage(tr("Use `provider credential add|list|remove NAME`."));
    }
}

} // namespace AiHub::Cli
