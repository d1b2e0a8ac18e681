// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/net/upstreamrequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace AiHub::Providers {

struct SigV4Credentials {
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // temporary credentials only; becomes X-Amz-Security-Token
};

struct SigV4Options {
    bool normalizePath = true;
    bool addContentSha256 = false;   // add and sign x-amz-content-sha256 (S3-style body signing)
    bool signSessionToken = true;    // false: the token is added after signing, unsigned
};

// A request as it goes on the wire: `path` and `query` as sent (percent-encoded or raw bytes).
struct SigV4Request {
    QByteArray method;
    QByteArray path;
    QByteArray query;
    QList<QPair<QByteArray, QByteArray>> headers; // must include Host
    QByteArray body;
};

struct SigV4Signature {
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature; // lowercase hex
    // Header signing: the headers to add to the request, Authorization last.
    // Presigning: empty; `query` is the complete query string to send instead.
    QList<QPair<QByteArray, QByteArray>> headersToAdd;
    QByteArray query;
};

// AWS Signature Version 4 (HMAC-SHA256), header signing and presigned query strings, as AWS services other
// than S3 expect it: the path is URI-encoded once more on top of its wire form (double encoding), and
// normalised (dot segments and empty segments removed) unless told not to. Checked against the aws-c-auth
// v4 test suite (tests/data/fixtures/sigv4).
class SigV4Signer final {
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    using Credentials = SigV4Credentials;
    using Options = SigV4Options;
    using Request = SigV4Request;
    using Signature = SigV4Signature;

    SigV4Signer(QString service, QString region, Credentials credentials);

    [[nodiscard]] Result<Signature> signHeaders(const Request &request, const QDateTime &time,
                                                const Options &options = {}) const;
    [[nodiscard]] Result<Signature> presign(const Request &request, const QDateTime &time, int expiresSeconds,
                                            const Options &options = {}) const;
    // Adds Host, X-Amz-Date, X-Amz-Security-Token (when a token is set) and Authorization to `request`.
    [[nodiscard]] Status signUpstreamRequest(Net::UpstreamRequest &request, const QDateTime &time) const;

    static QByteArray canonicalUri(const QByteArray &path, bool normalize);
    static QByteArray canonicalQuery(const QByteArray &query);
    static QByteArray uriEncode(const QByteArray &bytes, bool keepSlash);

private:
    struct Canonical {
        QByteArray request;
        QByteArray signedHeaders;
    };
    Status checkCredentials() const;
    Canonical canonicalize(const Request &request, const Headers &extraHeaders, const QByteArray &query,
                           const QByteArray &payloadHash, const Options &options) const;
    QByteArray scope(const QDateTime &time) const;
    QByteArray stringToSign(const QDateTime &time, const QByteArray &canonicalRequest) const;
    QByteArray signatureHex(const QDateTime &time, const QByteArray &stringToSign) const;

    QString m_service;
    QString m_region;
    Credentials m_credentials;
};

} // namespace AiHub::Providers
