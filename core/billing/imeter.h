// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/ledger.h"
#include "core/billing/rate.h"
#include "core/common/result.h"

#include <QString>

#include <optional>

namespace AiHub::Billing {

// Why a call was charged what it was; stored in usage_records.billing_reason.
enum class Reason {
    BillingOff,         // "billing_off": billing is off, usage tracked only
    Unpriced,           // "unpriced": no rate and the hub serves unpriced models free (with a warning)
    Usage,              // "usage": charged from the provider's usage report
    Counted,            // "counted": the stream ended without a usage report; charged from counted tokens
    Cancelled,          // "cancelled": the client went away; charged for what was produced until then
    FailedBeforeOutput, // "failed_before_output": upstream failed before any token; nothing charged
    FailedPartial,      // "failed_partial": upstream failed mid-stream; charged for what was delivered
    InsufficientCredit, // "insufficient_credit": refused before any upstream call
    Unbilled,           // "unbilled": no account to bill (e.g. a caller without one)
};
QString reasonName(Reason reason);

// What a call may cost at most, asked before it is sent.
struct MeterRequest {
    QString account;
    QString provider;
    QString model;
    RateType type = RateType::Chat;
    QString variant;          // images: size/quality
    Quantities maximum;       // the most the call can use (estimated input, bounded output, images)
    // Chat without max_tokens: maximum.outputTokens is 0 and the meter bounds the output by the hub's
    // default-max-output setting times this many choices.
    qint64 outputChoices = 0;
    QString requestId;
};

// Credits held for one call. Inactive holds (billing off, unpriced, no account) settle to nothing.
struct Hold {
    bool active = false;
    Reservation reservation;
    std::optional<Rate> rate;
    Reason inactiveReason = Reason::BillingOff;
};

struct Settlement {
    std::optional<Credits> credits; // empty: not billed (billing off)
    std::optional<qint64> rateId;
    QString reason;                 // reasonName(), "+capped" when the balance could not cover the full cost
};

// Admission and settlement of calls against credit balances. Sessions without billing pass no meter.
class IMeter {
public:
    virtual ~IMeter() = default;
    // Whether billing is on now. When it is off, reserve() holds nothing, whatever the estimate, so callers may
    // skip estimating.
    virtual bool isOn() const = 0;
    // Fails with InsufficientCredit (402) when the balance cannot cover `maximum`, or InvalidArgument (400) for a
    // model without a rate when the hub refuses those. No upstream call may be made then.
    [[nodiscard]] virtual Result<Hold> reserve(const MeterRequest &request) = 0;
    // Charges what was used and releases the rest of the hold. Never fails the call: problems are logged.
    virtual Settlement settle(const Hold &hold, const Quantities &used, Reason reason, const QString &requestId) = 0;
};

} // namespace AiHub::Billing
