// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/net/upstreamcall.h"

#include "core/net/upstreamclient.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace AiHub::Net {

namespace {

QString describeLimit(int ms)
{
    if (ms >= 1000 && ms % 1000 == 0)
        return QString::number(ms / 1000) + u" s"_s;
    return QString::number(ms) + u" ms"_s;
}

bool expired(qint64 since, int limitMs, qint64 now)
{
    return limitMs > 0 && since > 0 && now - since >= qint64(limitMs) * 1000000;
}

} // namespace

UpstreamCall::UpstreamCall(UpstreamClient *client)
    : m_client(client)
    , m_startNs(UpstreamConnection::nowNs())
{
}

UpstreamCall::~UpstreamCall()
{
    for (Delivery *d = m_delivery; d; d = d->outer)
        d->destroyed = true;
    if (m_state == State::Running)
        cancel();
}

QByteArray UpstreamCall::header(QByteArrayView name) const
{
    return m_headers.value(name);
}

qint64 UpstreamCall::connectElapsedNs() const
{
    if (m_reused)
        return 0;
    return m_connectedNs ? m_connectedNs - m_startNs : -1;
}

qint64 UpstreamCall::firstByteElapsedNs() const
{
    return m_firstByteNs ? m_firstByteNs - m_startNs : -1;
}

qint64 UpstreamCall::totalElapsedNs() const
{
    return m_endNs ? m_endNs - m_startNs : -1;
}

void UpstreamCall::cancel()
{
    if (m_state == State::FailPending) {
        m_state = State::Cancelled; // the queued failed() will see this and stay silent
        return;
    }
    if (m_state != State::Running)
        return;
    m_state = State::Cancelled;
    m_endNs = UpstreamConnection::nowNs();
    detach();
}

void UpstreamCall::dispose()
{
    if (m_delivery) {
        m_disposed = true;
        return;
    }
    delete this;
}

template<typename Deliver>
bool UpstreamCall::deliver(Deliver &&event)
{
    Delivery delivery { false, m_delivery };
    m_delivery = &delivery;
    event();
    if (delivery.destroyed)
        return false; // deleted by the handler: not one member may be touched
    m_delivery = delivery.outer;
    if (!m_delivery && m_disposed) {
        delete this;
        return false;
    }
    return true;
}

void UpstreamCall::detach()
{
    if (m_client) {
        if (m_connection)
            m_client->discard(m_connection);
        m_client->unregisterCall(this);
    }
    m_connection = nullptr;
}

void UpstreamCall::attach(bool allowReuse)
{
    Result<UpstreamConnection *> acquired = m_client->acquire(m_pool, m_tls, m_host, m_port, allowReuse);
    if (!acquired) {
        failWith(acquired.error());
        return;
    }
    UpstreamConnection *connection = *acquired;
    m_connection = connection;
    m_reused = connection->requestCount() > 0;
    if (m_reused)
        m_connectedNs = UpstreamConnection::nowNs();
    connection->setListener(this);
    connection->sendRequest(m_wire, m_head, m_closeAfter);
    if (m_connection == connection && connection->state() == UpstreamConnection::State::Unconnected)
        connection->open(m_client->tlsConfiguration());
}

void UpstreamCall::checkDeadline(qint64 now)
{
    if (m_state != State::Running || !m_connection)
        return;
    const UpstreamConnection *c = m_connection;
    const UpstreamConnection::State s = c->state();
    if (s == UpstreamConnection::State::Connecting || s == UpstreamConnection::State::Unconnected) {
        if (expired(c->openedNs(), m_timeouts.connectMs, now))
            failWith(Error::make(ErrorCode::UpstreamTimeout,
                                 u"could not connect to "_s + c->endpoint() + u" within "_s
                                     + describeLimit(m_timeouts.connectMs)
                                     + u" (connect timeout); check that the provider is reachable"_s));
    } else if (!c->responseStarted()) {
        if (expired(c->requestSentNs(), m_timeouts.firstByteMs, now))
            failWith(Error::make(ErrorCode::UpstreamTimeout, u"no response from "_s + c->endpoint() + u" within "_s
                                                                 + describeLimit(m_timeouts.firstByteMs)));
    } else if (expired(c->lastReadNs(), m_timeouts.idleMs, now)) {
        failWith(Error::make(ErrorCode::UpstreamTimeout,
                             c->endpoint() + u" sent nothing for "_s + describeLimit(m_timeouts.idleMs)
                                 + u" in the middle of the response (idle timeout)"_s));
    }
}

