// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/apierror.h"

#include "core/common/errorstatus.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

#include <nlohmann/json.hpp>

namespace AiHub::Server {

QByteArray ApiError::openAiType(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Unauthenticated:
    case ErrorCode::UpstreamBadCredentials: return "authentication_error";
    case ErrorCode::PermissionDenied: return "permission_error";
    case ErrorCode::NotFound:
    case ErrorCode::UpstreamModelNotFound: return "not_found_error";
    case ErrorCode::RateLimited:
    case ErrorCode::UpstreamRateLimited: return "rate_limit_error";
    case ErrorCode::InvalidArgument:
    case ErrorCode::UpstreamBadRequest:
    case ErrorCode::UpstreamRefused:
    case ErrorCode::PayloadTooLarge:
    case ErrorCode::AlreadyExists: return "invalid_request_error";
    case ErrorCode::UpstreamTimeout: return "timeout_error";
    case ErrorCode::InsufficientCredit: return "insufficient_quota";
    default: return "api_error";
    }
}

QByteArray ApiError::openAiBody(const Error &error)
{
    nlohmann::ordered_json body;
    body["error"]["message"] = error.message.toStdString();
    body["error"]["type"] = openAiType(error.code).toStdString();
    body["error"]["code"] = errorCodeName(error.code).toStdString();
    if (!error.provider.isEmpty())
        body["error"]["provider"] = error.provider.toStdString();
    return QByteArray::fromStdString(body.dump());
}

void ApiError::respond(HttpExchange *exchange, const Error &error)
{
    HttpHeaders headers { { "Content-Type", "application/json" } };
    if (error.retryAfterSeconds >= 0)
        headers.append({ "Retry-After", QByteArray::number(error.retryAfterSeconds) });
    exchange->respond(httpStatusFor(error.code), headers, openAiBody(error));
}

} // namespace AiHub::Server
