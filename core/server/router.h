// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/server/requestcontext.h"
#include "core/server/transport/httprequest.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <functional>

namespace AiHub::Access {
class AccessKeyStore;
}

namespace AiHub::Server {

class HttpExchange;

// An explicit {method, path} → handler table. Checks the access key on protected routes, answers 404 for an
// unknown path and 405 (with Allow) for a known path asked with another method, and stamps every request
// with an id and its arrival time.
class Router final {
public:
    using Handler = std::function<void(const HttpRequest &, HttpExchange *, const RequestContext &)>;
    enum class Access { Public, Key };

    explicit Router(AiHub::Access::AccessKeyStore *keys);

    void add(const QByteArray &method, const QString &path, Access access, Handler handler);
    // Every path below `prefix` (e.g. "/files/"), when no exact path matches.
    void addPrefix(const QByteArray &method, const QString &prefix, Access access, Handler handler);
    void dispatch(const HttpRequest &request, HttpExchange *exchange);

private:
    QString nextRequestId();

    struct Route {
        QByteArray method;
        Access access = Access::Key;
        Handler handler;
    };

    AiHub::Access::AccessKeyStore *m_keys;
    // By path. Scanned rather than hashed: a few dozen paths, and comparing a path's length rejects nearly all of
    // them, cheaper than hashing the path of every request.
    QList<QPair<QString, QList<Route>>> m_routes;
    QList<QPair<QString, QList<Route>>> m_prefixRoutes;
    QByteArray m_requestIdPrefix;
    quint64 m_requestCounter = 0;
};

} // namespace AiHub::Server
