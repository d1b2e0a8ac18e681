// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// Google's error envelope: {"error":{"code","message","status","details":[{"@type","reason"|"retryDelay"}]}},
// also found wrapped in a one-element array.
struct GeminiErrorBody {
    int code = 0;
    QString message;
    QString status;           // "INVALID_ARGUMENT", "RESOURCE_EXHAUSTED", ...
    QString reason;           // ErrorInfo.reason, e.g. "API_KEY_INVALID"
    int retryDelaySeconds = -1; // RetryInfo.retryDelay ("33s")
    bool valid = false;       // an error envelope was found

    static GeminiErrorBody parse(const QByteArray &body);
    static GeminiErrorBody fromJson(const nlohmann::ordered_json &root);
};

} // namespace AiHub::Providers
