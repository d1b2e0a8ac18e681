// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/iprovideradapter.h"

#include "core/providers/liveprovider.h"

namespace AiHub::Providers {

namespace {
std::unexpected<Error> unsupported(const LiveProvider &provider, const char *what)
{
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("%1 (provider \"%2\") does not offer %3; choose a model of another provider.")
                    .arg(ProviderKinds::displayName(provider.config.kind), provider.config.name,
                         QLatin1StringView(what)));
}
} // namespace

Result<Net::UpstreamRequest> IProviderAdapter::embeddingRequest(const LiveProvider &provider, const LiveCredential *,
                                                                const EmbeddingRequest &) const
{
    return unsupported(provider, "embeddings");
}

Result<EmbeddingResult> IProviderAdapter::parseEmbeddings(const LiveProvider &provider, const QByteArray &) const
{
    return unsupported(provider, "embeddings");
}

Result<Net::UpstreamRequest> IProviderAdapter::imageRequest(const LiveProvider &provider, const LiveCredential *,
                                                            const ImageRequest &) const
{
    return unsupported(provider, "image generation");
}

Result<ImageResult> IProviderAdapter::parseImages(const LiveProvider &provider, const QByteArray &) const
{
    return unsupported(provider, "image generation");
}

} // namespace AiHub::Providers
