// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/crypto/keyderivation.h"
#include "core/secrets/isecretstore.h"

#include <QString>

#include <memory>

namespace AiHub::Secrets {

// The fallback where no OS keychain works (headless servers): every secret in one JSON file, each value
// sealed with AES-256-GCM under the entry's name as associated data. The key comes from a passphrase (PBKDF2,
// salt and iteration count in the file) or from a key file (32 random bytes, base64, mode 0600, created when
// missing; a key file that group or others can read is refused). A key-check value in the file tells a wrong
// key apart from damage.
//
// The file is re-read on every call, so secrets another process (the CLI) just wrote are seen. Changes happen
// under a cross-process lock file and are written atomically (QSaveFile, mode 0600). A damaged, tampered or
// too-new file gives a clear error and is never overwritten. The file work runs on a worker thread; calls may
// come from any thread.
class EncryptedFileSecretStore final : public ISecretStore {
public:
    struct Options {
        QString filePath; // e.g. <dataDir>/secrets.enc
        QByteArray passphrase; // when non-empty, the key is derived from it and the key file is not used
        QString keyFilePath; // e.g. <dataDir>/secret.key
        int kdfIterations
            = Crypto::KeyDerivation::DefaultIterations; // for a new file; a file keeps its own count
    };
    static constexpr int FormatVersion = 1;
    static constexpr int MinKdfIterations = 1000;
    static constexpr int MaxKdfIterations = 10'000'000;

    explicit EncryptedFileSecretStore(const Options &options);
    ~EncryptedFileSecretStore() override;
    Q_DISABLE_COPY_MOVE(EncryptedFileSecretStore)

    QString id() const override;
    QString description() const override;
    QString filePath() const { return m_filePath; }
    QString keyFilePath() const { return m_keyFilePath; } // empty when a passphrase is used
    bool usesPassphrase() const { return m_keyFilePath.isEmpty(); }

    // Creates the key file and an empty secrets file when missing, and checks that the key matches an
    // existing file: reports a wrong passphrase, a lax key file or an unwritable folder before the first
    // secret is needed.
    void open(QObject *context, DoneCallback done);
    void read(const QString &name, QObject *context, ReadCallback done) override;
    void write(const QString &name, const QByteArray &secret, QObject *context, DoneCallback done) override;
    void remove(const QString &name, QObject *context, DoneCallback done) override;

private:
    class Engine;
    QString m_filePath;
    QString m_keyFilePath;
    std::shared_ptr<Engine> m_engine; // shared with running tasks, so the store may go away while they finish
};

} // namespace AiHub::Secrets
