// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/crypto/securerandom.h"

#include <openssl/rand.h>

#include <cstdlib>

namespace AiHub::Crypto {

QByteArray SecureRandom::bytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        std::abort(); // no entropy: continuing would hand out guessable secrets
    return out;
}

} // namespace AiHub::Crypto
