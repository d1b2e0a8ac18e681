// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"

#include <QByteArray>

namespace AiHub::Server {

class HttpExchange;

// Error responses in OpenAI's shape, {"error":{"message","type","code"}}, which every OpenAI SDK parses.
class ApiError final {
public:
    static QByteArray openAiBody(const Error &error);
    // The status comes from httpStatusFor(); Retry-After is passed on when the provider sent one.
    static void respond(HttpExchange *exchange, const Error &error);
    static QByteArray openAiType(ErrorCode code);
};

} // namespace AiHub::Server
