// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "app/servecommand.h"

#include "core/billing/meter.h"
#include "core/hub/billingbalancelookup.h"
#include "core/hub/billingratelookup.h"
#include "core/hub/hubruntime.h"
#include "core/net/filelimits.h"
#include "core/server/serverhost.h"
#include "core/storage/exitcodes.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServe, "aihub.serve")

namespace AiHub::App {

ServeCommand::ServeCommand(Cli::CliInvocation invocation, QObject *parent)
    : QObject(parent)
    , m_invocation(std::move(invocation))
{
}

ServeCommand::~ServeCommand() = default;

Result<Server::ServerOptions> ServeCommand::serverOptions(const Cli::CliInvocation &inv)
{
    Server::ServerOptions options;
    const QString listen = inv.option(QStringLiteral("listen"));
    if (!listen.isEmpty()) {
        const qsizetype colon = listen.lastIndexOf(u':');
        QString host = colon >= 0 ? listen.left(colon) : listen;
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        bool portOk = colon >= 0;
        const uint port = colon >= 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
        QHostAddress address;
        if (host == QStringLiteral("localhost"))
            address = QHostAddress::LocalHost;
        else if (host.isEmpty() || host == QStringLiteral("*"))
            address = QHostAddress::Any;
        else
            address = QHostAddress(host);
        if (!portOk || port > 65535 || address.isNull())
            return fail(ErrorCode::InvalidArgument,
                        QCoreApplication::translate("AiHub::App", "--listen wants ADDRESS:PORT, such as "
                                                                  "127.0.0.1:8878 or 0.0.0.0:8878, not \"%1\".")
                            .arg(listen));
        options.address = address;
        options.port = quint16(port);
    }
    if (inv.has(QStringLiteral("threads"))) {
        bool ok = false;
        options.threads = inv.option(QStringLiteral("threads")).toInt(&ok);
        if (!ok || options.threads < 1 || options.threads > 64)
            return fail(ErrorCode::InvalidArgument,
                        QCoreApplication::translate("AiHub::App", "--threads wants a number from 1 to 64."));
    }
    return options;
}

void ServeCommand::fatal(const Error &error)
{
    Q_EMIT failed(error.message);
    Q_EMIT finished(int(Storage::exitCodeFor(error.code)));
}

void ServeCommand::start()
{
    if (auto limit = Net::FileLimits::raiseSoftLimit(); !limit)
        qCWarning(lcServe).noquote() << limit.error().message;
    m_runtime = std::make_unique<Hub::HubRuntime>(
        Hub::HubRuntime::Options { m_invocation.option(QStringLiteral("data-dir")),
                                   m_invocation.option(QStringLiteral("secret-store")) });
    if (auto opened = m_runtime->openDatabase(); !opened) {
        fatal(opened.error());
        return;
    }
    m_runtime->openSecrets([this](Status opened) {
        if (!opened) {
            fatal(opened.error());
            return;
        }
        qCInfo(lcServe).noquote() << m_runtime->secretStoreSentence();
        m_runtime->startServices([this](Status started) {
            if (!started) {
                fatal(started.error());
                return;
            }
            startServer();
        });
    });
}

void ServeCommand::startServer()
{
    auto options = serverOptions(m_invocation);
    if (!options) {
        fatal(options.error());
        return;
    }
    Server::HubServices services;
    services.keys = m_runtime->accessKeys();
    services.providers = m_runtime->providers();
    services.usage = m_runtime->usage();
    services.models = m_runtime->models();
    services.billing = m_runtime->billing();
    services.rates = m_runtime->rateLookup();
    services.balances = m_runtime->balanceLookup();
    services.imageFiles = m_runtime->imageFiles();
    m_server = std::make_unique<Server::ServerHost>(services, *options);
    auto port = m_server->start();
    if (!port) {
        Error error = port.error();
        error.message = QCoreApplication::translate("AiHub::App", "The hub cannot listen on %1:%2: %3. Choose "
                                                                  "another address or port with --listen.")
                            .arg(options->address.toString())
                            .arg(options->port)
                            .arg(error.message);
        m_server.reset();
        fatal(error);
        return;
    }
    connect(m_server.get(), &Server::ServerHost::stopped, this, [this] {
        m_runtime->stopServices(); // flush every usage record before the process ends
        qCInfo(lcServe) << "Stopped cleanly";
        Q_EMIT finished(0);
    });
    qCInfo(lcServe).noquote() << QStringLiteral("AIGNE Hub %1 listening on %2 (%3 threads, data in %4)")
                                     .arg(QStringLiteral(AIHUB_VERSION), m_server->url())
                                     .arg(m_server->threadCount())
                                     .arg(m_runtime->dataDir());
    Q_EMIT listening(m_server->url());
}

void ServeCommand::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (!m_server) {
        if (m_runtime)
            m_runtime->stopServices();
        Q_EMIT finished(0);
        return;
    }
    qCInfo(lcServe) << "Shutting down: finishing requests in flight";
    m_server->stop();
}

} // namespace AiHub::App
