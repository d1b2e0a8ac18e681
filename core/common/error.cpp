// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/common/error.h"

namespace AiHub {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid_request");
    case ErrorCode::NotFound: return QStringLiteral("not_found");
    case ErrorCode::AlreadyExists: return QStringLiteral("already_exists");
    case ErrorCode::Unauthenticated: return QStringLiteral("unauthenticated");
    case ErrorCode::PermissionDenied: return QStringLiteral("permission_denied");
    case ErrorCode::PayloadTooLarge: return QStringLiteral("payload_too_large");
    case ErrorCode::RateLimited: return QStringLiteral("rate_limited");
    case ErrorCode::UpstreamBadCredentials: return QStringLiteral("upstream_bad_credentials");
    case ErrorCode::UpstreamRateLimited: return QStringLiteral("upstream_rate_limited");
    case ErrorCode::UpstreamModelNotFound: return QStringLiteral("model_not_found");
    case ErrorCode::UpstreamBadRequest: return QStringLiteral("upstream_bad_request");
    case ErrorCode::UpstreamRefused: return QStringLiteral("content_refused");
    case ErrorCode::UpstreamUnavailable: return QStringLiteral("upstream_unavailable");
    case ErrorCode::UpstreamTimeout: return QStringLiteral("upstream_timeout");
    case ErrorCode::UpstreamProtocol: return QStringLiteral("upstream_protocol_error");
    case ErrorCode::Cancelled: return QStringLiteral("cancelled");
    case ErrorCode::StorageLocked: return QStringLiteral("storage_locked");
    case ErrorCode::StorageReadOnly: return QStringLiteral("storage_read_only");
    case ErrorCode::StorageCorrupt: return QStringLiteral("storage_corrupt");
    case ErrorCode::StorageTooNew: return QStringLiteral("storage_too_new");
    case ErrorCode::StorageError: return QStringLiteral("storage_error");
    case ErrorCode::SecretStoreUnavailable: return QStringLiteral("secret_store_unavailable");
    case ErrorCode::SecretNotFound: return QStringLiteral("secret_not_found");
    case ErrorCode::ShuttingDown: return QStringLiteral("shutting_down");
    case ErrorCode::InsufficientCredit: return QStringLiteral("insufficient_credit");
    case ErrorCode::Internal: return QStringLiteral("internal_error");
    }
    return QStringLiteral("internal_error");
}

} // namespace AiHub
