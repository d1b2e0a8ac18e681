// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/serverhost.h"

#include "core/server/epolleventdispatcher.h"
#include "core/server/serverworker.h"
#include "core/usage/usagerecorder.h"

#include <QLoggingCategory>
#include <QThread>

Q_LOGGING_CATEGORY(lcHost, "aihub.server")

namespace AiHub::Server {

ServerHost::ServerHost(const HubServices &services, const ServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_options(options)
    , m_heapTrimmer([usage = services.usage] { return usage ? usage->committedCount() : 0; })
{
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcHost) << "Shutdown grace period over; closing the remaining connections";
        finishStop();
    });
}

ServerHost::~ServerHost() { destroyWorkers(); }

QString ServerHost::url() const
{
    QString host = m_options.address.toString();
    if (m_options.address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    if (m_options.address == QHostAddress::Any || m_options.address == QHostAddress::AnyIPv4)
        host = QStringLiteral("0.0.0.0");
    return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
}

Result<quint16> ServerHost::start()
{
    if (!m_workers.isEmpty())
        return m_port;
    int threads = m_options.threads;
    if (threads <= 0)
        threads = qBound(1, QThread::idealThreadCount(), 4);
    quint16 port = m_options.port;
    for (int i = 0; i < threads; ++i) {
        Slot slot;
        slot.thread = new QThread(this);
        slot.thread->setObjectName(QStringLiteral("hub-worker-%1").arg(i));
        // AIHUB_QT_EVENT_LOOP=1 keeps Qt's default loop: a way to rule the epoll loop out when looking into a problem.
        if (qEnvironmentVariableIntValue("AIHUB_QT_EVENT_LOOP") == 0)
            if (auto dispatcher = EpollEventDispatcher::create())
                slot.thread->setEventDispatcher(dispatcher.release()); // the thread owns it from here
        slot.anchor = new QObject;
        slot.anchor->moveToThread(slot.thread);
        slot.thread->start();
        Result<quint16> bound = fail(ErrorCode::Internal, QStringLiteral("worker did not start"));
        const bool reusePort = threads > 1;
        QMetaObject::invokeMethod(
            slot.anchor,
            [this, &slot, &bound, port, reusePort] {
                slot.worker = new ServerWorker(m_services, m_options);
                bound = slot.worker->listen(port, reusePort);
            },
            Qt::BlockingQueuedConnection);
        connect(slot.worker, &ServerWorker::drained, this, &ServerHost::onWorkerDrained, Qt::QueuedConnection);
        m_workers.append(slot);
        if (!bound) {
            destroyWorkers();
            return fail(bound.error());
        }
        port = *bound; // the others join the port the first one bound (it may have been 0)
    }
    m_port = port;
    m_heapTrimmer.start();
    return m_port;
}

void ServerHost::stop()
{
    if (m_stopping || m_workers.isEmpty())
        return;
    m_stopping = true;
    m_drained.clear();
    for (const Slot &slot : std::as_const(m_workers))
        QMetaObject::invokeMethod(slot.worker, &ServerWorker::beginShutdown, Qt::QueuedConnection);
    m_graceTimer.start(m_options.shutdownGraceMs);
}

void ServerHost::onWorkerDrained()
{
    if (!m_stopping)
        return;
    // Count each worker once, whatever it emits.
    if (auto *worker = qobject_cast<const ServerWorker *>(sender()))
        m_drained.insert(worker);
    if (m_drained.size() >= m_workers.size())
        finishStop();
}

void ServerHost::finishStop()
{
    if (m_workers.isEmpty())
        return;
    m_graceTimer.stop();
    m_heapTrimmer.stop();
    destroyWorkers();
    Q_EMIT stopped();
}

void ServerHost::destroyWorkers()
{
    for (Slot &slot : m_workers) {
        if (slot.worker) {
            ServerWorker *worker = slot.worker;
            QMetaObject::invokeMethod(slot.anchor, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        }
        slot.thread->quit();
        slot.thread->wait();
        delete slot.anchor; // the thread has ended: nothing else can touch it now
        delete slot.thread;
    }
    m_workers.clear();
}

} // namespace AiHub::Server
