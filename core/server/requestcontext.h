// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/access/accesskey.h"
#include "core/hub/callerinfo.h"

#include <optional>

namespace AiHub::Server {

// What the router learned about a request before handing it to a controller.
struct RequestContext {
    std::optional<Access::AccessKeyInfo> key; // set on authenticated routes
    Hub::CallerInfo caller;
};

} // namespace AiHub::Server
