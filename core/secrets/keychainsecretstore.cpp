// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/secrets/keychainsecretstore.h"

#include "core/crypto/securerandom.h"
#include "core/secrets/queuedreply.h"
#include "core/secrets/secretname.h"

#include <QCoreApplication>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace AiHub::Secrets {

namespace {

QString backendMessage(const QKeychain::Job *job)
{
    QString text = job->errorString().trimmed();
    if (text.isEmpty())
        text = QStringLiteral("QtKeychain error %1").arg(int(job->error()));
    while (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

Error unavailable(const QString &action, const QString &name, const QKeychain::Job *job)
{
    return Error::make(ErrorCode::SecretStoreUnavailable,
        QStringLiteral("The OS keychain could not %1 \"%2\": %3 (QtKeychain error %4). Make sure the "
                       "keychain is running and unlocked (on Linux a Secret Service such as "
                       "gnome-keyring), or keep secrets in the encrypted file instead "
                       "(AIHUB_SECRET_STORE=file).")
            .arg(action, name, backendMessage(job))
            .arg(int(job->error())));
}

// QtKeychain's job queue is not thread-safe, so every job is started from the store's home thread.
template<typename Fn> void onHome(QObject *home, Fn &&fn)
{
    QMetaObject::invokeMethod(home, std::forward<Fn>(fn), Qt::QueuedConnection);
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service)
    : m_service(service)
    , m_home(new QObject)
{
}

KeychainSecretStore::~KeychainSecretStore()
{
    // Deleting the home object drops queued job starts and finished-handlers; their callers are told the
    // store closed. Jobs already running finish on their own and delete themselves.
    if (m_home->thread() == QThread::currentThread())
        delete m_home;
    else
        m_home->deleteLater();
}

QString KeychainSecretStore::id() const
{
    return QStringLiteral("keychain");
}

QString KeychainSecretStore::description() const
{
    // Shown in the window's language (the desktop app installs its translator; the headless server has none).
#if defined(Q_OS_MACOS)
    return QCoreApplication::translate("AiHub::Secrets", "OS keychain (macOS Keychain)");
#elif defined(Q_OS_WIN)
    return QCoreApplication::translate("AiHub::Secrets", "OS keychain (Windows Credential Manager)");
#else
    return QCoreApplication::translate("AiHub::Secrets", "OS keychain (Secret Service)");
#endif
}

void KeychainSecretStore::read(const QString &name, QObject *context, ReadCallback done)
{
    auto reply = QueuedReply::wrap(context, std::move(done));
    if (auto ok = SecretName::check(name); !ok)
        return reply(fail(ok.error()));
    onHome(m_home, [home = m_home, service = m_service, name, reply] {
        auto *job = new QKeychain::ReadPasswordJob(service);
        job->setAutoDelete(true);
        job->setKey(name);
        QObject::connect(job, &QKeychain::Job::finished, home, [name, reply](QKeychain::Job *finished) {
            const auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
            switch (read->error()) {
            case QKeychain::NoError:
                return reply(read->binaryData());
            case QKeychain::EntryNotFound:
                return reply(fail(ErrorCode::SecretNotFound,
                    QStringLiteral("No secret is stored under \"%1\" in the OS keychain.").arg(name)));
            default:
                return reply(fail(unavailable(QStringLiteral("read"), name, read)));
            }
        });
        job->start();
    });
}

void KeychainSecretStore::write(
    const QString &name, const QByteArray &secret, QObject *context, DoneCallback done)
{
    auto reply = QueuedReply::wrap(context, std::move(done));
    if (auto ok = SecretName::check(name); !ok)
        return reply(ok);
    if (auto ok = SecretName::checkSecret(secret); !ok)
        return reply(ok);
    onHome(m_home, [home = m_home, service = m_service, name, secret, reply] {
        auto *job = new QKeychain::WritePasswordJob(service);
        job->setAutoDelete(true);
        job->setKey(name);
        job->setBinaryData(secret);
        QObject::connect(job, &QKeychain::Job::finished, home, [name, reply](QKeychain::Job *finished) {
            if (finished->error() == QKeychain::NoError)
                return reply({});
            reply(fail(unavailable(QStringLiteral("store"), name, finished)));
        });
        job->start();
    });
}

void KeychainSecretStore::remove(const QString &name, QObject *context, DoneCallback done)
{
    auto reply = QueuedReply::wrap(context, std::move(done));
    if (auto ok = SecretName::check(name); !ok)
        return reply(ok);
    onHome(m_home, [home = m_home, service = m_service, name, reply] {
        auto *job = new QKeychain::DeletePasswordJob(service);
        job->setAutoDelete(true);
        job->setKey(name);
        QObject::connect(job, &QKeychain::Job::finished, home, [name, reply](QKeychain::Job *finished) {
            if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound)
                return reply({});
            reply(fail(unavailable(QStringLiteral("delete"), name, finished)));
        });
        job->start();
    });
}

void KeychainSecretStore::probe(std::chrono::milliseconds timeout, QObject *context, DoneCallback done)
{
    auto reply = QueuedReply::wrap(context, std::move(done));
    const auto failWith
        = [reply](const QString &reason) { reply(fail(ErrorCode::SecretStoreUnavailable, reason)); };
    onHome(m_home, [home = m_home, service = m_service, timeout, reply, failWith] {
        // The reply counts only once, so whichever of timeout and job chain ends first decides; the chain
        // still runs to the end so the probe entry is deleted even after a timeout.
        QTimer::singleShot(timeout, home, [failWith, timeout] {
            failWith(
                QStringLiteral("the keychain did not answer within %1 s; it may be locked and waiting for "
                               "an unlock prompt")
                    .arg(double(timeout.count()) / 1000.0));
        });
        const QString key
            = QStringLiteral("aihub-probe:") + QString::fromLatin1(Crypto::SecureRandom::bytes(8).toHex());
        const QByteArray value = Crypto::SecureRandom::bytes(24);

        const auto removeProbe = [home, service, key](std::function<void(QKeychain::Job *)> then) {
            auto *job = new QKeychain::DeletePasswordJob(service);
            job->setAutoDelete(true);
            job->setKey(key);
            QObject::connect(job, &QKeychain::Job::finished, home, then);
            job->start();
        };

        auto *write = new QKeychain::WritePasswordJob(service);
        write->setAutoDelete(true);
        write->setKey(key);
        write->setBinaryData(value);
        QObject::connect(write, &QKeychain::Job::finished, home, [=](QKeychain::Job *written) {
            if (written->error() != QKeychain::NoError)
                return failWith(backendMessage(written));
            auto *read = new QKeychain::ReadPasswordJob(service);
            read->setAutoDelete(true);
            read->setKey(key);
            QObject::connect(read, &QKeychain::Job::finished, home, [=](QKeychain::Job *finished) {
                const auto *readBack = static_cast<QKeychain::ReadPasswordJob *>(finished);
                QString problem;
                if (readBack->error() != QKeychain::NoError)
                    problem = QStringLiteral("a value just written could not be read back: ")
                        + backendMessage(readBack);
                else if (readBack->binaryData() != value)
                    problem = QStringLiteral("a value just written was read back changed");
                removeProbe([=](QKeychain::Job *removed) {
                    if (!problem.isEmpty())
                        return failWith(problem);
                    if (removed->error() != QKeychain::NoError)
                        return failWith(
                            QStringLiteral("a probe entry could not be deleted: ") + backendMessage(removed));
                    reply({});
                });
            });
            read->start();
        });
        write->start();
    });
}

} // namespace AiHub::Secrets
