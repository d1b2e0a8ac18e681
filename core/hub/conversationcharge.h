// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QString>

#include <memory>

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Hub {

// The charge the hub recorded for one of the playground's calls, read from the call's usage record, for answers
// that do not carry the settled credits themselves (images). Never recomputed from rates.
class ConversationCharge final {
public:
    // The credits as a decimal ("0.04"; "0" when the call was not billed). NotFound while the usage writer has
    // not committed the record yet: ask again shortly. One indexed lookup (created_at bounds the scan).
    [[nodiscard]] static Result<QString> forCall(const Storage::Database &database, const QString &requestId,
                                                 qint64 notBeforeMs);
};

} // namespace AiHub::Hub
