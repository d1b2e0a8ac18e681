// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"

#include <QByteArray>
#include <QString>

namespace AiHub::Server {

class HttpExchange;
class HttpRequest;

// Error responses of the AIGNE API (/api/...), as the real hub's global handler writes them and the
// @aigne/aigne-hub client reads them: {"error":{"message"}} with the status; insufficient credit as
// {"error":{"message","type":"NOT_ENOUGH","timestamp","link"}} (the CLI's "buy credits and retry" prompt keys on
// type); and, when the request accepts text/event-stream, 200 with "data: {"error":...}\n\n".
class AigneError final {
public:
    static QByteArray body(const Error &error, const QString &link = {});
    static void respond(HttpExchange *exchange, const HttpRequest &request, const Error &error,
                        const QString &link = {});
    // The legacy /api/v2/chat/completions form, the real hub's CustomError: {"error":"<message>"} (insufficient
    // credit keeps its object form, which the CLI recognises).
    static QByteArray legacyBody(const Error &error, const QString &link = {});
    static void respondLegacy(HttpExchange *exchange, const HttpRequest &request, const Error &error);
    // A failure inside a running stream: "event: error\ndata: {"message":...}\n\n".
    static QByteArray streamEvent(const Error &error);
    static bool acceptsEventStream(const HttpRequest &request);
};

} // namespace AiHub::Server
