// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/providerstore.h"

#include "core/storage/database.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace AiHub::Providers {

namespace {
std::unexpected<Error> sqlFailure(const QSqlQuery &query, const QString &what)
{
    return fail(ErrorCode::StorageError, what + QStringLiteral(": ") + query.lastError().text());
}

QVariant nullableText(const QString &s) { return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s); }
} // namespace

ProviderStore::ProviderStore(std::shared_ptr<Storage::Database> database)
    : m_database(std::move(database))
{
}

Status ProviderStore::validateName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    if (!valid.match(name).hasMatch())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("\"%1\" is not a valid provider name: use 1-64 lower-case letters, digits, '.', "
                                   "'-' or '_', starting with a letter or digit")
                        .arg(name));
    return {};
}

Result<QList<ProviderConfig>> ProviderStore::list() const
{
    QSqlDatabase db = m_database->connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, name, kind, base_url, region, enabled, created_at FROM providers "
                               "ORDER BY name")))
        return sqlFailure(q, QStringLiteral("cannot read providers"));
    QList<ProviderConfig> providers;
    while (q.next()) {
        ProviderConfig p;
        p.id = q.value(0).toLongLong();
        p.name = q.value(1).toString();
        const auto kind = ProviderKinds::fromName(q.value(2).toString());
        if (!kind)
            continue; // written by a newer version with a kind we do not know: leave it alone
        p.kind = *kind;
        p.baseUrl = q.value(3).toString();
        p.region = q.value(4).toString();
        p.enabled = q.value(5).toInt() != 0;
        p.createdAt = q.value(6).toLongLong();
        providers.append(p);
    }
    QSqlQuery c(db);
    if (!c.exec(QStringLiteral("SELECT provider_id, id, label, weight, secret_store, secret_ref, masked, "
                               "access_key_id, enabled, created_at FROM provider_credentials ORDER BY id")))
        return sqlFailure(c, QStringLiteral("cannot read provider credentials"));
    while (c.next()) {
        const qint64 providerId = c.value(0).toLongLong();
        for (ProviderConfig &p : providers) {
            if (p.id != providerId)
                continue;
            p.credentials.append(CredentialInfo { c.value(1).toLongLong(), c.value(2).toString(), c.value(3).toInt(),
                                                  c.value(4).toString(), c.value(5).toString(), c.value(6).toString(),
                                                  c.value(7).toString(), c.value(8).toInt() != 0,
                                                  c.value(9).toLongLong() });
        }
    }
    return providers;
}

Result<ProviderConfig> ProviderStore::find(const QString &name) const
{
    auto providers = list();
    if (!providers)
        return fail(providers.error());
    for (const ProviderConfig &p : *providers) {
        if (p.name == name)
            return p;
    }
    return fail(ErrorCode::NotFound, QStringLiteral("there is no provider named \"%1\"; `aigne-hubd provider list` "
                                                    "shows the configured ones")
                                         .arg(name));
}

Result<qint64> ProviderStore::addProvider(const ProviderConfig &config)
{
    if (auto valid = validateName(config.name); !valid)
        return fail(valid.error());
    if (find(config.name))
        return fail(ErrorCode::AlreadyExists,
                    QStringLiteral("a provider named \"%1\" already exists; choose another --name or remove it first")
                        .arg(config.name));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("INSERT INTO providers (name, kind, base_url, region, enabled, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(config.name);
    q.addBindValue(ProviderKinds::name(config.kind));
    q.addBindValue(nullableText(config.baseUrl));
    q.addBindValue(nullableText(config.region));
    q.addBindValue(config.enabled ? 1 : 0);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return sqlFailure(q, QStringLiteral("cannot save provider \"%1\"").arg(config.name));
    const qint64 id = q.lastInsertId().toLongLong();
    if (auto bumped = m_database->bumpConfigGeneration(); !bumped)
        return fail(bumped.error());
    return id;
}

Status ProviderStore::removeProvider(const QString &name)
{
    auto provider = find(name);
    if (!provider)
        return fail(provider.error());
    QSqlDatabase db = m_database->connection();
    QSqlQuery q(db);
    // Credentials first, in the same transaction, so no row ever points at a missing provider.
    if (!db.transaction())
        return fail(ErrorCode::StorageError, db.lastError().text());
    q.prepare(QStringLiteral("DELETE FROM provider_credentials WHERE provider_id = ?"));
    q.addBindValue(provider->id);
    bool ok = q.exec();
    if (ok) {
        q.prepare(QStringLiteral("DELETE FROM providers WHERE id = ?"));
        q.addBindValue(provider->id);
        ok = q.exec();
    }
    if (!ok || !db.commit()) {
        db.rollback();
        return sqlFailure(q, QStringLiteral("cannot remove provider \"%1\"").arg(name));
    }
    return m_database->bumpConfigGeneration();
}

Result<qint64> ProviderStore::addCredential(qint64 providerId, const CredentialInfo &credential)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("INSERT INTO provider_credentials (provider_id, label, weight, secret_store, secret_ref, "
                             "masked, access_key_id, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(providerId);
    q.addBindValue(credential.label);
    q.addBindValue(credential.weight);
    q.addBindValue(credential.secretStore);
    q.addBindValue(credential.secretRef);
    q.addBindValue(credential.masked);
    q.addBindValue(nullableText(credential.accessKeyId));
    q.addBindValue(credential.enabled ? 1 : 0);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        if (q.lastError().text().contains(QStringLiteral("UNIQUE"), Qt::CaseInsensitive))
            return fail(ErrorCode::AlreadyExists,
                        QStringLiteral("this provider already has a credential labelled \"%1\"; choose another --label")
                            .arg(credential.label));
        return sqlFailure(q, QStringLiteral("cannot save the credential"));
    }
    const qint64 id = q.lastInsertId().toLongLong();
    if (auto bumped = m_database->bumpConfigGeneration(); !bumped)
        return fail(bumped.error());
    return id;
}

Status ProviderStore::removeCredential(qint64 providerId, const QString &label)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("DELETE FROM provider_credentials WHERE provider_id = ? AND label = ?"));
    q.addBindValue(providerId);
    q.addBindValue(label);
    if (!q.exec())
        return sqlFailure(q, QStringLiteral("cannot remove the credential"));
    if (q.numRowsAffected() == 0)
        return fail(ErrorCode::NotFound, QStringLiteral("there is no credential labelled \"%1\"; `aigne-hubd provider "
                                                        "credential list NAME` shows them")
                                             .arg(label));
    return m_database->bumpConfigGeneration();
}

} // namespace AiHub::Providers
