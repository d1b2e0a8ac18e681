// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "ui/hubcontext.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFrame;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QLabel;

namespace AiHub::Ui {

class MessageBanner;

// Hub access keys for people and apps: create one (its secret is shown once, with a copy button), revoke one,
// see them all with their role, their account's credit balance and when they were last used; grant credits to the
// selected key's account and read its ledger history. Credits go through the billing ledger, like the CLI's.
class AccessKeysPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessKeysPage)

public:
    explicit AccessKeysPage(QWidget *parent = nullptr);

    void setContext(const HubContext &context);
    void reload();
    QString selectedKey() const;
    void selectKey(const QString &name);
    // The secret of the key created last, while it is still on screen; empty once dismissed.
    QString shownSecret() const;
    // The account of the selected key (empty: none selected).
    QString selectedAccount() const;

    enum Column { NameColumn, RoleColumn, AccountColumn, BalanceColumn, CreatedColumn, LastUsedColumn, StateColumn,
                  ColumnCount };
    enum HistoryColumn { WhenColumn, KindColumn, AmountColumn, ReasonColumn, HistoryColumnCount };

public Q_SLOTS:
    void createKey();
    void revokeKey();
    void copySecret();
    void dismissSecret();
    // Adds the amount in the grant field to the selected key's account, with the note as its reason.
    void grantCredits();

Q_SIGNALS:
    void keysChanged();
    void creditsGranted(const QString &account);

private:
    void updateButtons();
    void showHistory();

    HubContext m_context;
    QLineEdit *m_nameField = nullptr;
    QComboBox *m_roleCombo = nullptr;
    QPushButton *m_createButton = nullptr;
    QFrame *m_secretPanel = nullptr;
    QLineEdit *m_secretField = nullptr;
    QPushButton *m_copyButton = nullptr;
    QTableWidget *m_table = nullptr;
    QCheckBox *m_showRevoked = nullptr;
    QPushButton *m_revokeButton = nullptr;
    QLabel *m_historyTitle = nullptr;
    QLineEdit *m_grantAmount = nullptr;
    QLineEdit *m_grantNote = nullptr;
    QPushButton *m_grantButton = nullptr;
    QTableWidget *m_history = nullptr;
    MessageBanner *m_banner = nullptr;
};

} // namespace AiHub::Ui
