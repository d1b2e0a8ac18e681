// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/common/errorstatus.h"

namespace AiHub {

int httpStatusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::UpstreamBadRequest:
    case ErrorCode::UpstreamRefused: return 400;
    case ErrorCode::Unauthenticated: return 401;
    // The provider refused the hub's credential: the hub's caller did nothing wrong, but 401 tells every client
    // that a key is at fault, and the message names the provider and the fix.
    case ErrorCode::UpstreamBadCredentials: return 401;
    case ErrorCode::InsufficientCredit: return 402;
    case ErrorCode::PermissionDenied: return 403;
    case ErrorCode::NotFound:
    case ErrorCode::UpstreamModelNotFound: return 404;
    case ErrorCode::AlreadyExists: return 409;
    case ErrorCode::PayloadTooLarge: return 413;
    case ErrorCode::RateLimited:
    case ErrorCode::UpstreamRateLimited: return 429;
    case ErrorCode::Cancelled: return 499; // nginx's "client closed request", for usage records
    case ErrorCode::UpstreamUnavailable:
    case ErrorCode::UpstreamProtocol: return 502;
    case ErrorCode::ShuttingDown:
    case ErrorCode::StorageLocked:
    case ErrorCode::SecretStoreUnavailable: return 503;
    case ErrorCode::UpstreamTimeout: return 504;
    case ErrorCode::StorageReadOnly:
    case ErrorCode::StorageCorrupt:
    case ErrorCode::StorageTooNew:
    case ErrorCode::StorageError:
    case ErrorCode::SecretNotFound:
    case ErrorCode::Internal: return 500;
    }
    return 500;
}

} // namespace AiHub
