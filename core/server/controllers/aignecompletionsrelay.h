// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"
#include "core/providers/chatevent.h"
#include "core/providers/chatrequest.h"

#include <QMap>
#include <QObject>
#include <QPointer>

namespace AiHub::Server {

class HttpExchange;

// Streams a legacy /api/v2/chat/completions answer: as SSE ("data: {"delta":{role,content,toolCalls}}" per text
// piece, the usage chunk, then "event: server-timing"; never [DONE]) when the client accepts text/event-stream,
// otherwise as raw text fragments (the Playground's mode; a failure appends "ERROR: <message>").
class AigneCompletionsRelay final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AigneCompletionsRelay)

public:
    enum class Mode { Sse, Text };
    AigneCompletionsRelay(HttpExchange *exchange, Mode mode, qint64 receivedAtNs, QObject *parent);

public Q_SLOTS:
    void onEvent(const AiHub::Providers::ChatEvent &event);
    void onFinished(const QByteArray &usageJson, const AiHub::Providers::TokenUsage &usage);
    void onFailed(const AiHub::Error &error, bool afterStreamStarted);

private:
    void begin();
    void writeData(const QByteArray &json);
    QList<Providers::ToolCall> toolCalls() const;

    QPointer<HttpExchange> m_exchange;
    Mode m_mode;
    qint64 m_receivedAtNs;
    QMap<int, Providers::ToolCall> m_toolCalls;
    bool m_begun = false;
    bool m_textSent = false;
};

} // namespace AiHub::Server
