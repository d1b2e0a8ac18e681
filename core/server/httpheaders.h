// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace AiHub::Server {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

} // namespace AiHub::Server
