// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/imagefilestore.h"

#include "core/crypto/digest.h"
#include "core/crypto/securerandom.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace AiHub::Hub {

namespace {
constexpr int kSecretBytes = 32;
const QString kSecretFile = QStringLiteral(".signing-key");

bool validId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^img_[0-9a-f]{32}\\.(png|jpeg|webp|gif)$"));
    return pattern.match(id).hasMatch();
}

QString extensionFor(const QString &mimeType)
{
    if (mimeType == QStringLiteral("image/jpeg") || mimeType == QStringLiteral("image/jpg"))
        return QStringLiteral("jpeg");
    if (mimeType == QStringLiteral("image/webp"))
        return QStringLiteral("webp");
    if (mimeType == QStringLiteral("image/gif"))
        return QStringLiteral("gif");
    return QStringLiteral("png");
}
} // namespace

ImageFileStore::ImageFileStore(QString folder)
    : m_folder(std::move(folder))
{
}

Status ImageFileStore::open()
{
    if (!QDir().mkpath(m_folder))
        return fail(ErrorCode::StorageReadOnly,
                    QStringLiteral("Cannot create the image folder %1; check that the data folder is writable.")
                        .arg(m_folder));
    QFile file(m_folder + u'/' + kSecretFile);
    if (file.open(QIODevice::ReadOnly)) {
        m_secret = file.readAll();
        if (m_secret.size() == kSecretBytes)
            return {};
        file.close();
    }
    const QByteArray secret = Crypto::SecureRandom::bytes(kSecretBytes);
    QSaveFile out(file.fileName());
    if (!out.open(QIODevice::WriteOnly) || out.write(secret) != secret.size()
        || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || !out.commit())
        return fail(ErrorCode::StorageReadOnly,
                    QStringLiteral("Cannot write %1; check that the data folder is writable.").arg(file.fileName()));
    m_secret = secret;
    return {};
}

QString ImageFileStore::mimeTypeForId(const QString &id)
{
    return QStringLiteral("image/") + id.mid(id.lastIndexOf(u'.') + 1);
}

Result<QString> ImageFileStore::store(const QByteArray &bytes, const QString &mimeType)
{
    if (!isOpen())
        return fail(ErrorCode::Internal, QStringLiteral("the image store was used before it was opened"));
    sweep(QDateTime::currentSecsSinceEpoch() - 2 * kLifetimeSecs);
    const QString id = QStringLiteral("img_") + QString::fromLatin1(Crypto::SecureRandom::bytes(16).toHex()) + u'.'
        + extensionFor(mimeType);
    QSaveFile out(m_folder + u'/' + id);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return fail(ErrorCode::StorageError,
                    QStringLiteral("Cannot store a generated image in %1; check the free space and permissions of "
                                   "the data folder.")
                        .arg(m_folder));
    return id;
}

QByteArray ImageFileStore::sign(const QString &id, qint64 expiresAtSecs) const
{
    const QByteArray message = id.toUtf8() + '\n' + QByteArray::number(expiresAtSecs);
    return Crypto::Digest::hmacSha256(m_secret, message).toHex();
}

QString ImageFileStore::signedPath(const QString &id, qint64 expiresAtSecs) const
{
    return QStringLiteral("/files/") + id + QStringLiteral("?expires=") + QString::number(expiresAtSecs)
        + QStringLiteral("&sig=") + QString::fromLatin1(sign(id, expiresAtSecs));
}

ImageFileStore::Lookup ImageFileStore::fetch(const QString &id, const QString &expires, const QString &signature,
                                             qint64 nowSecs, File *out) const
{
    bool ok = false;
    const qint64 expiresAt = expires.toLongLong(&ok);
    if (!isOpen() || !validId(id) || !ok)
        return Lookup::NotFound;
    if (!Crypto::Digest::constantTimeEquals(sign(id, expiresAt), signature.toLatin1()))
        return Lookup::NotFound;
    if (nowSecs > expiresAt)
        return Lookup::Expired;
    QFile file(m_folder + u'/' + id);
    if (!file.open(QIODevice::ReadOnly))
        return Lookup::NotFound;
    if (out) {
        out->data = file.readAll();
        out->mimeType = mimeTypeForId(id);
    }
    return Lookup::Found;
}

void ImageFileStore::sweep(qint64 cutoffSecs) const
{
    const QDir dir(m_folder);
    const auto entries = dir.entryInfoList({ QStringLiteral("img_*") }, QDir::Files);
    for (const QFileInfo &info : entries) {
        if (info.lastModified().toSecsSinceEpoch() < cutoffSecs)
            QFile::remove(info.absoluteFilePath());
    }
}

} // namespace AiHub::Hub
