// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/modelcatalog.h"

#include "core/net/upstreamcall.h"
#include "core/net/upstreamclient.h"
#include "core/providers/iprovideradapter.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QPointer>

namespace AiHub::Hub {

namespace {
struct Gather {
    QList<CatalogModel> models;
    QStringList problems;
    int outstanding = 0;
    ModelCatalog::Callback done;
};

void finishIfDone(const std::shared_ptr<Gather> &g)
{
    if (g->outstanding > 0)
        return;
    std::sort(g->models.begin(), g->models.end(),
              [](const CatalogModel &a, const CatalogModel &b) { return a.id < b.id; });
    g->done(g->models, g->problems);
}
} // namespace

ModelCatalog::ModelCatalog(qint64 maxAgeMs)
    : m_maxAgeMs(maxAgeMs)
{
}

QString ModelCatalog::cacheKey(const Providers::LiveProvider &provider)
{
    return provider.config.name + u'\n' + provider.config.effectiveBaseUrl();
}

void ModelCatalog::invalidate()
{
    QMutexLocker lock(&m_mutex);
    m_cache.clear();
}

void ModelCatalog::list(Net::UpstreamClient &client, std::shared_ptr<const Providers::ProviderSnapshot> snapshot,
                        QObject *context, Callback done)
{
    auto g = std::make_shared<Gather>();
    g->done = std::move(done);
    g->outstanding = 1;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Providers::LiveProvider &provider : snapshot->providers()) {
        if (!provider.config.enabled || !provider.adapter)
            continue;
        const QString key = cacheKey(provider);
        const QString name = provider.config.name;
        {
            QMutexLocker lock(&m_mutex);
            const auto it = m_cache.constFind(key);
            if (it != m_cache.constEnd() && now - it->fetchedAtMs < m_maxAgeMs) {
                for (const QString &m : it->models)
                    g->models.append(CatalogModel { name + u'/' + m, name });
                continue;
            }
        }
        auto request = provider.adapter->modelsRequest(provider, provider.pickCredential());
        if (!request) {
            g->problems.append(request.error().message);
            continue;
        }
        Net::UpstreamCall *call = client.send(std::move(*request));
        call->setParent(context); // a caller that goes away takes its discovery calls with it
        ++g->outstanding;
        auto body = std::make_shared<QByteArray>();
        const Providers::IProviderAdapter *adapter = provider.adapter;
        QObject::connect(call, &Net::UpstreamCall::bodyData, context,
                         [body](const QByteArray &data) { body->append(data); });
        QObject::connect(call, &Net::UpstreamCall::finished, context,
                         [this, g, call, body, adapter, key, name, snapshot] {
                             const int status = call->status();
                             call->deleteLater();
                             auto ids = status == 200 ? adapter->parseModels(*body)
                                                      : Result<QStringList>(std::unexpected(adapter->mapError(
                                                          *snapshot->find(name), status, *body, -1)));
                             if (ids) {
                                 {
                                     QMutexLocker lock(&m_mutex);
                                     m_cache.insert(key, Entry { *ids, QDateTime::currentMSecsSinceEpoch() });
                                 }
                                 for (const QString &m : std::as_const(*ids))
                                     g->models.append(CatalogModel { name + u'/' + m, name });
                             } else {
                                 g->problems.append(ids.error().message);
                             }
                             --g->outstanding;
                             finishIfDone(g);
                         });
        QObject::connect(call, &Net::UpstreamCall::failed, context, [g, call, name](const Error &error) {
            call->deleteLater();
            g->problems.append(QStringLiteral("provider \"%1\": %2").arg(name, error.message));
            --g->outstanding;
            finishIfDone(g);
        });
    }
    --g->outstanding;
    if (g->outstanding == 0) {
        // Answer asynchronously in every case, as the callers expect.
        QMetaObject::invokeMethod(context, [g] { finishIfDone(g); }, Qt::QueuedConnection);
    }
}

} // namespace AiHub::Hub
