// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/settingspage.h"

#include "core/billing/billingsettings.h"
#include "core/storage/database.h"
#include "ui/theme.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/pagestyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

namespace AiHub::Ui {

namespace {
constexpr int kDefaultPort = 8878;
}

QString SettingsPage::listenKey()
{
    return QStringLiteral("server/listen");
}

QString SettingsPage::languageKey()
{
    return QStringLiteral("ui/language");
}

QString SettingsPage::trayKey()
{
    return QStringLiteral("ui/keepServingInTray");
}

bool SettingsPage::keepServingInTray(const QSettings &settings, bool trayAvailable)
{
    return trayAvailable && settings.value(trayKey(), true).toBool();
}

SettingsPage::SettingsPage(QSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_trayAvailable(QSystemTrayIcon::isSystemTrayAvailable())
{
    QVBoxLayout *root = PageStyle::column(this, tr("Settings"),
                                          tr("The listen address and the language take effect the next time AIGNE "
                                             "Hub starts; everything else applies when you save."),
                                          720);
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(20);
    form->setVerticalSpacing(12);
    auto *listenRow = new QHBoxLayout;
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("addressField"));
    m_address->setPlaceholderText(QStringLiteral("127.0.0.1"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(kDefaultPort);
    listenRow->addWidget(m_address, 1);
    listenRow->addSpacing(12);
    listenRow->addWidget(new QLabel(tr("Port"), this));
    listenRow->addSpacing(4);
    listenRow->addWidget(m_port);
    form->addRow(tr("Listen address"), listenRow);

    m_lanWarning = new QLabel(tr("Other computers on your network will be able to reach the hub at this address. "
                                 "Anyone with an access key can then spend your provider credits, and traffic is "
                                 "not encrypted. Share only on networks you trust, and give each person their own "
                                 "key."),
                              this);
    m_lanWarning->setObjectName(QStringLiteral("lanWarning"));
    m_lanWarning->setWordWrap(true);
    m_lanWarning->setStyleSheet(QStringLiteral("QLabel { background: #fef7e0; color: #7a4f01; border: 1px solid "
                                               "#f9d67a; border-radius: 6px; padding: 8px; }"));
    form->addRow(QString(), m_lanWarning);

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    form->addRow(tr("Language"), m_language);

    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->addItem(tr("Follow the system"), Theme::name(Theme::Mode::System));
    m_theme->addItem(tr("Light"), Theme::name(Theme::Mode::Light));
    m_theme->addItem(tr("Dark"), Theme::name(Theme::Mode::Dark));
    form->addRow(tr("Theme"), m_theme);

    m_tray = new QCheckBox(tr("Keep serving in the tray when the window is closed"), this);
    m_tray->setObjectName(QStringLiteral("trayCheck"));
    form->addRow(tr("Window"), m_tray);

    // Billing lives in the hub's database, like `aigne-hubd billing ...`: the running server picks it up.
    m_billing = new QCheckBox(tr("Charge credits for calls (billing)"), this);
    m_billing->setObjectName(QStringLiteral("billingCheck"));
    m_billing->setToolTip(tr("Off: a personal hub; usage is still recorded but no credits are checked."));
    form->addRow(tr("Billing"), m_billing);
    m_grant = new QLineEdit(this);
    m_grant->setObjectName(QStringLiteral("grantField"));
    m_grant->setMaximumWidth(160);
    m_grant->setPlaceholderText(QStringLiteral("0"));
    m_grant->setToolTip(tr("Credits each new account receives once, on its first call"));
    form->addRow(tr("New-user grant"), m_grant);
    m_unpriced = new QComboBox(this);
    m_unpriced->setObjectName(QStringLiteral("unpricedCombo"));
    m_unpriced->addItem(tr("Refuse the call with a message"), QStringLiteral("refuse"));
    m_unpriced->addItem(tr("Serve it free, with an \"unpriced\" warning"), QStringLiteral("free"));
    m_unpriced->setToolTip(tr("What happens to a call to a model without a rate while billing is on"));
    form->addRow(tr("Models without a rate"), m_unpriced);
    root->addLayout(form);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_saveButton = new QPushButton(tr("Save"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setShortcut(QKeySequence::Save);
    buttons->addWidget(m_saveButton);
    root->addLayout(buttons);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("messageBanner"));
    root->addWidget(m_banner);
    root->addStretch(1);

    connect(m_address, &QLineEdit::textChanged, this, &SettingsPage::updateWarning);
    connect(m_saveButton, &QPushButton::clicked, this, &SettingsPage::save);
    load();
}

bool SettingsPage::isLoopback(const QString &address)
{
    const QString a = address.trimmed();
    if (a.isEmpty() || a.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress host(a);
    return !host.isNull() && host.isLoopback();
}

bool SettingsPage::isLanWarningVisible() const
{
    return !m_lanWarning->isHidden();
}

void SettingsPage::updateWarning()
{
    m_lanWarning->setVisible(!isLoopback(m_address->text()));
}

void SettingsPage::load()
{
    const QString listen = m_settings->value(listenKey()).toString();
    const qsizetype colon = listen.lastIndexOf(u':');
    if (colon > 0) {
        QString host = listen.left(colon);
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        m_address->setText(host);
        m_port->setValue(listen.mid(colon + 1).toInt());
    } else {
        m_address->setText(QStringLiteral("127.0.0.1"));
        m_port->setValue(kDefaultPort);
    }
    const int language = m_language->findData(m_settings->value(languageKey()).toString());
    m_language->setCurrentIndex(std::max(0, language));
    const int theme = m_theme->findData(Theme::name(Theme::parse(m_settings->value(Theme::settingsKey()).toString())));
    m_theme->setCurrentIndex(std::max(0, theme));
    m_tray->setEnabled(m_trayAvailable);
    m_tray->setChecked(keepServingInTray(*m_settings, m_trayAvailable));
    m_tray->setToolTip(m_trayAvailable ? QString() : tr("This desktop has no system tray."));
    updateWarning();
    loadBilling();
}

void SettingsPage::setContext(const HubContext &context)
{
    m_context = context;
    loadBilling();
}

void SettingsPage::setTrayAvailable(bool available)
{
    m_trayAvailable = available;
    load();
}

void SettingsPage::loadBilling()
{
    const bool ready = m_context.database != nullptr;
    m_billing->setEnabled(ready);
    m_grant->setEnabled(ready);
    m_unpriced->setEnabled(ready);
    if (!ready)
        return;
    auto billing = Billing::BillingSettings::load(*m_context.database);
    if (!billing) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The billing settings cannot be read: %1").arg(billing.error().message));
        return;
    }
    m_billing->setChecked(billing->enabled);
    m_grant->setText(billing->newUserGrant.toString());
    m_unpriced->setCurrentIndex(billing->unpriced == Billing::UnpricedPolicy::Refuse ? 0 : 1);
}

bool SettingsPage::saveBilling()
{
    if (!m_context.database)
        return true;
    const QString grant = m_grant->text().trimmed().isEmpty() ? QStringLiteral("0") : m_grant->text().trimmed();
    auto amount = Billing::Credits::parse(grant);
    if (!amount || amount->isNegative()) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The new-user grant must be a number of credits of 0 or more, like 100. Nothing "
                                 "was saved."));
        return false;
    }
    auto current = Billing::BillingSettings::load(*m_context.database);
    const auto policy = m_unpriced->currentData().toString() == QStringLiteral("free")
        ? Billing::UnpricedPolicy::FreeWithWarning
        : Billing::UnpricedPolicy::Refuse;
    if (current && current->enabled == m_billing->isChecked() && current->newUserGrant == *amount
        && current->unpriced == policy)
        return true; // unchanged: no reload for the running hub
    for (const auto &[name, value] :
         { std::pair { QStringLiteral("grant"), grant },
           std::pair { QStringLiteral("unpriced"), m_unpriced->currentData().toString() },
           std::pair { QStringLiteral("enabled"), m_billing->isChecked() ? QStringLiteral("on") : QStringLiteral("off") } }) {
        if (Status set = Billing::BillingSettings::set(*m_context.database, name, value); !set) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("The billing settings were not saved: %1").arg(set.error().message));
            return false;
        }
    }
    return true;
}

