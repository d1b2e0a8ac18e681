// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

#include <functional>

namespace AiHub::Net {

// Limits for one upstream call, in milliseconds. A value of 0 or less turns that limit off.
struct UpstreamTimeouts {
    int connectMs = 10000;    // TCP connect plus TLS handshake
    int firstByteMs = 300000; // from the request being sent until the first response byte
    int idleMs = 120000;      // longest silence once the response has started
};

// One HTTP/1.1 request to an AI provider. The client adds Host, Content-Length and User-Agent itself.
struct UpstreamRequest {
    QByteArray method = "POST";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    UpstreamTimeouts timeouts;
    // Optional: rewords a failure that came before any response (refused, unreachable, timed out) in the
    // provider's terms.
    std::function<Error(const Error &)> describeFailure;
};

} // namespace AiHub::Net
