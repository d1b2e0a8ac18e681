// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/crypto/aesgcm.h"
#include "core/crypto/digest.h"
#include "core/crypto/keyderivation.h"
#include "core/crypto/securerandom.h"

#include <QTest>

using namespace AiHub::Crypto;

class TestCrypto final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sha256_knownVector()
    {
        QCOMPARE(Digest::sha256("abc").toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
    void hmacSha256_rfc4231Case2()
    {
        QCOMPARE(Digest::hmacSha256("Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }
    void constantTimeEquals_comparesContentAndLength()
    {
        QVERIFY(Digest::constantTimeEquals("secret", "secret"));
        QVERIFY(!Digest::constantTimeEquals("secret", "secreT"));
        QVERIFY(!Digest::constantTimeEquals("secret", "secret2"));
        QVERIFY(Digest::constantTimeEquals("", ""));
    }
    void random_isFreshEachTime()
    {
        const QByteArray a = SecureRandom::bytes(32);
        QCOMPARE(a.size(), 32);
        QVERIFY(a != SecureRandom::bytes(32));
    }
    void aesGcm_roundTrip()
    {
        const QByteArray key = SecureRandom::bytes(32);
        for (const QByteArray &plain : { QByteArray(), QByteArray("sk-test-1234567890"), QByteArray(5000, 'x') }) {
            auto sealed = AesGcm::seal(key, plain, "provider:1");
            QVERIFY(sealed.has_value());
            QCOMPARE(sealed->size(), plain.size() + AesGcm::IvSize + AesGcm::TagSize);
            QVERIFY(!sealed->contains(plain) || plain.isEmpty());
            auto opened = AesGcm::open(key, *sealed, "provider:1");
            QVERIFY(opened.has_value());
            QCOMPARE(*opened, plain);
        }
    }
    void aesGcm_rejectsTamperingWrongKeyAndWrongContext()
    {
        const QByteArray key = SecureRandom::bytes(32);
        QByteArray sealed = *AesGcm::seal(key, "sk-live-secret", "a");
        QVERIFY(!AesGcm::open(SecureRandom::bytes(32), sealed, "a").has_value());
        QVERIFY(!AesGcm::open(key, sealed, "b").has_value());
        sealed[AesGcm::IvSize + 2] = char(sealed[AesGcm::IvSize + 2] ^ 1);
        auto opened = AesGcm::open(key, sealed, "a");
        QVERIFY(!opened.has_value());
        QCOMPARE(opened.error().code, AiHub::ErrorCode::InvalidArgument);
        QVERIFY(!AesGcm::open(key, "short", "a").has_value());
        QVERIFY(!AesGcm::seal("short-key", "x", "a").has_value());
    }
    void pbkdf2_rfc7914Vector()
    {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1, dkLen=64), first 32 bytes.
        QCOMPARE(KeyDerivation::pbkdf2Sha256("passwd", "salt", 1).toHex(),
                 QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
