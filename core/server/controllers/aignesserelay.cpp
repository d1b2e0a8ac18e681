// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/aignesserelay.h"

#include "core/server/aigneerror.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

namespace AiHub::Server {

namespace {
bool isProviderError(ErrorCode code)
{
    switch (code) {
    case ErrorCode::UpstreamBadCredentials:
    case ErrorCode::UpstreamRateLimited:
    case ErrorCode::UpstreamModelNotFound:
    case ErrorCode::UpstreamBadRequest:
    case ErrorCode::UpstreamRefused:
    case ErrorCode::UpstreamUnavailable:
    case ErrorCode::UpstreamTimeout:
    case ErrorCode::UpstreamProtocol: return true;
    default: return false;
    }
}
} // namespace

AigneSseRelay::AigneSseRelay(HttpExchange *exchange, Providers::ResponseFormat format,
                             Providers::AigneOutputExtras extras, QObject *parent)
    : QObject(parent)
    , m_exchange(exchange)
    , m_encoder(std::move(format))
    , m_extras(std::move(extras))
{
}

void AigneSseRelay::begin()
{
    if (m_begun || !m_exchange)
        return;
    m_begun = true;
    m_exchange->beginStream(200, HttpHeaders { { "Content-Type", "text/event-stream" },
                                               { "Cache-Control", "no-cache" },
                                               { "X-Accel-Buffering", "no" } });
}

void AigneSseRelay::write(const QList<QByteArray> &chunks)
{
    if (chunks.isEmpty())
        return;
    begin();
    QByteArray out;
    for (const QByteArray &chunk : chunks)
        out += "data: " + chunk + "\n\n";
    m_exchange->writeChunk(out);
}

void AigneSseRelay::onEvent(const Providers::ChatEvent &event)
{
    if (m_exchange)
        write(m_encoder.encode(event));
}

void AigneSseRelay::onFinished(const QByteArray &, const Providers::TokenUsage &usage)
{
    if (!m_exchange)
        return;
    write(m_encoder.finish(usage, m_extras));
    m_exchange->endStream();
}

void AigneSseRelay::onFailed(const Error &error, bool)
{
    if (!m_exchange)
        return;
    if (!m_begun && !isProviderError(error.code)) {
        AigneError::respond(m_exchange, m_exchange->request(), error);
        return;
    }
    // The provider failed: for a stream this is an error event, as the real hub sends once its stream is open.
    begin();
    m_exchange->writeChunk(AigneError::streamEvent(error));
    m_exchange->endStream();
}

} // namespace AiHub::Server
