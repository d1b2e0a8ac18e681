// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/secrets/memorysecretstore.h"

#include "core/secrets/queuedreply.h"
#include "core/secrets/secretname.h"

#include <algorithm>

namespace AiHub::Secrets {

QString MemorySecretStore::id() const
{
    return QStringLiteral("memory");
}

QString MemorySecretStore::description() const
{
    return QStringLiteral("memory of this process (lost when the hub stops)");
}

void MemorySecretStore::read(const QString &name, QObject *context, ReadCallback done)
{
    auto reply = QueuedReply::wrap(context, std::move(done));
    if (auto ok = SecretName::check(name); !ok)
        return reply(fail(ok.error()));
    QMutexLocker locker(&m_mutex);
    if (auto ok = availability(); !ok)
        return reply(fail(ok.error()));
    const auto it = m_secrets.constFind(name);
    if (it == m_secrets.cend())
        return reply(
            fail(ErrorCode::SecretNotFound, QStringLiteral("No secret is stored under \"%1\".").arg(name)));
    reply(*it);
}

void MemorySecretStore::write(
    const QString &name, const QByteArray &secret, QObject *context, DoneCallback done)
{
    auto reply = QueuedReply::wrap(context, std::move(done));
    if (auto ok = SecretName::check(name); !ok)
        return reply(ok);
    if (auto ok = SecretName::checkSecret(secret); !ok)
        return reply(ok);
    QMutexLocker locker(&m_mutex);
    if (auto ok = availability(); !ok)
        return reply(ok);
    m_secrets.insert(name, secret);
    reply({});
}

void MemorySecretStore::remove(const QString &name, QObject *context, DoneCallback done)
{
    auto reply = QueuedReply::wrap(context, std::move(done));
    if (auto ok = SecretName::check(name); !ok)
        return reply(ok);
    QMutexLocker locker(&m_mutex);
    if (auto ok = availability(); !ok)
        return reply(ok);
    m_secrets.remove(name);
    reply({});
}

void MemorySecretStore::setUnavailable(bool unavailable, const QString &message)
{
    QMutexLocker locker(&m_mutex);
    m_unavailable = unavailable;
    m_unavailableMessage = message;
}

bool MemorySecretStore::isUnavailable() const
{
    QMutexLocker locker(&m_mutex);
    return m_unavailable;
}

QStringList MemorySecretStore::names() const
{
    QMutexLocker locker(&m_mutex);
    QStringList out = m_secrets.keys();
    std::sort(out.begin(), out.end());
    return out;
}

bool MemorySecretStore::contains(const QString &name) const
{
    QMutexLocker locker(&m_mutex);
    return m_secrets.contains(name);
}

Status MemorySecretStore::availability() const
{
    if (!m_unavailable)
        return {};
    return fail(ErrorCode::SecretStoreUnavailable,
        m_unavailableMessage.isEmpty()
            ? QStringLiteral("The in-memory secret store is switched to unavailable (simulated failure).")
            : m_unavailableMessage);
}

} // namespace AiHub::Secrets
