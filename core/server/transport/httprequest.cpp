// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/transport/httprequest.h"

namespace AiHub::Server {

QByteArray HttpRequest::header(QByteArrayView lowercaseName) const
{
    return headers.value(lowercaseName);
}

bool HttpRequest::hasHeader(QByteArrayView lowercaseName) const
{
    return headers.contains(lowercaseName);
}

HttpRequest::Method HttpRequest::methodFromToken(QByteArrayView token)
{
    // Methods are case-sensitive (RFC 9110 9.1): "get" is an unknown method.
    switch (token.size()) {
    case 3:
        if (token == "GET")
            return Method::Get;
        if (token == "PUT")
            return Method::Put;
        break;
    case 4:
        if (token == "POST")
            return Method::Post;
        if (token == "HEAD")
            return Method::Head;
        break;
    case 5:
        if (token == "PATCH")
            return Method::Patch;
        if (token == "TRACE")
            return Method::Trace;
        break;
    case 6:
        if (token == "DELETE")
            return Method::Delete;
        break;
    case 7:
        if (token == "OPTIONS")
            return Method::Options;
        if (token == "CONNECT")
            return Method::Connect;
        break;
    default:
        break;
    }
    return Method::Unknown;
}

void HttpRequest::splitTarget(QByteArrayView target, QString *path, QUrlQuery *query)
{
    QByteArrayView rest = target;
    if (!rest.startsWith('/') && rest != "*") {
        // absolute-form "http://host/path": drop scheme and authority
        const qsizetype scheme = rest.indexOf("://");
        const qsizetype slash = scheme < 0 ? -1 : rest.indexOf('/', scheme + 3);
        rest = slash < 0 ? QByteArrayView("/") : rest.sliced(slash);
    }
    const qsizetype hash = rest.indexOf('#');
    if (hash >= 0)
        rest = rest.first(hash);
    const qsizetype question = rest.indexOf('?');
    const QByteArrayView rawPath = question < 0 ? rest : rest.first(question);
    if (rawPath.contains('%'))
        *path = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath.toByteArray()));
    else
        *path = QString::fromUtf8(rawPath);
    if (question >= 0)
        *query = QUrlQuery(QString::fromUtf8(rest.sliced(question + 1)));
    else
        *query = QUrlQuery();
}

} // namespace AiHub::Server
