// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/embeddingsession.h"

#include "core/billing/tokenestimate.h"
#include "core/common/errorstatus.h"
#include "core/hub/upstreamsessionsupport.h"
#include "core/net/upstreamcall.h"
#include "core/net/upstreamclient.h"
#include "core/providers/iprovideradapter.h"
#include "core/usage/usagerecorder.h"

namespace AiHub::Hub {

using namespace UpstreamSessionSupport;

namespace {
constexpr qsizetype kMaxBody = 256 * 1024 * 1024;
} // namespace

EmbeddingSession::EmbeddingSession(Net::UpstreamClient &client, Usage::UsageRecorder *recorder,
                                   std::shared_ptr<const Providers::ProviderSnapshot> snapshot,
                                   Providers::ModelTarget target, Providers::EmbeddingRequest request,
                                   CallerInfo caller, QObject *parent)
    : QObject(parent)
    , UpstreamSessionCore(client, recorder, std::move(snapshot), std::move(target), std::move(caller))
    , m_request(std::move(request))
{
}

EmbeddingSession::~EmbeddingSession()
{
    if (!m_done)
        cancel();
}

void EmbeddingSession::start()
{
    const Providers::LiveProvider &provider = *m_target.provider;
    if (!provider.adapter) {
        fail(Error::make(ErrorCode::InvalidArgument,
                         QStringLiteral("Embeddings with %1 providers are not available in this version of the hub.")
                             .arg(Providers::ProviderKinds::displayName(provider.config.kind))));
        return;
    }
    m_request.model = m_target.upstreamModel;
    auto request = provider.adapter->embeddingRequest(provider, provider.pickCredential(), m_request);
    if (!request) {
        fail(fromProvider(request.error(), provider));
        return;
    }
    if (m_timeouts)
        request->timeouts = *m_timeouts;
    // billing: reserve here (the credits an embedding of these inputs may cost; InsufficientCredit → 402).
    if (m_meter) {
        for (const QString &input : m_request.inputs)
            m_inputBytes += input.toUtf8().size();
        Billing::MeterRequest meterRequest = UpstreamSessionSupport::meterRequest(m_caller, m_target,
                                                                                  Billing::RateType::Embedding);
        meterRequest.maximum.inputTokens = Billing::TokenEstimate::upperBound(m_inputBytes, m_request.inputs.size());
        auto hold = m_meter->reserve(meterRequest);
        if (!hold) {
            m_refusal = refusalReason(hold.error());
            fail(hold.error());
            return;
        }
        m_hold = *hold;
    }
    m_upstream = m_client.send(std::move(*request));
    connect(m_upstream, &Net::UpstreamCall::bodyData, this, [this](const QByteArray &data) {
        if (m_body.size() + data.size() > kMaxBody) {
            fail(Error::make(ErrorCode::UpstreamProtocol,
                             QStringLiteral("%1 sent an embeddings answer larger than 256 MiB; embed fewer inputs "
                                            "per call.")
                                 .arg(m_target.provider->config.name)));
            return;
        }
        m_body.append(data);
    });
    connect(m_upstream, &Net::UpstreamCall::finished, this, &EmbeddingSession::onFinished);
    connect(m_upstream, &Net::UpstreamCall::failed, this,
            [this](const Error &error) { fail(fromProvider(error, *m_target.provider)); });
}

void EmbeddingSession::cancel()
{
    if (m_done)
        return;
    abortCall(m_upstream, this);
    m_done = true;
    const Error error = clientClosedError();
    record(httpStatusFor(ErrorCode::Cancelled), &error);
}

void EmbeddingSession::onFinished()
{
    if (m_done)
        return;
    const Providers::LiveProvider &provider = *m_target.provider;
    const int status = m_upstream->status();
    if (status < 200 || status >= 300) {
        fail(provider.adapter->mapError(provider, status, m_body, retryAfterSeconds(m_upstream)));
        return;
    }
    auto result = provider.adapter->parseEmbeddings(provider, m_body);
    if (!result) {
        fail(fromProvider(result.error(), provider));
        return;
    }
    if (result->vectors.size() != m_request.inputs.size()) {
        fail(Error::make(ErrorCode::UpstreamProtocol,
                         QStringLiteral("%1 answered %2 embeddings for %3 inputs; try again.")
                             .arg(provider.config.name)
                             .arg(result->vectors.size())
                             .arg(m_request.inputs.size())));
        return;
    }
    if (result->model.isEmpty())
        result->model = m_target.upstreamModel;
    m_usage = result->usage;
    releaseCall(m_upstream, this);
    m_done = true;
    // billing: settle here (m_usage.inputTokens at the model's input rate).
    record(200, nullptr);
    Q_EMIT completed(*result);
}

void EmbeddingSession::fail(Error error)
{
    if (m_done)
        return;
    abortCall(m_upstream, this);
    m_done = true;
    // billing: record() settles the hold (nothing charged for an undelivered answer).
    record(httpStatusFor(error.code), &error);
    Q_EMIT failed(error);
}

void EmbeddingSession::record(int status, const Error *error)
{
    // billing: settle here. Only a delivered answer is charged: its reported (or counted) input tokens.
    Billing::Settlement settlement;
    settlement.reason = m_refusal;
    bool counted = false;
    if (m_meter && m_hold) {
        Billing::Quantities used;
        Billing::Reason reason = Billing::Reason::FailedBeforeOutput;
        if (!error) {
            reason = m_usage.inputTokens ? Billing::Reason::Usage : Billing::Reason::Counted;
            if (!m_usage.inputTokens) {
                m_usage.inputTokens = Billing::TokenEstimate::counted(m_inputBytes);
                counted = true;
            }
            used.inputTokens = *m_usage.inputTokens;
        } else if (error->code == ErrorCode::Cancelled) {
            reason = Billing::Reason::Cancelled;
        }
        settlement = m_meter->settle(*m_hold, used, reason, m_caller.requestId);
        m_charged = settlement.credits;
    }
    if (!m_recorder)
        return;
    Usage::UsageRecord r = usageRecord(m_caller, m_target, Usage::CallType::Embedding, status, error, settlement);
    r.inputTokens = m_usage.inputTokens;
    r.usageSource = counted   ? Usage::UsageSource::Counted
        : m_usage.inputTokens ? Usage::UsageSource::Provider
                              : Usage::UsageSource::None;
    m_recorder->record(std::move(r));
}

} // namespace AiHub::Hub
