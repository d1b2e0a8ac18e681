// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/provideradmin.h"

#include "core/adapters/adaptercatalog.h"
#include "core/common/monotonicclock.h"
#include "core/crypto/securerandom.h"
#include "core/net/upstreamcall.h"
#include "core/net/upstreamclient.h"
#include "core/providers/iprovideradapter.h"
#include "core/providers/liveprovider.h"
#include "core/providers/providerstore.h"
#include "core/secrets/isecretstore.h"
#include "core/secrets/secretmask.h"
#include "core/storage/database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

namespace AiHub::Hub {

using Providers::CredentialInfo;
using Providers::CredentialSecret;
using Providers::CredentialType;
using Providers::ProviderConfig;
using Providers::ProviderKinds;
using Providers::ProviderStore;

ProviderAdmin::ProviderAdmin(std::shared_ptr<Storage::Database> database,
                             std::shared_ptr<Secrets::ISecretStore> secrets, QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_secrets(std::move(secrets))
{
}

ProviderAdmin::~ProviderAdmin() = default;

Status ProviderAdmin::validate(const ProviderConfig &config)
{
    if (auto valid = ProviderStore::validateName(config.name); !valid)
        return valid;
    if (!config.baseUrl.isEmpty()) {
        const QUrl url(config.baseUrl);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https")))
            return fail(ErrorCode::InvalidArgument,
                        tr("The base URL \"%1\" is not an http:// or https:// URL.").arg(config.baseUrl));
    }
    if (config.kind == Providers::ProviderKind::Bedrock && config.region.isEmpty())
        return fail(ErrorCode::InvalidArgument, tr("Amazon Bedrock needs a region, e.g. us-east-1."));
    return {};
}

Result<QList<ProviderConfig>> ProviderAdmin::list() const
{
    return ProviderStore(m_database).list();
}

Result<ProviderConfig> ProviderAdmin::find(const QString &name) const
{
    return ProviderStore(m_database).find(name);
}

void ProviderAdmin::addProvider(const ProviderConfig &config, std::optional<NewCredential> credential,
                                std::function<void(Result<ProviderConfig>)> done)
{
    auto later = [this, done](Result<ProviderConfig> r) {
        QMetaObject::invokeMethod(this, [done, r] { done(r); }, Qt::QueuedConnection);
    };
    if (auto valid = validate(config); !valid)
        return later(fail(valid.error()));
    ProviderStore store(m_database);
    if (store.find(config.name))
        return later(fail(ErrorCode::AlreadyExists,
                          tr("A provider named \"%1\" already exists; choose another name, or add a credential to "
                             "it.")
                              .arg(config.name)));
    if (ProviderKinds::credentialType(config.kind) == CredentialType::None) {
        auto id = store.addProvider(config);
        if (!id)
            return later(fail(id.error()));
        return later(store.find(config.name));
    }
    if (!credential || credential->secret.primary().isEmpty())
        return later(fail(ErrorCode::InvalidArgument,
                          tr("%1 needs a secret; nothing was saved.").arg(ProviderKinds::displayName(config.kind))));
    writeCredential(config, true, std::move(*credential), std::nullopt,
                    [this, done, name = config.name](Result<CredentialInfo> info) {
                        if (!info)
                            return done(fail(info.error()));
                        done(ProviderStore(m_database).find(name));
                    });
}

void ProviderAdmin::addCredential(const QString &providerName, NewCredential credential,
                                  std::function<void(Result<CredentialInfo>)> done)
{
    auto provider = find(providerName);
    if (provider && ProviderKinds::credentialType(provider->kind) == CredentialType::None)
        provider = fail(ErrorCode::InvalidArgument,
                        tr("%1 providers need no credential.").arg(ProviderKinds::displayName(provider->kind)));
    if (!provider) {
        QMetaObject::invokeMethod(this, [done, e = provider.error()] { done(fail(e)); }, Qt::QueuedConnection);
        return;
    }
    writeCredential(*provider, false, std::move(credential), std::nullopt, std::move(done));
}

void ProviderAdmin::replaceCredential(const QString &providerName, NewCredential credential,
                                      std::function<void(Result<CredentialInfo>)> done)
{
    auto provider = find(providerName);
    if (!provider) {
        QMetaObject::invokeMethod(this, [done, e = provider.error()] { done(fail(e)); }, Qt::QueuedConnection);
        return;
    }
    std::optional<CredentialInfo> old;
    for (const CredentialInfo &c : std::as_const(provider->credentials)) {
        if (c.label == credential.info.label)
            old = c;
    }
    writeCredential(*provider, false, std::move(credential), old, std::move(done));
}

void ProviderAdmin::writeCredential(const ProviderConfig &provider, bool providerIsNew, NewCredential credential,
                                    std::optional<CredentialInfo> replaced,
                                    std::function<void(Result<CredentialInfo>)> done)
{
    CredentialInfo info = credential.info;
    if (info.label.isEmpty())
        info.label = QStringLiteral("default");
    if (info.weight < 0) {
        QMetaObject::invokeMethod(
            this,
            [done] { done(fail(ErrorCode::InvalidArgument, tr("A credential's weight must be 0 or more."))); },
            Qt::QueuedConnection);
        return;
    }
    if (ProviderKinds::credentialType(provider.kind) == CredentialType::AwsAccessKey) {
        if (info.accessKeyId.isEmpty() || credential.secret.secretAccessKey.isEmpty()) {
            QMetaObject::invokeMethod(
                this,
                [done] {
                    done(fail(ErrorCode::InvalidArgument,
                              tr("Amazon Bedrock needs an access key id and its secret access key; nothing was "
                                 "saved.")));
                },
                Qt::QueuedConnection);
            return;
        }
    } else {
        credential.secret.secretAccessKey.clear();
        credential.secret.sessionToken.clear();
        info.accessKeyId.clear();
    }
    if (credential.secret.primary().isEmpty()) {
        QMetaObject::invokeMethod(
            this, [done] { done(fail(ErrorCode::InvalidArgument, tr("No secret was entered; nothing was saved."))); },
            Qt::QueuedConnection);
        return;
    }
    auto secrets = m_secrets;
    info.secretStore = secrets->id();
    info.secretRef = QStringLiteral("provider/%1/%2/%3")
                         .arg(provider.name, info.label, QString::fromLatin1(Crypto::SecureRandom::bytes(6).toHex()));
    info.masked = Secrets::SecretMask::mask(credential.secret.primary());
    secrets->write(info.secretRef, credential.secret.toBytes(), this,
                   [this, provider, info, providerIsNew, replaced, secrets, done](Status s) {
                       if (!s)
                           return done(fail(s.error()));
                       ProviderStore store(m_database);
                       qint64 providerId = provider.id;
                       Status saved;
                       if (providerIsNew) {
                           auto id = store.addProvider(provider);
                           if (id)
                               providerId = *id;
                           else
                               saved = fail(id.error());
                       }
                       if (saved && replaced)
                           saved = store.removeCredential(providerId, replaced->label);
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
                           secrets->remove(info.secretRef, this, [done, error](Status) { done(fail(error)); });
                           return;
                       }
                       if (!replaced)
                           return done(info);
                       // The old row is gone; its secret follows. Leaving it behind would be harmless.
                       secrets->remove(replaced->secretRef, this, [done, info](Status) { done(info); });
                   });
}

Status ProviderAdmin::updateProvider(const ProviderConfig &config)
{
    if (auto valid = validate(config); !valid)
        return valid;
    auto existing = find(config.name);
    if (!existing)
        return fail(existing.error());
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("UPDATE providers SET base_url = ?, region = ?, enabled = ?, updated_at = ? WHERE id = ?"));
    auto nullable = [](const QString &s) { return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s); };
    q.addBindValue(nullable(config.baseUrl));
    q.addBindValue(nullable(config.region));
    q.addBindValue(config.enabled ? 1 : 0);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(existing->id);
    if (!q.exec())
        return fail(m_database->error(q.lastError(), tr("cannot change provider \"%1\"").arg(config.name)));
    return m_database->bumpConfigGeneration();
}

