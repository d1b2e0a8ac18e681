// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/providerspage.h"

#include "core/hub/provideradmin.h"
#include "core/providers/providerkind.h"
#include "core/secrets/isecretstore.h"
#include "ui/pages/providerdialog.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/pagestyle.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace AiHub::Ui {

using Providers::CredentialInfo;
using Providers::ProviderConfig;
using Providers::ProviderKinds;

namespace {
enum Column { NameColumn, KindColumn, UrlColumn, CredentialColumn, EnabledColumn, ColumnCount };
}

ProvidersPage::ProvidersPage(QWidget *parent)
    : QWidget(parent)
{
    QVBoxLayout *root = PageStyle::column(this, tr("Providers"),
                                          tr("The AI provider accounts the hub relays to. Models are called as "
                                             "provider/model, e.g. openai/gpt-4o-mini."));
    m_storeLabel = PageStyle::secondaryText(QString(), this);
    m_storeLabel->setObjectName(QStringLiteral("secretStoreLabel"));
    m_storeLabel->setTextFormat(Qt::PlainText);
    root->addWidget(m_storeLabel);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("providerTable"));
    m_table->setHorizontalHeaderLabels({ tr("Name"), tr("Kind"), tr("Base URL"), tr("Credentials"), tr("Enabled") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CredentialColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    m_table->setMinimumHeight(200);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ProvidersPage::updateButtons);
    connect(m_table, &QTableWidget::itemDoubleClicked, this, &ProvidersPage::editProvider);
    root->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    m_addButton = new QPushButton(tr("Add…"), this);
    m_addButton->setObjectName(QStringLiteral("addButton"));
    m_addButton->setShortcut(QKeySequence::New);
    m_editButton = new QPushButton(tr("Edit…"), this);
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_removeButton = new QPushButton(tr("Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setShortcut(QKeySequence::Delete);
    m_testButton = new QPushButton(tr("Test Connection"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setToolTip(tr("Make a small real call to the provider with the saved credential"));
    connect(m_addButton, &QPushButton::clicked, this, &ProvidersPage::addProvider);
    connect(m_editButton, &QPushButton::clicked, this, &ProvidersPage::editProvider);
    connect(m_removeButton, &QPushButton::clicked, this, &ProvidersPage::removeProvider);
    connect(m_testButton, &QPushButton::clicked, this, &ProvidersPage::testProvider);
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    buttons->addWidget(m_testButton);
    root->addLayout(buttons);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("messageBanner"));
    root->addWidget(m_banner);

    setContext({});
}

ProvidersPage::~ProvidersPage() = default;

void ProvidersPage::setContext(const HubContext &context)
{
    m_context = context;
    delete m_admin;
    m_admin = nullptr;
    if (context.isReady()) {
        m_admin = new Hub::ProviderAdmin(context.database, context.secrets, this);
        m_storeLabel->setText(tr("Secrets are kept in the %1.").arg(context.secrets->description()));
        m_banner->clearMessage();
    } else {
        m_storeLabel->setText(tr("Waiting for the hub to start…"));
    }
    reload();
}

void ProvidersPage::reload()
{
    const QString selected = selectedProvider();
    m_table->setRowCount(0);
    if (m_admin) {
        auto providers = m_admin->list();
        if (!providers) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("The providers cannot be read: %1").arg(providers.error().message));
        } else {
            for (const ProviderConfig &p : std::as_const(*providers)) {
                const int row = m_table->rowCount();
                m_table->insertRow(row);
                auto *name = new QTableWidgetItem(p.name);
                name->setData(Qt::UserRole, p.name);
                m_table->setItem(row, NameColumn, name);
                m_table->setItem(row, KindColumn, new QTableWidgetItem(ProviderKinds::displayName(p.kind)));
                m_table->setItem(row, UrlColumn, new QTableWidgetItem(p.effectiveBaseUrl()));
                QStringList credentials;
                for (const CredentialInfo &c : p.credentials)
                    credentials.append(c.accessKeyId.isEmpty() ? c.masked : c.accessKeyId + u' ' + c.masked);
                if (credentials.isEmpty() && ProviderKinds::credentialType(p.kind) == Providers::CredentialType::None)
                    credentials.append(tr("none needed"));
                m_table->setItem(row, CredentialColumn, new QTableWidgetItem(credentials.join(QStringLiteral(", "))));
                m_table->setItem(row, EnabledColumn, new QTableWidgetItem(p.enabled ? tr("Yes") : tr("No")));
            }
        }
    }
    if (!selected.isEmpty())
        selectProvider(selected);
    updateButtons();
}

QString ProvidersPage::selectedProvider() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return m_table->item(rows.constFirst().row(), NameColumn)->data(Qt::UserRole).toString();
}

void ProvidersPage::selectProvider(const QString &name)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, NameColumn)->data(Qt::UserRole).toString() == name) {
            m_table->selectRow(row);
            return;
        }
    }
}

