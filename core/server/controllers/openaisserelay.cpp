// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/openaisserelay.h"

#include "core/providers/openaichatformat.h"
#include "core/server/apierror.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

namespace AiHub::Server {

using Providers::ChatEvent;

OpenAiSseRelay::OpenAiSseRelay(HttpExchange *exchange, bool clientWantsUsage, const QString &model)
    : m_exchange(exchange)
    , m_clientWantsUsage(clientWantsUsage)
    , m_encoder(model)
{
}

void OpenAiSseRelay::begin()
{
    if (m_begun || !m_exchange)
        return;
    m_begun = true;
    m_exchange->beginStream(200, HttpHeaders { { "Content-Type", "text/event-stream" },
                                               { "Cache-Control", "no-cache" },
                                               { "X-Accel-Buffering", "no" } });
}

void OpenAiSseRelay::write(const QByteArray &chunkJson)
{
    begin();
    m_exchange->writeChunk("data: " + chunkJson + "\n\n");
}

void OpenAiSseRelay::chatEvent(const ChatEvent &event)
{
    if (!m_exchange)
        return;
    if (event.kind == ChatEvent::Kind::Chunk) {
        if (m_clientWantsUsage)
            m_encoder.learnIdentity(event.chunk);
        write(event.chunk);
        return;
    }
    const QByteArray encoded = m_encoder.encode(event);
    if (!encoded.isEmpty())
        write(encoded);
}

void OpenAiSseRelay::chatStreamFinished(const QByteArray &usageJson, const Providers::TokenUsage &usage)
{
    if (!m_exchange)
        return;
    begin();
    QByteArray tail;
    if (m_clientWantsUsage && (usage.reported() || !usageJson.isEmpty())) {
        const QByteArray json = usageJson.isEmpty()
            ? QByteArray::fromStdString(Providers::OpenAiChatFormat::encodeUsage(usage).dump())
            : usageJson;
        tail = "data: " + m_encoder.usageChunk(json) + "\n\n";
    }
    tail += "data: [DONE]\n\n";
    m_exchange->writeChunk(tail);
    m_exchange->endStream();
}

void OpenAiSseRelay::chatFailed(const Error &error, bool)
{
    if (!m_exchange)
        return;
    if (!m_begun) {
        ApiError::respond(m_exchange, error);
        return;
    }
    // Mid-stream: OpenAI's own form, an error object as the last event and no [DONE], so clients notice.
    m_exchange->writeChunk("data: " + ApiError::openAiBody(error) + "\n\n");
    m_exchange->endStream();
}

} // namespace AiHub::Server
