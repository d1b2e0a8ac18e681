// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/cli/providercommands.h"

#include "core/cli/secretinput.h"
#include "core/common/monotonicclock.h"
#include "core/crypto/securerandom.h"
#include "core/hub/hubruntime.h"
#include "core/net/upstreamcall.h"
#include "core/net/upstreamclient.h"
#include "core/adapters/adaptercatalog.h"
#include "core/providers/iprovideradapter.h"
#include "core/providers/liveprovider.h"
#include "core/providers/providerstore.h"
#include "core/secrets/isecretstore.h"
#include "core/secrets/secretmask.h"
#include "core/storage/exitcodes.h"

#include <QUrl>

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
    if (!config.baseUrl.isEmpty()) {
        const QUrl url(config.baseUrl);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https"))) {
            finishUsage(tr("The base URL \"%1\" is not an http:// or https:// URL.").arg(config.baseUrl));
            return;
        }
    }
    if (*kind == Providers::ProviderKind::Bedrock && config.region.isEmpty()) {
        finishUsage(tr("Amazon Bedrock needs a region, e.g. --region us-east-1."));
        return;
    }
    ProviderStore store(m_runtime.database());
    if (auto valid = ProviderStore::validateName(config.name); !valid) {
        finishUsage(valid.error().message);
        return;
    }
    if (store.find(config.name)) {
        finishUsage(tr("A provider named \"%1\" already exists; choose another --name, or add a credential to it "
                       "with `aigne-hubd provider credential add %1`.")
                        .arg(config.name));
        return;
    }
    // Ask for the secret before anything is written, so a cancelled prompt leaves nothing behind.
    if (ProviderKinds::credentialType(*kind) == CredentialType::None) {
        auto id = store.addProvider(config);
        if (!id) {
            finishWithError(id.error());
            return;
        }
        m_output.message(tr("Added provider \"%1\" (%2) at %3; it needs no credential.")
                             .arg(config.name, ProviderKinds::displayName(*kind), config.effectiveBaseUrl()));
        Q_EMIT finished(0);
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
    auto secrets = m_runtime.secrets();
    info.secretStore = secrets->id();
    info.secretRef = QStringLiteral("provider/%1/%2/%3")
                         .arg(provider.name, info.label, QString::fromLatin1(Crypto::SecureRandom::bytes(6).toHex()));
    info.masked = Secrets::SecretMask::mask(secret.primary());
    secrets->write(info.secretRef, secret.toBytes(), this, [this, provider, info, providerIsNew, secrets](Status s) {
        if (!s) {
            finishWithError(s.error());
            return;
        }
        ProviderStore store(m_runtime.database());
        qint64 providerId = provider.id;
        Status saved;
        if (providerIsNew) {
            auto id = store.addProvider(provider);
            if (id)
                providerId = *id;
            else
                saved = fail(id.error());
        }
        if (saved) {
            auto credentialId = store.addCredential(providerId, info);
            if (!credentialId) {
                saved = fail(credentialId.error());
                if (providerIsNew)
                    (void)store.removeProvider(provider.name);
            }
        }
        if (!saved) {
            // The database refused: take the secret back out so nothing is orphaned in the store.
            const Error error = saved.error();
            secrets->remove(info.secretRef, this, [this, error](Status) { finishWithError(error); });
            return;
        }
        m_output.message(tr("%1 provider \"%2\" (%3) with credential \"%4\" (%5), kept in the %6.")
                             .arg(providerIsNew ? tr("Added") : tr("Updated"), provider.name,
                                  ProviderKinds::displayName(provider.kind), info.label, info.masked,
                                  secrets->description()));
        Q_EMIT finished(0);
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
    ProviderStore store(m_runtime.database());
    auto provider = store.find(name);
    if (!provider) {
        finishWithError(provider.error());
        return;
    }
    if (auto removed = store.removeProvider(name); !removed) {
        finishWithError(removed.error());
        return;
    }
    // The rows are gone; now the secrets. A secret left behind is harmless, a row without its secret is not.
    auto pending = std::make_shared<int>(int(provider->credentials.size()) + 1);
    auto problems = std::make_shared<QStringList>();
    auto done = [this, pending, problems, name] {
        if (--*pending > 0)
            return;
        for (const QString &p : std::as_const(*problems))
            m_output.message(tr("warning: %1").arg(p));
        m_output.message(tr("Removed provider \"%1\" and its credentials.").arg(name));
        Q_EMIT finished(0);
    };
    for (const CredentialInfo &c : std::as_const(provider->credentials)) {
        if (c.secretStore != m_runtime.secrets()->id()) {
            problems->append(tr("the secret of \"%1\" is in the %2 store, which is not in use; it was left there")
                                 .arg(c.label, c.secretStore));
            done();
            continue;
        }
        m_runtime.secrets()->remove(c.secretRef, this, [problems, done, label = c.label](Status s) {
            if (!s)
                problems->append(label + QStringLiteral(": ") + s.error().message);
            done();
        });
    }
    done();
}

void ProviderCommands::test(const CliInvocation &inv)
{
    const QString name = inv.words.value(2);
    if (name.isEmpty()) {
        finishUsage(tr("Name the provider to test: `aigne-hubd provider test NAME`."));
        return;
    }
    auto config = ProviderStore(m_runtime.database()).find(name);
    if (!config) {
        finishWithError(config.error());
        return;
    }
    auto live = std::make_shared<Providers::LiveProvider>();
    live->config = *config;
    live->adapter = Providers::AdapterCatalog::forKind(config->kind);
    if (!live->adapter) {
        finishWithError(Error::make(ErrorCode::InvalidArgument,
                                    tr("Testing %1 providers is not available in this version of the hub.")
                                        .arg(ProviderKinds::displayName(config->kind))));
        return;
    }
    const QString label = inv.option(QStringLiteral("label"));
    std::optional<CredentialInfo> credential;
    for (const CredentialInfo &c : std::as_const(config->credentials)) {
        if ((label.isEmpty() && c.enabled) || c.label == label) {
            credential = c;
            break;
        }
    }
    auto call = [this, live] {
        auto request = live->adapter->testRequest(*live, live->credentials.isEmpty() ? nullptr
                                                                                     : &live->credentials.constFirst());
        if (!request) {
            finishWithError(request.error());
            return;
        }
        if (!m_client)
            m_client = std::make_unique<Net::UpstreamClient>();
        request->timeouts.firstByteMs = 30000;
        const qint64 started = monotonicNowNs();
        Net::UpstreamCall *upstream = m_client->send(std::move(*request));
        upstream->setParent(this);
        auto body = std::make_shared<QByteArray>();
        connect(upstream, &Net::UpstreamCall::bodyData, this, [body](const QByteArray &d) { body->append(d); });
        connect(upstream, &Net::UpstreamCall::finished, this, [this, live, upstream, body, started] {
            const int status = upstream->status();
            const double seconds = double(monotonicNowNs() - started) / 1e9;
            if (status >= 200 && status < 300) {
                m_output.line(tr("OK: %1 accepted the credential (HTTP %2, %3 s).")
                                  .arg(live->config.name)
                                  .arg(status)
                                  .arg(seconds, 0, 'f', 2));
                Q_EMIT finished(0);
                return;
            }
            finishWithError(live->adapter->mapError(*live, status, *body, -1));
        });
        connect(upstream, &Net::UpstreamCall::failed, this, [this](const Error &e) { finishWithError(e); });
    };
    if (!credential || !live->needsCredential()) {
        call();
        return;
    }
    m_runtime.secrets()->read(credential->secretRef, this, [this, live, credential, call](Result<QByteArray> bytes) {
        auto secret = bytes ? CredentialSecret::fromBytes(*bytes) : Result<CredentialSecret>(std::unexpected(bytes.error()));
        if (!secret) {
            finishWithError(secret.error());
            return;
        }
        live->credentials.append(Providers::LiveCredential { *credential, *secret });
        call();
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
        if (auto removed = store.removeCredential(provider->id, label); !removed) {
            finishWithError(removed.error());
            return;
        }
        m_runtime.secrets()->remove(found->secretRef, this, [this, name, label](Status s) {
            if (!s)
                m_output.message(tr("warning: the secret could not be deleted from the store: %1")
                                     .arg(s.error().message));
            m_output.message(tr("Removed credential \"%1\" from provider \"%2\".").arg(label, name));
            Q_EMIT finished(0);
        });
    } else {
        finishUsage(tr("Use `provider credential add|list|remove NAME`."));
    }
}

} // namespace AiHub::Cli
