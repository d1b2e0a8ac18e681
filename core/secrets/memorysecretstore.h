// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/secrets/isecretstore.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

namespace AiHub::Secrets {

// Keeps secrets in this process only: for tests of other areas and for ephemeral runs. Thread-safe.
// setUnavailable() makes every call fail with SecretStoreUnavailable, to exercise callers' error paths.
class MemorySecretStore final : public ISecretStore {
public:
    MemorySecretStore() = default;

    QString id() const override;
    QString description() const override;
    void read(const QString &name, QObject *context, ReadCallback done) override;
    void write(const QString &name, const QByteArray &secret, QObject *context, DoneCallback done) override;
    void remove(const QString &name, QObject *context, DoneCallback done) override;

    // Simulates a broken backend; `message` becomes the error message (a default one when empty).
    void setUnavailable(bool unavailable, const QString &message = {});
    bool isUnavailable() const;
    // Synchronous look at the contents, for tests.
    QStringList names() const;
    bool contains(const QString &name) const;

private:
    Status availability() const; // call with m_mutex held

    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_secrets;
    bool m_unavailable = false;
    QString m_unavailableMessage;
};

} // namespace AiHub::Secrets
