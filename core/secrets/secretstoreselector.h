// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/crypto/keyderivation.h"
#include "core/secrets/isecretstore.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

class QObject;

namespace AiHub::Secrets {

// Chooses where secrets live, once at start. `auto` probes the OS keychain (write, read back, delete a probe
// entry) and uses it when that works, otherwise the encrypted file; `keychain` fails instead of falling back;
// `file` and `memory` use those stores. The result carries one plain sentence for the start-up log saying
// which store is in use.
//
// Environment (read by resolve()): AIHUB_SECRET_STORE (auto|keychain|file|memory) overrides `mode` when set
// and non-empty; AIHUB_SECRET_PASSPHRASE and AIHUB_SECRET_KEY_FILE are used when `passphrase` / `keyFile` are
// empty. The key file defaults to <dataDir>/secret.key, the secrets file is <dataDir>/secrets.enc.
class SecretStoreSelector final {
public:
    enum class Mode { Auto, Keychain, File, Memory };

    struct Options {
        Mode mode = Mode::Auto;
        QString dataDir;
        QByteArray passphrase;
        QString keyFile;
        QString keychainService = QStringLiteral("aigne-hub");
        std::chrono::milliseconds probeTimeout { 20000 };
        int kdfIterations = Crypto::KeyDerivation::DefaultIterations;
        // Filled in by resolve(): where the mode and the passphrase came from, for the start-up sentence.
        bool modeFromEnvironment = false;
        bool passphraseFromEnvironment = false;
    };

    struct Selection {
        std::shared_ptr<ISecretStore> store;
        QString
            summary; // the start-up sentence, e.g. "Secrets are kept in the OS keychain (Secret Service)."
        QString keychainProblem; // why the keychain was not used after a failed probe; empty otherwise
    };
    using SelectCallback = std::function<void(AiHub::Result<Selection>)>;

    // "auto", "keychain", "file", "memory" (case-insensitive); InvalidArgument otherwise.
    [[nodiscard]] static Result<Mode> parseMode(const QString &text);
    static QString modeName(Mode mode);
    // Applies the environment and the defaults; InvalidArgument for a bad AIHUB_SECRET_STORE.
    [[nodiscard]] static Result<Options> resolve(Options options);
    static QString secretsFilePath(const Options &resolved);

    // Resolves `options` and picks the store; `done` runs later on `context`'s thread (dropped if it is
    // destroyed). Fails with SecretStoreUnavailable when the chosen store cannot be used (the message says
    // why and what to do).
    static void select(const Options &options, QObject *context, SelectCallback done);
};

} // namespace AiHub::Secrets
