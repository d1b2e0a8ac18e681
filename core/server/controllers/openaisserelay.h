// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"
#include "core/hub/chatsession.h"
#include "core/providers/chatevent.h"
#include "core/providers/openaichunkencoder.h"

#include <QByteArray>
#include <QPointer>

namespace AiHub::Server {

class HttpExchange;

// Writes a chat stream to the client as OpenAI's SSE: "data: <chunk>\n\n" as each piece arrives (OpenAI-style
// providers' own chunks unchanged, other providers' events encoded), the usage chunk (choices: []) when the
// client asked for it, then "data: [DONE]". The response starts with the first piece, so a provider that fails
// before sending anything still gets a proper HTTP error status. The session's listener: it owns the relay.
class OpenAiSseRelay final : public Hub::ChatSession::Listener {
    Q_DISABLE_COPY_MOVE(OpenAiSseRelay)

public:
    OpenAiSseRelay(HttpExchange *exchange, bool clientWantsUsage, const QString &model);

    void chatEvent(const Providers::ChatEvent &event) override;
    void chatStreamFinished(const QByteArray &usageJson, const Providers::TokenUsage &usage) override;
    void chatCompleted(const Providers::ChatCompletion &) override {} // a stream ends with chatStreamFinished
    void chatFailed(const Error &error, bool afterStreamStarted) override;

private:
    void begin();
    void write(const QByteArray &chunkJson);

    QPointer<HttpExchange> m_exchange;
    bool m_clientWantsUsage;
    bool m_begun = false;
    Providers::OpenAiChunkEncoder m_encoder;
};

} // namespace AiHub::Server
