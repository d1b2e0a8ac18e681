// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>

namespace AiHub::Crypto {

// Turns a passphrase into a 32-byte key with PBKDF2-HMAC-SHA256.
class KeyDerivation final {
public:
    static constexpr int DefaultIterations = 600000; // OWASP 2023 figure for PBKDF2-HMAC-SHA256
    static QByteArray pbkdf2Sha256(const QByteArray &passphrase, const QByteArray &salt,
                                   int iterations = DefaultIterations);
};

} // namespace AiHub::Crypto
