// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/crypto/digest.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace AiHub::Crypto {

namespace {
// Fetched once: EVP_sha256() makes OpenSSL 3 look the algorithm up on every use, which costs more than hashing
// an access key (every authenticated request hashes one).
const EVP_MD *sha256Md()
{
    static EVP_MD *const fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched ? fetched : EVP_sha256();
}
} // namespace

QByteArray Digest::sha256(QByteArrayView data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(out.data()), &len, sha256Md(),
               nullptr);
    return out;
}

QByteArray Digest::hmacSha256(QByteArrayView key, QByteArrayView data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    HMAC(sha256Md(), key.data(), int(key.size()), reinterpret_cast<const unsigned char *>(data.data()),
         size_t(data.size()), reinterpret_cast<unsigned char *>(out.data()), &len);
    return out;
}

bool Digest::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    return a.isEmpty() || CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

} // namespace AiHub::Crypto
