// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/upstreamerrormapper.h"

#include "core/providers/liveprovider.h"

namespace AiHub::Providers {

namespace {
QString sentence(const QString &text, const QString &advice)
{
    return advice.isEmpty() ? text : text + u' ' + advice;
}
} // namespace

Error UpstreamErrorMapper::map(const LiveProvider &provider, const Facts &facts, const Wording &wording)
{
    const QString who = provider.label();
    const QString &what = facts.what;
    const int status = facts.status;
    Error error;
    error.upstreamStatus = status;
    error.retryAfterSeconds = facts.retryAfterSeconds;
    error.provider = provider.config.name;
    if (status == 401 || status == 403 || facts.badCredentials) {
        error.code = ErrorCode::UpstreamBadCredentials;
        error.message = QStringLiteral("%1 rejected the API key (%2). Check the key for \"%3\" in Providers, or "
                                       "replace it with `aigne-hubd provider credential add %3`.")
                            .arg(who, what, provider.config.name);
    } else if (status == 429) {
        error.code = ErrorCode::UpstreamRateLimited;
        error.message = QStringLiteral("%1 %2 (%3). Wait%4 and try again.")
                            .arg(who, wording.rateLimited, what,
                                 facts.retryAfterSeconds >= 0 ? QStringLiteral(" %1 s").arg(facts.retryAfterSeconds)
                                                              : QString());
    } else if (status == 404 || facts.modelNotFound) {
        error.code = ErrorCode::UpstreamModelNotFound;
        error.message = sentence(QStringLiteral("%1 %2 (%3).").arg(who, wording.modelNotFound, what),
                                 wording.modelNotFoundAdvice);
    } else if (facts.noCredit) {
        error.code = ErrorCode::UpstreamUnavailable;
        error.message = sentence(QStringLiteral("The account at %1 has run out of credit (%2).").arg(who, what),
                                 wording.noCreditAdvice);
    } else if (status == 408 || status == 504) {
        error.code = ErrorCode::UpstreamTimeout;
        error.message = sentence(QStringLiteral("%1 timed out (%2).").arg(who, what), wording.timeoutAdvice);
    } else if (facts.overloaded) {
        error.code = ErrorCode::UpstreamUnavailable;
        error.message = QStringLiteral("%1 is overloaded (%2). Try again shortly.").arg(who, what);
    } else if (status == 413) {
        error.code = ErrorCode::UpstreamBadRequest;
        error.message = QStringLiteral("The request is too large for %1 (%2). Send fewer or smaller images or a "
                                       "shorter conversation.")
                            .arg(who, what);
    } else if (status >= 400 && status < 500) {
        if (facts.contextTooLong) {
            error.code = ErrorCode::UpstreamBadRequest;
            error.message = sentence(QStringLiteral("The conversation is too long for this model at %1 (%2).")
                                         .arg(who, what),
                                     wording.contextAdvice);
        } else if (facts.refused) {
            error.code = ErrorCode::UpstreamRefused;
            error.message = QStringLiteral("%1 refused to answer (%2).").arg(who, what);
        } else {
            error.code = ErrorCode::UpstreamBadRequest;
            error.message = sentence(QStringLiteral("%1 rejected the request (%2).").arg(who, what),
                                     wording.badRequestAdvice);
        }
    } else {
        error.code = ErrorCode::UpstreamUnavailable;
        error.message = sentence(QStringLiteral("%1 could not answer (%2).").arg(who, what), wording.unavailableAdvice);
    }
    return error;
}

} // namespace AiHub::Providers
