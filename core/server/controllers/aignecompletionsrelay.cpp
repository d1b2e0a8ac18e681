// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/aignecompletionsrelay.h"

#include "core/common/monotonicclock.h"
#include "core/providers/aignecompletionsformat.h"
#include "core/server/aigneerror.h"
#include "core/server/httpheaders.h"
#include "core/server/transport/httpexchange.h"

namespace AiHub::Server {

AigneCompletionsRelay::AigneCompletionsRelay(HttpExchange *exchange, Mode mode, qint64 receivedAtNs, QObject *parent)
    : QObject(parent)
    , m_exchange(exchange)
    , m_mode(mode)
    , m_receivedAtNs(receivedAtNs)
{
}

void AigneCompletionsRelay::begin()
{
    if (m_begun || !m_exchange)
        return;
    m_begun = true;
    const QByteArray type = m_mode == Mode::Sse ? "text/event-stream" : "text/plain; charset=utf-8";
    m_exchange->beginStream(200, HttpHeaders { { "Content-Type", type },
                                               { "Cache-Control", "no-cache" },
                                               { "X-Accel-Buffering", "no" } });
}

void AigneCompletionsRelay::writeData(const QByteArray &json)
{
    begin();
    m_exchange->writeChunk("data: " + json + "\n\n");
}

QList<Providers::ToolCall> AigneCompletionsRelay::toolCalls() const { return m_toolCalls.values(); }

void AigneCompletionsRelay::onEvent(const Providers::ChatEvent &event)
{
    if (!m_exchange || event.choiceIndex != 0)
        return;
    if (event.kind == Providers::ChatEvent::Kind::ToolCall) {
        Providers::ToolCall &call = m_toolCalls[event.toolCall.index];
        if (!event.toolCall.id.isEmpty())
            call.id = event.toolCall.id;
        if (!event.toolCall.name.isEmpty())
            call.name = event.toolCall.name;
        call.arguments += event.toolCall.argumentsDelta;
        return;
    }
    if (event.kind != Providers::ChatEvent::Kind::TextDelta || event.text.isEmpty())
        return;
    m_textSent = true;
    if (m_mode == Mode::Text) {
        begin();
        m_exchange->writeChunk(event.text.toUtf8());
        return;
    }
    writeData(QByteArray::fromStdString(Providers::AigneCompletionsFormat::deltaChunk(event.text, toolCalls()).dump()));
}

void AigneCompletionsRelay::onFinished(const QByteArray &, const Providers::TokenUsage &usage)
{
    if (!m_exchange)
        return;
    begin();
    if (m_mode == Mode::Sse) {
        if (!m_toolCalls.isEmpty() || !m_textSent)
            writeData(QByteArray::fromStdString(
                Providers::AigneCompletionsFormat::deltaChunk(QString(), toolCalls()).dump()));
        writeData(QByteArray::fromStdString(Providers::AigneCompletionsFormat::usageChunk(usage).dump()));
        const double totalMs = double(monotonicNowNs() - m_receivedAtNs) / 1e6;
        m_exchange->writeChunk("event: server-timing\ndata: total;dur=" + QByteArray::number(totalMs, 'f', 2)
                               + "\n\n");
    }
    m_exchange->endStream();
}

void AigneCompletionsRelay::onFailed(const Error &error, bool)
{
    if (!m_exchange)
        return;
    if (!m_begun) {
        AigneError::respondLegacy(m_exchange, m_exchange->request(), error);
        return;
    }
    if (m_mode == Mode::Sse) {
        QByteArray body = AigneError::body(error);
        m_exchange->writeChunk("data: " + body + "\n\n");
    } else {
        m_exchange->writeChunk("ERROR: " + error.message.toUtf8());
    }
    m_exchange->endStream();
}

} // namespace AiHub::Server
