// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/openaisserelay.h"

#include "core/common/errorstatus.h"
#include "core/server/apierror.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

namespace AiHub::Server {

OpenAiSseRelay::OpenAiSseRelay(HttpExchange *exchange, bool clientWantsUsage, QObject *parent)
    : QObject(parent)
    , m_exchange(exchange)
    , m_clientWantsUsage(clientWantsUsage)
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

void OpenAiSseRelay::rememberIdentity(const QByteArray &chunkJson)
{
    const nlohmann::ordered_json chunk = nlohmann::ordered_json::parse(chunkJson.constData(),
                                                       chunkJson.constData() + chunkJson.size(), nullptr, false);
    if (!chunk.is_object())
        return;
    if (auto id = chunk.find("id"); id != chunk.end() && id->is_string())
        m_id = QByteArray::fromStdString(id->get<std::string>());
    if (auto created = chunk.find("created"); created != chunk.end() && created->is_number_integer())
        m_created = created->get<qint64>();
    if (auto model = chunk.find("model"); model != chunk.end() && model->is_string())
        m_model = QByteArray::fromStdString(model->get<std::string>());
}

void OpenAiSseRelay::onChunk(const QByteArray &chunkJson)
{
    if (!m_exchange)
        return;
    if (!m_begun) {
        begin();
        if (m_clientWantsUsage)
            rememberIdentity(chunkJson);
    }
    m_exchange->writeChunk("data: " + chunkJson + "\n\n");
}

void OpenAiSseRelay::onFinished(const QByteArray &usageJson)
{
    if (!m_exchange)
        return;
    begin();
    QByteArray tail;
    if (m_clientWantsUsage && !usageJson.isEmpty()) {
        nlohmann::ordered_json chunk;
        chunk["id"] = m_id.toStdString();
        chunk["object"] = "chat.completion.chunk";
        chunk["created"] = m_created ? m_created : QDateTime::currentSecsSinceEpoch();
        chunk["model"] = m_model.toStdString();
        chunk["choices"] = nlohmann::ordered_json::array();
        chunk["usage"] = nlohmann::ordered_json::parse(usageJson.constData(), usageJson.constData() + usageJson.size(),
                                               nullptr, false);
        tail = "data: " + QByteArray::fromStdString(chunk.dump()) + "\n\n";
    }
    tail += "data: [DONE]\n\n";
    m_exchange->writeChunk(tail);
    m_exchange->endStream();
}

void OpenAiSseRelay::onFailed(const Error &error, bool)
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
