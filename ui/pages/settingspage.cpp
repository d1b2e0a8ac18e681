// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/settingspage.h"

#include "ui/widgets/messagebanner.h"
#include "ui/widgets/pagestyle.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
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

SettingsPage::SettingsPage(QSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
{
    QVBoxLayout *root = PageStyle::column(this, tr("Settings"),
                                          tr("Changes take effect the next time AIGNE Hub starts."), 720);
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
    updateWarning();
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
    const QString shown = host.contains(u':') ? QString(u'[' + host + u']') : host;
    m_settings->setValue(listenKey(), QString(shown + u':' + QString::number(m_port->value())));
    m_settings->setValue(languageKey(), m_language->currentData().toString());
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The settings cannot be written to %1; check that the folder is writable.")
                                  .arg(m_settings->fileName()));
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Saved. Restart AIGNE Hub to use the new settings."));
    Q_EMIT saved();
}

} // namespace AiHub::Ui
