// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/providersnapshot.h"

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
};

// The models the configured providers offer, discovered live from each provider's model list and cached for a
// few minutes. Thread-safe: worker threads share one catalogue, each discovering with its own upstream client.
class ModelCatalog final {
public:
    using Callback = std::function<void(const QList<CatalogModel> &models, const QStringList &problems)>;

    explicit ModelCatalog(qint64 maxAgeMs = 5 * 60 * 1000);

    // Answers on context's thread; from the cache at once when every provider's list is fresh.
    void list(Net::UpstreamClient &client, std::shared_ptr<const Providers::ProviderSnapshot> snapshot,
              QObject *context, Callback done);
    void invalidate();

private:
    struct Entry {
        QStringList models;
        qint64 fetchedAtMs = 0;
    };
    static QString cacheKey(const Providers::LiveProvider &provider);

    qint64 m_maxAgeMs;
    QMutex m_mutex;
    QHash<QString, Entry> m_cache;
};

} // namespace AiHub::Hub
