// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QString>

#include <nlohmann/json_fwd.hpp>

namespace AiHub::Providers {

// The useful parts of an OpenAI-style error body, tolerant of the variants: OpenAI's
// {"error":{"message","type","code"}}, OpenRouter's numeric codes, xAI's {"code","error":"..."}.
struct OpenAiErrorBody {
    QString message;
    QString type;
    QString code; // numeric codes as text
    int numericCode = 0;

    static OpenAiErrorBody parse(const QByteArray &body);
    static OpenAiErrorBody fromJson(const nlohmann::ordered_json &root);
};

} // namespace AiHub::Providers
