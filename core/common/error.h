// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QString>

namespace AiHub {

// What went wrong, independent of how it is shown. The server maps a code to an HTTP status in one place
// (server/errormapping.cpp); the UI maps it to translated text in one place.
enum class ErrorCode {
    InvalidArgument,        // the caller sent something we cannot use (400)
    NotFound,               // no such key, provider, model... (404)
    AlreadyExists,          // a name is taken (409)
    Unauthenticated,        // missing or bad hub access key (401)
    PermissionDenied,       // valid key, not allowed (403)
    PayloadTooLarge,        // request body over the limit (413)
    RateLimited,            // too many requests to the hub itself (429)
    UpstreamBadCredentials, // the provider rejected our credential (401-class)
    UpstreamRateLimited,    // the provider said 429
    UpstreamModelNotFound,  // the provider does not know the model
    UpstreamBadRequest,     // the provider rejected the request (400), incl. context too long
    UpstreamRefused,        // content policy refusal (400)
    UpstreamUnavailable,    // connection refused, DNS, TLS, reset, 5xx (502)
    UpstreamTimeout,        // connect, first byte or idle gap timed out (504)
    UpstreamProtocol,       // the provider answered something we cannot parse (502)
    Cancelled,              // the client went away
    StorageLocked,          // the database is locked by another process
    StorageReadOnly,        // the database or its folder is not writable
    StorageCorrupt,         // the database file is damaged or not a database
    StorageTooNew,          // the database was written by a newer version of the hub
    StorageError,           // any other database failure
    SecretStoreUnavailable, // the keychain (or the encrypted file) cannot be used
    SecretNotFound,         // nothing stored under that name
    ShuttingDown,           // the hub is stopping (503)
    InsufficientCredit,     // the caller's credit balance cannot cover the call (402)
    Internal,               // a bug: never expected (500)
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;              // English, for logs and API bodies; says what to do next where it can
    int upstreamStatus = 0;       // the provider's HTTP status, when the error came from a provider
    int retryAfterSeconds = -1;   // from the provider's Retry-After, when it sent one
    QString provider;             // provider name, when the error came from a provider

    static Error make(ErrorCode code, const QString &message) { return Error { code, message, 0, -1, {} }; }
};

// A stable machine-readable name for a code ("upstream_timeout"), used in API bodies and usage records.
QString errorCodeName(ErrorCode code);

} // namespace AiHub
