// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"
#include "core/providers/chatevent.h"
#include "core/providers/openaichunkencoder.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

namespace AiHub::Server {

class HttpExchange;

// Writes a chat stream to the client as OpenAI's SSE: "data: <chunk>\n\n" as each piece arrives (OpenAI-style
// providers' own chunks unchanged, other providers' events encoded), the usage chunk (choices: []) when the
// client asked for it, then "data: [DONE]". The response starts with the first piece, so a provider that fails
// before sending anything still gets a proper HTTP error status.
class OpenAiSseRelay final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAiSseRelay)

public:
    OpenAiSseRelay(HttpExchange *exchange, bool clientWantsUsage, const QString &model, QObject *parent);

public Q_SLOTS:
    void onEvent(const AiHub::Providers::ChatEvent &event);
    void onFinished(const QByteArray &usageJson, const AiHub::Providers::TokenUsage &usage);
    void onFailed(const AiHub::Error &error, bool afterStreamStarted);

private:
    void begin();
    void write(const QByteArray &chunkJson);

    QPointer<HttpExchange> m_exchange;
    bool m_clientWantsUsage;
    bool m_begun = false;
    Providers::OpenAiChunkEncoder m_encoder;
};

} // namespace AiHub::Server
