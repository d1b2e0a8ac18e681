// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"
#include <QString>

namespace AiHub::Providers {

struct LiveProvider;

// One table from a provider's non-2xx answer to the hub's error, shared by the adapters: each reads its own
// error body into Facts and words its advice in Wording; the status -> ErrorCode rules live here only.
class UpstreamErrorMapper final {
public:
    struct Facts {
        int status = 0;
        QString what;               // the provider's words for the log and the client: "HTTP 400 type: message"
        int retryAfterSeconds = -1;
        bool badCredentials = false; // besides 401/403 (Gemini's 400 API_KEY_INVALID, Anthropic's authentication_error)
        bool modelNotFound = false;  // besides 404 (Ollama's "model ... not found")
        bool noCredit = false;       // the account is out of money (Anthropic's 402 / credit balance)
        bool overloaded = false;     // Anthropic's 529 / overloaded_error
        bool contextTooLong = false;
        bool refused = false;        // a content-policy refusal
    };
    // What the provider's users should do, per case; the defaults fit a cloud API.
    struct Wording {
        QString rateLimited = QStringLiteral("is rate-limiting requests");
        QString modelNotFound = QStringLiteral("does not offer this model");
        QString modelNotFoundAdvice = QStringLiteral("GET /v1/models lists the models it has.");
        QString noCreditAdvice = QStringLiteral("Top up the account with the provider.");
        QString timeoutAdvice = QStringLiteral("Try again.");
        QString contextAdvice = QStringLiteral("Shorten it or choose a model with a larger context.");
        QString badRequestAdvice; // empty: none
        QString unavailableAdvice = QStringLiteral("Try again shortly.");
    };

    static Error map(const LiveProvider &provider, const Facts &facts, const Wording &wording);
};

} // namespace AiHub::Providers
