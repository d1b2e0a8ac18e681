// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/bedrock/sigv4signer.h"

#include "core/crypto/digest.h"

#include <QMap>
#include <QUrl>

#include <algorithm>

namespace AiHub::Providers {

namespace {
constexpr QByteArrayView kAlgorithm = "AWS4-HMAC-SHA256";

QByteArray amzDate(const QDateTime &time) { return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1(); }
QByteArray shortDate(const QDateTime &time) { return time.toUTC().toString(QStringLiteral("yyyyMMdd")).toLatin1(); }
QByteArray hexSha256(QByteArrayView data) { return Crypto::Digest::sha256(data).toHex(); }

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == '.' || c == '~';
}

// Headers a proxy or the HTTP stack may change or add; signing them would break the signature.
bool isUnsignable(const QByteArray &lowerName)
{
    return lowerName == "user-agent" || lowerName == "x-amzn-trace-id" || lowerName == "connection"
        || lowerName == "expect" || lowerName == "transfer-encoding" || lowerName == "authorization";
}

// Trims, and turns every run of whitespace (including folded line breaks) into one space.
QByteArray canonicalValue(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    bool pendingSpace = false;
    for (const char c : value) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}
} // namespace

SigV4Signer::SigV4Signer(QString service, QString region, Credentials credentials)
    : m_service(std::move(service))
    , m_region(std::move(region))
    , m_credentials(std::move(credentials))
{
}

QByteArray SigV4Signer::uriEncode(const QByteArray &bytes, bool keepSlash)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char c : bytes) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out += c;
        } else {
            out += '%';
            out += hex[(quint8(c) >> 4) & 0xF];
            out += hex[quint8(c) & 0xF];
        }
    }
    return out;
}

QByteArray SigV4Signer::canonicalUri(const QByteArray &path, bool normalize)
{
    if (path.isEmpty())
        return QByteArrayLiteral("/");
    if (!normalize)
        return uriEncode(path, true);
    // RFC 3986 dot-segment removal, and empty segments ("//") dropped, as aws-c-auth does.
    QList<QByteArray> kept;
    const QList<QByteArray> segments = path.split('/');
    for (const QByteArray &segment : segments) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(segment);
    }
    QByteArray out = '/' + kept.join('/');
    const bool directory = path.endsWith('/') || path.endsWith("/.") || path.endsWith("/..");
    if (directory && !kept.isEmpty())
        out += '/';
    return uriEncode(out, true);
}

QByteArray SigV4Signer::canonicalQuery(const QByteArray &query)
{
    QList<QPair<QByteArray, QByteArray>> params;
    const QList<QByteArray> parts = query.split('&');
    for (const QByteArray &part : parts) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArray key = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        // Decode first so that already-encoded and raw forms sign alike.
        params.append({ uriEncode(QByteArray::fromPercentEncoding(key), false),
                        uriEncode(QByteArray::fromPercentEncoding(value), false) });
    }
    std::sort(params.begin(), params.end());
    QByteArray out;
    for (const auto &[key, value] : std::as_const(params)) {
        if (!out.isEmpty())
            out += '&';
        out += key + '=' + value;
    }
    return out;
}

Status SigV4Signer::checkCredentials() const
{
    if (m_credentials.accessKeyId.isEmpty() || m_credentials.secretAccessKey.isEmpty())
        return fail(ErrorCode::UpstreamBadCredentials,
                    QStringLiteral("AWS request signing needs an access key id and a secret access key; add both to "
                                   "the credential."));
    if (m_service.isEmpty() || m_region.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("AWS request signing needs a service and a region; set the provider's region."));
    return {};
}

SigV4Signer::Canonical SigV4Signer::canonicalize(const Request &request, const Headers &extraHeaders,
                                                 const QByteArray &query, const QByteArray &payloadHash,
                                                 const Options &options) const
{
    // Same-named headers join with commas in the order they came; QMap sorts the names.
    QMap<QByteArray, QByteArray> headers;
    auto add = [&headers](const QByteArray &name, const QByteArray &value) {
        const QByteArray lower = name.trimmed().toLower();
        if (isUnsignable(lower))
            return;
        auto it = headers.find(lower);
        if (it == headers.end())
            headers.insert(lower, canonicalValue(value));
        else
            *it += ',' + canonicalValue(value);
    };
    for (const auto &[name, value] : request.headers)
        add(name, value);
    for (const auto &[name, value] : extraHeaders)
        add(name, value);

    Canonical c;
    QByteArray headerBlock;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        headerBlock += it.key() + ':' + it.value() + '\n';
        if (!c.signedHeaders.isEmpty())
            c.signedHeaders += ';';
        c.signedHeaders += it.key();
    }
    c.request = request.method.toUpper() + '\n' + canonicalUri(request.path, options.normalizePath) + '\n'
        + canonicalQuery(query) + '\n' + headerBlock + '\n' + c.signedHeaders + '\n' + payloadHash;
    return c;
}

QByteArray SigV4Signer::scope(const QDateTime &time) const
{
    return shortDate(time) + '/' + m_region.toUtf8() + '/' + m_service.toUtf8() + "/aws4_request";
}