void ProvidersPage::updateButtons()
{
    const bool ready = m_admin != nullptr;
    const bool selected = ready && !selectedProvider().isEmpty();
    m_addButton->setEnabled(ready);
    m_editButton->setEnabled(selected);
    m_removeButton->setEnabled(selected);
    m_testButton->setEnabled(selected);
}

void ProvidersPage::addProvider()
{
    if (!m_admin || m_dialog)
        return;
    m_dialog = new ProviderDialog(this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &ProviderDialog::saveRequested, this, &ProvidersPage::save);
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog->open();
}

void ProvidersPage::editProvider()
{
    if (!m_admin || m_dialog)
        return;
    auto provider = m_admin->find(selectedProvider());
    if (!provider)
        return m_banner->showMessage(MessageBanner::Kind::Error, provider.error().message);
    m_dialog = new ProviderDialog(this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setEditing(*provider);
    connect(m_dialog, &ProviderDialog::saveRequested, this, &ProvidersPage::save);
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog->open();
}

void ProvidersPage::save()
{
    if (!m_admin || !m_dialog)
        return;
    ProviderDialog *dialog = m_dialog;
    const ProviderConfig config = dialog->config();
    std::optional<Hub::ProviderAdmin::NewCredential> credential;
    if (dialog->hasNewSecret()) {
        Hub::ProviderAdmin::NewCredential c;
        c.info.label = QStringLiteral("default");
        c.info.accessKeyId = dialog->accessKeyId();
        c.secret = dialog->secret();
        credential = c;
    }
    dialog->setBusy(true);
    auto finish = [this, dialog, name = config.name](const Status &status, const QString &done) {
        if (dialog != m_dialog)
            return; // closed meanwhile
        dialog->setBusy(false);
        if (!status) {
            dialog->showError(status.error().message);
            return;
        }
        dialog->accept();
        reload();
        selectProvider(name);
        m_banner->showMessage(MessageBanner::Kind::Success, done);
        Q_EMIT providersChanged();
    };
    if (!dialog->isEditing()) {
        m_admin->addProvider(config, credential, [this, finish, config](Result<ProviderConfig> added) {
            finish(added ? Status {} : Status(fail(added.error())),
                   tr("Added provider \"%1\". Use Test Connection to check its credential.").arg(config.name));
        });
        return;
    }
    if (auto updated = m_admin->updateProvider(config); !updated)
        return finish(updated, QString());
    const QString message = tr("Saved provider \"%1\".").arg(config.name);
    if (!credential)
        return finish({}, message);
    // A secret typed while editing replaces the first credential's (or adds one when there is none).
    auto existing = m_admin->find(config.name);
    if (existing && !existing->credentials.isEmpty())
        credential->info.label = existing->credentials.constFirst().label;
    m_admin->replaceCredential(config.name, *credential, [finish, message](Result<CredentialInfo> replaced) {
        finish(replaced ? Status {} : Status(fail(replaced.error())), message);
    });
}

void ProvidersPage::removeProvider()
{
    const QString name = selectedProvider();
    if (!m_admin || name.isEmpty())
        return;
    // open(), not exec(): the window keeps serving and redrawing while the question is up.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Provider"),
                                tr("Remove provider \"%1\" and delete its secrets from the secret store? Calls to "
                                   "%1/… models will fail until it is added again.")
                                    .arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeConfirmation"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, name] {
        if (box->result() != QMessageBox::Yes || !m_admin)
            return;
        m_admin->removeProvider(name, [this, name](Result<QStringList> warnings) {
            reload();
            if (!warnings)
                return m_banner->showMessage(MessageBanner::Kind::Error, warnings.error().message);
            QString text = tr("Removed provider \"%1\".").arg(name);
            if (!warnings->isEmpty())
                text += u' ' + tr("Note: %1").arg(warnings->join(QStringLiteral("; ")));
            m_banner->showMessage(MessageBanner::Kind::Success, text);
            Q_EMIT providersChanged();
        });
    });
    box->open();
}

void ProvidersPage::testProvider()
{
    const QString name = selectedProvider();
    if (!m_admin || name.isEmpty())
        return;
    m_testButton->setEnabled(false);
    m_banner->showMessage(MessageBanner::Kind::Info, tr("Testing \"%1\"…").arg(name));
    m_admin->test(name, QString(), [this, name](Result<Hub::ProviderAdmin::TestOutcome> outcome) {
        updateButtons();
        if (!outcome) {
            const QString text = tr("\"%1\" did not accept the call: %2 Check the base URL and the credential, "
                                    "then test again.")
                                     .arg(name, outcome.error().message);
            m_banner->showMessage(MessageBanner::Kind::Error, text);
            Q_EMIT testFinished(false, text);
            return;
        }
        const QString text = tr("\"%1\" works: it answered HTTP %2 in %3 s.")
                                 .arg(name)
                                 .arg(outcome->httpStatus)
                                 .arg(outcome->seconds, 0, 'f', 2);
        m_banner->showMessage(MessageBanner::Kind::Success, text);
        Q_EMIT testFinished(true, text);
    });
}

} // namespace AiHub::Ui
