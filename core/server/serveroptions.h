// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QHostAddress>

namespace AiHub::Server {

struct ServerOptions {
    QHostAddress address = QHostAddress::LocalHost; // LAN sharing is an explicit choice
    quint16 port = 8878;
    int threads = 0;                         // 0: one per core, at most 4
    qint64 maxBodyBytes = 16 * 1024 * 1024;  // larger requests get 413
    int idleTimeoutMs = 60000;               // idle keep-alive connections close after this
    int maxConnections = 20000;
    int shutdownGraceMs = 30000;             // in-flight requests may finish within this on SIGTERM
};

} // namespace AiHub::Server
