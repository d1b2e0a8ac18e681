// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "ui/hubcontext.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace AiHub::Hub {
class ProviderAdmin;
}

namespace AiHub::Ui {

class MessageBanner;
class ProviderDialog;

// The AI provider accounts: list, add, edit, remove and test them. Secrets go to the secret store through
// Hub::ProviderAdmin (the same code as `aigne-hubd provider`) and are only ever shown masked.
class ProvidersPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProvidersPage)

public:
    explicit ProvidersPage(QWidget *parent = nullptr);
    ~ProvidersPage() override;

    void setContext(const HubContext &context);
    void reload();

    // The open add/edit dialog, if any (for tests and keyboard users).
    ProviderDialog *dialog() const { return m_dialog; }
    QString selectedProvider() const;
    void selectProvider(const QString &name);

public Q_SLOTS:
    void addProvider();
    void editProvider();
    void removeProvider();
    void testProvider();

Q_SIGNALS:
    // A test finished: ok, and the message shown.
    void testFinished(bool ok, const QString &message);
    // The list changed after a save or removal.
    void providersChanged();

private:
    void updateButtons();
    void save();

    HubContext m_context;
    Hub::ProviderAdmin *m_admin = nullptr;
    ProviderDialog *m_dialog = nullptr;
    QLabel *m_storeLabel = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_testButton = nullptr;
    MessageBanner *m_banner = nullptr;
};

} // namespace AiHub::Ui
