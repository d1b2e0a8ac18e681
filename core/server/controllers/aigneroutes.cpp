// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/controllers/aigneroutes.h"

#include "core/server/controllers/aignechatcontroller.h"
#include "core/server/controllers/aignecompletionscontroller.h"
#include "core/server/controllers/aigneinfocontroller.h"
#include "core/server/controllers/embeddingscontroller.h"
#include "core/server/controllers/imagescontroller.h"
#include "core/server/router.h"

namespace AiHub::Server {

AigneRoutes::AigneRoutes(const HubServices &services, Net::UpstreamClient &client)
    : m_chat(std::make_unique<AigneChatController>(services, client))
    , m_completions(std::make_unique<AigneCompletionsController>(services, client))
    , m_info(std::make_unique<AigneInfoController>(services, client))
    , m_embeddings(std::make_unique<EmbeddingsController>(services, client))
    , m_images(std::make_unique<ImagesController>(services, client))
{
}

AigneRoutes::~AigneRoutes() = default;

void AigneRoutes::addTo(Router &router)
{
    using namespace std::placeholders;
    using A = Router::Access;
    router.add("POST", QStringLiteral("/api/v2/chat"), A::Key,
               std::bind(&AigneChatController::handle, m_chat.get(), _1, _2, _3));
    for (const auto *path : { "/api/v2/chat/completions", "/api/v2/completions" })
        router.add("POST", QString::fromLatin1(path), A::Key,
                   std::bind(&AigneCompletionsController::handle, m_completions.get(), _1, _2, _3));
    router.add("POST", QStringLiteral("/api/v2/embeddings"), A::Key,
               std::bind(&EmbeddingsController::aigne, m_embeddings.get(), _1, _2, _3));
    router.add("POST", QStringLiteral("/api/v2/image"), A::Key,
               std::bind(&ImagesController::aigneInvoke, m_images.get(), _1, _2, _3));
    for (const auto *path : { "/api/v2/images/generate", "/api/v2/image/generations" })
        router.add("POST", QString::fromLatin1(path), A::Key,
                   std::bind(&ImagesController::aigneGenerate, m_images.get(), _1, _2, _3));
    // Public, as on the real hub: discovery, availability and the model list need no key.
    router.add("GET", QStringLiteral("/__blocklet__.js"), A::Public,
               std::bind(&AigneInfoController::blocklet, m_info.get(), _1, _2, _3));
    router.add("GET", QStringLiteral("/api/v2/status"), A::Public,
               std::bind(&AigneInfoController::status, m_info.get(), _1, _2, _3));
    for (const auto *path : { "/api/ai/models", "/api/ai-providers/models" })
        router.add("GET", QString::fromLatin1(path), A::Public,
                   std::bind(&AigneInfoController::models, m_info.get(), _1, _2, _3));
    router.add("GET", QStringLiteral("/api/user/info"), A::Key,
               std::bind(&AigneInfoController::userInfo, m_info.get(), _1, _2, _3));

    router.add("POST", QStringLiteral("/v1/embeddings"), A::Key,
               std::bind(&EmbeddingsController::openAi, m_embeddings.get(), _1, _2, _3));
    router.add("POST", QStringLiteral("/v1/images/generations"), A::Key,
               std::bind(&ImagesController::openAi, m_images.get(), _1, _2, _3));
    // The signed URL is the credential: whoever was handed the link may fetch the image for an hour.
    router.addPrefix("GET", QStringLiteral("/files/"), A::Public,
                     std::bind(&ImagesController::file, m_images.get(), _1, _2, _3));
}

} // namespace AiHub::Server
