// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/crypto/keyderivation.h"

#include <openssl/evp.h>

namespace AiHub::Crypto {

QByteArray KeyDerivation::pbkdf2Sha256(const QByteArray &passphrase, const QByteArray &salt, int iterations)
{
    QByteArray key(32, Qt::Uninitialized);
    PKCS5_PBKDF2_HMAC(passphrase.constData(), int(passphrase.size()),
                      reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()), iterations,
                      EVP_sha256(), int(key.size()), reinterpret_cast<unsigned char *>(key.data()));
    return key;
}

} // namespace AiHub::Crypto
