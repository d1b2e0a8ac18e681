// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/hubpages.h"

#include "ui/mainwindow.h"
#include "ui/pages/accesskeyspage.h"
#include "ui/pages/playgroundpage.h"
#include "ui/pages/providerspage.h"
#include "ui/pages/ratespage.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/usagepage.h"

#include <QTimer>

namespace AiHub::Ui {

HubPages::HubPages(MainWindow *window, QSettings *settings)
    : QObject(window)
{
    m_playground = new PlaygroundPage;
    m_playground->setObjectName(QStringLiteral("playgroundPage"));
    m_providers = new ProvidersPage;
    m_providers->setObjectName(QStringLiteral("providersPage"));
    m_rates = new RatesPage;
    m_rates->setObjectName(QStringLiteral("ratesPage"));
    m_accessKeys = new AccessKeysPage;
    m_accessKeys->setObjectName(QStringLiteral("accessKeysPage"));
    m_usage = new UsagePage;
    m_usage->setObjectName(QStringLiteral("usagePage"));
    m_settings = new SettingsPage(settings);
    m_settings->setObjectName(QStringLiteral("settingsPage"));
    window->addPage(m_playground, tr("Playground"));
    window->addPage(m_providers, tr("Providers"));
    window->addPage(m_rates, tr("Model Rates"));
    window->addPage(m_accessKeys, tr("Access Keys"));
    window->addPage(m_usage, tr("Usage"));
    window->addPage(m_settings, tr("Settings"));
    // A new provider brings new models; a revoked playground key is replaced on the next message.
    // The server picks provider changes up within a second (config generation poll); ask for models after that.
    connect(m_providers, &ProvidersPage::providersChanged, m_playground,
            [this] { QTimer::singleShot(1500, m_playground, &PlaygroundPage::refreshModels); });
    connect(m_providers, &ProvidersPage::providersChanged, m_rates,
            [this] { QTimer::singleShot(1500, m_rates, &RatesPage::refreshModels); });
    connect(m_playground, &PlaygroundPage::callsEnded, m_usage, &UsagePage::refresh);
    connect(m_playground, &PlaygroundPage::callsEnded, m_accessKeys, &AccessKeysPage::reload);
}

void HubPages::setContext(const HubContext &context)
{
    m_providers->setContext(context);
    m_rates->setContext(context);
    m_accessKeys->setContext(context);
    m_settings->setContext(context);
    m_usage->setContext(context);
    m_playground->setContext(context);
}

} // namespace AiHub::Ui
