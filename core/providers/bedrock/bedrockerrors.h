// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"

#include <QByteArray>
#include <QString>

namespace AiHub::Providers {

// AWS JSON errors (`{"__type": "...Exception", "message": "..."}`, or just `{"message"}`) and in-stream
// exception frames turned into the hub's errors, with the same table and wording as the OpenAI adapters.
class BedrockErrors final {
public:
    struct AwsError {
        QString type;    // "ThrottlingException"; empty when the body does not say
        QString message;
    };
    // Reads `__type` (namespace prefix and ":<url>" suffix removed) and `message` / `Message`.
    static AwsError parseBody(const QByteArray &body);
    // "throttlingException" -> "ThrottlingException", and the HTTP status the service model gives it.
    static QString exceptionTypeName(const QByteArray &eventStreamName);
    static int statusForType(const QString &type);

    // `who` names the provider for people ("Amazon Bedrock (provider \"aws\")"), `name` is the provider's name.
    static Error map(const QString &who, const QString &name, int status, const AwsError &aws, int retryAfterSeconds);
};

} // namespace AiHub::Providers
