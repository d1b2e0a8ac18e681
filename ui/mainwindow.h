// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "ui/serverstatus.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace AiHub::Ui {

class ServerPage;

// The desktop window: builds the menus and hosts the pages behind a sidebar. It holds no logic of its own; the
// application feeds it the server's state through the slots below and reacts to quitRequested().
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds a page to the sidebar and the View menu; the window takes ownership. Returns the page's index.
    int addPage(QWidget *page, const QString &title);
    void showPage(int index);
    int currentPageIndex() const;
    int pageCount() const;
    QWidget *page(int index) const;

    ServerPage *serverPage() const { return m_serverPage; }
    const ServerStatus &serverStatus() const { return m_status; }
    bool isQuitRequested() const { return m_quitRequested; }
    // With a tray icon: closing the window hides it and the hub keeps serving; Quit still stops it.
    void setCloseToTray(bool closeToTray);
    bool closesToTray() const { return m_closeToTray; }

public Q_SLOTS:
    void setServerStarting();
    void setServerRunning(const QString &url);
    void setServerFailed(const QString &message);
    void setServerStopping();
    void setServerStopped();
    void setDataDirectory(const QString &path);
    void setSecretStoreDescription(const QString &description);
    // Quit for real: stop the server gracefully, then leave (File > Quit, the tray's Quit). Asked again while the
    // server is stopping, the window closes at once.
    void requestQuit();
    // Shows the window in front, also when it was hidden in the tray or minimised (a second launch, the tray).
    void bringToFront();

Q_SIGNALS:
    // The user closed the window or chose Quit. The window stays open (showing "Stopping…") until the
    // application quits; a second close request closes it at once.
    void quitRequested();
    // Asked to quit a second time while stopping: the application should end now.
    void quitNowRequested();
    // Closed while it keeps serving in the tray.
    void hiddenToTray();
    void statusChanged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void applyStatus();
    void showAbout();

    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    QMenu *m_viewMenu = nullptr;
    ServerPage *m_serverPage = nullptr;
    QLabel *m_statusState = nullptr;
    QLabel *m_statusAddress = nullptr;
    ServerStatus m_status;
    bool m_quitRequested = false;
    bool m_closeToTray = false;
};

} // namespace AiHub::Ui
