// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

namespace AiHub::Server {

class HttpExchange;

// Writes a chat stream to the client as OpenAI's SSE: "data: <chunk>\n\n" as each chunk arrives, the usage chunk
// (choices: []) when the client asked for it, then "data: [DONE]". The response starts with the first chunk, so
// a provider that fails before sending anything still gets a proper HTTP error status.
class OpenAiSseRelay final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAiSseRelay)

public:
    OpenAiSseRelay(HttpExchange *exchange, bool clientWantsUsage, QObject *parent);

public Q_SLOTS:
    void onChunk(const QByteArray &chunkJson);
    void onFinished(const QByteArray &usageJson);
    void onFailed(const AiHub::Error &error, bool afterStreamStarted);

private:
    void begin();
    void rememberIdentity(const QByteArray &chunkJson);

    QPointer<HttpExchange> m_exchange;
    bool m_clientWantsUsage;
    bool m_begun = false;
    // id, created and model of the stream, repeated on the usage chunk as SDKs expect.
    QByteArray m_id;
    qint64 m_created = 0;
    QByteArray m_model;
};

} // namespace AiHub::Server
