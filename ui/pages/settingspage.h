// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "ui/hubcontext.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace AiHub::Ui {

class MessageBanner;

// The desktop app's own settings: where the embedded server listens (with a plain warning when that exposes it
// to the network), the language, the theme and whether closing the window keeps the hub serving from the tray,
// kept in QSettings; and the hub's billing switch and new-user grant, kept in the hub's database (BillingSettings)
// so the running server applies them within a second.
class SettingsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    static QString listenKey();   // "server/listen", "host:port"
    static QString languageKey(); // "ui/language", "" (system), "en" or "zh_CN"
    static QString trayKey();     // "ui/keepServingInTray", bool; default: on where a system tray exists
    // Whether closing the window keeps the hub serving in the tray, as saved (or the default).
    static bool keepServingInTray(const QSettings &settings, bool trayAvailable);

    // settings: not owned; must outlive the page.
    explicit SettingsPage(QSettings *settings, QWidget *parent = nullptr);

    // The hub whose billing settings the page shows; without one those fields are disabled.
    void setContext(const HubContext &context);
    // Whether the tray option is offered (a system tray exists); the app sets it, tests may too.
    void setTrayAvailable(bool available);

    // True for 127.0.0.0/8, ::1 and "localhost": only this computer can connect.
    static bool isLoopback(const QString &address);
    bool isLanWarningVisible() const;

public Q_SLOTS:
    void save();
    void load();

Q_SIGNALS:
    void saved();
    // The tray option as saved, for the window to apply at once.
    void keepServingInTrayChanged(bool keep);

private:
    void updateWarning();
    void loadBilling();
    bool saveBilling();

    QSettings *m_settings = nullptr;
    QLineEdit *m_address = nullptr;
    QSpinBox *m_port = nullptr;
    QLabel *m_lanWarning = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QCheckBox *m_tray = nullptr;
    QCheckBox *m_billing = nullptr;
    QLineEdit *m_grant = nullptr;
    QComboBox *m_unpriced = nullptr;
    HubContext m_context;
    bool m_trayAvailable = false;
    QPushButton *m_saveButton = nullptr;
    MessageBanner *m_banner = nullptr;
};

} // namespace AiHub::Ui
