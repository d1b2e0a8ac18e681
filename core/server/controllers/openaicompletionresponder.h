// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/hub/chatsession.h"

namespace AiHub::Server {

class HttpExchange;

// Answers a non-streaming OpenAI chat call: the completion as OpenAI's JSON (an OpenAI-style provider's own body
// unchanged, others encoded) or the error. The session's listener; the session is a child of the exchange, so
// the exchange outlives both.
class OpenAiCompletionResponder final : public Hub::ChatSession::Listener {
    Q_DISABLE_COPY_MOVE(OpenAiCompletionResponder)

public:
    explicit OpenAiCompletionResponder(HttpExchange *exchange) : m_exchange(exchange) {}

    void chatEvent(const Providers::ChatEvent &) override {}
    void chatStreamFinished(const QByteArray &, const Providers::TokenUsage &) override {}
    void chatCompleted(const Providers::ChatCompletion &completion) override;
    void chatFailed(const Error &error, bool afterStreamStarted) override;

private:
    HttpExchange *m_exchange;
};

} // namespace AiHub::Server
