// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace AiHub::Hub {

// Generated images kept by the hub so that a URL it hands out can be fetched by the client (also on a LAN, where
// the provider's own URL may be unreachable or expire). Files live in one folder under the data directory; a URL
// is "/files/<id>?expires=<unix s>&sig=<hex>", signed with HMAC-SHA256 under a per-hub secret kept in that folder,
// and valid for an hour. Thread-safe: the secret is read once in open(), files are written once under random ids.
class ImageFileStore final {
public:
    static constexpr qint64 kLifetimeSecs = 3600;

    struct File {
        QByteArray data;
        QString mimeType;
    };
    enum class Lookup { Found, NotFound, Expired };

    explicit ImageFileStore(QString folder);

    // Creates the folder and loads (or creates, readable by the owner only) the signing secret.
    [[nodiscard]] Status open();
    bool isOpen() const { return !m_secret.isEmpty(); }
    QString folder() const { return m_folder; }

    // Stores the bytes; returns the new file's id. Files older than twice the lifetime are swept away first.
    [[nodiscard]] Result<QString> store(const QByteArray &bytes, const QString &mimeType);
    // The path and query of the file's URL, valid until expiresAtSecs (unix seconds).
    QString signedPath(const QString &id, qint64 expiresAtSecs) const;
    // Looks a signed URL's parts up. A bad id or signature is NotFound (nothing is revealed); a correctly signed
    // but past expiry is Expired.
    Lookup fetch(const QString &id, const QString &expires, const QString &signature, qint64 nowSecs,
                 File *out) const;
    // Deletes files last modified before cutoffSecs.
    void sweep(qint64 cutoffSecs) const;

    static QString mimeTypeForId(const QString &id);

private:
    QByteArray sign(const QString &id, qint64 expiresAtSecs) const;

    QString m_folder;
    QByteArray m_secret;
};

} // namespace AiHub::Hub
