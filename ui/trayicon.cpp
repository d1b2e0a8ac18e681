// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/trayicon.h"

#include "ui/mainwindow.h"

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>

namespace AiHub::Ui {

TrayIcon::TrayIcon(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_menu = new QMenu(window);
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_state = m_menu->addAction(QString());
    m_state->setObjectName(QStringLiteral("trayStateAction"));
    m_state->setEnabled(false);
    m_menu->addSeparator();
    m_open = m_menu->addAction(tr("Open AIGNE Hub"));
    m_open->setObjectName(QStringLiteral("trayOpenAction"));
    connect(m_open, &QAction::triggered, window, &MainWindow::bringToFront);
    m_quit = m_menu->addAction(tr("Stop the Hub and Quit"));
    m_quit->setObjectName(QStringLiteral("trayQuitAction"));
    connect(m_quit, &QAction::triggered, window, &MainWindow::requestQuit);

    m_icon = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/io.aigne.Hub.png")), this);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, window, [window](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            window->bringToFront();
    });
    connect(window, &MainWindow::statusChanged, this, &TrayIcon::updateStatus);
    connect(window, &MainWindow::hiddenToTray, this, &TrayIcon::windowHidden);
    updateStatus();
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::show()
{
    m_icon->show();
}

bool TrayIcon::isVisible() const
{
    return m_icon->isVisible();
}

void TrayIcon::windowHidden()
{
    // Say once where the hub went, so closing the window does not look like quitting.
    if (m_noticeShown)
        return;
    m_noticeShown = true;
    if (m_icon->isVisible())
        m_icon->showMessage(tr("AIGNE Hub is still serving"),
                            tr("The hub keeps answering API calls. Open it again or quit from this icon."),
                            QSystemTrayIcon::Information, 5000);
}

QString TrayIcon::toolTip() const
{
    return m_icon->toolTip();
}

void TrayIcon::updateStatus()
{
    const ServerStatus &status = m_window->serverStatus();
    const QString state = status.isReachable() ? tr("Serving at %1").arg(status.url)
                                               : tr("Server: %1").arg(status.stateText());
    m_state->setText(state);
    m_icon->setToolTip(tr("AIGNE Hub — %1").arg(state));
    // Once the server is stopping, Quit only remains as "quit now".
    m_quit->setText(m_window->isQuitRequested() ? tr("Quit Now") : tr("Stop the Hub and Quit"));
}

} // namespace AiHub::Ui
