// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/net/upstreamclient.h"

#include "core/common/bytebuilder.h"
#include "core/common/httpsyntax.h"
#include "core/net/upstreamcall.h"

#ifndef AIHUB_VERSION
#define AIHUB_VERSION "0.0.0"
#endif

using namespace Qt::StringLiterals;

namespace AiHub::Net {

namespace {

constexpr int ActiveSweepMs = 100; // timeout precision while calls run

using HttpSyntax::isToken;

bool isSafeValue(QByteArrayView v)
{
    for (const char c : v) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

bool nameIs(const QByteArray &name, QByteArrayView wanted)
{
    return name.size() == wanted.size() && wanted.compare(name, Qt::CaseInsensitive) == 0;
}

} // namespace

UpstreamClient::UpstreamClient(QObject *parent)
    : QObject(parent)
    , m_sweepTimer(this) // a child, so it follows moveToThread() to the worker thread
{
    m_sweepTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_sweepTimer, &QTimer::timeout, this, &UpstreamClient::sweep);
}

UpstreamClient::~UpstreamClient()
{
    m_sweepTimer.stop();
    const QList<UpstreamCall *> calls = std::exchange(m_calls, {});
    for (UpstreamCall *call : calls)
        call->orphan();
    // Every connection is a child and goes with us; close them first so no callback reaches a half-dead client.
    for (UpstreamConnection *connection : findChildren<UpstreamConnection *>(Qt::FindDirectChildrenOnly))
        connection->close();
}

void UpstreamClient::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_tlsConfiguration = configuration;
    m_tlsConfiguration.setAllowedNextProtocols({ QByteArray(QSslConfiguration::NextProtocolHttp1_1) });
    m_tlsConfigured = true;
}

const QSslConfiguration &UpstreamClient::tlsConfiguration()
{
    if (!m_tlsConfigured)
        setTlsConfiguration(QSslConfiguration::defaultConfiguration());
    return m_tlsConfiguration;
}

void UpstreamClient::setIdleTimeoutMs(int ms)
{
    m_idleTimeoutMs = std::max(0, ms);
    updateSweepTimer();
}

void UpstreamClient::setMaxIdlePerHost(int count)
{
    m_maxIdlePerHost = std::max(0, count);
}

void UpstreamClient::setMaxOpenConnections(int count)
{
    m_maxOpenConnections = std::max(1, count);
}

