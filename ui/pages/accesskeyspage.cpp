// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/accesskeyspage.h"

#include "core/access/accesskeystore.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/pagestyle.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace AiHub::Ui {

namespace {
enum Column { NameColumn, RoleColumn, AccountColumn, CreatedColumn, LastUsedColumn, StateColumn, ColumnCount };

QString formatTime(std::optional<qint64> ms)
{
    if (!ms || *ms <= 0)
        return AccessKeysPage::tr("never");
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(*ms), QLocale::ShortFormat);
}

QString roleText(Access::Role role)
{
    return role == Access::Role::Admin ? AccessKeysPage::tr("Admin") : AccessKeysPage::tr("User");
}
} // namespace

AccessKeysPage::AccessKeysPage(QWidget *parent)
    : QWidget(parent)
{
    QVBoxLayout *root = PageStyle::column(this, tr("Access Keys"),
                                          tr("Apps and people call the hub with an access key. Users may call the AI "
                                             "APIs; admins may also manage the hub."));

    auto *createRow = new QHBoxLayout;
    m_nameField = new QLineEdit(this);
    m_nameField->setObjectName(QStringLiteral("keyNameField"));
    m_nameField->setPlaceholderText(tr("Name, e.g. laptop or my-app"));
    m_nameField->setMaxLength(Access::AccessKeyStore::MaxNameLength);
    m_roleCombo = new QComboBox(this);
    m_roleCombo->setObjectName(QStringLiteral("roleCombo"));
    m_roleCombo->addItem(tr("User"), Access::roleName(Access::Role::User));
    m_roleCombo->addItem(tr("Admin"), Access::roleName(Access::Role::Admin));
    m_createButton = new QPushButton(tr("Create Key"), this);
    m_createButton->setObjectName(QStringLiteral("createButton"));
    m_createButton->setDefault(true);
    connect(m_createButton, &QPushButton::clicked, this, &AccessKeysPage::createKey);
    connect(m_nameField, &QLineEdit::returnPressed, this, &AccessKeysPage::createKey);
    connect(m_nameField, &QLineEdit::textChanged, this, &AccessKeysPage::updateButtons);
    createRow->addWidget(m_nameField, 1);
    createRow->addWidget(m_roleCombo);
    createRow->addWidget(m_createButton);
    root->addLayout(createRow);

    // The one moment the secret exists outside the caller's hands.
    m_secretPanel = new QFrame(this);
    m_secretPanel->setObjectName(QStringLiteral("secretPanel"));
    m_secretPanel->setFrameShape(QFrame::StyledPanel);
    m_secretPanel->setStyleSheet(QStringLiteral("QFrame#secretPanel { background: #fef7e0; border: 1px solid #f9d67a; "
                                                "border-radius: 6px; } QFrame#secretPanel QLabel { color: #7a4f01; }"));
    auto *secretLayout = new QVBoxLayout(m_secretPanel);
    auto *secretNote = new QLabel(tr("Copy this secret now. It is shown only once; the hub keeps only a hash of it."),
                                  m_secretPanel);
    secretNote->setWordWrap(true);
    secretLayout->addWidget(secretNote);
    auto *secretRow = new QHBoxLayout;
    m_secretField = new QLineEdit(m_secretPanel);
    m_secretField->setObjectName(QStringLiteral("secretField"));
    m_secretField->setReadOnly(true);
    m_secretField->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyButton = new QPushButton(tr("Copy"), m_secretPanel);
    m_copyButton->setObjectName(QStringLiteral("copySecretButton"));
    auto *doneButton = new QPushButton(tr("Done"), m_secretPanel);
    doneButton->setObjectName(QStringLiteral("dismissSecretButton"));
    connect(m_copyButton, &QPushButton::clicked, this, &AccessKeysPage::copySecret);
    connect(doneButton, &QPushButton::clicked, this, &AccessKeysPage::dismissSecret);
    secretRow->addWidget(m_secretField, 1);
    secretRow->addWidget(m_copyButton);
    secretRow->addWidget(doneButton);
    secretLayout->addLayout(secretRow);
    m_secretPanel->hide();
    root->addWidget(m_secretPanel);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("keyTable"));
    m_table->setHorizontalHeaderLabels(
        { tr("Name"), tr("Role"), tr("Account"), tr("Created"), tr("Last used"), tr("State") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->setMinimumHeight(200);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AccessKeysPage::updateButtons);
    root->addWidget(m_table, 1);

    auto *bottom = new QHBoxLayout;
    m_showRevoked = new QCheckBox(tr("Show revoked keys"), this);
    m_showRevoked->setObjectName(QStringLiteral("showRevokedCheck"));
    connect(m_showRevoked, &QCheckBox::toggled, this, &AccessKeysPage::reload);
    m_revokeButton = new QPushButton(tr("Revoke…"), this);
    m_revokeButton->setObjectName(QStringLiteral("revokeButton"));
    connect(m_revokeButton, &QPushButton::clicked, this, &AccessKeysPage::revokeKey);
    bottom->addWidget(m_showRevoked);
    bottom->addStretch(1);
    bottom->addWidget(m_revokeButton);
    root->addLayout(bottom);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("messageBanner"));
    root->addWidget(m_banner);

    setContext({});
}

