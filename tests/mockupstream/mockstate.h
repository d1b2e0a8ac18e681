// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "tests/mockupstream/openaidefaults.h"
#include "tests/mockupstream/preparedresponse.h"
#include "tests/mockupstream/recordedrequest.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>

#include <atomic>
#include <functional>
#include <memory>

namespace AiHub::Testing {

// Everything the API object and the serving thread share: routes, one-shot answers, recorded requests,
// counters and knobs. Lock-protected or atomic, so MockUpstream may serve from its own thread.
class MockState final {
public:
    using Handler = std::function<MockResponse(const RecordedRequest &)>;

    // What the connection needs to pick an answer; views into its read buffer.
    struct Lookup {
        QByteArrayView method;
        QByteArrayView target;
        QByteArrayView path;
        QByteArrayView body;
    };
    struct Answer {
        std::shared_ptr<const PreparedResponse> response;
        Handler handler; // set instead of response when a handler route matched
    };

    void addRoute(const QByteArray &method, const QByteArray &path, const MockResponse &response);
    void addRoute(const QByteArray &method, const QByteArray &path, Handler handler);
    void enqueue(const QByteArray &method, const QByteArray &path, const MockResponse &response);
    void clearRoutes();
    Answer resolve(const Lookup &lookup);

    void setApiPrefix(const QByteArray &prefix);
    QByteArray apiPrefix() const;
    void setOpenAiDefaultsEnabled(bool enabled);
    void setDefaultStreamContentEvents(int count);
    void setModels(const QStringList &ids);

    void record(const RecordedRequest &request);
    QList<RecordedRequest> requests() const;
    void clearRequests();

    void connectionOpened();
    void connectionClosed();

    std::atomic<bool> recordRequests { true };
    std::atomic<int> latencyMs { 0 };
    std::atomic<int> perChunkDelayMs { 0 };
    std::atomic<quint64> requestsReceived { 0 };
    std::atomic<quint64> requestsServed { 0 };
    std::atomic<quint64> connectionsAccepted { 0 };
    std::atomic<int> openConnections { 0 };
    std::atomic<int> peakConnections { 0 };

private:
    struct Route {
        std::shared_ptr<const PreparedResponse> response;
        Handler handler;
    };
    Answer resolveDefault(const Lookup &lookup) const;

    mutable QMutex m_mutex;
    // method -> path (or full target when the route was given with a query) -> answer
    QHash<QByteArray, QHash<QByteArray, Route>> m_routes;
    QHash<QByteArray, QHash<QByteArray, QList<std::shared_ptr<const PreparedResponse>>>> m_queued;
    QList<RecordedRequest> m_requests;
    QByteArray m_prefix = QByteArrayLiteral("/v1");
    bool m_defaultsEnabled = true;
    OpenAiDefaults m_defaults;
};

} // namespace AiHub::Testing