UpstreamCall *UpstreamClient::send(UpstreamRequest request)
{
    auto *call = new UpstreamCall(this);
    call->m_url = request.url;
    call->m_timeouts = request.timeouts;
    call->m_describeFailure = std::move(request.describeFailure);
    registerCall(call);
    call->m_starting = true;
    const auto invalid = [&](const QString &message) {
        call->failWith(Error::make(ErrorCode::InvalidArgument, message));
        call->m_starting = false;
        return call;
    };

    const Endpoint *endpoint = nullptr;
    const QUrl::DataPtr urlData = request.url.data_ptr();
    for (Endpoint &e : m_endpoints) {
        if (urlData && e.url.data_ptr() == urlData) {
            endpoint = &e;
            break;
        }
    }
    if (!endpoint) {
        const QUrl &url = request.url;
        const QString scheme = url.scheme();
        if (scheme != u"http"_s && scheme != u"https"_s)
            return invalid(u"unsupported upstream URL \""_s
                           + url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo)
                           + u"\"; use an http:// or https:// URL"_s);
        const QString host = url.host();
        if (host.isEmpty())
            return invalid(u"the upstream URL \""_s + url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo)
                           + u"\" has no host"_s);
        Endpoint &e = m_endpoints[m_nextEndpoint];
        m_nextEndpoint = (m_nextEndpoint + 1) % EndpointCacheSize;
        e = Endpoint();
        e.tls = scheme == u"https"_s;
        const int defaultPort = e.tls ? 443 : 80;
        const int port = url.port(defaultPort);
        e.host = host;
        e.port = quint16(port);
        e.pool = pool(scheme + u"://"_s + host + u':' + QString::number(port));
        e.target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
        if (e.target.isEmpty() || e.target.front() != '/')
            e.target.prepend('/');
        e.hostHeader = url.host(QUrl::FullyEncoded).toLatin1();
        if (e.hostHeader.contains(':'))
            e.hostHeader = '[' + e.hostHeader + ']';
        if (port != defaultPort)
            e.hostHeader += ':' + QByteArray::number(port);
        e.url = url; // last: an entry with a valid URL is complete
        endpoint = &e;
    }
    if (!isToken(request.method))
        return invalid(u"invalid HTTP method \""_s + QString::fromLatin1(request.method.left(32)) + u'"');

    call->m_tls = endpoint->tls;
    call->m_host = endpoint->host;
    call->m_port = endpoint->port;
    call->m_head = request.method == "HEAD";
    call->m_pool = endpoint->pool;

    bool callerHost = false;
    bool callerUserAgent = false;
    qsizetype headerBytes = 0;
    for (const auto &[name, value] : std::as_const(request.headers)) {
        if (!isToken(name) || !isSafeValue(value))
            return invalid(u"invalid request header \""_s + QString::fromLatin1(name.left(64))
                           + u"\": header names must be tokens and values must not contain line breaks"_s);
        headerBytes += name.size() + value.size() + 4;
        if (nameIs(name, "host"))
            callerHost = true;
        else if (nameIs(name, "user-agent"))
            callerUserAgent = true;
        else if (nameIs(name, "connection") && value.toLower().contains("close"))
            call->m_closeAfter = true;
    }

    const QByteArray &target = endpoint->target;
    const QByteArray &hostHeader = endpoint->hostHeader;
    const bool sendLength = !request.body.isEmpty() || request.method == "POST" || request.method == "PUT"
        || request.method == "PATCH";

    // The whole request in one buffer, so it leaves in one write.
    ByteBuilder wire(request.method.size() + target.size() + hostHeader.size() + headerBytes + request.body.size()
                     + 96);
    wire << request.method << ' ' << target << " HTTP/1.1\r\n";
    if (!callerHost)
        wire << "Host: " << hostHeader << "\r\n";
    if (!callerUserAgent)
        wire << "User-Agent: aigne-hub/" AIHUB_VERSION "\r\n";
    if (sendLength) {
        wire << "Content-Length: ";
        wire.appendNumber(request.body.size()) << "\r\n";
    }
    for (const auto &[name, value] : std::as_const(request.headers)) {
        // We frame the body ourselves.
        if (nameIs(name, "content-length") || nameIs(name, "transfer-encoding"))
            continue;
        wire << name << ": " << value << "\r\n";
    }
    wire << "\r\n" << request.body;
    call->m_wire = wire.take();

    call->attach(true);
    call->m_starting = false;
    return call;
}

IdlePool *UpstreamClient::pool(const QString &key)
{
    for (const auto &pool : m_pools) {
        if (pool->key == key)
            return pool.get();
    }
    return m_pools.emplace_back(new IdlePool { key, {} }).get();
}

Result<UpstreamConnection *> UpstreamClient::acquire(IdlePool *pool, bool tls, const QString &host, quint16 port,
                                                     bool allowReuse)
{
    if (allowReuse) {
        QList<UpstreamConnection *> &list = pool->connections;
        while (!list.isEmpty()) {
            UpstreamConnection *connection = list.takeLast(); // LIFO: the warmest connection
            --m_idleCount;
            if (connection->isReusable())
                return connection;
            discard(connection);
        }
    }
    if (m_openCount >= m_maxOpenConnections && !evictOldestIdle())
        return fail(ErrorCode::UpstreamUnavailable,
                    u"cannot open another connection to "_s + host + u':' + QString::number(port) + u": the hub already has "_s
                        + QString::number(m_openCount)
                        + u" upstream connections open, its limit; retry when fewer requests are running"_s);
    auto *connection = new UpstreamConnection(tls, host, port, this);
    connection->setPool(pool);
    ++m_openCount;
    return connection;
}

void UpstreamClient::release(UpstreamConnection *connection)
{
    if (!connection->isReusable() || m_maxIdlePerHost == 0) {
        discard(connection);
        return;
    }
    QList<UpstreamConnection *> &list = connection->pool()->connections;
    if (list.size() >= m_maxIdlePerHost) {
        discard(connection);
        return;
    }
    connection->setListener(this);
    connection->setIdleSinceNs(UpstreamConnection::nowNs());
    list.append(connection);
    ++m_idleCount;
    if (!m_sweepTimer.isActive()) // else the next sweep sets the idle pace (no restart per call)
        updateSweepTimer();
}

