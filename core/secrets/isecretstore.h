// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QObject;

namespace AiHub::Secrets {

// Where provider credentials live. Every call is asynchronous: the callback always runs later (queued, never
// inside the call) on `context`'s thread, and is dropped if `context` is destroyed first. Call with a
// `context` that is alive at the time of the call; the store itself may be shared between threads.
//
// Errors: ErrorCode::SecretNotFound only when the store works and holds nothing under that name;
// ErrorCode::SecretStoreUnavailable for every failure of the store (with the backend's own message and what
// to do); ErrorCode::InvalidArgument for an empty or malformed name or an empty secret.
class ISecretStore {
public:
    virtual ~ISecretStore() = default;

    // "keychain", "file" or "memory": stored beside each credential in the database.
    virtual QString id() const = 0;
    // Human-readable, e.g. "OS keychain (Secret Service)" or "encrypted file /x/secrets.enc (key file
    // /x/secret.key)".
    virtual QString description() const = 0;

    using ReadCallback = std::function<void(AiHub::Result<QByteArray>)>;
    using DoneCallback = std::function<void(AiHub::Status)>;

    virtual void read(const QString &name, QObject *context, ReadCallback done) = 0;
    virtual void write(const QString &name, const QByteArray &secret, QObject *context, DoneCallback done)
        = 0;
    // Removing a name that holds nothing succeeds.
    virtual void remove(const QString &name, QObject *context, DoneCallback done) = 0;
};

} // namespace AiHub::Secrets
