// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/secrets/isecretstore.h"

#include <QByteArray>
#include <QString>

namespace AiHub::Secrets {
class EncryptedFileSecretStore;
}

namespace AiHub::SecretsTest {

// Runs one store call and waits for its callback (processing events). Besides the result, checks the callback
// contract: never called inside the call, called on the context's thread. A breach comes back as
// ErrorCode::Internal with a message saying which rule was broken, so every test that uses these checks the
// contract too.
class StoreWait final {
public:
    static constexpr int TimeoutMs = 20000;
    static Result<QByteArray> read(Secrets::ISecretStore &store, const QString &name);
    // The value, or "!<error_code>: <message>" so a QCOMPARE against the expected value shows what went
    // wrong.
    static QByteArray readOrError(Secrets::ISecretStore &store, const QString &name);
    static Status write(Secrets::ISecretStore &store, const QString &name, const QByteArray &secret);
    static Status remove(Secrets::ISecretStore &store, const QString &name);
    static Status open(Secrets::EncryptedFileSecretStore &store);
};

// Safe looks at a result that should have failed: on a success they give a code outside ErrorCode (so any
// comparison fails cleanly) and an empty message, instead of touching error() of a value.
template<typename R> ErrorCode failureCode(const R &result)
{
    return result.has_value() ? static_cast<ErrorCode>(-1) : result.error().code;
}
template<typename R> QString failureMessage(const R &result)
{
    return result.has_value() ? QString() : result.error().message;
}

} // namespace AiHub::SecretsTest
