// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/mockupstream/mockupstream.h"

#include "tests/mockupstream/mockserver.h"
#include "tests/mockupstream/mockstate.h"

#include <QHostAddress>
#include <QThread>

using namespace Qt::StringLiterals;

namespace AiHub::Testing {

MockUpstream::MockUpstream(QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<MockState>())
{
}

MockUpstream::~MockUpstream()
{
    close();
}

quint16 MockUpstream::listen(quint16 port)
{
    if (m_server) {
        m_errorString
            = u"The mock upstream is already listening on port %1; call close() first."_s.arg(m_port);
        return 0;
    }
    m_server = new MockServer(m_state);
    // Queued even in this thread: a slot may then close() or delete the mock without pulling the
    // connection that is still handling the request out from under itself.
    connect(
        m_server, &MockServer::requestReceived, this, &MockUpstream::requestReceived, Qt::QueuedConnection);
    return bindServer(port);
}

quint16 MockUpstream::startInThread(quint16 port)
{
    if (m_server) {
        m_errorString
            = u"The mock upstream is already listening on port %1; call close() first."_s.arg(m_port);
        return 0;
    }
    m_thread = new QThread;
    m_thread->setObjectName(u"aihub-mock-upstream"_s);
    m_server = new MockServer(m_state);
    m_server->moveToThread(m_thread);
    connect(
        m_server, &MockServer::requestReceived, this, &MockUpstream::requestReceived, Qt::QueuedConnection);
    m_thread->start();
    return bindServer(port);
}

quint16 MockUpstream::bindServer(quint16 port)
{
    quint16 bound = 0;
    QString error;
    auto bind = [server = m_server, port, &bound, &error] {
        if (server->listen(QHostAddress::LocalHost, port))
            bound = server->serverPort();
        else
            error = server->errorString();
    };
    if (m_thread)
        QMetaObject::invokeMethod(m_server, bind, Qt::BlockingQueuedConnection);
    else
        bind();
    if (bound == 0) {
        close();
        m_errorString
            = u"Cannot listen on 127.0.0.1:%1: %2. Pick another port or pass 0."_s.arg(port).arg(error);
        return 0;
    }
    m_port = bound;
    m_errorString.clear();
    return bound;
}

void MockUpstream::close()
{
    if (!m_server)
        return;
    if (m_thread) {
        // Connections and their sockets must die in the thread that owns them; QThread runs pending
        // deferred deletes when it finishes.
        m_server->deleteLater();
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    } else {
        delete m_server;
    }
    m_server = nullptr;
    m_port = 0;
}

bool MockUpstream::isListening() const
{
    return m_server && m_port != 0;
}

QUrl MockUpstream::baseUrl() const
{
    return url(QString::fromLatin1(m_state->apiPrefix()));
}

QUrl MockUpstream::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port) + path);
}

void MockUpstream::addRoute(const QByteArray &method, const QByteArray &path, const MockResponse &response)
{
    m_state->addRoute(method, path, response);
}

void MockUpstream::addRoute(const QByteArray &method, const QByteArray &path, Handler handler)
{
    m_state->addRoute(method, path, std::move(handler));
}

void MockUpstream::enqueueResponse(
    const QByteArray &method, const QByteArray &path, const MockResponse &response)
{
    m_state->enqueue(method, path, response);
}

void MockUpstream::clearRoutes()
{
    m_state->clearRoutes();
}

void MockUpstream::setApiPrefix(const QByteArray &prefix)
{
    m_state->setApiPrefix(prefix);
}

QByteArray MockUpstream::apiPrefix() const
{
    return m_state->apiPrefix();
}

void MockUpstream::setOpenAiDefaultsEnabled(bool enabled)
{
    m_state->setOpenAiDefaultsEnabled(enabled);
}

void MockUpstream::setDefaultStreamChunks(int contentEvents)
{
    m_state->setDefaultStreamContentEvents(contentEvents);
}

void MockUpstream::setModels(const QStringList &ids)
{
    m_state->setModels(ids);
}

void MockUpstream::setLatencyMs(int ms)
{
    m_state->latencyMs.store(qMax(0, ms));
}

int MockUpstream::latencyMs() const
{
    return m_state->latencyMs.load();
}

void MockUpstream::setPerChunkDelayMs(int ms)
{
    m_state->perChunkDelayMs.store(qMax(0, ms));
}

int MockUpstream::perChunkDelayMs() const
{
    return m_state->perChunkDelayMs.load();
}

void MockUpstream::setRecordRequests(bool on)
{
    m_state->recordRequests.store(on);
}

QList<RecordedRequest> MockUpstream::requests() const
{
    return m_state->requests();
}

RecordedRequest MockUpstream::lastRequest() const
{
    const QList<RecordedRequest> all = m_state->requests();
    return all.isEmpty() ? RecordedRequest {} : all.last();
}

void MockUpstream::clearRequests()
{
    m_state->clearRequests();
}

quint64 MockUpstream::requestsReceived() const
{
    return m_state->requestsReceived.load();
}

quint64 MockUpstream::requestsServed() const
{
    return m_state->requestsServed.load();
}

quint64 MockUpstream::connectionsAccepted() const
{
    return m_state->connectionsAccepted.load();
}

int MockUpstream::openConnections() const
{
    return m_state->openConnections.load();
}

int MockUpstream::peakConnections() const
{
    return m_state->peakConnections.load();
}

void MockUpstream::resetPeakConnections()
{
    m_state->peakConnections.store(m_state->openConnections.load());
}

} // namespace AiHub::Testing
