// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// aigne-hub: the desktop app. The window shows the embedded server; closing it stops the server gracefully, or,
// with a system tray and the setting on, hides it while the hub keeps serving. One app per user and data folder:
// a second start brings the first one's window to the front and exits.
#include "app/servecommand.h"
#include "core/cli/cliinvocation.h"
#include "core/common/unixsignalwatcher.h"
#include "core/hub/hubruntime.h"
#include "ui/hubcontext.h"
#include "ui/hubpages.h"
#include "ui/languageloader.h"
#include "ui/mainwindow.h"
#include "ui/pages/settingspage.h"
#include "ui/singleinstance.h"
#include "ui/theme.h"
#include "ui/trayicon.h"

#include <QApplication>
#include <QEventLoop>
#include <QIcon>
#include <QLoggingCategory>
#include <QSettings>
#include <QSystemTrayIcon>

#include <memory>

Q_LOGGING_CATEGORY(lcDesktop, "aihub.desktop")

using namespace AiHub;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("aigne"));
    QApplication::setApplicationName(QStringLiteral("aigne-hub"));
    QApplication::setApplicationVersion(QStringLiteral(AIHUB_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("AIGNE Hub"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.aigne.Hub"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.aigne.Hub.png")));

    // --lang en|zh_CN belongs to the window, not to the command-line parser shared with aigne-hubd.
    QStringList arguments = QCoreApplication::arguments();
    bool langGiven = false;
    const QString requested = Ui::LanguageLoader::takeLanguageArgument(arguments, &langGiven);
    QString language = Ui::LanguageLoader::normalize(requested);
    if (langGiven && language.isEmpty())
        qCWarning(lcDesktop).noquote() << QStringLiteral("--lang wants one of %1, not \"%2\"; using the system "
                                                         "language.")
                                              .arg(Ui::LanguageLoader::supportedLanguages().join(QStringLiteral(", ")),
                                                   requested);
    QSettings settings;
    if (language.isEmpty())
        language = Ui::LanguageLoader::normalize(settings.value(Ui::SettingsPage::languageKey()).toString());
    if (language.isEmpty())
        language = Ui::LanguageLoader::languageFor(QLocale::system());
    Ui::LanguageLoader languageLoader;
    languageLoader.install(language);

    auto invocation = Cli::CliInvocation::parse(arguments);

    // Already running for this user and data folder? Then show that window and leave. Decided before any window
    // or server exists; a local loop, not nested (the application's loop has not started yet).
    const QString dataDir = invocation ? invocation->option(QStringLiteral("data-dir"), Hub::HubRuntime::defaultDataDir())
                                       : Hub::HubRuntime::defaultDataDir();
    Ui::SingleInstance instance(Ui::SingleInstance::serverName(dataDir));
    bool alreadyRunning = false;
    {
        QEventLoop decide;
        QObject::connect(&instance, &Ui::SingleInstance::primary, &decide, &QEventLoop::quit);
        QObject::connect(&instance, &Ui::SingleInstance::alreadyRunning, &decide, [&decide, &alreadyRunning] {
            alreadyRunning = true;
            decide.quit();
        });
        QObject::connect(&instance, &Ui::SingleInstance::failed, &decide, [&decide](const QString &message) {
            qCWarning(lcDesktop).noquote() << message;
            decide.quit();
        });
        instance.start();
        decide.exec();
    }
    if (alreadyRunning) {
        qCInfo(lcDesktop).noquote() << QStringLiteral("AIGNE Hub is already running for %1; its window was brought "
                                                      "to the front.")
                                           .arg(dataDir);
        return 0;
    }

    Ui::Theme::apply(Ui::Theme::parse(settings.value(Ui::Theme::settingsKey()).toString()));
    Ui::MainWindow window;
    Ui::HubPages pages(&window, &settings);
    window.setServerStarting();
    QObject::connect(&instance, &Ui::SingleInstance::activateRequested, &window, &Ui::MainWindow::bringToFront);

    // The tray keeps the hub serving while the window is closed (Settings: on by default where a tray exists).
    const bool trayAvailable = QSystemTrayIcon::isSystemTrayAvailable();
    if (trayAvailable)
        (new Ui::TrayIcon(&window))->show(); // owned by the window
    window.setCloseToTray(Ui::SettingsPage::keepServingInTray(settings, trayAvailable));
    QObject::connect(pages.settings(), &Ui::SettingsPage::keepServingInTrayChanged, &window,
                     &Ui::MainWindow::setCloseToTray);
    // The app ends when the server has stopped (or at once when asked twice), not when the window hides.
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&window, &Ui::MainWindow::quitNowRequested, &app, &QCoreApplication::quit, Qt::QueuedConnection);

    // The Settings page's listen address applies unless the command line names one.
    if (invocation && !invocation->has(QStringLiteral("listen")) && settings.contains(Ui::SettingsPage::listenKey()))
        invocation->options.insert(QStringLiteral("listen"), settings.value(Ui::SettingsPage::listenKey()).toString());
    std::unique_ptr<App::ServeCommand> serve;
    if (invocation) {
        window.setDataDirectory(invocation->option(QStringLiteral("data-dir"), Hub::HubRuntime::defaultDataDir()));
        serve = std::make_unique<App::ServeCommand>(*invocation);
        App::ServeCommand *command = serve.get();
        QObject::connect(command, &App::ServeCommand::listening, &window, [&window, &pages, command](const QString &url) {
            if (Hub::HubRuntime *runtime = command->runtime()) {
                window.setDataDirectory(runtime->dataDir());
                window.setSecretStoreDescription(runtime->secretStoreSentence());
                Ui::HubContext context;
                context.database = runtime->database();
                context.secrets = runtime->secrets();
                context.keys = runtime->accessKeys();
                context.secretStoreDescription = runtime->secretStoreSentence();
                context.serverUrl = url;
                pages.setContext(context);
            }
            window.setServerRunning(url);
        });
        QObject::connect(command, &App::ServeCommand::failed, &window, [&window, command](const QString &message) {
            if (Hub::HubRuntime *runtime = command->runtime()) {
                window.setDataDirectory(runtime->dataDir());
                window.setSecretStoreDescription(runtime->secretStoreSentence());
            }
            window.setServerFailed(message);
        });
        // finished also follows a start-up failure; only a stop the user asked for ends the app.
        QObject::connect(command, &App::ServeCommand::finished, &window, [&window, &pages](int exitCode) {
            pages.setContext({}); // the services are going away
            window.setServerStopped();
            if (window.isQuitRequested())
                QCoreApplication::exit(exitCode);
        });
        QObject::connect(&window, &Ui::MainWindow::quitRequested, command, &App::ServeCommand::stop,
                         Qt::QueuedConnection);
    } else {
        // A bad command line still opens the window, so the message is seen when started from a launcher.
        window.setServerFailed(invocation.error().message);
        QObject::connect(&window, &Ui::MainWindow::quitRequested, &app, &QCoreApplication::quit,
                         Qt::QueuedConnection);
    }

    // SIGTERM/SIGINT (logout, Ctrl+C in a terminal) quit like File > Quit (not like closing the window, which may
    // only hide it in the tray): the first stops the server gracefully, a second one quits at once.
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &window, &Ui::MainWindow::requestQuit);

    window.show();
    if (serve)
        serve->start();
    return app.exec();
}
