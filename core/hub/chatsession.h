// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/imeter.h"
#include "core/common/error.h"
#include "core/hub/callerinfo.h"
#include "core/net/upstreamrequest.h"
#include "core/providers/chatcall.h"
#include "core/providers/chatevent.h"
#include "core/providers/iprovideradapter.h"
#include "core/providers/providersnapshot.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace AiHub::Net {
class UpstreamCall;
class UpstreamClient;
} // namespace AiHub::Net
namespace AiHub::Usage {
class UsageRecorder;
}
namespace AiHub::Providers {
class IChatStreamDecoder;
}

namespace AiHub::Hub {

// One chat call relayed to a provider: sends it, decodes the answer, and records its usage exactly once,
// however it ends (completed, failed, or cancelled because the client went away). Knows nothing of how the
// hub's own clients are served: the server layer turns its signals into HTTP.
class ChatSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatSession)

public:
    ChatSession(Net::UpstreamClient &client, Usage::UsageRecorder *recorder,
                std::shared_ptr<const Providers::ProviderSnapshot> snapshot, Providers::ModelTarget target,
                Providers::ChatCall call, CallerInfo caller, QObject *parent = nullptr);
    ~ChatSession() override;

    // Upstream connect / first-byte / idle limits; the adapter's defaults otherwise.
    void setTimeouts(const Net::UpstreamTimeouts &timeouts) { m_timeouts = timeouts; }
    // What the stream should yield: the provider's own OpenAI chunks where it has them, or neutral events.
    void setStreamOutput(Providers::StreamOutput output) { m_output = output; }
    // Credit billing: start() holds the most the call can cost before anything is sent (failing with
    // InsufficientCredit, and no upstream call, when the balance cannot cover it); the end settles to what was
    // delivered. Without a meter nothing is billed.
    void setMeter(Billing::IMeter *meter) { m_meter = meter; }
    // The credits charged, once the call has ended (for APIs that report them); empty when not billed.
    std::optional<Billing::Credits> creditsCharged() const { return m_charged; }
    void start();
    // The client went away: stop the provider's work now and record what was produced.
    void cancel();

    bool isStream() const { return m_call.stream; }

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
    void onResponseStarted(int status);
    void onBodyData(const QByteArray &data);
    void onFinished();
    void onUpstreamFailed(const AiHub::Error &error);
    void handleEvents();
    void fail(Error error);
    void record(int status, const Error *error);
    // Group commit: runs `then` (which answers the client) once the usage record is committed.
    void afterRecorded(std::function<void()> then);
    [[nodiscard]] bool reserveCredits();
    void countOutput(const Providers::ChatEvent &event);

    Net::UpstreamClient &m_client;
    Usage::UsageRecorder *m_recorder;
    std::shared_ptr<const Providers::ProviderSnapshot> m_snapshot; // keeps m_target.provider alive
    Providers::ModelTarget m_target;
    Providers::ChatCall m_call;
    CallerInfo m_caller;
    std::optional<Net::UpstreamTimeouts> m_timeouts;
    Providers::StreamOutput m_output = Providers::StreamOutput::OpenAiChunks;
    Net::UpstreamCall *m_upstream = nullptr;
    std::unique_ptr<Providers::IChatStreamDecoder> m_decoder;
    std::vector<Providers::ChatEvent> m_events;
    int m_upstreamStatus = 0;
    QByteArray m_body; // non-streaming answers and error bodies
    Providers::TokenUsage m_usage;
    QByteArray m_usageJson;
    qint64 m_firstTokenNs = 0;
    bool m_streamStarted = false;
    bool m_done = false;
    Billing::IMeter *m_meter = nullptr;
    std::optional<Billing::Hold> m_hold;
    bool m_refusedForCredit = false;
    std::optional<Billing::Credits> m_charged;
    qint64 m_inputBytes = 0;    // the request's text, for counted input tokens
    qint64 m_inputMessages = 0;
    qint64 m_inputImages = 0;
    qint64 m_outputBytes = 0;   // generated text so far, for counted output tokens
    qint64 m_recordSequence = -1;
};

} // namespace AiHub::Hub