void SettingsPage::save()
{
    const QString host = m_address->text().trimmed().isEmpty() ? QStringLiteral("127.0.0.1") : m_address->text().trimmed();
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) != 0 && QHostAddress(host).isNull()) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("\"%1\" is not an IP address. Use 127.0.0.1 for this computer only, 0.0.0.0 for every "
                                 "network, or the address of one network card.")
                                  .arg(host));
        return;
    }
    // Billing first: its input is the one that can still be refused, and then nothing at all is written.
    if (!saveBilling())
        return;
    const QString shown = host.contains(u':') ? QString(u'[' + host + u']') : host;
    m_settings->setValue(listenKey(), QString(shown + u':' + QString::number(m_port->value())));
    m_settings->setValue(languageKey(), m_language->currentData().toString());
    m_settings->setValue(Theme::settingsKey(), m_theme->currentData().toString());
    if (m_trayAvailable)
        m_settings->setValue(trayKey(), m_tray->isChecked());
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The settings cannot be written to %1; check that the folder is writable.")
                                  .arg(m_settings->fileName()));
        return;
    }
    Theme::apply(Theme::parse(m_theme->currentData().toString()));
    Q_EMIT keepServingInTrayChanged(keepServingInTray(*m_settings, m_trayAvailable));
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("Saved. A new listen address or language is used the next time AIGNE Hub starts."));
    Q_EMIT saved();
}

} // namespace AiHub::Ui
