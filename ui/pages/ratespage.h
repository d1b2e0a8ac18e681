// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/rate.h"
#include "ui/hubcontext.h"

#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;
class QTabWidget;

namespace AiHub::Ui {

class MessageBanner;

// What each model costs, in credits: one editable table per call type (chat and embeddings per 1M tokens, images
// per image), the base credit price and margin rates can be derived from, bulk import with a diff first, and the
// models the providers offer that have no rate yet, marked "unpriced". Every change goes through the billing core
// (RateBook, BillingSettings, RateImport); bad input is refused with a message and nothing is written.
class RatesPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RatesPage)

public:
    enum Column { ProviderColumn, ModelColumn, InputColumn, OutputColumn, CreditsColumn, StatusColumn, ColumnCount };

    // A model a configured provider offers (from the hub's model list).
    struct OfferedModel {
        QString provider;
        QString model;
        Billing::RateType type = Billing::RateType::Chat;
    };

    explicit RatesPage(QWidget *parent = nullptr);

    void setContext(const HubContext &context);
    QTableWidget *table(Billing::RateType type) const;
    // The row of provider/model in its type's table, or -1.
    int rowOf(Billing::RateType type, const QString &provider, const QString &model) const;
    bool isUnpriced(Billing::RateType type, int row) const;
    // How many offered models have no rate, or empty when every offered model is priced.
    QString unpricedNote() const;

public Q_SLOTS:
    void reload();
    // Asks the hub which models its providers offer, to list the unpriced ones.
    void refreshModels();
    // Lists these models too; those without a rate are marked unpriced.
    void setOfferedModels(const QList<AiHub::Ui::RatesPage::OfferedModel> &models);
    void saveBillingPrice();
    // Shows the difference a price list makes; applying it is the dialog's Apply button.
    void importFile(const QString &path);
    void chooseImportFile();
    void deriveSelected();
    // Every price the selected model has had, oldest first (charges name the one they used).
    void showSelectedHistory();

Q_SIGNALS:
    void ratesChanged();
    void modelsLoaded();

private:
    void cellEdited(Billing::RateType type, QTableWidgetItem *item);
    void fillTable(Billing::RateType type, const QList<Billing::Rate> &rates);
    void updateButtons();
    Billing::RateType currentType() const;

    HubContext m_context;
    QList<OfferedModel> m_offered;
    QNetworkAccessManager *m_network = nullptr;
    QLabel *m_currency = nullptr;
    QLineEdit *m_creditPrice = nullptr;
    QLineEdit *m_margin = nullptr;
    QPushButton *m_savePrice = nullptr;
    QLabel *m_unpricedNote = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_tables[3] = {};
    QPushButton *m_import = nullptr;
    QPushButton *m_derive = nullptr;
    QPushButton *m_history = nullptr;
    QPushButton *m_refresh = nullptr;
    MessageBanner *m_banner = nullptr;
    bool m_filling = false;
};

} // namespace AiHub::Ui
