// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "ui/hubcontext.h"

#include <QObject>

class QSettings;

namespace AiHub::Ui {

class AccessKeysPage;
class MainWindow;
class PlaygroundPage;
class ProvidersPage;
class RatesPage;
class SettingsPage;
class UsagePage;

// Adds the working pages to the window after the Server page and hands them the hub once it runs.
class HubPages final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubPages)

public:
    // settings: not owned; must outlive the pages.
    HubPages(MainWindow *window, QSettings *settings);

    void setContext(const HubContext &context);

    PlaygroundPage *playground() const { return m_playground; }
    ProvidersPage *providers() const { return m_providers; }
    RatesPage *rates() const { return m_rates; }
    AccessKeysPage *accessKeys() const { return m_accessKeys; }
    UsagePage *usage() const { return m_usage; }
    SettingsPage *settings() const { return m_settings; }

private:
    PlaygroundPage *m_playground = nullptr;
    ProvidersPage *m_providers = nullptr;
    RatesPage *m_rates = nullptr;
    AccessKeysPage *m_accessKeys = nullptr;
    UsagePage *m_usage = nullptr;
    SettingsPage *m_settings = nullptr;
};

} // namespace AiHub::Ui
