// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/gemini/geminierrorbody.h"

#include "core/providers/gemini/geminiresponse.h"

namespace AiHub::Providers {

GeminiErrorBody GeminiErrorBody::parse(const QByteArray &body)
{
    const auto root = nlohmann::ordered_json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    GeminiErrorBody out = fromJson(root);
    if (!out.valid) {
        // Not Google's envelope (a proxy's page, plain text): keep a short excerpt for the message.
        out.message = QString::fromUtf8(body.left(300)).trimmed();
    }
    return out;
}

GeminiErrorBody GeminiErrorBody::fromJson(const nlohmann::ordered_json &root)
{
    GeminiErrorBody out;
    const nlohmann::ordered_json *envelope = &root;
    if (root.is_array() && !root.empty())
        envelope = &root.front(); // streamGenerateContent without alt=sse wraps errors in an array
    if (!envelope->is_object())
        return out;
    const auto error = envelope->find("error");
    if (error == envelope->end() || !error->is_object())
        return out;
    out.valid = true;
    if (const auto code = error->find("code"); code != error->end() && code->is_number_integer())
        out.code = code->get<int>();
    out.message = GeminiResponse::string(*error, "message");
    out.status = GeminiResponse::string(*error, "status");
    const auto details = error->find("details");
    if (details == error->end() || !details->is_array())
        return out;
    for (const auto &detail : *details) {
        if (!detail.is_object())
            continue;
        if (out.reason.isEmpty())
            out.reason = GeminiResponse::string(detail, "reason");
        const QString delay = GeminiResponse::string(detail, "retryDelay");
        if (delay.endsWith(u's')) {
            bool ok = false;
            const double seconds = delay.chopped(1).toDouble(&ok);
            if (ok && seconds >= 0)
                out.retryDelaySeconds = int(seconds + 0.999);
        }
    }
    return out;
}

} // namespace AiHub::Providers
