// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QtGlobal>

namespace AiHub::Server {

// What one HTTP transport accepts from a client before it refuses. Changes apply to connections accepted afterwards.
struct TransportLimits {
    qint64 maxBodyBytes = 16 * 1024 * 1024;   // Content-Length or decoded chunked body (413 above)
    qint64 maxHeaderBytes = 64 * 1024;        // request line + header block (431 above; at most 96 KiB)
    int idleTimeoutMs = 60 * 1000;            // keep-alive connection with nothing in flight
    int maxConnections = 4096;                // open client connections per transport (503 above)
};

} // namespace AiHub::Server