void ProviderAdmin::removeSecrets(const QList<CredentialInfo> &credentials,
                                  std::function<void(Result<QStringList>)> done)
{
    auto problems = std::make_shared<QStringList>();
    QList<CredentialInfo> here;
    for (const CredentialInfo &c : credentials) {
        if (c.secretStore == m_secrets->id())
            here.append(c);
        else
            problems->append(tr("the secret of \"%1\" is in the %2 store, which is not in use; it was left there")
                                 .arg(c.label, c.secretStore));
    }
    // One count per removal plus one for the queued call below, so `done` always runs later and exactly once.
    auto pending = std::make_shared<int>(int(here.size()) + 1);
    auto finishOne = [pending, problems, done] {
        if (--*pending == 0)
            done(*problems);
    };
    for (const CredentialInfo &c : std::as_const(here)) {
        m_secrets->remove(c.secretRef, this, [problems, finishOne, label = c.label](Status s) {
            if (!s)
                problems->append(label + QStringLiteral(": ") + s.error().message);
            finishOne();
        });
    }
    QMetaObject::invokeMethod(this, finishOne, Qt::QueuedConnection);
}

void ProviderAdmin::removeProvider(const QString &name, std::function<void(Result<QStringList>)> done)
{
    ProviderStore store(m_database);
    auto provider = store.find(name);
    Status removed = provider ? store.removeProvider(name) : Status(fail(provider.error()));
    if (!removed) {
        QMetaObject::invokeMethod(this, [done, e = removed.error()] { done(fail(e)); }, Qt::QueuedConnection);
        return;
    }
    // The rows are gone; now the secrets. A secret left behind is harmless, a row without its secret is not.
    removeSecrets(provider->credentials, std::move(done));
}

