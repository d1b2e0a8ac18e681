// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace AiHub::Ui {

class MainWindow;

// The hub in the system tray: its state and address in the tooltip and menu, Open to bring the window back and
// Quit to stop the server gracefully (the window's own quit path). Only shown where a tray exists.
class TrayIcon final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    explicit TrayIcon(MainWindow *window);
    ~TrayIcon() override;

    void show();
    bool isVisible() const;
    QMenu *menu() const { return m_menu; }
    QString toolTip() const;
    QAction *openAction() const { return m_open; }
    QAction *quitAction() const { return m_quit; }
    // Whether the "still serving" notice was shown (once per run, the first time the window goes to the tray).
    bool hasShownHiddenNotice() const { return m_noticeShown; }

private:
    void updateStatus();
    void windowHidden();

    MainWindow *m_window;
    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_state = nullptr;
    QAction *m_open = nullptr;
    QAction *m_quit = nullptr;
    bool m_noticeShown = false;
};

} // namespace AiHub::Ui
