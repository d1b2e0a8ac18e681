// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "storewait.h"

#include "core/secrets/encryptedfilesecretstore.h"

#include <QObject>
#include <QTest>
#include <QThread>

#include <optional>

namespace AiHub::SecretsTest {

namespace {

template<typename T, typename Start> T waitFor(Start start)
{
    QObject context;
    std::optional<T> result;
    bool inside = true;
    bool calledInside = false;
    bool wrongThread = false;
    start(&context, [&](T value) {
        calledInside = inside;
        wrongThread = QThread::currentThread() != context.thread();
        result.emplace(std::move(value));
    });
    inside = false;
    if (calledInside)
        return fail(ErrorCode::Internal, QStringLiteral("the callback ran inside the call, not queued"));
    if (!QTest::qWaitFor([&] { return result.has_value(); }, StoreWait::TimeoutMs))
        return fail(ErrorCode::Internal, QStringLiteral("the callback did not run within the timeout"));
    if (wrongThread)
        return fail(
            ErrorCode::Internal, QStringLiteral("the callback ran on a thread other than the context's"));
    return std::move(*result);
}

} // namespace

Result<QByteArray> StoreWait::read(Secrets::ISecretStore &store, const QString &name)
{
    return waitFor<Result<QByteArray>>([&](QObject *context, auto done) { store.read(name, context, done); });
}

QByteArray StoreWait::readOrError(Secrets::ISecretStore &store, const QString &name)
{
    auto result = read(store, name);
    if (result)
        return *result;
    return '!' + errorCodeName(result.error().code).toUtf8() + ": " + result.error().message.toUtf8();
}

Status StoreWait::write(Secrets::ISecretStore &store, const QString &name, const QByteArray &secret)
{
    return waitFor<Status>([&](QObject *context, auto done) { store.write(name, secret, context, done); });
}

Status StoreWait::remove(Secrets::ISecretStore &store, const QString &name)
{
    return waitFor<Status>([&](QObject *context, auto done) { store.remove(name, context, done); });
}

Status StoreWait::open(Secrets::EncryptedFileSecretStore &store)
{
    return waitFor<Status>([&](QObject *context, auto done) { store.open(context, done); });
}

} // namespace AiHub::SecretsTest