void ProviderAdmin::removeCredential(const QString &providerName, const QString &label,
                                     std::function<void(Result<QStringList>)> done)
{
    ProviderStore store(m_database);
    auto provider = store.find(providerName);
    std::optional<CredentialInfo> found;
    if (provider) {
        for (const CredentialInfo &c : std::as_const(provider->credentials)) {
            if (c.label == label)
                found = c;
        }
    }
    Status removed;
    if (!provider)
        removed = fail(provider.error());
    else if (!found)
        removed = fail(ErrorCode::NotFound,
                       tr("Provider \"%1\" has no credential labelled \"%2\".").arg(providerName, label));
    else
        removed = store.removeCredential(provider->id, label);
    if (!removed) {
        QMetaObject::invokeMethod(this, [done, e = removed.error()] { done(fail(e)); }, Qt::QueuedConnection);
        return;
    }
    removeSecrets({ *found }, std::move(done));
}

void ProviderAdmin::test(const QString &name, const QString &label, std::function<void(Result<TestOutcome>)> done)
{
    auto failLater = [this, done](const Error &e) {
        QMetaObject::invokeMethod(this, [done, e] { done(fail(e)); }, Qt::QueuedConnection);
    };
    auto config = find(name);
    if (!config)
        return failLater(config.error());
    auto live = std::make_shared<Providers::LiveProvider>();
    live->config = *config;
    live->adapter = Providers::AdapterCatalog::forKind(config->kind);
    if (!live->adapter)
        return failLater(Error::make(ErrorCode::InvalidArgument,
                                     tr("Testing %1 providers is not available in this version of the hub.")
                                         .arg(ProviderKinds::displayName(config->kind))));
    std::optional<CredentialInfo> credential;
    for (const CredentialInfo &c : std::as_const(config->credentials)) {
        if ((label.isEmpty() && c.enabled) || c.label == label) {
            credential = c;
            break;
        }
    }
    auto call = [this, live, done] {
        auto request = live->adapter->testRequest(*live, live->credentials.isEmpty() ? nullptr
                                                                                     : &live->credentials.constFirst());
        if (!request)
            return done(fail(request.error()));
        if (!m_client)
            m_client = std::make_unique<Net::UpstreamClient>();
        request->timeouts.firstByteMs = 30000;
        const qint64 started = monotonicNowNs();
        Net::UpstreamCall *upstream = m_client->send(std::move(*request));
        upstream->setParent(this);
        auto body = std::make_shared<QByteArray>();
        connect(upstream, &Net::UpstreamCall::bodyData, this, [body](const QByteArray &d) { body->append(d); });
        connect(upstream, &Net::UpstreamCall::finished, this, [live, upstream, body, started, done] {
            upstream->deleteLater();
            const int status = upstream->status();
            if (status >= 200 && status < 300)
                return done(TestOutcome { status, double(monotonicNowNs() - started) / 1e9 });
            done(fail(live->adapter->mapError(*live, status, *body, -1)));
        });
        connect(upstream, &Net::UpstreamCall::failed, this, [upstream, done](const Error &e) {
            upstream->deleteLater();
            done(fail(e));
        });
    };
    if (!credential || !live->needsCredential()) {
        QMetaObject::invokeMethod(this, call, Qt::QueuedConnection);
        return;
    }
    m_secrets->read(credential->secretRef, this, [live, credential, call, done](Result<QByteArray> bytes) {
        auto secret = bytes ? CredentialSecret::fromBytes(*bytes)
                            : Result<CredentialSecret>(std::unexpected(bytes.error()));
        if (!secret)
            return done(fail(secret.error()));
        live->credentials.append(Providers::LiveCredential { *credential, *secret });
        call();
    });
}

} // namespace AiHub::Hub
