// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/net/upstreamrequest.h"

#include <QByteArray>

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// Small wire helpers the adapters share.
class JsonWire final {
public:
    // The body as JSON; discarded (is_discarded()) when it is not JSON. Never throws.
    static nlohmann::ordered_json parse(const QByteArray &body);
    // Content-Type: application/json and the Accept the call expects.
    static void addJsonHeaders(Net::UpstreamRequest &request, const char *accept);
};

} // namespace AiHub::Providers
