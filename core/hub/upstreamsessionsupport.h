// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/imeter.h"
#include "core/common/error.h"
#include "core/hub/callerinfo.h"
#include "core/usage/usagerecord.h"

class QObject;

namespace AiHub::Net {
class UpstreamCall;
}
namespace AiHub::Providers {
struct LiveProvider;
struct ModelTarget;
} // namespace AiHub::Providers

// What ChatSession, EmbeddingSession and ImageSession do the same way around one upstream call. Plain functions:
// no allocation, no virtual call, no signal hop, so the chat hot path pays nothing for sharing them.
namespace AiHub::Hub::UpstreamSessionSupport {

// Fills in the arrival times the caller left at 0 (wall clock for the record, monotonic for durations).
void stampArrival(CallerInfo &caller);
// The upstream answer's Retry-After in seconds; -1 when absent or not a non-negative number.
int retryAfterSeconds(const Net::UpstreamCall *call);
// Stops listening to the call and lets it go (deleted later); nothing happens without one.
void releaseCall(Net::UpstreamCall *&call, const QObject *receiver);
// Stops the provider's work on the call, then releases it.
void abortCall(Net::UpstreamCall *&call, const QObject *receiver);
// The error a session records when its client went away.
Error clientClosedError();
// The error with the provider's name on it.
Error fromProvider(Error error, const Providers::LiveProvider &provider);
// The billing reason recorded when the meter refused to hold credits for a call.
QString refusalReason(const Error &refusal);
// A meter request with the caller, provider, model and type filled in; the session adds the quantities.
Billing::MeterRequest meterRequest(const CallerInfo &caller, const Providers::ModelTarget &target,
                                   Billing::RateType type);
// A usage record with what every session fills the same way: caller, target, status, error, settlement and the
// duration up to now. The session adds the token counts and their source.
Usage::UsageRecord usageRecord(const CallerInfo &caller, const Providers::ModelTarget &target, Usage::CallType type,
                               int status, const Error *error, const Billing::Settlement &settlement);

} // namespace AiHub::Hub::UpstreamSessionSupport
