// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"

namespace AiHub {

// The one table from ErrorCode to the HTTP status a client gets (and the usage record keeps).
int httpStatusFor(ErrorCode code);

} // namespace AiHub
