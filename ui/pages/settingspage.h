// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace AiHub::Ui {

class MessageBanner;

// The desktop app's own settings: where the embedded server listens (with a plain warning when that exposes it
// to the network) and the language. Kept in QSettings; used the next time the app starts.
class SettingsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    static QString listenKey();   // "server/listen", "host:port"
    static QString languageKey(); // "ui/language", "" (system), "en" or "zh_CN"

    // settings: not owned; must outlive the page.
    explicit SettingsPage(QSettings *settings, QWidget *parent = nullptr);

    // True for 127.0.0.0/8, ::1 and "localhost": only this computer can connect.
    static bool isLoopback(const QString &address);
    bool isLanWarningVisible() const;

public Q_SLOTS:
    void save();
    void load();

Q_SIGNALS:
    void saved();

private:
    void updateWarning();

    QSettings *m_settings = nullptr;
    QLineEdit *m_address = nullptr;
    QSpinBox *m_port = nullptr;
    QLabel *m_lanWarning = nullptr;
    QComboBox *m_language = nullptr;
    QPushButton *m_saveButton = nullptr;
    MessageBanner *m_banner = nullptr;
};

} // namespace AiHub::Ui
