// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>

namespace AiHub::Crypto {

// Bytes from OpenSSL's CSPRNG. Aborts rather than return weak bytes: callers use them for secrets.
class SecureRandom final {
public:
    static QByteArray bytes(int count);
};

} // namespace AiHub::Crypto
