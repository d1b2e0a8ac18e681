// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/providerdialog.h"

#include "core/providers/providerkind.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace AiHub::Ui {

using Providers::CredentialType;
using Providers::ProviderKind;
using Providers::ProviderKinds;

ProviderDialog::ProviderDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Add Provider"));
    setMinimumWidth(480);
    auto *root = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    for (ProviderKind kind : ProviderKinds::all())
        m_kind->addItem(ProviderKinds::displayName(kind), ProviderKinds::name(kind));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameField"));
    m_name->setPlaceholderText(tr("used in model names, e.g. openai"));
    m_baseUrl = new QLineEdit(this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrlField"));
    m_region = new QLineEdit(this);
    m_region->setObjectName(QStringLiteral("regionField"));
    m_region->setPlaceholderText(QStringLiteral("us-east-1"));
    m_apiKey = new QLineEdit(this);
    m_apiKey->setObjectName(QStringLiteral("apiKeyField"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_accessKeyId = new QLineEdit(this);
    m_accessKeyId->setObjectName(QStringLiteral("accessKeyIdField"));
    m_secretAccessKey = new QLineEdit(this);
    m_secretAccessKey->setObjectName(QStringLiteral("secretAccessKeyField"));
    m_secretAccessKey->setEchoMode(QLineEdit::Password);
    m_sessionToken = new QLineEdit(this);
    m_sessionToken->setObjectName(QStringLiteral("sessionTokenField"));
    m_sessionToken->setEchoMode(QLineEdit::Password);
    m_sessionToken->setPlaceholderText(tr("optional"));
    m_enabled = new QCheckBox(tr("Enabled"), this);
    m_enabled->setObjectName(QStringLiteral("enabledCheck"));
    m_enabled->setChecked(true);

    m_form->addRow(tr("Kind"), m_kind);
    m_form->addRow(tr("Name"), m_name);
    m_form->addRow(tr("Base URL"), m_baseUrl);
    m_form->addRow(tr("Region"), m_region);
    m_form->addRow(tr("API key"), m_apiKey);
    m_form->addRow(tr("Access key ID"), m_accessKeyId);
    m_form->addRow(tr("Secret access key"), m_secretAccessKey);
    m_form->addRow(tr("Session token"), m_sessionToken);
    m_form->addRow(QString(), m_enabled);
    root->addLayout(m_form);

    auto *note = new QLabel(tr("Secrets are written to the secret store and never to the database."), this);
    note->setWordWrap(true);
    root->addWidget(note);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #a50e0e; }"));
    m_error->hide();
    root->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("dialogButtons"));
    root->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProviderDialog::tryAccept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        // The name follows the kind until the user types their own.
        if (!m_editing && (m_name->text().isEmpty() || ProviderKinds::fromName(m_name->text())))
            m_name->setText(m_kind->currentData().toString());
        updateFields();
    });
    m_name->setText(m_kind->currentData().toString());
    updateFields();
}

void ProviderDialog::setEditing(const Providers::ProviderConfig &config)
{
    m_editing = true;
    setWindowTitle(tr("Edit Provider \"%1\"").arg(config.name));
    m_kind->setCurrentIndex(m_kind->findData(ProviderKinds::name(config.kind)));
    m_kind->setEnabled(false);
    m_name->setText(config.name);
    m_name->setReadOnly(true);
    m_baseUrl->setText(config.baseUrl);
    m_region->setText(config.region);
    m_enabled->setChecked(config.enabled);
    if (!config.credentials.isEmpty())
        m_accessKeyId->setText(config.credentials.constFirst().accessKeyId);
    const QString keep = tr("leave empty to keep the current secret");
    m_apiKey->setPlaceholderText(keep);
    m_secretAccessKey->setPlaceholderText(keep);
    updateFields();
}

void ProviderDialog::updateFields()
{
    const auto kind = ProviderKinds::fromName(m_kind->currentData().toString()).value_or(ProviderKind::OpenAI);
    const CredentialType type = ProviderKinds::credentialType(kind);
    m_baseUrl->setPlaceholderText(tr("default: %1").arg(ProviderKinds::defaultBaseUrl(kind, m_region->text())));
    m_form->setRowVisible(m_region, kind == ProviderKind::Bedrock);
    m_form->setRowVisible(m_apiKey, type == CredentialType::ApiKey);
    m_form->setRowVisible(m_accessKeyId, type == CredentialType::AwsAccessKey);
    m_form->setRowVisible(m_secretAccessKey, type == CredentialType::AwsAccessKey);
    m_form->setRowVisible(m_sessionToken, type == CredentialType::AwsAccessKey);
}

Providers::ProviderConfig ProviderDialog::config() const
{
    Providers::ProviderConfig config;
    config.kind = ProviderKinds::fromName(m_kind->currentData().toString()).value_or(ProviderKind::OpenAI);
    config.name = m_name->text().trimmed();
    config.baseUrl = m_baseUrl->text().trimmed();
    if (config.kind == ProviderKind::Bedrock)
        config.region = m_region->text().trimmed();
    config.enabled = m_enabled->isChecked();
    return config;
}

Providers::CredentialSecret ProviderDialog::secret() const
{
    Providers::CredentialSecret secret;
    switch (ProviderKinds::credentialType(config().kind)) {
    case CredentialType::None:
        break;
    case CredentialType::ApiKey:
        secret.apiKey = m_apiKey->text().trimmed();
        break;
    case CredentialType::AwsAccessKey:
        secret.secretAccessKey = m_secretAccessKey->text().trimmed();
        secret.sessionToken = m_sessionToken->text().trimmed();
        break;
    }
    return secret;
}

QString ProviderDialog::accessKeyId() const
{
    return m_accessKeyId->text().trimmed();
}

bool ProviderDialog::hasNewSecret() const
{
    return !secret().primary().isEmpty();
}

void ProviderDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ProviderDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
}

void ProviderDialog::tryAccept()
{
    // Checks that need no hub; the page reports what the hub refuses and keeps the dialog open.
    const Providers::ProviderConfig c = config();
    const CredentialType type = ProviderKinds::credentialType(c.kind);
    if (c.name.isEmpty())
        return showError(tr("Give the provider a name."));
    if (!m_editing && type == CredentialType::ApiKey && m_apiKey->text().trimmed().isEmpty())
        return showError(tr("Enter the API key from your %1 account.").arg(ProviderKinds::displayName(c.kind)));
    if (type == CredentialType::AwsAccessKey) {
        if (c.region.isEmpty())
            return showError(tr("Amazon Bedrock needs a region, e.g. us-east-1."));
        if (accessKeyId().isEmpty() || (!m_editing && m_secretAccessKey->text().trimmed().isEmpty()))
            return showError(tr("Enter the access key ID and the secret access key of an IAM user allowed to call "
                                "Bedrock."));
    }
    showError(QString());
    Q_EMIT saveRequested();
}

} // namespace AiHub::Ui
