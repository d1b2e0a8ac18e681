// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/bedrock/bedrockerrors.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

namespace {
bool isOneOf(const QString &type, std::initializer_list<const char *> names)
{
    for (const char *n : names) {
        if (type == QLatin1StringView(n))
            return true;
    }
    return false;
}
} // namespace

BedrockErrors::AwsError BedrockErrors::parseBody(const QByteArray &body)
{
    AwsError out;
    const auto root = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (!root.is_object()) {
        out.message = QString::fromUtf8(body.left(300)).trimmed();
        return out;
    }
    for (const char *key : { "message", "Message" }) {
        if (const auto m = root.find(key); m != root.end() && m->is_string()) {
            out.message = QString::fromStdString(m->get<std::string>());
            break;
        }
    }
    if (const auto t = root.find("__type"); t != root.end() && t->is_string()) {
        // Forms seen from AWS: "ThrottlingException", "com.amazon.coral.service#ThrottlingException",
        // "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/".
        QString type = QString::fromStdString(t->get<std::string>());
        if (const qsizetype hash = type.lastIndexOf(u'#'); hash >= 0)
            type = type.mid(hash + 1);
        if (const qsizetype colon = type.indexOf(u':'); colon >= 0)
            type = type.left(colon);
        out.type = type;
    }
    return out;
}

QString BedrockErrors::exceptionTypeName(const QByteArray &eventStreamName)
{
    QString name = QString::fromUtf8(eventStreamName);
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

int BedrockErrors::statusForType(const QString &type)
{
    // HTTP status per exception, from the bedrock-runtime service model (fixtures/bedrock/service-model-excerpt.json).
    if (isOneOf(type, { "ThrottlingException", "ModelNotReadyException" }))
        return 429;
    if (isOneOf(type, { "ValidationException", "ServiceQuotaExceededException" }))
        return 400;
    if (isOneOf(type, { "ModelStreamErrorException", "ModelErrorException" }))
        return 424;
    if (type == u"ModelTimeoutException")
        return 408;
    if (type == u"AccessDeniedException")
        return 403;
    if (type == u"ResourceNotFoundException")
        return 404;
    if (type == u"ServiceUnavailableException")
        return 503;
    return 500; // InternalServerException and anything unknown
}

Error BedrockErrors::map(const QString &who, const QString &name, int status, const AwsError &aws,
                         int retryAfterSeconds)
{
    const QString details = aws.message.isEmpty() ? QStringLiteral("no details") : aws.message;
    const QString what = aws.type.isEmpty() ? QStringLiteral("HTTP %1: %2").arg(status).arg(details)
                                            : QStringLiteral("HTTP %1, %2: %3").arg(status).arg(aws.type, details);
    const QString lower = aws.message.toLower();
    const QString &type = aws.type;

    Error error;
    error.upstreamStatus = status;
    error.retryAfterSeconds = retryAfterSeconds;
    error.provider = name;
    const bool badCredentials = status == 401
        || isOneOf(type, { "UnrecognizedClientException", "InvalidSignatureException", "AccessDeniedException",
                           "ExpiredTokenException", "IncompleteSignatureException",
                           "MissingAuthenticationTokenException", "InvalidClientTokenId" })
        || (status == 403 && type.isEmpty());
    if (badCredentials) {
        error.code = ErrorCode::UpstreamBadCredentials;
        const QString access = type == u"AccessDeniedException"
            ? QStringLiteral(" If the key is right, grant it access to this model in the Bedrock console.")
            : QString();
        error.message = QStringLiteral("%1 rejected the AWS credentials (%2). Check the key for \"%3\" in Providers, "
                                       "or replace it with `aigne-hubd provider credential add %3`.%4")
                            .arg(who, what, name, access);
    } else if (status == 429 || isOneOf(type, { "ThrottlingException", "ModelNotReadyException",
                                                "ServiceQuotaExceededException" })) {
        error.code = ErrorCode::UpstreamRateLimited;
        error.message = QStringLiteral("%1 is rate-limiting requests (%2). Wait%3 and try again.")
                            .arg(who, what,
                                 retryAfterSeconds >= 0 ? QStringLiteral(" %1 s").arg(retryAfterSeconds) : QString());
    } else if (status == 404 || type == u"ResourceNotFoundException"
               || lower.contains(QStringLiteral("model identifier is invalid"))) {
        error.code = ErrorCode::UpstreamModelNotFound;
        error.message = QStringLiteral("%1 does not offer this model (%2). GET /v1/models lists the models it has.")
                            .arg(who, what);
    } else if (status == 408 || status == 504 || type == u"ModelTimeoutException") {
        error.code = ErrorCode::UpstreamTimeout;
        error.message = QStringLiteral("%1 timed out (%2). Try again.").arg(who, what);
    } else if (status == 424 || isOneOf(type, { "ModelErrorException", "ModelStreamErrorException" })) {
        // The model behind Bedrock failed, not the request.
        error.code = ErrorCode::UpstreamUnavailable;
        error.message = QStringLiteral("The model at %1 failed while answering (%2). Try again shortly.").arg(who, what);
    } else if (status >= 400 && status < 500) {
        if (lower.contains(QStringLiteral("too long")) || lower.contains(QStringLiteral("too many tokens"))
            || lower.contains(QStringLiteral("context window")) || lower.contains(QStringLiteral("context length"))) {
            error.code = ErrorCode::UpstreamBadRequest;
            error.message = QStringLiteral("The conversation is too long for this model at %1 (%2). Shorten it or "
                                           "choose a model with a larger context.")
                                .arg(who, what);
        } else if (lower.contains(QStringLiteral("guardrail")) || lower.contains(QStringLiteral("content filter"))
                   || lower.contains(QStringLiteral("blocked by"))) {
            error.code = ErrorCode::UpstreamRefused;
            error.message = QStringLiteral("%1 refused to answer (%2).").arg(who, what);
        } else {
            error.code = ErrorCode::UpstreamBadRequest;
            error.message = QStringLiteral("%1 rejected the request (%2).").arg(who, what);
        }
    } else {
        error.code = ErrorCode::UpstreamUnavailable;
        error.message = QStringLiteral("%1 could not answer (%2). Try again shortly.").arg(who, what);
    }
    return error;
}

} // namespace AiHub::Providers
