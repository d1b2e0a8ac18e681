// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/server/hubservices.h"
#include "core/server/serveroptions.h"

#include <QObject>

#include <memory>

namespace AiHub::Net {
class UpstreamClient;
}

namespace AiHub::Server {

class HttpTransport;
class Router;
class OpenAiChatController;
class OpenAiModelsController;
class AigneRoutes;

// Everything one server thread needs: its own listening transport (the kernel spreads connections over the
// workers through SO_REUSEPORT), router, controllers and upstream client. Lives and works in its thread only.
class ServerWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerWorker)

public:
    ServerWorker(const HubServices &services, const ServerOptions &options);
    ~ServerWorker() override;

    [[nodiscard]] Result<quint16> listen(quint16 port, bool reusePort);
    // Stop accepting, close idle connections; drained() follows when the last open request finished.
    void beginShutdown();
    int openExchanges() const;

Q_SIGNALS:
    void drained();

private:
    HubServices m_services;
    ServerOptions m_options;
    std::unique_ptr<Net::UpstreamClient> m_client;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<OpenAiChatController> m_chat;
    std::unique_ptr<OpenAiModelsController> m_models;
    std::unique_ptr<AigneRoutes> m_aigne;
    std::unique_ptr<HttpTransport> m_transport;
};

} // namespace AiHub::Server
