// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/iprovideradapter.h"

#include "core/providers/liveprovider.h"
#include "core/providers/providerconfig.h"

#include <QHash>

#include <nlohmann/json.hpp>

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

namespace {
qint64 positive(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() && it->get<qint64>() > 0 ? it->get<qint64>() : 0;
}
} // namespace

Result<ChatCompletion> IProviderAdapter::parseRelayedCompletion(const LiveProvider &provider,
                                                                const QByteArray &body) const
{
    return parseCompletion(provider, body);
}

Result<QList<ModelInfo>> IProviderAdapter::parseModelList(const QByteArray &body) const
{
    auto ids = parseModels(body);
    if (!ids)
        return std::unexpected(ids.error());
    QHash<QString, qsizetype> index;
    QList<ModelInfo> models;
    models.reserve(ids->size());
    for (const QString &id : std::as_const(*ids)) {
        index.insert(id, models.size());
        models.append(ModelInfo { id, ModelInfo::Type::Unknown, 0, 0, {} });
    }
    const auto root = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    const auto data = root.is_object() ? root.find("data") : root.end();
    if (data == root.end() || !data->is_array())
        return models;
    for (const auto &entry : *data) {
        if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string())
            continue;
        const auto at = index.constFind(QString::fromStdString(entry["id"].get<std::string>()));
        if (at == index.constEnd())
            continue;
        ModelInfo &m = models[*at];
        m.contextLength = positive(entry, "context_length");
        if (const auto top = entry.find("top_provider"); top != entry.end() && top->is_object()) {
            m.maxOutputTokens = positive(*top, "max_completion_tokens");
            if (!m.contextLength)
                m.contextLength = positive(*top, "context_length");
        }
        if (const auto arch = entry.find("architecture"); arch != entry.end() && arch->is_object()) {
            const auto inputs = arch->find("input_modalities");
            if (inputs != arch->end() && inputs->is_array()) {
                for (const auto &modality : *inputs)
                    if (modality.is_string())
                        m.inputModalities.append(QString::fromStdString(modality.get<std::string>()));
            }
            // OpenRouter lists image generators and embedding models next to chat models; its output
            // modalities tell them apart.
            const auto outputs = arch->find("output_modalities");
            if (outputs != arch->end() && outputs->is_array()) {
                bool text = false;
                bool image = false;
                for (const auto &modality : *outputs) {
                    text = text || modality == "text";
                    image = image || modality == "image";
                }
                m.type = text ? ModelInfo::Type::Chat : image ? ModelInfo::Type::Image : ModelInfo::Type::Unknown;
            }
        }
    }
    return models;
}

Error IProviderAdapter::describeTransportError(const ProviderConfig &, const Error &error) const
{
    return error;
}

void IProviderAdapter::attachTransportHint(Net::UpstreamRequest &request, const ProviderConfig &config) const
{
    // Only what the wording needs is kept: no credentials travel with the request.
    ProviderConfig kept;
    kept.id = config.id;
    kept.name = config.name;
    kept.kind = config.kind;
    kept.baseUrl = config.baseUrl;
    kept.region = config.region;
    request.describeFailure = [this, kept](const Error &error) { return describeTransportError(kept, error); };
}

} // namespace AiHub::Providers
