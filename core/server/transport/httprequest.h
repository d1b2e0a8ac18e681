// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/server/transport/requestheaders.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>
#include <QUrlQuery>

namespace AiHub::Server {

// One parsed HTTP request as the rest of the server sees it. A plain value, independent of the connection.
class HttpRequest
{
public:
    enum class Method { Get, Head, Post, Put, Delete, Patch, Options, Connect, Trace, Unknown };

    HttpRequest() = default;
    // Copies the peer's address instead of default-constructing one first (that allocates).
    HttpRequest(const QHostAddress &peerAddress, quint16 port) : peer(peerAddress), peerPort(port) {}

    Method method = Method::Unknown;
    QByteArray methodToken;        // as sent, e.g. "GET" or "BREW"
    QByteArray target;             // raw request-target, e.g. "/v1/models?x=1"
    QString path;                  // percent-decoded path only, e.g. "/v1/models"
    QUrlQuery query;
    RequestHeaders headers;        // as sent, in order
    QByteArray body;
    QHostAddress peer;
    quint16 peerPort = 0;
    bool keepAlive = true;         // the connection stays open after the response
    bool http10 = false;
    quint64 id = 0;                // unique per process, for logs

    // The first value of a header, or an empty array. Names match case-insensitively; pass them in lower case.
    [[nodiscard]] QByteArray header(QByteArrayView lowercaseName) const;
    // The same without a copy: valid while this request lives.
    [[nodiscard]] QByteArrayView headerView(QByteArrayView lowercaseName) const { return headers.view(lowercaseName); }
    [[nodiscard]] bool hasHeader(QByteArrayView lowercaseName) const;

    static Method methodFromToken(QByteArrayView token);
    // Splits a request-target into the decoded path and the query (absolute-form targets lose their authority).
    static void splitTarget(QByteArrayView target, QString *path, QUrlQuery *query);
};

} // namespace AiHub::Server
