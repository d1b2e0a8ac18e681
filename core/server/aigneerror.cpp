// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/aigneerror.h"

#include "core/common/errorstatus.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"
#include "core/server/transport/httprequest.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

namespace AiHub::Server {

using Json = nlohmann::ordered_json;

namespace {
Json errorData(const Error &error, const QString &link)
{
    Json data;
    data["message"] = error.message.toStdString();
    if (error.code == ErrorCode::InsufficientCredit) {
        data["timestamp"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
        data["type"] = "NOT_ENOUGH";
        data["link"] = link.toStdString();
    }
    return data;
}
} // namespace

QByteArray AigneError::body(const Error &error, const QString &link)
{
    Json body;
    body["error"] = errorData(error, link);
    return QByteArray::fromStdString(body.dump());
}

bool AigneError::acceptsEventStream(const HttpRequest &request)
{
    return request.header("accept").contains("text/event-stream");
}

void AigneError::respond(HttpExchange *exchange, const HttpRequest &request, const Error &error, const QString &link)
{
    if (acceptsEventStream(request)) {
        exchange->respond(200, HttpHeaders { { "Content-Type", "text/event-stream" }, { "Cache-Control", "no-cache" } },
                          "data: " + body(error, link) + "\n\n");
        return;
    }
    HttpHeaders headers { { "Content-Type", "application/json" } };
    if (error.retryAfterSeconds >= 0)
        headers.append({ "Retry-After", QByteArray::number(error.retryAfterSeconds) });
    exchange->respond(httpStatusFor(error.code), headers, body(error, link));
}

QByteArray AigneError::legacyBody(const Error &error, const QString &link)
{
    if (error.code == ErrorCode::InsufficientCredit)
        return body(error, link);
    Json body;
    body["error"] = error.message.toStdString();
    return QByteArray::fromStdString(body.dump());
}

void AigneError::respondLegacy(HttpExchange *exchange, const HttpRequest &request, const Error &error)
{
    if (acceptsEventStream(request)) {
        exchange->respond(200, HttpHeaders { { "Content-Type", "text/event-stream" }, { "Cache-Control", "no-cache" } },
                          "data: " + legacyBody(error) + "\n\n");
        return;
    }
    HttpHeaders headers { { "Content-Type", "application/json" } };
    if (error.retryAfterSeconds >= 0)
        headers.append({ "Retry-After", QByteArray::number(error.retryAfterSeconds) });
    exchange->respond(httpStatusFor(error.code), headers, legacyBody(error));
}

QByteArray AigneError::streamEvent(const Error &error)
{
    Json data;
    data["message"] = error.message.toStdString();
    return "event: error\ndata: " + QByteArray::fromStdString(data.dump()) + "\n\n";
}

} // namespace AiHub::Server
