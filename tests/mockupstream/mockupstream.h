// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "tests/mockupstream/mockresponse.h"
#include "tests/mockupstream/recordedrequest.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QThread;

namespace AiHub::Testing {

class MockServer;
class MockState;

// A fake AI provider on 127.0.0.1 speaking plain HTTP/1.1, for the hub's integration tests and benchmark.
// Independent of the hub's own HTTP code (QTcpServer only).
//
// Answer order for a request: a one-shot response queued with enqueueResponse(), then a route from
// addRoute() (a route given with "?query" must match the full target, otherwise the path alone), then the
// built-in OpenAI-compatible answers under apiPrefix(), else 404 text/plain from the mock.
//
// The built-in answers: POST <prefix>/chat/completions = openai/chat-basic.response.http, or with
// "stream": true in the JSON body openai/chat-stream-include-usage.response.sse; GET <prefix>/models = a
// model list in OpenAI's shape.
//
// Serves in the thread that calls listen(), or in a private thread after startInThread(). Every other
// member may be called from the creating thread at any time; routes and knobs take effect for the next
// request.
class MockUpstream final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockUpstream)
public:
    // Runs on the serving thread; builds the answer from the request.
    using Handler = std::function<MockResponse(const RecordedRequest &)>;

    explicit MockUpstream(QObject *parent = nullptr);
    ~MockUpstream() override;

    // Binds 127.0.0.1 (port 0 = any free port) and serves from the calling thread's event loop.
    // Returns the bound port, or 0 on failure (see errorString()).
    quint16 listen(quint16 port = 0);
    // The same, served from a thread of its own so it does not compete with the code under test.
    quint16 startInThread(quint16 port = 0);
    // Stops listening and drops every open connection. Counters and recorded requests stay.
    void close();
    bool isListening() const;
    quint16 port() const { return m_port; }
    QString errorString() const { return m_errorString; }
    // "http://127.0.0.1:<port>" + apiPrefix(): the base URL a provider config should use.
    QUrl baseUrl() const;
    // "http://127.0.0.1:<port>" + path (path as given, e.g. "/v1/chat/completions").
    QUrl url(const QString &path) const;

    void addRoute(const QByteArray &method, const QByteArray &path, const MockResponse &response);
    void addRoute(const QByteArray &method, const QByteArray &path, Handler handler);
    // Served once, before any route for the same method and path; several queue up in order.
    void enqueueResponse(const QByteArray &method, const QByteArray &path, const MockResponse &response);
    void clearRoutes();

    // Base path of the built-in OpenAI answers, "/v1" by default; e.g. "" for DeepSeek's base URL,
    // "/api/v1" for OpenRouter's.
    void setApiPrefix(const QByteArray &prefix);
    QByteArray apiPrefix() const;
    void setOpenAiDefaultsEnabled(bool enabled);
    // Content events in the built-in stream; 0 = the recording as is (see OpenAiDefaults).
    void setDefaultStreamChunks(int contentEvents);
    void setModels(const QStringList &ids);

    // Added to every response's delay before the header block / between chunks (slow upstream knobs).
    void setLatencyMs(int ms);
    int latencyMs() const;
    void setPerChunkDelayMs(int ms);
    int perChunkDelayMs() const;

    // On by default. Off for benchmarks: nothing is stored and requestReceived is not emitted.
    void setRecordRequests(bool on);
    QList<RecordedRequest> requests() const;
    RecordedRequest lastRequest() const; // empty when none
    void clearRequests();

    quint64 requestsReceived() const;
    quint64 requestsServed() const; // responses written completely
    quint64 connectionsAccepted() const;
    int openConnections() const;
    int peakConnections() const;
    void resetPeakConnections(); // peak := connections open now

Q_SIGNALS:
    // Queued to this object's thread (also when serving here), once per request while recording is on.
    // requests() already holds the request when the response starts, so polling needs no event loop.
    void requestReceived(const AiHub::Testing::RecordedRequest &request);

private:
    quint16 bindServer(quint16 port);

    std::shared_ptr<MockState> m_state;
    MockServer *m_server = nullptr;
    QThread *m_thread = nullptr;
    quint16 m_port = 0;
    QString m_errorString;
};

} // namespace AiHub::Testing