void AccessKeysPage::setContext(const HubContext &context)
{
    m_context = context;
    reload();
}

void AccessKeysPage::reload()
{
    const QString selected = selectedKey();
    m_table->setRowCount(0);
    if (m_context.keys) {
        auto keys = m_context.keys->list(m_showRevoked->isChecked());
        if (!keys) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("The access keys cannot be read: %1").arg(keys.error().message));
        } else {
            for (const Access::AccessKeyInfo &key : std::as_const(*keys)) {
                const int row = m_table->rowCount();
                m_table->insertRow(row);
                auto *name = new QTableWidgetItem(key.name);
                name->setData(Qt::UserRole, key.isRevoked() ? QString() : key.name);
                m_table->setItem(row, NameColumn, name);
                m_table->setItem(row, RoleColumn, new QTableWidgetItem(roleText(key.role)));
                m_table->setItem(row, AccountColumn, new QTableWidgetItem(key.account));
                m_table->setItem(row, CreatedColumn, new QTableWidgetItem(formatTime(key.createdAtMs)));
                m_table->setItem(row, LastUsedColumn, new QTableWidgetItem(formatTime(key.lastUsedAtMs)));
                m_table->setItem(row, StateColumn, new QTableWidgetItem(key.isRevoked()
                                                                            ? tr("Revoked %1").arg(formatTime(key.revokedAtMs))
                                                                            : tr("Active")));
            }
        }
    }
    if (!selected.isEmpty())
        selectKey(selected);
    updateButtons();
}

QString AccessKeysPage::selectedKey() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return m_table->item(rows.constFirst().row(), NameColumn)->data(Qt::UserRole).toString();
}

void AccessKeysPage::selectKey(const QString &name)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, NameColumn)->data(Qt::UserRole).toString() == name) {
            m_table->selectRow(row);
            return;
        }
    }
}

QString AccessKeysPage::shownSecret() const
{
    return m_secretPanel->isHidden() ? QString() : m_secretField->text();
}

void AccessKeysPage::updateButtons()
{
    const bool ready = m_context.keys != nullptr;
    m_nameField->setEnabled(ready);
    m_createButton->setEnabled(ready && !m_nameField->text().trimmed().isEmpty());
    m_revokeButton->setEnabled(ready && !selectedKey().isEmpty());
}

void AccessKeysPage::createKey()
{
    if (!m_context.keys)
        return;
    const QString name = m_nameField->text().trimmed();
    const auto role = Access::parseRole(m_roleCombo->currentData().toString()).value_or(Access::Role::User);
    auto created = m_context.keys->create(name, role);
    if (!created) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The key was not created: %1").arg(created.error().message));
        return;
    }
    m_secretField->setText(created->token);
    m_secretPanel->show();
    m_nameField->clear();
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Created key \"%1\".").arg(name));
    reload();
    Q_EMIT keysChanged();
}

void AccessKeysPage::copySecret()
{
    QGuiApplication::clipboard()->setText(m_secretField->text());
    m_copyButton->setText(tr("Copied"));
    QTimer::singleShot(1500, m_copyButton, [this] { m_copyButton->setText(tr("Copy")); });
}

void AccessKeysPage::dismissSecret()
{
    m_secretField->clear();
    m_secretPanel->hide();
}

void AccessKeysPage::revokeKey()
{
    const QString name = selectedKey();
    if (!m_context.keys || name.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Revoke Access Key"),
                                tr("Revoke \"%1\"? Apps using it stop working at once; this cannot be undone.")
                                    .arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("revokeConfirmation"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, name] {
        if (box->result() != QMessageBox::Yes || !m_context.keys)
            return;
        if (auto revoked = m_context.keys->revoke(name); !revoked) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("The key was not revoked: %1").arg(revoked.error().message));
            return;
        }
        m_banner->showMessage(MessageBanner::Kind::Success, tr("Revoked key \"%1\".").arg(name));
        reload();
        Q_EMIT keysChanged();
    });
    box->open();
}

} // namespace AiHub::Ui
