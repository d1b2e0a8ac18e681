// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/exitcodes.h"

namespace AiHub::Storage {

ExitCode exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return ExitCode::Usage;
    case ErrorCode::StorageLocked: return ExitCode::StorageLocked;
    case ErrorCode::StorageReadOnly: return ExitCode::StorageReadOnly;
    case ErrorCode::StorageCorrupt: return ExitCode::StorageCorrupt;
    case ErrorCode::StorageTooNew: return ExitCode::StorageTooNew;
    default: return ExitCode::Failure;
    }
}

} // namespace AiHub::Storage
