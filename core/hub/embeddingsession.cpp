// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/embeddingsession.h"

#include "core/billing/tokenestimate.h"
#include "core/common/errorstatus.h"
#include "core/common/monotonicclock.h"
#include "core/net/upstreamcall.h"
#include "core/net/upstreamclient.h"
#include "core/providers/iprovideradapter.h"
#include "core/usage/usagerecorder.h"

#include <QDateTime>

namespace AiHub::Hub {

namespace {
constexpr qsizetype kMaxBody = 256 * 1024 * 1024;

int retryAfterSeconds(const Net::UpstreamCall *call)
{
    bool ok = false;
    const int seconds = call->header("retry-after").trimmed().toInt(&ok);
    return ok && seconds >= 0 ? seconds : -1;
}
} // namespace

EmbeddingSession::EmbeddingSession(Net::UpstreamClient &client, Usage::UsageRecorder *recorder,
                                   std::shared_ptr<const Providers::ProviderSnapshot> snapshot,
                                   Providers::ModelTarget target, Providers::EmbeddingRequest request,
                                   CallerInfo caller, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_recorder(recorder)
    , m_snapshot(std::move(snapshot))
    , m_target(std::move(target))
    , m_request(std::move(request))
    , m_caller(std::move(caller))
{
    if (m_caller.receivedAtNs == 0)
        m_caller.receivedAtNs = monotonicNowNs();
    if (m_caller.receivedAtMs == 0)
        m_caller.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
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
        Error error = request.error();
        error.provider = provider.config.name;
        fail(error);
        return;
    }
    if (m_timeouts)
        request->timeouts = *m_timeouts;
    // billing: reserve here (the credits an embedding of these inputs may cost; InsufficientCredit → 402).
    if (m_meter) {
        for (const QString &input : m_request.inputs)
            m_inputBytes += input.toUtf8().size();
        Billing::MeterRequest meterRequest;
        meterRequest.account = m_caller.account;
        meterRequest.provider = provider.config.name;
        meterRequest.model = m_target.upstreamModel;
        meterRequest.type = Billing::RateType::Embedding;
        meterRequest.requestId = m_caller.requestId;
        meterRequest.maximum.inputTokens = Billing::TokenEstimate::upperBound(m_inputBytes, m_request.inputs.size());
        auto hold = m_meter->reserve(meterRequest);
        if (!hold) {
            m_refusal = hold.error().code == ErrorCode::InsufficientCredit
                ? Billing::reasonName(Billing::Reason::InsufficientCredit)
                : QStringLiteral("refused_unpriced");
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
    connect(m_upstream, &Net::UpstreamCall::failed, this, [this](const Error &error) {
        Error e = error;
        e.provider = m_target.provider->config.name;
        fail(e);
    });
}

void EmbeddingSession::cancel()
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
        Error error = result.error();
        error.provider = provider.config.name;
        fail(error);
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
    releaseCall();
    m_done = true;
    // billing: settle here (m_usage.inputTokens at the model's input rate).
    record(200, nullptr);
    Q_EMIT completed(*result);
}

void EmbeddingSession::fail(Error error)
{
    if (m_done)
        return;
    if (m_upstream)
        m_upstream->cancel();
    releaseCall();
    m_done = true;
    // billing: record() settles the hold (nothing charged for an undelivered answer).
    record(httpStatusFor(error.code), &error);
    Q_EMIT failed(error);
}

void EmbeddingSession::releaseCall()
{
    if (!m_upstream)
        return;
    m_upstream->disconnect(this);
    m_upstream->deleteLater();
    m_upstream = nullptr;
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
    Usage::UsageRecord r;
    r.requestId = m_caller.requestId;
    r.createdAtMs = m_caller.receivedAtMs;
    if (m_caller.accessKeyId > 0)
        r.accessKeyId = m_caller.accessKeyId;
    r.keyName = m_caller.keyName;
    r.account = m_caller.account;
    r.appDid = m_caller.appDid;
    r.api = m_caller.api;
    r.type = Usage::CallType::Embedding;
    r.provider = m_target.provider->config.name;
    r.model = m_target.upstreamModel;
    r.inputTokens = m_usage.inputTokens;
    r.usageSource = m_usage.inputTokens ? Usage::UsageSource::Provider : Usage::UsageSource::None;
    r.httpStatus = status;
    if (error) {
        r.errorCode = errorCodeName(error->code);
        r.errorMessage = error->message;
    }
    r.durationMs = double(monotonicNowNs() - m_caller.receivedAtNs) / 1e6;
    if (counted)
        r.usageSource = Usage::UsageSource::Counted;
    if (settlement.credits)
        r.creditsNanos = settlement.credits->nanos();
    r.rateId = settlement.rateId;
    r.billingReason = settlement.reason;
    m_recorder->record(std::move(r));
}

} // namespace AiHub::Hub
