// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// aigne-hubd: the headless server and admin command line. Links no Qt Widgets.
#include "app/servecommand.h"
#include "core/cli/admincli.h"
#include "core/cli/clioutput.h"
#include "core/common/unixsignalwatcher.h"
#include "core/storage/exitcodes.h"

#include <QCoreApplication>

using namespace AiHub;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("aigne"));
    QCoreApplication::setApplicationName(QStringLiteral("aigne-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AIHUB_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-dd HH:mm:ss.zzz} %{if-warning}warning: %{endif}"
                                      "%{if-critical}error: %{endif}%{message}"));

    auto invocation = Cli::CliInvocation::parse(QCoreApplication::arguments());
    if (!invocation) {
        Cli::CliOutput().error(invocation.error().message);
        return int(Storage::ExitCode::Usage);
    }
    if (invocation->words.value(0) == QStringLiteral("serve") && !invocation->help) {
        App::ServeCommand serve(*invocation);
        UnixSignalWatcher watcher;
        QObject::connect(&watcher, &UnixSignalWatcher::terminationRequested, &serve, &App::ServeCommand::stop);
        QObject::connect(&serve, &App::ServeCommand::failed, &app,
                         [](const QString &message) { Cli::CliOutput().error(message); });
        QObject::connect(&serve, &App::ServeCommand::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
        serve.start();
        return app.exec();
    }
    Cli::AdminCli cli(*invocation);
    QObject::connect(&cli, &Cli::AdminCli::finished, &app, &QCoreApplication::exit);
    cli.start();
    return app.exec();
}
