// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/accesskeyspage.h"

#include "core/access/accesskeystore.h"
#include "core/billing/ledger.h"
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

QString kindText(Billing::EntryKind kind)
{
    switch (kind) {
    case Billing::EntryKind::Grant: return AccessKeysPage::tr("Grant");
    case Billing::EntryKind::Topup: return AccessKeysPage::tr("Top-up");
    case Billing::EntryKind::Charge: return AccessKeysPage::tr("Charge");
    case Billing::EntryKind::Refund: return AccessKeysPage::tr("Refund");
    case Billing::EntryKind::Adjustment: return AccessKeysPage::tr("Adjustment");
    }
    return {};
}

QTableWidgetItem *numberItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
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
    m_roleCombo->setToolTip(tr("Users may call the AI APIs; admins may also manage the hub"));
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
        { tr("Name"), tr("Role"), tr("Account"), tr("Balance"), tr("Created"), tr("Last used"), tr("State") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->setMinimumHeight(160);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AccessKeysPage::updateButtons);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AccessKeysPage::showHistory);
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

    // Credits of the selected key's account: grant more, and see every entry of its ledger.
    m_historyTitle = PageStyle::heading(tr("Credits"), 1.15, this);
    m_historyTitle->setObjectName(QStringLiteral("historyTitle"));
    root->addWidget(m_historyTitle);
    auto *grantRow = new QHBoxLayout;
    m_grantAmount = new QLineEdit(this);
    m_grantAmount->setObjectName(QStringLiteral("grantAmountField"));
    m_grantAmount->setPlaceholderText(tr("Credits, e.g. 100"));
    m_grantAmount->setMaximumWidth(140);
    m_grantNote = new QLineEdit(this);
    m_grantNote->setObjectName(QStringLiteral("grantNoteField"));
    m_grantNote->setPlaceholderText(tr("Note, e.g. monthly allowance"));
    m_grantButton = new QPushButton(tr("Grant Credits"), this);
    m_grantButton->setObjectName(QStringLiteral("grantButton"));
    connect(m_grantButton, &QPushButton::clicked, this, &AccessKeysPage::grantCredits);
    connect(m_grantAmount, &QLineEdit::returnPressed, this, &AccessKeysPage::grantCredits);
    connect(m_grantAmount, &QLineEdit::textChanged, this, &AccessKeysPage::updateButtons);
    grantRow->addWidget(m_grantAmount);
    grantRow->addWidget(m_grantNote, 1);
    grantRow->addWidget(m_grantButton);
    root->addLayout(grantRow);
    m_history = new QTableWidget(0, HistoryColumnCount, this);
    m_history->setObjectName(QStringLiteral("historyTable"));
    m_history->setHorizontalHeaderLabels({ tr("When"), tr("Kind"), tr("Credits"), tr("Reason") });
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionMode(QAbstractItemView::NoSelection);
    m_history->verticalHeader()->hide();
    m_history->setAlternatingRowColors(true);
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_history->setMinimumHeight(140);
    root->addWidget(m_history, 1);

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
    std::optional<Billing::Ledger> ledger;
    if (m_context.database)
        ledger.emplace(m_context.database);
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
                // An account appears in the ledger with its first credit or call; until then it holds nothing.
                QString balanceText = QStringLiteral("0");
                if (ledger) {
                    if (auto balance = ledger->balance(key.account))
                        balanceText = balance->balance.toString();
                    else if (balance.error().code != ErrorCode::NotFound)
                        balanceText = tr("unknown");
                }
                m_table->setItem(row, BalanceColumn, numberItem(balanceText));
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
    showHistory();
}

QString AccessKeysPage::selectedAccount() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return m_table->item(rows.constFirst().row(), AccountColumn)->text();
}

void AccessKeysPage::showHistory()
{
    m_history->setRowCount(0);
    const QString account = selectedAccount();
    if (account.isEmpty() || !m_context.database) {
        m_historyTitle->setText(tr("Credits"));
        return;
    }
    m_historyTitle->setText(tr("Credits of account \"%1\"").arg(account));
    auto entries = Billing::Ledger(m_context.database).history(account, 200);
    if (!entries) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The history of %1 cannot be read: %2").arg(account, entries.error().message));
        return;
    }
    for (const Billing::LedgerEntry &entry : std::as_const(*entries)) {
        const int row = m_history->rowCount();
        m_history->insertRow(row);
        m_history->setItem(row, WhenColumn, new QTableWidgetItem(formatTime(entry.createdAtMs)));
        m_history->setItem(row, KindColumn, new QTableWidgetItem(kindText(entry.kind)));
        m_history->setItem(row, AmountColumn, numberItem(entry.amount.toString()));
        m_history->setItem(row, ReasonColumn, new QTableWidgetItem(entry.reference.isEmpty()
                                                                       ? entry.reason
                                                                       : entry.reason + u" [" + entry.reference + u']'));
    }
}

void AccessKeysPage::grantCredits()
{
    const QString account = selectedAccount();
    if (!m_context.database || account.isEmpty())
        return;
    const QString text = m_grantAmount->text().trimmed();
    auto amount = Billing::Credits::parse(text);
    if (!amount) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("\"%1\" is not an amount of credits: enter a number like 100 or 2.5. Nothing was "
                                 "granted.")
                                  .arg(text));
        return;
    }
    if (amount->nanos() <= 0) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("A grant must be above zero. Nothing was granted."));
        return;
    }
    const QString note = m_grantNote->text().trimmed();
    auto entry = Billing::Ledger(m_context.database)
                     .post(account, Billing::EntryKind::Topup, *amount,
                           note.isEmpty() ? tr("granted in the desktop app") : note);
    if (!entry) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("No credits were granted: %1").arg(entry.error().message));
        return;
    }
    m_grantAmount->clear();
    m_grantNote->clear();
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("Granted %1 credits to %2.").arg(amount->toString(), account));
    reload();
    Q_EMIT creditsGranted(account);
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
    const bool canGrant = m_context.database && !selectedAccount().isEmpty();
    m_grantAmount->setEnabled(canGrant);
    m_grantNote->setEnabled(canGrant);
    m_grantButton->setEnabled(canGrant && !m_grantAmount->text().trimmed().isEmpty());
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
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("Created key \"%1\" with the %2 role.").arg(name, roleText(created->info.role)));
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
