// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/crypto/aesgcm.h"

#include "core/crypto/securerandom.h"

#include <openssl/evp.h>

#include <memory>

namespace AiHub::Crypto {

namespace {
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char *u(const QByteArray &b) { return reinterpret_cast<const unsigned char *>(b.constData()); }
unsigned char *u(QByteArray &b) { return reinterpret_cast<unsigned char *>(b.data()); }
} // namespace

Result<QByteArray> AesGcm::seal(const QByteArray &key, const QByteArray &plaintext, const QByteArray &associatedData)
{
    if (key.size() != KeySize)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("AES-256-GCM needs a 32-byte key"));
    const QByteArray iv = SecureRandom::bytes(IvSize);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray out = iv;
    out.resize(IvSize + plaintext.size() + TagSize);
    unsigned char *ct = u(out) + IvSize;
    int len = 0;
    int total = 0;
    bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, u(key), u(iv)) == 1;
    ok = ok && (associatedData.isEmpty()
                || EVP_EncryptUpdate(ctx.get(), nullptr, &len, u(associatedData), int(associatedData.size())) == 1);
    ok = ok && (plaintext.isEmpty() || EVP_EncryptUpdate(ctx.get(), ct, &len, u(plaintext), int(plaintext.size())) == 1);
    total = plaintext.isEmpty() ? 0 : len;
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), ct + total, &len) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, ct + plaintext.size()) == 1;
    if (!ok)
        return fail(ErrorCode::Internal, QStringLiteral("AES-256-GCM encryption failed"));
    return out;
}

Result<QByteArray> AesGcm::open(const QByteArray &key, const QByteArray &sealed, const QByteArray &associatedData)
{
    if (key.size() != KeySize)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("AES-256-GCM needs a 32-byte key"));
    if (sealed.size() < IvSize + TagSize)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the encrypted value is truncated"));
    const int ctLen = int(sealed.size()) - IvSize - TagSize;
    const QByteArray iv = sealed.left(IvSize);
    QByteArray tag = sealed.right(TagSize);
    QByteArray plain(ctLen, Qt::Uninitialized);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, u(key), u(iv)) == 1;
    ok = ok && (associatedData.isEmpty()
                || EVP_DecryptUpdate(ctx.get(), nullptr, &len, u(associatedData), int(associatedData.size())) == 1);
    ok = ok && (ctLen == 0 || EVP_DecryptUpdate(ctx.get(), u(plain), &len, u(sealed) + IvSize, ctLen) == 1);
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, u(tag)) == 1;
    ok = ok && EVP_DecryptFinal_ex(ctx.get(), u(plain) + (ctLen == 0 ? 0 : len), &len) == 1;
    if (!ok)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the encrypted value cannot be opened: wrong key or the data was altered"));
    return plain;
}

} // namespace AiHub::Crypto
