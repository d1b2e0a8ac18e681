// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/widgets/derivecostdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace AiHub::Ui {

DeriveCostDialog::DeriveCostDialog(const QString &model, Billing::RateType type,
                                   const Billing::BillingSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_type(type)
    , m_settings(settings)
{
    setWindowTitle(tr("Derive Rate from Cost"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("What does the provider charge for %1? The rate is the cost plus your %2 % margin, "
                                "divided by the credit price (%3%4 per credit).")
                                 .arg(model, settings.marginPercent.toString(), settings.currencyPrefix,
                                      settings.creditPrice.toString()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_inputCost = new QLineEdit(this);
    m_inputCost->setObjectName(QStringLiteral("inputCostField"));
    m_inputCost->setPlaceholderText(QStringLiteral("2.50"));
    m_outputCost = new QLineEdit(this);
    m_outputCost->setObjectName(QStringLiteral("outputCostField"));
    m_outputCost->setPlaceholderText(QStringLiteral("10.00"));
    if (type != Billing::RateType::Image)
        form->addRow(tr("Cost per 1M input tokens (%1)").arg(settings.currencyPrefix), m_inputCost);
    else
        m_inputCost->hide();
    if (type == Billing::RateType::Chat)
        form->addRow(tr("Cost per 1M output tokens (%1)").arg(settings.currencyPrefix), m_outputCost);
    else if (type == Billing::RateType::Image)
        form->addRow(tr("Cost per image (%1)").arg(settings.currencyPrefix), m_outputCost);
    else
        m_outputCost->hide();
    layout->addLayout(form);
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("derivedPreview"));
    m_preview->setWordWrap(true);
    layout->addWidget(m_preview);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("deriveOkButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_inputCost, &QLineEdit::textChanged, this, &DeriveCostDialog::recompute);
    connect(m_outputCost, &QLineEdit::textChanged, this, &DeriveCostDialog::recompute);
    recompute();
}

void DeriveCostDialog::recompute()
{
    m_input.reset();
    m_output.reset();
    QStringList problems;
    auto derive = [&](QLineEdit *field, std::optional<Billing::Credits> &into) {
        if (field->isHidden()) {
            into = Billing::Credits();
            return;
        }
        const QString text = field->text().trimmed();
        if (text.isEmpty())
            return;
        auto cost = Billing::Credits::parse(text);
        if (!cost || cost->isNegative()) {
            problems << tr("\"%1\" is not a cost: enter a number of at least 0, like 2.5.").arg(text);
            return;
        }
        auto rate = m_settings.deriveRate(*cost);
        if (!rate) {
            problems << rate.error().message;
            return;
        }
        into = *rate;
    };
    derive(m_inputCost, m_input);
    derive(m_outputCost, m_output);
    const bool ready = m_input && m_output;
    m_ok->setEnabled(ready);
    if (!problems.isEmpty())
        m_preview->setText(problems.join(u'\n'));
    else if (!ready)
        m_preview->setText(tr("Enter the provider's cost to see the rate."));
    else if (m_type == Billing::RateType::Image)
        m_preview->setText(tr("Rate: %1 credits per image.").arg(m_output->toString()));
    else if (m_type == Billing::RateType::Embedding)
        m_preview->setText(tr("Rate: %1 credits per 1M input tokens.").arg(m_input->toString()));
    else
        m_preview->setText(tr("Rate: %1 credits per 1M input tokens, %2 per 1M output tokens.")
                               .arg(m_input->toString(), m_output->toString()));
}

} // namespace AiHub::Ui
