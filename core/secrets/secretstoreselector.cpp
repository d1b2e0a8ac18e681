// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/secrets/secretstoreselector.h"

#include "core/secrets/encryptedfilesecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/memorysecretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QObject>

namespace AiHub::Secrets {

namespace {

using namespace Qt::StringLiterals;
using Selection = SecretStoreSelector::Selection;
using SelectCallback = SecretStoreSelector::SelectCallback;
using Options = SecretStoreSelector::Options;

// For answers known at once: still delivered later, on the context's thread, as the contract promises.
void post(QObject *context, SelectCallback done, Result<Selection> result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
        Qt::QueuedConnection);
}

QString fileSentence(
    const Options &opts, const EncryptedFileSecretStore &store, const QString &keychainProblem)
{
    QString key;
    if (store.usesPassphrase())
        key = opts.passphraseFromEnvironment
            ? QCoreApplication::translate("AiHub::Secrets", "key derived from the passphrase in AIHUB_SECRET_PASSPHRASE")
            : QCoreApplication::translate("AiHub::Secrets", "key derived from a passphrase");
    else
        key = QCoreApplication::translate("AiHub::Secrets", "key from %1 (mode 0600)")
                  .arg(QDir::toNativeSeparators(store.keyFilePath()));
    QString why;
    if (!keychainProblem.isEmpty())
        why = QCoreApplication::translate("AiHub::Secrets", ": the OS keychain is not available (%1).").arg(keychainProblem);
    else if (opts.modeFromEnvironment)
        why = QCoreApplication::translate("AiHub::Secrets", ", as chosen by AIHUB_SECRET_STORE=file.");
    else
        why = QCoreApplication::translate("AiHub::Secrets", ".", "end of the sentence about the encrypted file");
    return QCoreApplication::translate("AiHub::Secrets", "Secrets are kept in the encrypted file %1, ")
               .arg(QDir::toNativeSeparators(store.filePath()))
        + key + why;
}

void openFile(const Options &opts, QObject *context, SelectCallback done, const QString &keychainProblem)
{
    const QString alsoKeychain = keychainProblem.isEmpty()
        ? QString()
        : u" The OS keychain is not available either (%1)."_s.arg(keychainProblem);
    if (opts.dataDir.isEmpty()) {
        return post(context, std::move(done),
            fail(ErrorCode::SecretStoreUnavailable,
                u"No data folder was given, so the encrypted secrets file cannot be used."_s + alsoKeychain));
    }
    auto store = std::make_shared<EncryptedFileSecretStore>(EncryptedFileSecretStore::Options {
        SecretStoreSelector::secretsFilePath(opts), opts.passphrase, opts.keyFile, opts.kdfIterations });
    store->open(context, [opts, store, done = std::move(done), keychainProblem, alsoKeychain](Status opened) {
        if (!opened)
            return done(fail(ErrorCode::SecretStoreUnavailable, opened.error().message + alsoKeychain));
        done(Selection { store, fileSentence(opts, *store, keychainProblem), keychainProblem });
    });
}

} // namespace

Result<SecretStoreSelector::Mode> SecretStoreSelector::parseMode(const QString &text)
{
    const QString mode = text.trimmed().toLower();
    if (mode == "auto"_L1)
        return Mode::Auto;
    if (mode == "keychain"_L1)
        return Mode::Keychain;
    if (mode == "file"_L1)
        return Mode::File;
    if (mode == "memory"_L1)
        return Mode::Memory;
    return fail(ErrorCode::InvalidArgument,
        u"Unknown secret store \"%1\"; use auto, keychain, file or memory."_s.arg(text));
}

QString SecretStoreSelector::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Auto:
        return u"auto"_s;
    case Mode::Keychain:
        return u"keychain"_s;
    case Mode::File:
        return u"file"_s;
    case Mode::Memory:
        return u"memory"_s;
    }
    return u"auto"_s;
}

Result<SecretStoreSelector::Options> SecretStoreSelector::resolve(Options options)
{
    const QString envMode = qEnvironmentVariable("AIHUB_SECRET_STORE");
    if (!envMode.trimmed().isEmpty()) {
        auto mode = parseMode(envMode);
        if (!mode)
            return fail(ErrorCode::InvalidArgument, u"AIHUB_SECRET_STORE: "_s + mode.error().message);
        options.mode = *mode;
        options.modeFromEnvironment = true;
    }
    if (options.passphrase.isEmpty() && qEnvironmentVariableIsSet("AIHUB_SECRET_PASSPHRASE")) {
        options.passphrase = qgetenv("AIHUB_SECRET_PASSPHRASE");
        options.passphraseFromEnvironment = !options.passphrase.isEmpty();
    }
    if (options.keyFile.isEmpty())
        options.keyFile = qEnvironmentVariable("AIHUB_SECRET_KEY_FILE");
    if (!options.dataDir.isEmpty()) {
        options.dataDir = QFileInfo(options.dataDir).absoluteFilePath();
        if (options.keyFile.isEmpty())
            options.keyFile = QDir(options.dataDir).filePath(u"secret.key"_s);
    }
    if (!options.keyFile.isEmpty())
        options.keyFile = QFileInfo(options.keyFile).absoluteFilePath();
    if (options.keychainService.isEmpty())
        options.keychainService = QString::fromLatin1(KeychainSecretStore::DefaultService);
    return options;
}

QString SecretStoreSelector::secretsFilePath(const Options &resolved)
{
    return QDir(resolved.dataDir).filePath(u"secrets.enc"_s);
}

void SecretStoreSelector::select(const Options &options, QObject *context, SelectCallback done)
{
    if (!context || !done)
        return;
    auto resolved = resolve(options);
    if (!resolved)
        return post(context, std::move(done), fail(resolved.error()));
    const Options opts = *resolved;
    switch (opts.mode) {
    case Mode::Memory:
        return post(context, std::move(done),
            Selection { std::make_shared<MemorySecretStore>(),
                QCoreApplication::translate("AiHub::Secrets",
                    "Secrets are kept in memory only and are lost when the hub stops."), {} });
    case Mode::File:
        return openFile(opts, context, std::move(done), {});
    case Mode::Auto:
    case Mode::Keychain:
        break;
    }
    // The keychain's jobs run on this thread from now on, so select() is called from one with an event loop.
    auto keychain = std::make_shared<KeychainSecretStore>(opts.keychainService);
    keychain->probe(
        opts.probeTimeout, context, [opts, keychain, context, done = std::move(done)](Status probed) {
            if (probed)
                return done(Selection {
                    keychain,
                    QCoreApplication::translate("AiHub::Secrets", "Secrets are kept in the %1.").arg(keychain->description()),
                    {} });
            const QString problem = probed.error().message;
            if (opts.mode == Mode::Keychain)
                return done(fail(ErrorCode::SecretStoreUnavailable,
                    u"The OS keychain was chosen for secrets (%1) but does not work: %2. Start and unlock "
                    u"it (on Linux a Secret Service such as gnome-keyring), or choose the encrypted file "
                    u"(AIHUB_SECRET_STORE=file)."_s.arg(opts.modeFromEnvironment
                            ? u"AIHUB_SECRET_STORE=keychain"_s
                            : u"secret store mode keychain"_s,
                        problem)));
            openFile(opts, context, done, problem);
        });
}

} // namespace AiHub::Secrets
