// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QByteArray>

namespace AiHub::Crypto {

// AES-256-GCM with a fresh 12-byte IV per message. Sealed form: iv (12) || ciphertext || tag (16).
// The associated data binds a ciphertext to its purpose (e.g. the secret's name), so entries cannot be swapped.
class AesGcm final {
public:
    static constexpr int KeySize = 32;
    static constexpr int IvSize = 12;
    static constexpr int TagSize = 16;

    [[nodiscard]] static Result<QByteArray> seal(const QByteArray &key, const QByteArray &plaintext,
                                                 const QByteArray &associatedData);
    // Fails with InvalidArgument on a wrong key, a tampered ciphertext or wrong associated data.
    [[nodiscard]] static Result<QByteArray> open(const QByteArray &key, const QByteArray &sealed,
                                                 const QByteArray &associatedData);
};

} // namespace AiHub::Crypto
