// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

namespace AiHub::Net {

// The per-process open file limit. Each relayed stream holds two sockets (client and upstream), and the usual
// soft limit of 1,024 descriptors would stop the hub at about 500 streams.
class FileLimits final {
public:
    // Raises the soft RLIMIT_NOFILE to the hard limit and returns the new soft limit. Where the platform has no
    // such limit (Windows), returns -1.
    [[nodiscard]] static Result<qint64> raiseSoftLimit();
};

} // namespace AiHub::Net
