// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/secrets/isecretstore.h"

#include <QString>

#include <chrono>
#include <memory>

class QObject;

namespace AiHub::Secrets {

// Secrets in the OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS, Credential
// Manager on Windows), one entry per name under the service given here. Never falls back to plain-text
// storage.
//
// Jobs are created and finish on the thread that constructed the store (it needs an event loop); calls may
// come from any thread. On Linux a broken keyring answers reads with "not found", so a store is only
// trustworthy after probe() succeeded; SecretStoreSelector does that.
class KeychainSecretStore final : public ISecretStore {
public:
    static constexpr auto DefaultService = "aigne-hub";

    explicit KeychainSecretStore(const QString &service = QString::fromLatin1(DefaultService));
    ~KeychainSecretStore() override;
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

    QString id() const override;
    QString description() const override;
    QString service() const { return m_service; }

    void read(const QString &name, QObject *context, ReadCallback done) override;
    void write(const QString &name, const QByteArray &secret, QObject *context, DoneCallback done) override;
    void remove(const QString &name, QObject *context, DoneCallback done) override;

    // Writes a random probe entry, reads it back and deletes it. Fails with SecretStoreUnavailable when any
    // step fails, the value does not round-trip, or nothing answers within `timeout` (a keyring waiting for
    // an unlock prompt). The error message is then only the backend's own words ("Cannot autolaunch D-Bus
    // without X11 $DISPLAY"), meant to be quoted in the start-up sentence.
    void probe(std::chrono::milliseconds timeout, QObject *context, DoneCallback done);

private:
    QString m_service;
    QObject *m_home; // lives on the constructing thread; every job runs there
};

} // namespace AiHub::Secrets
