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
    // One context per thread, initialised again for each hash: EVP_Digest() and SHA256() allocate, set up and
    // free a context (and look the algorithm up) on every call, about twice the work of hashing an access key.
    struct Context {
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        ~Context() { EVP_MD_CTX_free(ctx); }
    };
    thread_local Context context;
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    if (!context.ctx || !EVP_DigestInit_ex2(context.ctx, sha256Md(), nullptr)
        || !EVP_DigestUpdate(context.ctx, data.data(), size_t(data.size()))
        || !EVP_DigestFinal_ex(context.ctx, reinterpret_cast<unsigned char *>(out.data()), &len)) {
        // Out of memory in OpenSSL: fall back to the one-shot call rather than return garbage.
        EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(out.data()), &len,
                   sha256Md(), nullptr);
    }
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
