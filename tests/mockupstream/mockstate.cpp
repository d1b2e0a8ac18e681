// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/mockupstream/mockstate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace AiHub::Testing {

namespace {

// A non-owning QByteArray, so hash lookups per request allocate nothing.
QByteArray raw(QByteArrayView v)
{
    return QByteArray::fromRawData(v.data(), v.size());
}

template<typename Value>
Value *findRoute(QHash<QByteArray, QHash<QByteArray, Value>> &byMethod, const MockState::Lookup &lookup)
{
    auto methodIt = byMethod.find(raw(lookup.method));
    if (methodIt == byMethod.end())
        return nullptr;
    QHash<QByteArray, Value> &byPath = methodIt.value();
    auto it = byPath.find(raw(lookup.target)); // a route given with its query string wins
    if (it == byPath.end() && lookup.path.size() != lookup.target.size())
        it = byPath.find(raw(lookup.path));
    return it == byPath.end() ? nullptr : &it.value();
}

bool asksForStream(QByteArrayView body)
{
    if (!body.contains("\"stream\""))
        return false;
    return QJsonDocument::fromJson(raw(body)).object().value(u"stream"_s).toBool();
}

} // namespace

void MockState::addRoute(const QByteArray &method, const QByteArray &path, const MockResponse &response)
{
    auto prepared = PreparedResponse::prepare(response);
    QMutexLocker lock(&m_mutex);
    m_routes[method][path] = Route { std::move(prepared), {} };
}

void MockState::addRoute(const QByteArray &method, const QByteArray &path, Handler handler)
{
    QMutexLocker lock(&m_mutex);
    m_routes[method][path] = Route { {}, std::move(handler) };
}

void MockState::enqueue(const QByteArray &method, const QByteArray &path, const MockResponse &response)
{
    auto prepared = PreparedResponse::prepare(response);
    QMutexLocker lock(&m_mutex);
    m_queued[method][path].append(std::move(prepared));
}

void MockState::clearRoutes()
{
    QMutexLocker lock(&m_mutex);
    m_routes.clear();
    m_queued.clear();
}

MockState::Answer MockState::resolve(const Lookup &lookup)
{
    QMutexLocker lock(&m_mutex);
    if (!m_queued.isEmpty()) {
        if (auto *queue = findRoute(m_queued, lookup); queue && !queue->isEmpty()) {
            Answer answer { queue->takeFirst(), {} };
            if (queue->isEmpty()) {
                auto &byPath = m_queued.find(raw(lookup.method)).value();
                byPath.removeIf([](const auto &it) { return it.value().isEmpty(); });
            }
            return answer;
        }
    }
    if (!m_routes.isEmpty()) {
        if (const Route *route = findRoute(m_routes, lookup))
            return Answer { route->response, route->handler };
    }
    return resolveDefault(lookup);
}

MockState::Answer MockState::resolveDefault(const Lookup &lookup) const
{
    if (m_defaultsEnabled && lookup.path.startsWith(m_prefix)) {
        const QByteArrayView rest = lookup.path.sliced(m_prefix.size());
        if (lookup.method == "POST" && rest == "/chat/completions")
            return Answer { asksForStream(lookup.body) ? m_defaults.chatStream() : m_defaults.chat(), {} };
        if (lookup.method == "GET" && rest == "/models")
            return Answer { m_defaults.models(), {} };
    }
    // Not a provider's answer: a plain note from the mock, so a test that forgot a route sees why.
    MockResponse notFound;
    notFound.setStatus(404)
        .setHeader("Content-Type", "text/plain")
        .setBody("mock upstream: no route for " + lookup.method.toByteArray() + ' '
            + lookup.target.toByteArray() + '\n');
    return Answer { PreparedResponse::prepare(notFound), {} };
}

void MockState::setApiPrefix(const QByteArray &prefix)
{
    QByteArray p = prefix.trimmed();
    while (p.endsWith('/'))
        p.chop(1);
    if (!p.isEmpty() && !p.startsWith('/'))
        p.prepend('/');
    QMutexLocker lock(&m_mutex);
    m_prefix = p;
}

QByteArray MockState::apiPrefix() const
{
    QMutexLocker lock(&m_mutex);
    return m_prefix;
}

void MockState::setOpenAiDefaultsEnabled(bool enabled)
{
    QMutexLocker lock(&m_mutex);
    m_defaultsEnabled = enabled;
}

void MockState::setDefaultStreamContentEvents(int count)
{
    QMutexLocker lock(&m_mutex);
    m_defaults.setStreamContentEvents(count);
}

void MockState::setModels(const QStringList &ids)
{
    QMutexLocker lock(&m_mutex);
    m_defaults.setModels(ids);
}

void MockState::record(const RecordedRequest &request)
{
    QMutexLocker lock(&m_mutex);
    m_requests.append(request);
}

QList<RecordedRequest> MockState::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

void MockState::clearRequests()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
}

void MockState::connectionOpened()
{
    connectionsAccepted.fetch_add(1, std::memory_order_relaxed);
    const int now = openConnections.fetch_add(1, std::memory_order_relaxed) + 1;
    int peak = peakConnections.load(std::memory_order_relaxed);
    while (now > peak && !peakConnections.compare_exchange_weak(peak, now, std::memory_order_relaxed)) { }
}

void MockState::connectionClosed()
{
    openConnections.fetch_sub(1, std::memory_order_relaxed);
}

} // namespace AiHub::Testing
