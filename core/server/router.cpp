// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/router.h"

#include "core/access/accesskeystore.h"
#include "core/common/monotonicclock.h"
#include "core/crypto/securerandom.h"
#include "core/server/apierror.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

#include <QDateTime>

#include <charconv>

namespace AiHub::Server {

Router::Router(AiHub::Access::AccessKeyStore *keys)
    : m_keys(keys)
    // Request ids: a random per-router prefix and a counter, unique without a random draw per request.
    , m_requestIdPrefix("req_" + Crypto::SecureRandom::bytes(6).toHex() + '_')
{
}

void Router::add(const QByteArray &method, const QString &path, Access access, Handler handler)
{
    for (auto &entry : m_routes) {
        if (entry.first == path) {
            entry.second.append(Route { method, access, std::move(handler) });
            return;
        }
    }
    m_routes.append({ path, { Route { method, access, std::move(handler) } } });
}

void Router::addPrefix(const QByteArray &method, const QString &prefix, Access access, Handler handler)
{
    for (auto &entry : m_prefixRoutes) {
        if (entry.first == prefix) {
            entry.second.append(Route { method, access, std::move(handler) });
            return;
        }
    }
    m_prefixRoutes.append({ prefix, { Route { method, access, std::move(handler) } } });
}

QString Router::nextRequestId()
{
    // Prefix and counter written straight into the string: one allocation per request instead of three.
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, ++m_requestCounter).ptr;
    QString id(m_requestIdPrefix.size() + (end - digits), Qt::Uninitialized);
    QChar *out = id.data();
    for (const char c : std::as_const(m_requestIdPrefix))
        *out++ = QLatin1Char(c);
    for (const char *c = digits; c != end; ++c)
        *out++ = QLatin1Char(*c);
    return id;
}

void Router::dispatch(const HttpRequest &request, HttpExchange *exchange)
{
    const QList<Route> *routes = nullptr;
    for (const auto &entry : std::as_const(m_routes)) {
        if (entry.first == request.path) {
            routes = &entry.second;
            break;
        }
    }
    for (qsizetype i = 0; !routes && i < m_prefixRoutes.size(); ++i) {
        if (request.path.startsWith(m_prefixRoutes[i].first))
            routes = &m_prefixRoutes[i].second;
    }
    if (!routes) {
        ApiError::respond(exchange, Error::make(ErrorCode::NotFound,
                                                QStringLiteral("There is no %1 endpoint on this hub. The OpenAI-"
                                                               "compatible API is under /v1 (e.g. POST "
                                                               "/v1/chat/completions).")
                                                    .arg(request.path)));
        return;
    }
    const Route *route = nullptr;
    const QByteArray method = request.methodToken;
    for (const Route &r : *routes) {
        if (r.method == method || (method == "HEAD" && r.method == "GET")) {
            route = &r;
            break;
        }
    }
    if (!route) {
        QByteArray allow;
        for (const Route &r : *routes)
            allow += (allow.isEmpty() ? "" : ", ") + r.method;
        Error error = Error::make(ErrorCode::InvalidArgument,
                                  QStringLiteral("%1 does not accept %2; use %3.")
                                      .arg(request.path, QString::fromUtf8(method),
                                           QString::fromUtf8(allow)));
        HttpHeaders headers { { "Content-Type", "application/json" }, { "Allow", allow } };
        exchange->respond(405, headers, ApiError::openAiBody(error));
        return;
    }

    RequestContext context;
    context.caller.requestId = nextRequestId();
    context.caller.receivedAtNs = monotonicNowNs();
    context.caller.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (const QByteArrayView appDid = request.headerView("x-aigne-hub-client-did"); !appDid.isEmpty())
        context.caller.appDid = QString::fromUtf8(appDid);
    if (route->access == Access::Key) {
        const QByteArrayView authorization = request.headerView("authorization");
        if (authorization.isEmpty()) {
            ApiError::respond(exchange,
                              Error::make(ErrorCode::Unauthenticated,
                                          QStringLiteral("This hub needs an access key. Send it as \"Authorization: "
                                                         "Bearer <key>\"; an admin creates one with `aigne-hubd key "
                                                         "create --name NAME`.")));
            return;
        }
        QByteArrayView token(authorization);
        if (token.size() > 7 && token.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
            token = token.sliced(7).trimmed();
        else
            token = {};
        auto key = m_keys->verify(token);
        if (!key) {
            ApiError::respond(exchange, key.error());
            return;
        }
        context.caller.accessKeyId = key->id;
        context.caller.keyName = key->name;
        context.caller.account = key->account;
        context.key = std::move(*key);
    }
    route->handler(request, exchange, context);
}

} // namespace AiHub::Server
