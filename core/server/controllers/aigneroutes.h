// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/server/hubservices.h"

#include <memory>

namespace AiHub::Net {
class UpstreamClient;
}

namespace AiHub::Server {

class Router;
class AigneChatController;
class AigneCompletionsController;
class AigneInfoController;
class EmbeddingsController;
class ImagesController;

// The AIGNE Hub API (/api/..., /__blocklet__.js), the /v1 embeddings and images endpoints, and the generated
// image files (/files/<id>): owns their controllers and adds their routes to a worker's router.
class AigneRoutes final {
public:
    AigneRoutes(const HubServices &services, Net::UpstreamClient &client);
    ~AigneRoutes();
    Q_DISABLE_COPY_MOVE(AigneRoutes)

    void addTo(Router &router);

private:
    std::unique_ptr<AigneChatController> m_chat;
    std::unique_ptr<AigneCompletionsController> m_completions;
    std::unique_ptr<AigneInfoController> m_info;
    std::unique_ptr<EmbeddingsController> m_embeddings;
    std::unique_ptr<ImagesController> m_images;
};

} // namespace AiHub::Server
