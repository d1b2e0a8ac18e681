// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/hub/staticmodelcatalog.h"
#include "core/providers/modelinfo.h"
#include "core/providers/providersnapshot.h"
#include "core/usage/usagerecord.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace AiHub::Net {
class UpstreamClient;
}

namespace AiHub::Hub {

struct CatalogModel {
    QString id;       // "<provider>/<model>", what clients send back as "model"
    QString provider; // the provider's name in this hub
    Usage::CallType type = Usage::CallType::Chat;
    qint64 contextLength = 0;   // tokens; 0: not known
    qint64 maxOutputTokens = 0; // 0: not known
    QStringList inputModalities;
};

// The models the configured providers offer: discovered live from each provider's model list (cached for a few
// minutes) and merged with the catalogue shipped with the hub (StaticModelCatalog). Live data adds models and
// overrides limits; the shipped catalogue supplies the type and limits of ids it knows, and answers alone when a
// provider cannot be asked. Thread-safe: worker threads share one catalogue, each with its own upstream client.
class ModelCatalog final {
public:
    using Callback = std::function<void(const QList<CatalogModel> &models, const QStringList &problems)>;

    explicit ModelCatalog(qint64 maxAgeMs = 5 * 60 * 1000);

    // One provider's models: `live` is what discovery found, or null when it could not be asked. Unknown ids
    // get the type their name suggests (ModelTypes::guess).
    static QList<CatalogModel> merge(const QString &provider, const StaticModelList &known,
                                     const QList<Providers::ModelInfo> *live);

    // Answers on context's thread; from the cache at once when every provider's list is fresh.
    void list(Net::UpstreamClient &client, std::shared_ptr<const Providers::ProviderSnapshot> snapshot,
              QObject *context, Callback done);
    void invalidate();

private:
    struct Entry {
        QList<Providers::ModelInfo> models;
        qint64 fetchedAtMs = 0;
    };
    static QString cacheKey(const Providers::LiveProvider &provider);

    qint64 m_maxAgeMs;
    QMutex m_mutex;
    QHash<QString, Entry> m_cache;
};

} // namespace AiHub::Hub
