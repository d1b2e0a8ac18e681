// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/billingsettings.h"
#include "core/billing/rate.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace AiHub::Ui {

// Asks for what the provider charges (money per 1M tokens, or per image) and shows the rate in credits that the
// credit price and margin give: cost × (1 + margin) / credit price. Accept only with valid amounts.
class DeriveCostDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeriveCostDialog)

public:
    DeriveCostDialog(const QString &model, Billing::RateType type, const Billing::BillingSettings &settings,
                     QWidget *parent = nullptr);

    // The derived rates, when both fields hold valid costs.
    std::optional<Billing::Credits> input() const { return m_input; }
    std::optional<Billing::Credits> output() const { return m_output; }

private:
    void recompute();

    Billing::RateType m_type;
    Billing::BillingSettings m_settings;
    QLineEdit *m_inputCost = nullptr;
    QLineEdit *m_outputCost = nullptr;
    QLabel *m_preview = nullptr;
    QPushButton *m_ok = nullptr;
    std::optional<Billing::Credits> m_input;
    std::optional<Billing::Credits> m_output;
};

} // namespace AiHub::Ui
