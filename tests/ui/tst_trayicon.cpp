// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/mainwindow.h"
#include "ui/trayicon.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

using namespace AiHub::Ui;

// The tray's menu and tooltip work without a real tray (the offscreen platform has none).
class TestTrayIcon : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsStateAndAddress()
    {
        MainWindow window;
        TrayIcon tray(&window);
        QVERIFY(tray.toolTip().contains(QStringLiteral("Starting")));
        window.setServerRunning(QStringLiteral("http://127.0.0.1:8878"));
        QCOMPARE(tray.toolTip(), QStringLiteral("AIGNE Hub — Serving at http://127.0.0.1:8878"));
        auto *state = tray.menu()->findChild<QAction *>(QStringLiteral("trayStateAction"));
        QVERIFY(state);
        QCOMPARE(state->text(), QStringLiteral("Serving at http://127.0.0.1:8878"));
        QVERIFY(!state->isEnabled());
        window.setServerFailed(QStringLiteral("boom"));
        QCOMPARE(state->text(), QStringLiteral("Server: Failed"));
        QVERIFY(!tray.hasShownHiddenNotice()); // the window was never closed
    }

    void open_bringsTheHiddenWindowBack()
    {
        MainWindow window;
        TrayIcon tray(&window);
        window.setCloseToTray(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy quit(&window, &MainWindow::quitRequested);
        QSignalSpy hidden(&window, &MainWindow::hiddenToTray);
        window.close();
        QVERIFY(!window.isVisible());
        QCOMPARE(hidden.size(), 1);
        QVERIFY(quit.isEmpty()); // still serving
        QVERIFY(tray.hasShownHiddenNotice());
        tray.openAction()->trigger();
        QVERIFY(window.isVisible());
    }

    void quit_stopsTheServer_thenQuitsNow()
    {
        MainWindow window;
        TrayIcon tray(&window);
        window.setCloseToTray(true);
        window.setServerRunning(QStringLiteral("http://127.0.0.1:8878"));
        window.show();
        window.close(); // to the tray
        QSignalSpy quit(&window, &MainWindow::quitRequested);
        QSignalSpy quitNow(&window, &MainWindow::quitNowRequested);
        tray.quitAction()->trigger();
        QCOMPARE(quit.size(), 1);
        QCOMPARE(window.serverStatus().state, ServerStatus::State::Stopping); // the graceful path
        QCOMPARE(tray.quitAction()->text(), QStringLiteral("Quit Now"));
        QVERIFY(quitNow.isEmpty());
        tray.quitAction()->trigger();
        QCOMPARE(quit.size(), 1);
        QCOMPARE(quitNow.size(), 1);
    }
};

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
