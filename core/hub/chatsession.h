// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"
#include "core/hub/upstreamsessioncore.h"
#include "core/hub/usagecommitwaiter.h"
#include "core/net/upstreamcall.h"
#include "core/providers/chatcall.h"
#include "core/providers/chatevent.h"
#include "core/providers/iprovideradapter.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace AiHub::Providers {
class IChatStreamDecoder;
}

namespace AiHub::Hub {

// One chat call relayed to a provider: sends it, decodes the answer, and records its usage exactly once,
// however it ends (completed, failed, or cancelled because the client went away). Knows nothing of how the
// hub's own clients are served: the server layer turns its signals into HTTP.
class ChatSession final : public QObject,
                          public UpstreamSessionCore,
                          private Net::UpstreamCall::Receiver,
                          private UsageCommitWaiter::Client {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatSession)

public:
    // Gets what the signals event, streamFinished, completed and failed carry, by direct calls instead (nothing
    // to connect per call). Owned by the session, so it lives exactly as long as the session.
    class Listener {
    public:
        virtual ~Listener() = default;
        virtual void chatEvent(const Providers::ChatEvent &event) = 0;
        virtual void chatStreamFinished(const QByteArray &usageJson, const Providers::TokenUsage &usage) = 0;
        virtual void chatCompleted(const Providers::ChatCompletion &completion) = 0;
        virtual void chatFailed(const Error &error, bool afterStreamStarted) = 0;
    };

    ChatSession(Net::UpstreamClient &client, Usage::UsageRecorder *recorder,
                std::shared_ptr<const Providers::ProviderSnapshot> snapshot, Providers::ModelTarget target,
                Providers::ChatCall call, CallerInfo caller, QObject *parent = nullptr);
    ~ChatSession() override;

    // What the stream should yield: the provider's own OpenAI chunks where it has them, or neutral events.
    void setStreamOutput(Providers::StreamOutput output) { m_output = output; }
    // From then on the listener gets those four and the signals stay silent. Set it before start().
    void setListener(std::unique_ptr<Listener> listener);
    void start();
    // The client went away: stop the provider's work now and record what was produced.
    void cancel();

    bool isStream() const { return m_stream; }

Q_SIGNALS:
    void streamStarted();
    // A piece of the answer: a passthrough Chunk or a neutral event (Start, TextDelta, ReasoningDelta, ToolCall,
    // Finish). Usage, errors and the end are reported by the signals below.
    void event(const AiHub::Providers::ChatEvent &event);
    // The stream ended normally. usageJson: an OpenAI-style provider's own usage object (empty otherwise).
    void streamFinished(const QByteArray &usageJson, const AiHub::Providers::TokenUsage &usage);
    void completed(const AiHub::Providers::ChatCompletion &completion);
    void failed(const AiHub::Error &error, bool afterStreamStarted);

private:
    // What the client is told once the usage record is committed.
    enum class Outcome { None, StreamFinished, Completed, Failed };

    void upstreamCallStarted(int status) override;
    void upstreamCallData(const QByteArray &data) override;
    void upstreamCallFinished() override;
    void upstreamCallFailed(const AiHub::Error &error) override;
    void releaseUpstream(bool abort);
    void emitEvent(const Providers::ChatEvent &event);
    void feedDecoder(const QByteArray *data);
    void handleEvents(std::vector<Providers::ChatEvent> &events);
    void fail(Error error);
    void record(int status, const Error *error);
    // Group commit: tells the client the outcome once the usage record is committed.
    void afterRecorded(Outcome outcome);
    void usageCommitted() override;
    void deliver();
    [[nodiscard]] bool reserveCredits();
    void countOutput(const Providers::ChatEvent &event);

    // The request until it has been sent; emptied then (a stream can outlive it by minutes, and a long
    // conversation's parsed messages and JSON are many times its size).
    Providers::ChatCall m_call;
    bool m_stream = false;
    bool m_relayedBody = false; // the client's own OpenAI body went upstream: its answer is relayed as it came
    Providers::StreamOutput m_output = Providers::StreamOutput::OpenAiChunks;
    std::unique_ptr<Providers::IChatStreamDecoder> m_decoder;
    int m_upstreamStatus = 0;
    Providers::TokenUsage m_usage;
    QByteArray m_usageJson;
    qint64 m_firstTokenNs = 0;
    bool m_streamStarted = false;
    bool m_refusedForCredit = false;
    qint64 m_inputMessages = 0;
    qint64 m_inputImages = 0;
    qint64 m_outputBytes = 0;   // generated text so far, for counted output tokens
    qint64 m_recordSequence = -1;
    std::unique_ptr<Listener> m_listener;
    Outcome m_outcome = Outcome::None;
    std::optional<Providers::ChatCompletion> m_answer; // Completed, until delivered
    Error m_failure;                                   // Failed, until delivered
    UsageCommitWaiter *m_commitWaiter = nullptr; // while the answer waits for its usage record
};

} // namespace AiHub::Hub
