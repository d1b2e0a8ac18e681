// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/mainwindow.h"
#include "ui/pages/serverpage.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace AiHub::Ui;

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    static QString text(const QWidget *root, const char *name)
    {
        auto *label = root->findChild<QLabel *>(QString::fromLatin1(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
    }
    static QAction *findAction(const QMainWindow &window, const QString &text)
    {
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->text() == text)
                return action;
        }
        return nullptr;
    }

private Q_SLOTS:
    void newWindow_showsServerStarting()
    {
        MainWindow window;
        QCOMPARE(window.serverStatus().state, ServerStatus::State::Starting);
        QCOMPARE(text(&window, "stateLabel"), QStringLiteral("Starting…"));
        QCOMPARE(text(&window, "statusStateLabel"), QStringLiteral("Server: Starting…"));
        QCOMPARE(text(&window, "statusAddressLabel"), QString());
        QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("copyAddressButton"))->isEnabled());
        QCOMPARE(window.windowTitle(), QStringLiteral("AIGNE Hub"));
    }

    void setServerRunning_showsAddressOnPageAndStatusBar()
    {
        MainWindow window;
        window.setServerRunning(QStringLiteral("http://127.0.0.1:8878"));
        QCOMPARE(text(&window, "stateLabel"), QStringLiteral("Running"));
        QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("addressField"))->text(),
                 QStringLiteral("http://127.0.0.1:8878"));
        QVERIFY(window.findChild<QPushButton *>(QStringLiteral("copyAddressButton"))->isEnabled());
        QCOMPARE(text(&window, "statusStateLabel"), QStringLiteral("Server: Running"));
        QCOMPARE(text(&window, "statusAddressLabel"), QStringLiteral("http://127.0.0.1:8878"));
    }

    void setServerFailed_showsMessageAndNoAddress()
    {
        MainWindow window;
        window.show();
        window.setServerRunning(QStringLiteral("http://127.0.0.1:8878"));
        const QString message = QStringLiteral("The hub cannot listen on 127.0.0.1:8878: address in use.");
        window.setServerFailed(message);

        auto *failure = window.findChild<QLabel *>(QStringLiteral("failureLabel"));
        QVERIFY(failure->isVisible());
        QCOMPARE(failure->text(), message);
        QCOMPARE(text(&window, "stateLabel"), QStringLiteral("Failed"));
        QCOMPARE(text(&window, "statusStateLabel"), QStringLiteral("Server: Failed"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("statusStateLabel"))->toolTip(), message);
        QCOMPARE(text(&window, "statusAddressLabel"), QString());
        QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("addressField"))->text(), QString());
        QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("copyAddressButton"))->isEnabled());
    }

    void setServerStopped_afterRunning_showsStopped()
    {
        MainWindow window;
        window.show();
        window.setServerRunning(QStringLiteral("http://127.0.0.1:9000"));
        window.setServerStopped();
        QCOMPARE(text(&window, "stateLabel"), QStringLiteral("Stopped"));
        QCOMPARE(text(&window, "statusStateLabel"), QStringLiteral("Server: Stopped"));
        QCOMPARE(text(&window, "statusAddressLabel"), QString());
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("failureLabel"))->isVisible());
    }

    void setServerStopped_afterFailure_keepsTheFailureVisible()
    {
        MainWindow window;
        window.show();
        window.setServerFailed(QStringLiteral("The database is locked."));
        window.setServerStopped();
        QCOMPARE(window.serverStatus().state, ServerStatus::State::Failed);
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("failureLabel"))->isVisible());
        QCOMPARE(text(&window, "failureLabel"), QStringLiteral("The database is locked."));
    }

    void setServerStarting_afterFailure_hidesTheOldMessage()
    {
        MainWindow window;
        window.show();
        window.setServerFailed(QStringLiteral("The database is locked."));
        window.setServerStarting();
        QCOMPARE(text(&window, "stateLabel"), QStringLiteral("Starting…"));
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("failureLabel"))->isVisible());
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("statusStateLabel"))->toolTip(), QString());
    }

    void setServerStopping_keepsAddressButDisablesCopy()
    {
        MainWindow window;
        window.setServerRunning(QStringLiteral("http://127.0.0.1:8878"));
        window.setServerStopping();
        QCOMPARE(text(&window, "stateLabel"), QStringLiteral("Stopping…"));
        QCOMPARE(text(&window, "statusAddressLabel"), QStringLiteral("http://127.0.0.1:8878"));
        QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("copyAddressButton"))->isEnabled());
    }

    void dataDirectoryAndSecretStore_showOnServerPage()
    {
        MainWindow window;
        QCOMPARE(text(&window, "dataDirLabel"), QStringLiteral("—"));
        window.setDataDirectory(QStringLiteral("/home/ada/.local/share/aigne/aigne-hub"));
        window.setSecretStoreDescription(QStringLiteral("Secrets are kept in the OS keychain (Secret Service)."));
        QCOMPARE(text(&window, "dataDirLabel"), QStringLiteral("/home/ada/.local/share/aigne/aigne-hub"));
        QCOMPARE(text(&window, "secretStoreLabel"),
                 QStringLiteral("Secrets are kept in the OS keychain (Secret Service)."));
        QVERIFY(window.findChild<QPushButton *>(QStringLiteral("openDataDirButton"))->isEnabled());
    }

    void close_firstTime_requestsQuitAndStaysOpenUntilAskedAgain()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setServerRunning(QStringLiteral("http://127.0.0.1:8878"));
        QSignalSpy quit(&window, &MainWindow::quitRequested);

        QVERIFY(!window.close());
        QCOMPARE(quit.count(), 1);
        QVERIFY(window.isVisible());
        QVERIFY(window.isQuitRequested());
        QCOMPARE(text(&window, "stateLabel"), QStringLiteral("Stopping…"));

        QVERIFY(window.close()); // the user insists
        QCOMPARE(quit.count(), 1);
        QVERIFY(!window.isVisible());
    }

    void close_withTray_hidesAndKeepsServing_quitStillStops()
    {
        MainWindow window;
        window.setCloseToTray(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setServerRunning(QStringLiteral("http://127.0.0.1:8878"));
        QSignalSpy quit(&window, &MainWindow::quitRequested);
        QSignalSpy hidden(&window, &MainWindow::hiddenToTray);
        QVERIFY(!window.close());
        QVERIFY(!window.isVisible());
        QCOMPARE(hidden.size(), 1);
        QVERIFY(quit.isEmpty());
        QCOMPARE(window.serverStatus().state, ServerStatus::State::Running);

        window.bringToFront();
        QVERIFY(window.isVisible());
        window.findChild<QAction *>(QStringLiteral("quitAction"))->trigger();
        QCOMPARE(quit.size(), 1);
        QCOMPARE(window.serverStatus().state, ServerStatus::State::Stopping);
        QVERIFY(window.isVisible()); // shows "Stopping…" until the server is down
    }

    void close_afterQuitRequested_closesAtOnce()
    {
        MainWindow window;
        window.setCloseToTray(true);
        window.show();
        QSignalSpy quitNow(&window, &MainWindow::quitNowRequested);
        window.requestQuit();
        QVERIFY(window.close()); // no hiding once quitting
        QCOMPARE(quitNow.size(), 1);
    }

    void close_afterFailure_keepsFailureState()
    {
        MainWindow window;
        window.show();
        window.setServerFailed(QStringLiteral("boom"));
        QSignalSpy quit(&window, &MainWindow::quitRequested);
        QVERIFY(!window.close());
        QCOMPARE(quit.count(), 1);
        QCOMPARE(window.serverStatus().state, ServerStatus::State::Failed);
    }

    void quitAction_isCtrlQAndRequestsQuit()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *quitAction = window.findChild<QAction *>(QStringLiteral("quitAction"));
        QVERIFY(quitAction);
        QCOMPARE(quitAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));

        QSignalSpy quit(&window, &MainWindow::quitRequested);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
        QCOMPARE(quit.count(), 1);
    }

    void menus_haveFileViewHelp()
    {
        MainWindow window;
        QStringList titles;
        for (QAction *action : window.menuBar()->actions())
            titles << action->text();
        QCOMPARE(titles, (QStringList { QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help") }));
        QVERIFY(findAction(window, QStringLiteral("&About AIGNE Hub")));
        QAction *showServer = findAction(window, QStringLiteral("Server"));
        QVERIFY(showServer);
        QCOMPARE(showServer->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_1));
    }

    void addPage_addsSidebarEntryAndSwitchesPages()
    {
        MainWindow window;
        QCOMPARE(window.pageCount(), 1);
        QVERIFY(qobject_cast<ServerPage *>(window.page(0)));
        auto *usage = new QLabel(QStringLiteral("usage"));
        const int index = window.addPage(usage, QStringLiteral("Usage"));
        QCOMPARE(index, 1);
        QCOMPARE(window.pageCount(), 2);
        QCOMPARE(window.page(1), usage);
        QCOMPARE(window.page(2), nullptr);

        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
        QCOMPARE(sidebar->count(), 2);
        QCOMPARE(sidebar->item(1)->text(), QStringLiteral("Usage"));
        QCOMPARE(window.currentPageIndex(), 0);

        sidebar->setCurrentRow(1);
        QCOMPARE(window.currentPageIndex(), 1);

        QAction *showServer = findAction(window, QStringLiteral("Server"));
        showServer->trigger();
        QCOMPARE(window.currentPageIndex(), 0);
        QCOMPARE(sidebar->currentRow(), 0);

        QAction *showUsage = findAction(window, QStringLiteral("Usage"));
        QCOMPARE(showUsage->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_2));
        showUsage->trigger();
        QCOMPARE(window.currentPageIndex(), 1);

        window.showPage(7); // out of range: ignored
        QCOMPARE(window.currentPageIndex(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
