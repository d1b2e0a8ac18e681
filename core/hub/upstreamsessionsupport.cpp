// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/upstreamsessionsupport.h"

#include "core/common/monotonicclock.h"
#include "core/net/upstreamcall.h"
#include "core/providers/liveprovider.h"
#include "core/providers/providersnapshot.h"

#include <QDateTime>

namespace AiHub::Hub::UpstreamSessionSupport {

void stampArrival(CallerInfo &caller)
{
    if (caller.receivedAtNs == 0)
        caller.receivedAtNs = monotonicNowNs();
    if (caller.receivedAtMs == 0)
        caller.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
}

int retryAfterSeconds(const Net::UpstreamCall *call)
{
    bool ok = false;
    const int seconds = call->header("retry-after").trimmed().toInt(&ok);
    return ok && seconds >= 0 ? seconds : -1;
}

void releaseCall(Net::UpstreamCall *&call, const QObject *receiver)
{
    if (!call)
        return;
    call->disconnect(receiver);
    call->deleteLater();
    call = nullptr;
}

void abortCall(Net::UpstreamCall *&call, const QObject *receiver)
{
    if (call)
        call->cancel();
    releaseCall(call, receiver);
}

Error clientClosedError()
{
    return Error::make(ErrorCode::Cancelled, QStringLiteral("the client closed the connection"));
}

Error fromProvider(Error error, const Providers::LiveProvider &provider)
{
    error.provider = provider.config.name;
    return error;
}

QString refusalReason(const Error &refusal)
{
    return refusal.code == ErrorCode::InsufficientCredit ? Billing::reasonName(Billing::Reason::InsufficientCredit)
                                                         : QStringLiteral("refused_unpriced");
}

Billing::MeterRequest meterRequest(const CallerInfo &caller, const Providers::ModelTarget &target,
                                   Billing::RateType type)
{
    Billing::MeterRequest request;
    request.account = caller.account;
    request.provider = target.provider->config.name;
    request.model = target.upstreamModel;
    request.type = type;
    request.requestId = caller.requestId;
    return request;
}

Usage::UsageRecord usageRecord(const CallerInfo &caller, const Providers::ModelTarget &target, Usage::CallType type,
                               int status, const Error *error, const Billing::Settlement &settlement)
{
    Usage::UsageRecord r;
    r.requestId = caller.requestId;
    r.createdAtMs = caller.receivedAtMs;
    if (caller.accessKeyId > 0)
        r.accessKeyId = caller.accessKeyId;
    r.keyName = caller.keyName;
    r.account = caller.account;
    r.appDid = caller.appDid;
    r.api = caller.api;
    r.type = type;
    r.provider = target.provider->config.name;
    r.model = target.upstreamModel;
    r.httpStatus = status;
    if (error) {
        r.errorCode = errorCodeName(error->code);
        r.errorMessage = error->message;
    }
    if (settlement.credits)
        r.creditsNanos = settlement.credits->nanos();
    r.rateId = settlement.rateId;
    r.billingReason = settlement.reason;
    r.durationMs = double(monotonicNowNs() - caller.receivedAtNs) / 1e6;
    return r;
}

} // namespace AiHub::Hub::UpstreamSessionSupport
