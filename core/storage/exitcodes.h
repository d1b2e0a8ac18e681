// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"

namespace AiHub::Storage {

// Process exit codes of the hub's executables (aigne-hubd and its subcommands). Scripts may rely on them:
//   0  success
//   1  any other failure
//   2  bad command line or invalid argument (ErrorCode::InvalidArgument)
//   3  the database is locked by another program (ErrorCode::StorageLocked)
//   4  the database file or its folder is read-only (ErrorCode::StorageReadOnly)
//   5  the database is damaged or not a database (ErrorCode::StorageCorrupt)
//   6  the database was written by a newer version (ErrorCode::StorageTooNew)
enum class ExitCode : int {
    Ok = 0,
    Failure = 1,
    Usage = 2,
    StorageLocked = 3,
    StorageReadOnly = 4,
    StorageCorrupt = 5,
    StorageTooNew = 6,
};

ExitCode exitCodeFor(ErrorCode code);

} // namespace AiHub::Storage
