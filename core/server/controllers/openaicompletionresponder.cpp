// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/openaicompletionresponder.h"

#include "core/providers/openaichatformat.h"
#include "core/server/apierror.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

namespace AiHub::Server {

void OpenAiCompletionResponder::chatCompleted(const Providers::ChatCompletion &completion)
{
    // OpenAI-style providers' answers go out unchanged; others are encoded.
    const QByteArray body = !completion.body.isEmpty()
        ? completion.body
        : QByteArray::fromStdString(Providers::OpenAiChatFormat::encodeCompletion(completion.result).dump());
    static const HttpHeaders jsonHeaders { { "Content-Type", "application/json" } }; // shared: no allocation per answer
    m_exchange->respond(200, jsonHeaders, body);
}

void OpenAiCompletionResponder::chatFailed(const Error &error, bool)
{
    ApiError::respond(m_exchange, error);
}

} // namespace AiHub::Server
