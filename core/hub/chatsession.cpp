// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/chatsession.h"

#include "core/billing/tokenestimate.h"
#include "core/common/errorstatus.h"
#include "core/common/monotonicclock.h"
#include "core/hub/upstreamsessionsupport.h"
#include "core/net/upstreamcall.h"
#include "core/net/upstreamclient.h"
#include "core/providers/iprovideradapter.h"
#include "core/usage/usagerecorder.h"

#include <nlohmann/json.hpp>

namespace AiHub::Hub {

using Providers::ChatEvent;
using namespace UpstreamSessionSupport;

namespace {
constexpr qsizetype kMaxBufferedBody = 64 * 1024 * 1024;

qint64 nowNs() { return monotonicNowNs(); }

// The events decoded from one read live only until they are handed on, so the sessions of a thread share one
// vector instead of each keeping its own capacity (a ChatEvent is some 450 bytes; a thousand open streams kept
// about 1.2 KB each). A read nested inside another (a receiver feeding another session) finds it taken and uses
// a fresh one. Larger capacities than a usual read needs are not kept.
constexpr std::size_t kSpareEventCapacity = 64;
thread_local std::vector<ChatEvent> t_spareEvents;

qint64 utf8Size(const QString &text) { return text.isEmpty() ? 0 : text.toUtf8().size(); }

// Generated text in an OpenAI chunk: content, reasoning and tool-call names and arguments.
qint64 chunkTextBytes(const QByteArray &chunk)
{
    const auto json = nlohmann::json::parse(chunk.constData(), chunk.constData() + chunk.size(), nullptr, false);
    const auto choices = json.is_object() ? json.find("choices") : json.end();
    if (json.is_discarded() || !json.is_object() || choices == json.end() || !choices->is_array())
        return 0;
    qint64 bytes = 0;
    auto addString = [&bytes](const nlohmann::json &object, const char *key) {
        const auto it = object.find(key);
        if (it != object.end() && it->is_string())
            bytes += qint64(it->get_ref<const std::string &>().size());
    };
    for (const auto &choice : *choices) {
        const auto delta = choice.is_object() ? choice.find("delta") : choice.end();
        if (!choice.is_object() || delta == choice.end() || !delta->is_object())
            continue;
        addString(*delta, "content");
        addString(*delta, "reasoning_content");
        addString(*delta, "reasoning");
        const auto tools = delta->find("tool_calls");
        if (tools == delta->end() || !tools->is_array())
            continue;
        for (const auto &tool : *tools) {
            const auto function = tool.is_object() ? tool.find("function") : tool.end();
            if (!tool.is_object() || function == tool.end() || !function->is_object())
                continue;
            addString(*function, "name");
            addString(*function, "arguments");
        }
    }
    return bytes;
}
} // namespace

ChatSession::ChatSession(Net::UpstreamClient &client, Usage::UsageRecorder *recorder,
                         std::shared_ptr<const Providers::ProviderSnapshot> snapshot, Providers::ModelTarget target,
                         Providers::ChatCall call, CallerInfo caller, QObject *parent)
    : QObject(parent)
    , UpstreamSessionCore(client, recorder, std::move(snapshot), std::move(target), std::move(caller))
    , m_call(std::move(call))
    , m_stream(m_call.stream)
    , m_relayedBody(m_call.hasOpenAiBody())
{
}

ChatSession::~ChatSession()
{
    if (m_commitWaiter)
        m_commitWaiter->cancel(this);
    if (!m_done)
        cancel();
}

void ChatSession::setListener(std::unique_ptr<Listener> listener)
{
    m_listener = std::move(listener);
}

void ChatSession::start()
{
    const Providers::LiveProvider &provider = *m_target.provider;
    if (!provider.adapter) {
        Error error = Error::make(ErrorCode::InvalidArgument,
                                  QStringLiteral("Chat with %1 providers is not available in this version of the hub.")
                                      .arg(Providers::ProviderKinds::displayName(provider.config.kind)));
        fail(error);
        return;
    }
    m_call.setModel(m_target.upstreamModel);
    if (!provider.adapter->sendsOpenAiBody())
        m_call.neutralRequest(); // this adapter encodes the neutral form (a no-op unless it is still to be read)
    auto request = provider.adapter->chatRequest(provider, provider.pickCredential(), m_call);
    if (!request) {
        fail(fromProvider(request.error(), provider));
        return;
    }
    if (m_timeouts)
        request->timeouts = *m_timeouts;
    // billing: reserve here, before anything reaches the provider.
    if (!reserveCredits())
        return;
    if (m_stream)
        m_decoder = provider.adapter->streamDecoder(provider, m_output);
    m_call = {}; // sent and paid for: nothing below reads it again
    m_upstream = m_client.send(std::move(*request));
    m_upstream->setReceiver(this); // nothing arrives before control is back in the event loop
}

void ChatSession::releaseUpstream(bool abort)
{
    if (!m_upstream)
        return;
    m_upstream->setReceiver(nullptr);
    if (abort)
        m_upstream->cancel();
    std::exchange(m_upstream, nullptr)->dispose();
}

void ChatSession::emitEvent(const ChatEvent &event)
{
    if (m_listener)
        m_listener->chatEvent(event);
    else
        Q_EMIT this->event(event);
}

void ChatSession::cancel()
{
    if (m_done)
        return;
    releaseUpstream(true);
    m_done = true;
    const Error error = clientClosedError();
    record(httpStatusFor(ErrorCode::Cancelled), &error);
}

void ChatSession::upstreamCallStarted(int status)
{
    m_upstreamStatus = status;
    // Only an error's headers are read (Retry-After); a stream may hold its call for minutes.
    if (status >= 200 && status < 300 && m_upstream)
        m_upstream->dropHeaders();
    if (status >= 200 && status < 300 && m_stream) {
        m_streamStarted = true;
        Q_EMIT streamStarted();
    }
}

void ChatSession::upstreamCallData(const QByteArray &data)
{
    if (m_done)
        return;
    const bool success = m_upstreamStatus >= 200 && m_upstreamStatus < 300;
    if (success && m_decoder) {
        feedDecoder(&data);
        return;
    }
    if (m_body.size() + data.size() > kMaxBufferedBody) {
        fail(Error::make(ErrorCode::UpstreamProtocol,
                         QStringLiteral("%1 sent an answer larger than 64 MiB; the hub stopped reading it")
                             .arg(m_target.provider->config.name)));
        return;
    }
    m_body.append(data);
}

void ChatSession::feedDecoder(const QByteArray *data)
{
    std::vector<ChatEvent> events = std::move(t_spareEvents);
    t_spareEvents.clear(); // a moved-from vector is valid but unspecified: make it the empty one nested reads take
    if (data)
        m_decoder->feed(*data, events);
    else
        m_decoder->finish(events);
    handleEvents(events);
    events.clear();
    if (events.capacity() <= kSpareEventCapacity && events.capacity() > t_spareEvents.capacity())
        t_spareEvents = std::move(events);
}

void ChatSession::handleEvents(std::vector<ChatEvent> &events)
{
    // Signals below may lead the receiver to cancel this session; stop as soon as that happens.
    for (std::size_t i = 0; i < events.size() && !m_done; ++i) {
        ChatEvent &event = events[i];
        switch (event.kind) {
        case ChatEvent::Kind::Chunk:
        case ChatEvent::Kind::Start:
        case ChatEvent::Kind::TextDelta:
        case ChatEvent::Kind::ReasoningDelta:
        case ChatEvent::Kind::ToolCall:
        case ChatEvent::Kind::Finish:
            if (m_firstTokenNs == 0 && event.isContent())
                m_firstTokenNs = nowNs();
            if (isCharging())
                countOutput(event);
            emitEvent(event);
            break;
        case ChatEvent::Kind::Usage:
            m_usage = event.usage; // cumulative where providers repeat it: the last report wins
            m_usageJson = event.usageJson;
            break;
        case ChatEvent::Kind::Error:
            event.error.provider = m_target.provider->config.name;
            fail(event.error);
            break;
        case ChatEvent::Kind::Done:
            break;
        }
    }
}

void ChatSession::upstreamCallFinished()
{
    if (m_done)
        return;
    const Providers::LiveProvider &provider = *m_target.provider;
    const bool success = m_upstreamStatus >= 200 && m_upstreamStatus < 300;
    if (!success) {
        int retryAfter = m_upstream ? retryAfterSeconds(m_upstream) : -1;
        fail(provider.adapter->mapError(provider, m_upstreamStatus, m_body, retryAfter));
        return;
    }
    if (m_decoder) {
        feedDecoder(nullptr);
        if (m_done)
            return;
        releaseUpstream(false);
        m_done = true;
        record(200, nullptr);
        afterRecorded(Outcome::StreamFinished);
        return;
    }
    // An OpenAI client gets an OpenAI-style provider's answer as it came: its usage is all the hub needs from it,
    // unless the output must be counted because the provider reported none.
    auto completion = m_relayedBody ? provider.adapter->parseRelayedCompletion(provider, m_body)
                                                    : provider.adapter->parseCompletion(provider, m_body);
    if (completion && completion->usageOnly && isCharging() && !completion->usage.reported())
        completion = provider.adapter->parseCompletion(provider, m_body);
    if (!completion) {
        fail(completion.error());
        return;
    }
    m_usage = completion->usage;
    if (isCharging() && !m_usage.reported()) {
        m_outputBytes = utf8Size(completion->result.text) + utf8Size(completion->result.reasoning);
        for (const Providers::ToolCall &call : completion->result.toolCalls)
            m_outputBytes += utf8Size(call.name) + utf8Size(call.arguments);
    }
    m_firstTokenNs = 0;
    releaseUpstream(false);
    m_done = true;
    record(200, nullptr);
    m_answer = std::move(*completion);
    afterRecorded(Outcome::Completed);
}

void ChatSession::upstreamCallFailed(const Error &error)
{
    if (m_done)
        return;
    fail(fromProvider(error, *m_target.provider));
}

void ChatSession::fail(Error error)
{
    if (m_done)
        return;
    releaseUpstream(true);
    m_done = true;
    record(httpStatusFor(error.code), &error);
    m_failure = std::move(error);
    afterRecorded(Outcome::Failed);
}

bool ChatSession::reserveCredits()
{
    if (!m_meter)
        return true;
    if (!m_meter->isOn()) {
        m_hold = Billing::Hold {}; // what reserve() holds with billing off; the estimate is not needed for it
        return true;
    }
    const Providers::ChatRequest &request = m_call.neutralRequest();
    for (const Providers::ChatMessage &message : request.messages) {
        ++m_inputMessages;
        for (const Providers::ContentPart &part : message.content) {
            if (part.type == Providers::ContentPart::Type::Image)
                ++m_inputImages;
            else
                m_inputBytes += utf8Size(part.text);
        }
        for (const Providers::ToolCall &call : message.toolCalls)
            m_inputBytes += utf8Size(call.name) + utf8Size(call.arguments);
        m_inputBytes += utf8Size(message.reasoning);
    }
    for (const Providers::ToolDefinition &tool : request.tools)
        m_inputBytes += utf8Size(tool.name) + utf8Size(tool.description) + tool.parameters.size();

    Billing::MeterRequest meterRequest = UpstreamSessionSupport::meterRequest(m_caller, m_target,
                                                                              Billing::RateType::Chat);
    meterRequest.maximum.inputTokens = Billing::TokenEstimate::upperBound(m_inputBytes, m_inputMessages)
        + m_inputImages * Billing::TokenEstimate::PerImage;
    const qint64 choices = qMax(1, request.n.value_or(1));
    if (request.maxTokens && *request.maxTokens > 0)
        meterRequest.maximum.outputTokens = *request.maxTokens * choices;
    else
        meterRequest.outputChoices = choices; // the meter applies the hub's default bound
    auto hold = m_meter->reserve(meterRequest);
    if (!hold) {
        m_refusedForCredit = true;
        Error error = hold.error();
        fail(error);
        return false;
    }
    m_hold = *hold;
    return true;
}

void ChatSession::countOutput(const ChatEvent &event)
{
    switch (event.kind) {
    case ChatEvent::Kind::Chunk:
        if (event.hasContent)
            m_outputBytes += chunkTextBytes(event.chunk);
        break;
    case ChatEvent::Kind::TextDelta:
    case ChatEvent::Kind::ReasoningDelta:
        m_outputBytes += utf8Size(event.text);
        break;
    case ChatEvent::Kind::ToolCall:
        m_outputBytes += utf8Size(event.toolCall.name) + utf8Size(event.toolCall.argumentsDelta);
        break;
    default:
        break;
    }
}

void ChatSession::record(int status, const Error *error)
{
    // billing: settle here. Streams pay for what was delivered; the reason says which case applied.
    Billing::Settlement settlement;
    bool counted = false;
    Providers::TokenUsage used = m_usage;
    if (m_meter && m_hold) {
        const bool produced = m_outputBytes > 0 || m_usage.reported();
        Billing::Reason reason = Billing::Reason::Usage;
        if (!error)
            reason = m_usage.reported() ? Billing::Reason::Usage : Billing::Reason::Counted;
        else if (error->code == ErrorCode::Cancelled)
            reason = Billing::Reason::Cancelled;
        else
            reason = produced ? Billing::Reason::FailedPartial : Billing::Reason::FailedBeforeOutput;
        // A client that left before the provider answered at all pays nothing.
        const bool chargeable = reason != Billing::Reason::FailedBeforeOutput
            && (reason != Billing::Reason::Cancelled || produced || m_streamStarted);
        if (chargeable) {
            if (!used.inputTokens) {
                used.inputTokens = Billing::TokenEstimate::counted(m_inputBytes)
                    + Billing::TokenEstimate::PerMessageOverhead * m_inputMessages;
                counted = true;
            }
            if (!used.outputTokens) {
                used.outputTokens = Billing::TokenEstimate::counted(m_outputBytes);
                counted = true;
            }
        }
        Billing::Quantities quantities;
        if (chargeable) {
            quantities.inputTokens = used.inputTokens.value_or(0);
            quantities.outputTokens = used.outputTokens.value_or(0);
            quantities.cacheReadTokens = used.cacheReadTokens.value_or(0);
            quantities.cacheWriteTokens = used.cacheWriteTokens.value_or(0);
        }
        settlement = m_meter->settle(*m_hold, quantities, reason, m_caller.requestId);
        m_charged = settlement.credits;
        if (!counted)
            used = m_usage;
    } else if (m_meter && m_refusedForCredit && error) {
        settlement.reason = refusalReason(*error);
    }
    if (!m_recorder)
        return;
    Usage::UsageRecord r = usageRecord(m_caller, m_target, Usage::CallType::Chat, status, error, settlement);
    r.stream = m_stream;
    r.inputTokens = used.inputTokens;
    r.outputTokens = used.outputTokens;
    r.cacheReadTokens = used.cacheReadTokens;
    r.cacheWriteTokens = used.cacheWriteTokens;
    r.usageSource = counted ? Usage::UsageSource::Counted
        : m_usage.reported() ? Usage::UsageSource::Provider
                             : Usage::UsageSource::None;
    if (m_firstTokenNs > 0)
        r.timeToFirstTokenMs = double(m_firstTokenNs - m_caller.receivedAtNs) / 1e6;
    m_recordSequence = m_recorder->recordAndTrack(std::move(r));
}

void ChatSession::afterRecorded(Outcome outcome)
{
    m_outcome = outcome;
    Usage::UsageRecorder *recorder = m_recorder;
    const qint64 sequence = m_recordSequence;
    // A failing database must not hang the client: the row stays queued for retry.
    if (!recorder || sequence < 0 || recorder->committedCount() > sequence || recorder->isFailing()) {
        deliver();
        return;
    }
    // Progress reaches this thread queued, so a commit after the check above still finds us waiting.
    m_commitWaiter = UsageCommitWaiter::forRecorder(recorder);
    m_commitWaiter->wait(sequence, this);
}

void ChatSession::usageCommitted()
{
    m_commitWaiter = nullptr;
    deliver();
}

void ChatSession::deliver()
{
    switch (std::exchange(m_outcome, Outcome::None)) {
    case Outcome::None:
        break;
    case Outcome::StreamFinished:
        if (m_listener)
            m_listener->chatStreamFinished(m_usageJson, m_usage);
        else
            Q_EMIT streamFinished(m_usageJson, m_usage);
        break;
    case Outcome::Completed: {
        const Providers::ChatCompletion answer = std::move(*m_answer);
        m_answer.reset();
        if (m_listener)
            m_listener->chatCompleted(answer);
        else
            Q_EMIT completed(answer);
        break;
    }
    case Outcome::Failed: {
        const Error error = std::move(m_failure);
        if (m_listener)
            m_listener->chatFailed(error, m_streamStarted);
        else
            Q_EMIT failed(error, m_streamStarted);
        break;
    }
    }
}

} // namespace AiHub::Hub
