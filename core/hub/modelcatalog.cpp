// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/modelcatalog.h"

#include "core/hub/modeltypes.h"

#include "core/net/upstreamcall.h"
#include "core/net/upstreamclient.h"
#include "core/providers/iprovideradapter.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QPointer>
#include <QSet>

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

namespace {
Usage::CallType callType(Providers::ModelInfo::Type type, const QString &model)
{
    switch (type) {
    case Providers::ModelInfo::Type::Chat: return Usage::CallType::Chat;
    case Providers::ModelInfo::Type::Embedding: return Usage::CallType::Embedding;
    case Providers::ModelInfo::Type::Image: return Usage::CallType::Image;
    case Providers::ModelInfo::Type::Unknown: break;
    }
    return ModelTypes::guess(model);
}

CatalogModel entry(const QString &provider, const Providers::ModelInfo *live, const Providers::ModelInfo *known)
{
    const Providers::ModelInfo &first = live ? *live : *known;
    CatalogModel m;
    m.id = provider + u'/' + first.id;
    m.provider = provider;
    // The shipped catalogue's type is checked by hand; a live list's type is read from the provider's words.
    const auto type = known && known->type != Providers::ModelInfo::Type::Unknown ? known->type : first.type;
    m.type = callType(type, first.id);
    const auto pick = [](qint64 fromLive, qint64 fromKnown) { return fromLive > 0 ? fromLive : fromKnown; };
    m.contextLength = pick(live ? live->contextLength : 0, known ? known->contextLength : 0);
    m.maxOutputTokens = pick(live ? live->maxOutputTokens : 0, known ? known->maxOutputTokens : 0);
    m.inputModalities = live && !live->inputModalities.isEmpty() ? live->inputModalities
        : known                                                  ? known->inputModalities
                                                                 : QStringList();
    return m;
}
} // namespace

QList<CatalogModel> ModelCatalog::merge(const QString &provider, const StaticModelList &known,
                                        const QList<Providers::ModelInfo> *live)
{
    QList<CatalogModel> out;
    QSet<QString> seen;
    if (live) {
        for (const Providers::ModelInfo &m : *live) {
            if (m.id.isEmpty() || seen.contains(m.id))
                continue;
            seen.insert(m.id);
            out.append(entry(provider, &m, known.find(m.id)));
        }
    }
    const bool listKnown = live ? known.listAlways : known.listWithoutDiscovery;
    if (listKnown) {
        for (const Providers::ModelInfo &m : known.models) {
            if (!seen.contains(m.id) && !seen.contains(m.id + QStringLiteral(":latest")))
                out.append(entry(provider, nullptr, &m));
        }
    }
    return out;
}

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
        const StaticModelList *known = &StaticModelCatalog::forKind(provider.config.kind);
        {
            QMutexLocker lock(&m_mutex);
            const auto it = m_cache.constFind(key);
            if (it != m_cache.constEnd() && now - it->fetchedAtMs < m_maxAgeMs) {
                g->models.append(merge(name, *known, &it->models));
                continue;
            }
        }
        auto request = provider.adapter->modelsRequest(provider, provider.pickCredential());
        if (!request) {
            g->problems.append(request.error().message);
            g->models.append(merge(name, *known, nullptr));
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
                         [this, g, call, body, adapter, key, name, snapshot, known] {
                             const int status = call->status();
                             call->deleteLater();
                             auto live = status == 200
                                 ? adapter->parseModelList(*body)
                                 : Result<QList<Providers::ModelInfo>>(std::unexpected(
                                       adapter->mapError(*snapshot->find(name), status, *body, -1)));
                             if (live) {
                                 {
                                     QMutexLocker lock(&m_mutex);
                                     m_cache.insert(key, Entry { *live, QDateTime::currentMSecsSinceEpoch() });
                                 }
                                 g->models.append(merge(name, *known, &*live));
                             } else {
                                 g->problems.append(live.error().message);
                                 g->models.append(merge(name, *known, nullptr));
                             }
                             --g->outstanding;
                             finishIfDone(g);
                         });
        QObject::connect(call, &Net::UpstreamCall::failed, context, [g, call, name, known](const Error &error) {
            call->deleteLater();
            g->problems.append(QStringLiteral("provider \"%1\": %2").arg(name, error.message));
            g->models.append(merge(name, *known, nullptr)); // the shipped catalogue still answers
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
