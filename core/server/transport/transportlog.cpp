// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/transport/transportlog.h"

namespace AiHub::Server {

Q_LOGGING_CATEGORY(lcHttpTransport, "aihub.server.transport")

} // namespace AiHub::Server
