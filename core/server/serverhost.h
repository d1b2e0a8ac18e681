// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/server/heaptrimmer.h"
#include "core/server/hubservices.h"
#include "core/server/serveroptions.h"

#include <QList>
#include <QSet>
#include <QObject>
#include <QTimer>

class QThread;

namespace AiHub::Server {

class ServerWorker;

// Runs the HTTP server on its own worker threads (never the GUI thread): one ServerWorker per thread, all
// listening on the same port. stop() is graceful: no new connections, idle ones closed, requests in flight
// finish (up to the grace period), then the threads end and stopped() is emitted.
class ServerHost final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerHost)

public:
    ServerHost(const HubServices &services, const ServerOptions &options, QObject *parent = nullptr);
    ~ServerHost() override;

    // Blocks until every worker listens (or one failed). Returns the bound port.
    [[nodiscard]] Result<quint16> start();
    void stop();

    bool isRunning() const { return !m_workers.isEmpty() && !m_stopping; }
    quint16 port() const { return m_port; }
    QString url() const; // e.g. "http://127.0.0.1:8878"
    int threadCount() const { return int(m_workers.size()); }

Q_SIGNALS:
    void stopped();

private:
    struct Slot {
        QThread *thread = nullptr;
        QObject *anchor = nullptr; // lives in the thread, to run code there
        ServerWorker *worker = nullptr;
    };
    void onWorkerDrained();
    void finishStop();
    void destroyWorkers();

    HubServices m_services;
    ServerOptions m_options;
    QList<Slot> m_workers;
    quint16 m_port = 0;
    QSet<const ServerWorker *> m_drained;
    bool m_stopping = false;
    QTimer m_graceTimer;
    HeapTrimmer m_heapTrimmer; // while serving: returns what a burst of requests freed
};

} // namespace AiHub::Server
