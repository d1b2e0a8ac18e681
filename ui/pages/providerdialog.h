// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/credentialsecret.h"
#include "core/providers/providerconfig.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace AiHub::Ui {

// Asks for a provider's settings and, depending on its kind, its secret: an API key, or for Amazon Bedrock an
// access key id, secret access key, optional session token and a region. Editing keeps name and kind; an empty
// secret then means "keep the current one".
class ProviderDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderDialog)

public:
    explicit ProviderDialog(QWidget *parent = nullptr);

    // Switches to editing `config`: name and kind fixed, fields filled, secrets optional.
    void setEditing(const Providers::ProviderConfig &config);
    bool isEditing() const { return m_editing; }

    Providers::ProviderConfig config() const;
    // The typed secret; empty when none was typed (editing and keeping the current one).
    Providers::CredentialSecret secret() const;
    QString accessKeyId() const;
    bool hasNewSecret() const;

    // Shown under the fields when the hub refused the input; the dialog stays open so it can be corrected.
    void showError(const QString &message);
    void setBusy(bool busy);

Q_SIGNALS:
    // Save was pressed and the fields passed the local checks; the page saves and then calls accept().
    void saveRequested();

private:
    void updateFields();
    void tryAccept();

    bool m_editing = false;
    QFormLayout *m_form = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_region = nullptr;
    QLineEdit *m_apiKey = nullptr;
    QLineEdit *m_accessKeyId = nullptr;
    QLineEdit *m_secretAccessKey = nullptr;
    QLineEdit *m_sessionToken = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace AiHub::Ui