QByteArray SigV4Signer::stringToSign(const QDateTime &time, const QByteArray &canonicalRequest) const
{
    return kAlgorithm.toByteArray() + '\n' + amzDate(time) + '\n' + scope(time) + '\n' + hexSha256(canonicalRequest);
}

QByteArray SigV4Signer::signatureHex(const QDateTime &time, const QByteArray &toSign) const
{
    using Crypto::Digest;
    const QByteArray kDate = Digest::hmacSha256(QByteArray("AWS4" + m_credentials.secretAccessKey.toUtf8()), shortDate(time));
    const QByteArray kRegion = Digest::hmacSha256(kDate, m_region.toUtf8());
    const QByteArray kService = Digest::hmacSha256(kRegion, m_service.toUtf8());
    const QByteArray kSigning = Digest::hmacSha256(kService, "aws4_request");
    return Digest::hmacSha256(kSigning, toSign).toHex();
}

Result<SigV4Signer::Signature> SigV4Signer::signHeaders(const Request &request, const QDateTime &time,
                                                       const Options &options) const
{
    if (const Status ok = checkCredentials(); !ok)
        return std::unexpected(ok.error());
    const QByteArray payloadHash = hexSha256(request.body);
    Headers signedExtras;
    signedExtras.append({ QByteArrayLiteral("X-Amz-Date"), amzDate(time) });
    const QByteArray token = m_credentials.sessionToken.toUtf8();
    if (!token.isEmpty() && options.signSessionToken)
        signedExtras.append({ QByteArrayLiteral("X-Amz-Security-Token"), token });
    if (options.addContentSha256)
        signedExtras.append({ QByteArrayLiteral("x-amz-content-sha256"), payloadHash });

    const Canonical c = canonicalize(request, signedExtras, request.query, payloadHash, options);
    Signature s;
    s.canonicalRequest = c.request;
    s.stringToSign = stringToSign(time, c.request);
    s.signature = signatureHex(time, s.stringToSign);
    s.headersToAdd = signedExtras;
    if (!token.isEmpty() && !options.signSessionToken)
        s.headersToAdd.append({ QByteArrayLiteral("X-Amz-Security-Token"), token });
    s.headersToAdd.append({ QByteArrayLiteral("Authorization"),
                            kAlgorithm.toByteArray() + " Credential=" + m_credentials.accessKeyId.toUtf8() + '/'
                                + scope(time) + ", SignedHeaders=" + c.signedHeaders + ", Signature=" + s.signature });
    s.query = request.query;
    return s;
}

Result<SigV4Signer::Signature> SigV4Signer::presign(const Request &request, const QDateTime &time,
                                                   int expiresSeconds, const Options &options) const
{
    if (const Status ok = checkCredentials(); !ok)
        return std::unexpected(ok.error());
    // The signed-header list goes into the query, so work it out first from the request's own headers.
    const QByteArray payloadHash = hexSha256(request.body);
    const QByteArray signedHeaders = canonicalize(request, {}, {}, payloadHash, options).signedHeaders;
    QByteArray query = request.query;
    auto param = [&query](QByteArrayView key, const QByteArray &value) {
        if (!query.isEmpty())
            query += '&';
        query += key.toByteArray() + '=' + uriEncode(value, false);
    };
    param("X-Amz-Algorithm", kAlgorithm.toByteArray());
    param("X-Amz-Credential", m_credentials.accessKeyId.toUtf8() + '/' + scope(time));
    param("X-Amz-Date", amzDate(time));
    param("X-Amz-SignedHeaders", signedHeaders);
    param("X-Amz-Expires", QByteArray::number(expiresSeconds));
    const QByteArray token = m_credentials.sessionToken.toUtf8();
    if (!token.isEmpty() && options.signSessionToken)
        param("X-Amz-Security-Token", token);

    const Canonical c = canonicalize(request, {}, query, payloadHash, options);
    Signature s;
    s.canonicalRequest = c.request;
    s.stringToSign = stringToSign(time, c.request);
    s.signature = signatureHex(time, s.stringToSign);
    if (!token.isEmpty() && !options.signSessionToken)
        param("X-Amz-Security-Token", token);
    param("X-Amz-Signature", s.signature);
    s.query = query;
    return s;
}

Status SigV4Signer::signUpstreamRequest(Net::UpstreamRequest &request, const QDateTime &time) const
{
    const QUrl &url = request.url;
    const bool tls = url.scheme() == QStringLiteral("https");
    const int port = url.port(tls ? 443 : 80);
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (port != (tls ? 443 : 80))
        host += ':' + QByteArray::number(port);
    // The signature covers Host, so send exactly the one that was signed.
    request.headers.removeIf([](const auto &h) { return h.first.toLower() == "host"; });
    request.headers.prepend({ QByteArrayLiteral("Host"), host });

    Request r;
    r.method = request.method;
    r.path = url.path(QUrl::FullyEncoded).toLatin1();
    r.query = url.query(QUrl::FullyEncoded).toLatin1();
    r.headers = request.headers;
    r.body = request.body;
    auto signature = signHeaders(r, time);
    if (!signature)
        return std::unexpected(signature.error());
    request.headers.append(signature->headersToAdd);
    return {};
}

} // namespace AiHub::Providers
