// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/meter.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace AiHub::Billing {

namespace {
Q_LOGGING_CATEGORY(lcBilling, "aihub.billing")
}

QString reasonName(Reason reason)
{
    switch (reason) {
    case Reason::BillingOff: return u"billing_off"_s;
    case Reason::Unpriced: return u"unpriced"_s;
    case Reason::Usage: return u"usage"_s;
    case Reason::Counted: return u"counted"_s;
    case Reason::Cancelled: return u"cancelled"_s;
    case Reason::FailedBeforeOutput: return u"failed_before_output"_s;
    case Reason::FailedPartial: return u"failed_partial"_s;
    case Reason::InsufficientCredit: return u"insufficient_credit"_s;
    case Reason::Unbilled: return u"unbilled"_s;
    }
    return u"unbilled"_s;
}

Meter::Meter(std::shared_ptr<Storage::Database> database)
    : m_database(database), m_ledger(database), m_rates(database)
{
}

Result<QStringList> Meter::start()
{
    if (Status loaded = reloadSettings(); !loaded)
        return fail(loaded.error());
    auto released = m_ledger.releaseStaleReservations();
    if (!released)
        return fail(released.error());
    if (*released > 0)
        qCInfo(lcBilling) << "Released" << *released << "credit holds left by calls that never finished";
    auto problems = m_ledger.checkConsistency(true);
    if (!problems)
        return problems;
    for (const QString &problem : *problems)
        qCWarning(lcBilling).noquote() << problem;
    return problems;
}

Status Meter::reloadSettings()
{
    auto loaded = BillingSettings::load(*m_database);
    if (!loaded)
        return fail(loaded.error());
    setSettings(*loaded);
    return {};
}

BillingSettings Meter::settings() const
{
    QMutexLocker lock(&m_mutex);
    return m_settings;
}

void Meter::setSettings(const BillingSettings &settings)
{
    QMutexLocker lock(&m_mutex);
    m_settings = settings;
    m_on.store(settings.enabled, std::memory_order_relaxed);
}

Result<Hold> Meter::reserve(const MeterRequest &request)
{
    const BillingSettings s = settings();
    Hold hold;
    if (!s.enabled)
        return hold;
    if (request.account.isEmpty()) {
        hold.inactiveReason = Reason::Unbilled;
        return hold;
    }
    auto rate = m_rates.find(request.provider, request.model, request.type, request.variant);
    if (!rate)
        return fail(rate.error());
    if (!*rate) {
        if (s.unpriced == UnpricedPolicy::Refuse)
            return fail(ErrorCode::InvalidArgument,
                        u"The model %1/%2 has no %3 rate, and this hub refuses unpriced models while billing is on. "
                        "Ask the administrator to price it: aigne-hubd rates set %1/%2 --type %3 --input X --output Y"_s
                            .arg(request.provider, request.model, rateTypeName(request.type)));
        qCWarning(lcBilling).noquote() << u"Serving %1/%2 free: it has no %3 rate (unpriced)"_s.arg(
            request.provider, request.model, rateTypeName(request.type));
        hold.inactiveReason = Reason::Unpriced;
        return hold;
    }
    Quantities bound = request.maximum;
    if (request.outputChoices > 0)
        bound.outputTokens = s.defaultMaxOutputTokens * request.outputChoices;
    const std::optional<Credits> maximum = (*rate)->cost(bound);
    if (!maximum)
        return fail(ErrorCode::InvalidArgument, u"The request is too large to price."_s);
    auto reservation = m_ledger.reserve(request.account, *maximum, request.requestId, s.newUserGrant);
    if (!reservation)
        return fail(reservation.error());
    hold.active = true;
    hold.reservation = *reservation;
    hold.rate = *rate;
    return hold;
}

Settlement Meter::settle(const Hold &hold, const Quantities &used, Reason reason, const QString &requestId)
{
    Settlement settlement;
    if (!hold.active) {
        settlement.reason = reasonName(hold.inactiveReason);
        if (hold.inactiveReason == Reason::Unpriced)
            settlement.credits = Credits();
        return settlement;
    }
    settlement.rateId = hold.rate->id;
    settlement.reason = reasonName(reason);
    Credits cost;
    if (reason != Reason::FailedBeforeOutput && reason != Reason::InsufficientCredit) {
        const std::optional<Credits> computed = hold.rate->cost(used);
        // An absurd usage report cannot be priced; charge the hold, which was the most the call could cost.
        cost = computed.value_or(hold.reservation.amount);
    }
    auto charged = m_ledger.settle(hold.reservation, cost, u"%1 %2 (%3)"_s.arg(rateTypeName(hold.rate->type),
                                                                                  hold.rate->key(), settlement.reason),
                                   requestId, hold.rate->id);
    if (!charged) {
        // The hold stays in the table and is released at the next start; the usage record keeps the cost.
        qCCritical(lcBilling).noquote() << u"Could not charge %1 credits to %2 for %3: %4"_s.arg(
            cost.toString(), hold.reservation.account, requestId, charged.error().message);
        settlement.credits = cost;
        settlement.reason += u"+unsettled"_s;
        return settlement;
    }
    settlement.credits = *charged;
    if (*charged < cost)
        settlement.reason += u"+capped"_s;
    return settlement;
}

} // namespace AiHub::Billing