void UpstreamClient::discard(UpstreamConnection *connection)
{
    if (connection->parent() != this)
        return; // already discarded
    connection->close();
    connection->setParent(nullptr);
    connection->deleteLater(); // we may be inside one of its socket's signals
    --m_openCount;
}

void UpstreamClient::closeIdleConnections()
{
    m_idleCount = 0;
    for (const auto &pool : m_pools) {
        for (UpstreamConnection *connection : std::exchange(pool->connections, {}))
            discard(connection);
    }
    updateSweepTimer();
}

bool UpstreamClient::evictOldestIdle()
{
    QList<UpstreamConnection *> *oldest = nullptr;
    for (const auto &pool : m_pools) {
        QList<UpstreamConnection *> &list = pool->connections;
        if (!list.isEmpty() && (!oldest || list.first()->idleSinceNs() < oldest->first()->idleSinceNs()))
            oldest = &list;
    }
    if (!oldest)
        return false;
    UpstreamConnection *connection = oldest->takeFirst();
    --m_idleCount;
    discard(connection);
    return true;
}

void UpstreamClient::removeIdle(UpstreamConnection *connection)
{
    if (connection->pool() && connection->pool()->connections.removeOne(connection))
        --m_idleCount;
}

void UpstreamClient::registerCall(UpstreamCall *call)
{
    call->m_callIndex = m_calls.size();
    m_calls.append(call);
    if (m_calls.size() == 1)
        updateSweepTimer();
}

void UpstreamClient::unregisterCall(UpstreamCall *call)
{
    const qsizetype index = call->m_callIndex;
    if (index < 0 || index >= m_calls.size() || m_calls.at(index) != call)
        return;
    UpstreamCall *last = m_calls.takeLast();
    if (last != call) {
        m_calls[index] = last;
        last->m_callIndex = index;
    }
    call->m_callIndex = -1;
    // The timer keeps its active pace until the next sweep slows or stops it: one call after another would
    // otherwise restart it twice per call.
}

void UpstreamClient::sweep()
{
    const qint64 now = UpstreamConnection::nowNs();
    // Backwards, re-checking the bound: a failed() handler may cancel or delete other calls.
    for (qsizetype i = m_calls.size(); i-- > 0;) {
        if (i < m_calls.size())
            m_calls.at(i)->checkDeadline(now);
    }
    if (m_idleCount > 0 && m_idleTimeoutMs > 0) {
        const qint64 cutoff = now - qint64(m_idleTimeoutMs) * 1000000;
        for (const auto &pool : m_pools) {
            QList<UpstreamConnection *> &list = pool->connections;
            while (!list.isEmpty() && list.first()->idleSinceNs() <= cutoff) {
                UpstreamConnection *connection = list.takeFirst();
                --m_idleCount;
                discard(connection);
            }
        }
    }
    updateSweepTimer();
}

void UpstreamClient::updateSweepTimer()
{
    int interval = 0;
    if (!m_calls.isEmpty())
        interval = ActiveSweepMs;
    else if (m_idleCount > 0 && m_idleTimeoutMs > 0)
        interval = std::clamp(m_idleTimeoutMs / 4, ActiveSweepMs, 1000);
    if (interval == 0) {
        m_sweepTimer.stop();
        return;
    }
    if (!m_sweepTimer.isActive() || m_sweepTimer.interval() != interval)
        m_sweepTimer.start(interval);
}

void UpstreamClient::upstreamResponseStarted(UpstreamConnection *connection)
{
    removeIdle(connection);
    discard(connection);
}

void UpstreamClient::upstreamBodyData(UpstreamConnection *connection, const QByteArray &)
{
    removeIdle(connection);
    discard(connection);
}

void UpstreamClient::upstreamFinished(UpstreamConnection *connection)
{
    removeIdle(connection);
    discard(connection);
}

void UpstreamClient::upstreamFailed(UpstreamConnection *connection, const Error &)
{
    removeIdle(connection);
    discard(connection);
}

} // namespace AiHub::Net
