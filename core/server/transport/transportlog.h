// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QLoggingCategory>

namespace AiHub::Server {

Q_DECLARE_LOGGING_CATEGORY(lcHttpTransport)

} // namespace AiHub::Server
