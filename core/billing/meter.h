// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/billingsettings.h"
#include "core/billing/imeter.h"
#include "core/billing/ledger.h"
#include "core/billing/ratebook.h"

#include <QMutex>

#include <atomic>
#include <memory>

namespace AiHub::Billing {

// The hub's billing: settings, rates and the ledger behind IMeter. Thread-safe; shared by all server workers.
class Meter final : public IMeter {
public:
    explicit Meter(std::shared_ptr<Storage::Database> database);
    Q_DISABLE_COPY_MOVE(Meter)

    // At start: loads the settings, releases holds left by a process that died and checks every balance
    // against its entries (repairing and returning the mismatches it found).
    [[nodiscard]] Result<QStringList> start();
    // After `aigne-hubd billing ...` changed the settings.
    [[nodiscard]] Status reloadSettings();
    BillingSettings settings() const;
    void setSettings(const BillingSettings &settings); // tests and embedders

    bool isOn() const override { return m_on.load(std::memory_order_relaxed); }
    Result<Hold> reserve(const MeterRequest &request) override;
    Settlement settle(const Hold &hold, const Quantities &used, Reason reason, const QString &requestId) override;

    Ledger &ledger() { return m_ledger; }
    RateBook &rates() { return m_rates; }

private:
    std::shared_ptr<Storage::Database> m_database;
    Ledger m_ledger;
    RateBook m_rates;
    mutable QMutex m_mutex;
    BillingSettings m_settings;
    std::atomic<bool> m_on { false }; // m_settings.enabled, read without the lock on every call
};

} // namespace AiHub::Billing