void UpstreamCall::failWith(const Error &failure)
{
    if (m_state != State::Running)
        return;
    // Only a failure to get any answer is the provider's to reword; a broken stream keeps its own words.
    const Error error = m_describeFailure && m_status == 0 ? m_describeFailure(failure) : failure;
    m_endNs = UpstreamConnection::nowNs();
    detach();
    if (m_starting) {
        // Still inside send(): the caller has not connected to failed() yet.
        m_state = State::FailPending;
        QMetaObject::invokeMethod(
            this,
            [this, error] {
                if (m_state != State::FailPending)
                    return;
                m_state = State::Failed;
                deliver([&] {
                    if (m_receiver)
                        m_receiver->upstreamCallFailed(error);
                    else
                        Q_EMIT failed(error);
                });
            },
            Qt::QueuedConnection);
        return;
    }
    m_state = State::Failed;
    deliver([&] {
        if (m_receiver)
            m_receiver->upstreamCallFailed(error);
        else
            Q_EMIT failed(error);
    });
}

void UpstreamCall::orphan()
{
    // The client is being destroyed; it closes the connections itself.
    m_client = nullptr;
    m_connection = nullptr;
    m_callIndex = -1;
    if (m_state != State::Running)
        return;
    m_starting = true; // never emit from inside the client's destructor
    failWith(Error::make(ErrorCode::ShuttingDown, u"the upstream client was shut down before "_s + m_host
                                                      + u" answered"_s));
    m_starting = false;
}

void UpstreamCall::upstreamResponseStarted(UpstreamConnection *connection)
{
    m_wire = QByteArray(); // kept only for a retry, and none follows once the answer started

    m_status = connection->parser().status();
    m_headers = connection->parser().takeHeaders();
    if (!m_firstByteNs)
        m_firstByteNs = connection->firstByteNs();
    if (!m_connectedNs)
        m_connectedNs = connection->connectedNs();
    deliver([this] {
        if (m_receiver)
            m_receiver->upstreamCallStarted(m_status);
        else
            Q_EMIT responseStarted(m_status);
    });
}

void UpstreamCall::upstreamBodyData(UpstreamConnection *, const QByteArray &data)
{
    m_bodyBytes += data.size();
    deliver([&] {
        if (m_receiver)
            m_receiver->upstreamCallData(data);
        else
            Q_EMIT bodyData(data);
    });
}

void UpstreamCall::upstreamFinished(UpstreamConnection *connection)
{
    m_state = State::Finished;
    m_endNs = UpstreamConnection::nowNs();
    if (!m_firstByteNs)
        m_firstByteNs = connection->firstByteNs();
    m_connection = nullptr;
    m_client->unregisterCall(this);
    m_client->release(connection); // pooled before finished(), so a follow-up send() can reuse it
    deliver([this] {
        if (m_receiver)
            m_receiver->upstreamCallFinished();
        else
            Q_EMIT finished();
    });
}

void UpstreamCall::upstreamFailed(UpstreamConnection *connection, const Error &error)
{
    if (!m_connectedNs)
        m_connectedNs = connection->connectedNs();
    // A pooled connection the server had already closed: nothing of this request was answered, so send it
    // once more on a fresh connection.
    const bool retry = !m_retried && m_reused && !connection->responseStarted()
        && error.code == ErrorCode::UpstreamUnavailable;
    m_connection = nullptr;
    m_client->discard(connection);
    if (retry) {
        m_retried = true;
        m_connectedNs = 0;
        attach(false);
        return;
    }
    failWith(error);
}

} // namespace AiHub::Net
