// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace AiHub::Crypto {

// Hashes, MACs and comparisons for secrets. All outputs are raw bytes.
class Digest final {
public:
    static QByteArray sha256(QByteArrayView data);
    static QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);
    // Compares in time that depends only on the lengths, never on where the inputs differ.
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
};

} // namespace AiHub::Crypto
