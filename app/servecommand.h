// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/cli/cliinvocation.h"
#include "core/common/result.h"
#include "core/server/serveroptions.h"

#include <QObject>

#include <memory>

namespace AiHub::Hub {
class HubRuntime;
}
namespace AiHub::Server {
class ServerHost;
}

namespace AiHub::App {

// Wires the runtime and the HTTP server together: `aigne-hubd serve` and the desktop app's embedded server.
class ServeCommand final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServeCommand)

public:
    explicit ServeCommand(Cli::CliInvocation invocation, QObject *parent = nullptr);
    ~ServeCommand() override;

    // Parses --listen ADDR:PORT and --threads N.
    static Result<Server::ServerOptions> serverOptions(const Cli::CliInvocation &invocation);

    void start();
    void stop(); // graceful; finished(0) follows
    Hub::HubRuntime *runtime() const { return m_runtime.get(); }
    Server::ServerHost *server() const { return m_server.get(); }

Q_SIGNALS:
    void listening(const QString &url);
    void failed(const QString &message);
    void finished(int exitCode);

private:
    void fatal(const Error &error);
    void startServer();

    Cli::CliInvocation m_invocation;
    std::unique_ptr<Hub::HubRuntime> m_runtime;
    std::unique_ptr<Server::ServerHost> m_server;
    bool m_stopping = false;
};

} // namespace AiHub::App
