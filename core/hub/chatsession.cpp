// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/chatsession.h"

#include "core/common/errorstatus.h"
#include "core/common/monotonicclock.h"
#include "core/net/upstreamcall.h"
#include "core/net/upstreamclient.h"
#include "core/providers/iprovideradapter.h"
#include "core/usage/usagerecorder.h"

#include <QDateTime>

namespace AiHub::Hub {

using Providers::ChatEvent;

namespace {
constexpr qsizetype kMaxBufferedBody = 64 * 1024 * 1024;

qint64 nowNs() { return monotonicNowNs(); }

int retryAfterSeconds(const Net::UpstreamCall *call)
{
    bool ok = false;
    const int seconds = call->header("retry-after").trimmed().toInt(&ok);
    return ok && seconds >= 0 ? seconds : -1;
}
} // namespace

ChatSession::ChatSession(Net::UpstreamClient &client, Usage::UsageRecorder *recorder,
                         std::shared_ptr<const Providers::ProviderSnapshot> snapshot, Providers::ModelTarget target,
                         Providers::ChatCall call, CallerInfo caller, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_recorder(recorder)
    , m_snapshot(std::move(snapshot))
    , m_target(std::move(target))
    , m_call(std::move(call))
    , m_caller(std::move(caller))
{
    if (m_caller.receivedAtNs == 0)
        m_caller.receivedAtNs = nowNs();
    if (m_caller.receivedAtMs == 0)
        m_caller.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
}

ChatSession::~ChatSession()
{
    if (!m_done)
        cancel();
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
    auto request = provider.adapter->chatRequest(provider, provider.pickCredential(), m_call);
    if (!request) {
        Error error = request.error();
        error.provider = provider.config.name;
        fail(error);
        return;
    }
    if (m_timeouts)
        request->timeouts = *m_timeouts;
    if (m_call.stream)
        m_decoder = provider.adapter->streamDecoder(provider, m_output);
    m_upstream = m_client.send(std::move(*request));
    connect(m_upstream, &Net::UpstreamCall::responseStarted, this, &ChatSession::onResponseStarted);
    connect(m_upstream, &Net::UpstreamCall::bodyData, this, &ChatSession::onBodyData);
    connect(m_upstream, &Net::UpstreamCall::finished, this, &ChatSession::onFinished);
    connect(m_upstream, &Net::UpstreamCall::failed, this, &ChatSession::onUpstreamFailed);
}

void ChatSession::cancel()
{
    if (m_done)
        return;
    if (m_upstream)
        m_upstream->cancel();
    releaseCall();
    m_done = true;
    const Error error = Error::make(ErrorCode::Cancelled, QStringLiteral("the client closed the connection"));
    record(httpStatusFor(ErrorCode::Cancelled), &error);
}

void ChatSession::onResponseStarted(int status)
{
    m_upstreamStatus = status;
    if (status >= 200 && status < 300 && m_call.stream) {
        m_streamStarted = true;
        Q_EMIT streamStarted();
    }
}

void ChatSession::onBodyData(const QByteArray &data)
{
    if (m_done)
        return;
    const bool success = m_upstreamStatus >= 200 && m_upstreamStatus < 300;
    if (success && m_decoder) {
        m_decoder->feed(data, m_events);
        handleEvents();
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

void ChatSession::handleEvents()
{
    // Signals below may lead the receiver to cancel this session; stop as soon as that happens.
    for (std::size_t i = 0; i < m_events.size() && !m_done; ++i) {
        ChatEvent &event = m_events[i];
        switch (event.kind) {
        case ChatEvent::Kind::Chunk:
        case ChatEvent::Kind::Start:
        case ChatEvent::Kind::TextDelta:
        case ChatEvent::Kind::ReasoningDelta:
        case ChatEvent::Kind::ToolCall:
        case ChatEvent::Kind::Finish:
            if (m_firstTokenNs == 0 && event.isContent())
                m_firstTokenNs = nowNs();
            Q_EMIT this->event(event);
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
    m_events.clear();
}

void ChatSession::onFinished()
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
        m_decoder->finish(m_events);
        handleEvents();
        if (m_done)
            return;
        releaseCall();
        m_done = true;
        record(200, nullptr);
        Q_EMIT streamFinished(m_usageJson, m_usage);
        return;
    }
    auto completion = provider.adapter->parseCompletion(provider, m_body);
    if (!completion) {
        fail(completion.error());
        return;
    }
    m_usage = completion->usage;
    m_firstTokenNs = 0;
    releaseCall();
    m_done = true;
    record(200, nullptr);
    Q_EMIT completed(*completion);
}

void ChatSession::onUpstreamFailed(const Error &error)
{
    if (m_done)
        return;
    Error e = error;
    e.provider = m_target.provider->config.name;
    fail(e);
}

void ChatSession::fail(Error error)
{
    if (m_done)
        return;
    if (m_upstream)
        m_upstream->cancel();
    releaseCall();
    m_done = true;
    record(httpStatusFor(error.code), &error);
    Q_EMIT failed(error, m_streamStarted);
}

void ChatSession::releaseCall()
{
    if (!m_upstream)
        return;
    m_upstream->disconnect(this);
    m_upstream->deleteLater();
    m_upstream = nullptr;
}

void ChatSession::record(int status, const Error *error)
{
    if (!m_recorder)
        return;
    Usage::UsageRecord r;
    r.requestId = m_caller.requestId;
    r.createdAtMs = m_caller.receivedAtMs;
    if (m_caller.accessKeyId > 0)
        r.accessKeyId = m_caller.accessKeyId;
    r.keyName = m_caller.keyName;
    r.account = m_caller.account;
    r.appDid = m_caller.appDid;
    r.api = m_caller.api;
    r.type = Usage::CallType::Chat;
    r.provider = m_target.provider->config.name;
    r.model = m_target.upstreamModel;
    r.stream = m_call.stream;
    r.inputTokens = m_usage.inputTokens;
    r.outputTokens = m_usage.outputTokens;
    r.cacheReadTokens = m_usage.cacheReadTokens;
    r.cacheWriteTokens = m_usage.cacheWriteTokens;
    r.usageSource = m_usage.reported() ? Usage::UsageSource::Provider : Usage::UsageSource::None;
    r.httpStatus = status;
    if (error) {
        r.errorCode = errorCodeName(error->code);
        r.errorMessage = error->message;
    }
    const qint64 now = nowNs();
    r.durationMs = double(now - m_caller.receivedAtNs) / 1e6;
    if (m_firstTokenNs > 0)
        r.timeToFirstTokenMs = double(m_firstTokenNs - m_caller.receivedAtNs) / 1e6;
    m_recorder->record(std::move(r));
}

} // namespace AiHub::Hub
