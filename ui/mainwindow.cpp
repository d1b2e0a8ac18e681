// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/mainwindow.h"

#include "ui/pages/serverpage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace AiHub::Ui {

namespace {

constexpr int kSidebarWidth = 184;

// Only the sidebar is styled; everything else follows the platform style so the window fits the desktop.
const char kSidebarStyle[] = R"(
QWidget#sidebarPanel {
    background: palette(base);
    border-right: 1px solid palette(midlight);
}
QListWidget#sidebar {
    border: none;
    background: transparent;
    outline: 0;
}
QListWidget#sidebar::item {
    padding: 8px 12px;
    margin: 1px 10px;
    border-radius: 6px;
    color: palette(text);
}
QListWidget#sidebar::item:hover:!selected {
    background: palette(alternate-base);
}
QListWidget#sidebar::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
)";

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("AIGNE Hub"));
    resize(960, 680);
    setMinimumSize(760, 500);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // Sidebar: the app's name on top, then one entry per page.
    auto *sidebarPanel = new QWidget(central);
    sidebarPanel->setObjectName(QStringLiteral("sidebarPanel"));
    sidebarPanel->setAttribute(Qt::WA_StyledBackground);
    sidebarPanel->setFixedWidth(kSidebarWidth);
    sidebarPanel->setStyleSheet(QString::fromUtf8(kSidebarStyle));
    auto *sidebarLayout = new QVBoxLayout(sidebarPanel);
    sidebarLayout->setContentsMargins(0, 18, 0, 12);
    sidebarLayout->setSpacing(14);

    auto *brand = new QHBoxLayout;
    brand->setContentsMargins(20, 0, 16, 0);
    brand->setSpacing(10);
    auto *logo = new QLabel(sidebarPanel);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/io.aigne.Hub.png")).pixmap(QSize(28, 28), devicePixelRatioF()));
    auto *name = new QLabel(tr("AIGNE Hub"), sidebarPanel);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.15);
    nameFont.setBold(true);
    name->setFont(nameFont);
    brand->addWidget(logo);
    brand->addWidget(name, 1);
    sidebarLayout->addLayout(brand);

    m_sidebar = new QListWidget(sidebarPanel);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->viewport()->setAutoFillBackground(false);
    sidebarLayout->addWidget(m_sidebar, 1);

    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    layout->addWidget(sidebarPanel);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_statusState = new QLabel(this);
    m_statusState->setObjectName(QStringLiteral("statusStateLabel"));
    m_statusState->setTextFormat(Qt::PlainText);
    m_statusAddress = new QLabel(this);
    m_statusAddress->setTextFormat(Qt::PlainText);
    m_statusAddress->setObjectName(QStringLiteral("statusAddressLabel"));
    m_statusAddress->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_statusState, 1);
    statusBar()->addPermanentWidget(m_statusAddress);
    statusBar()->setContentsMargins(6, 0, 6, 0);

    buildMenus();

    m_serverPage = new ServerPage;
    m_serverPage->setObjectName(QStringLiteral("serverPage"));
    connect(m_serverPage, &ServerPage::addressCopied, this, [this](const QString &url) {
        statusBar()->showMessage(tr("Copied %1 to the clipboard").arg(url), 3000);
    });
    addPage(m_serverPage, tr("Server"));
    showPage(0);
    applyStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &MainWindow::requestQuit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About AIGNE Hub"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

int MainWindow::addPage(QWidget *page, const QString &title)
{
    // Pages scroll instead of forcing a minimum window size; sideways too, so a page wider than the window is
    // never cut off out of reach.
    auto *scroll = new QScrollArea(m_pages);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scroll->setWidget(page);
    const int index = m_pages->addWidget(scroll);

    auto *item = new QListWidgetItem(title, m_sidebar);
    item->setSizeHint(QSize(kSidebarWidth - 20, 36));

    QAction *show = m_viewMenu->addAction(title);
    if (index < 9)
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
    connect(show, &QAction::triggered, this, [this, index] { showPage(index); });
    return index;
}

void MainWindow::showPage(int index)
{
    if (index >= 0 && index < m_pages->count())
        m_sidebar->setCurrentRow(index);
}

int MainWindow::currentPageIndex() const
{
    return m_pages->currentIndex();
}

int MainWindow::pageCount() const
{
    return m_pages->count();
}

QWidget *MainWindow::page(int index) const
{
    auto *scroll = qobject_cast<QScrollArea *>(m_pages->widget(index));
    return scroll ? scroll->widget() : nullptr;
}

void MainWindow::setServerStarting()
{
    m_status = ServerStatus {};
    applyStatus();
}

void MainWindow::setServerRunning(const QString &url)
{
    m_status.state = ServerStatus::State::Running;
    m_status.url = url;
    m_status.failure.clear();
    applyStatus();
}

void MainWindow::setServerFailed(const QString &message)
{
    m_status.state = ServerStatus::State::Failed;
    m_status.url.clear();
    m_status.failure = message;
    applyStatus();
}

void MainWindow::setServerStopping()
{
    m_status.state = ServerStatus::State::Stopping;
    applyStatus();
}

void MainWindow::setServerStopped()
{
    // A failure stays on screen: it says why the server is not running.
    if (m_status.state == ServerStatus::State::Failed)
        return;
    m_status.state = ServerStatus::State::Stopped;
    m_status.url.clear();
    applyStatus();
}

void MainWindow::setDataDirectory(const QString &path)
{
    m_serverPage->setDataDirectory(path);
}

void MainWindow::setSecretStoreDescription(const QString &description)
{
    m_serverPage->setSecretStoreDescription(description);
}

void MainWindow::applyStatus()
{
    m_serverPage->setStatus(m_status);
    m_statusState->setText(tr("Server: %1").arg(m_status.stateText()));
    m_statusState->setToolTip(m_status.failure);
    const bool hasAddress = m_status.state == ServerStatus::State::Running
        || m_status.state == ServerStatus::State::Stopping;
    m_statusAddress->setText(hasAddress ? m_status.url : QString());
    Q_EMIT statusChanged();
}

void MainWindow::setCloseToTray(bool closeToTray)
{
    m_closeToTray = closeToTray;
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

void MainWindow::requestQuit()
{
    if (m_quitRequested) {
        close(); // asked twice: closes at once
        return;
    }
    m_quitRequested = true;
    if (m_status.state == ServerStatus::State::Running || m_status.state == ServerStatus::State::Starting)
        setServerStopping();
    Q_EMIT quitRequested();
}

void MainWindow::showAbout()
{
    // Not exec(): the window keeps reacting to the server while the box is open.
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("About AIGNE Hub"),
                                tr("<h3>AIGNE Hub %1</h3>"
                                   "<p>Keep your AI provider accounts in one place and call every model through "
                                   "one API.</p>"
                                   "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                                    .arg(QStringLiteral(AIHUB_VERSION)),
                                QMessageBox::Close, this);
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_quitRequested) {
        event->accept(); // asked twice: the user does not want to wait for the server
        Q_EMIT quitNowRequested();
        return;
    }
    event->ignore();
    if (m_closeToTray) {
        // The hub keeps serving; the tray icon brings the window back or quits.
        hide();
        Q_EMIT hiddenToTray();
        return;
    }
    requestQuit();
}

} // namespace AiHub::Ui
