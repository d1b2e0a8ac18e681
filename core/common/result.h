// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"

#include <expected>

namespace AiHub {

// Fallible core functions return Result<T>; they never throw across a Qt boundary.
template<typename T>
using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, const QString &message)
{
    return std::unexpected(Error::make(code, message));
}

inline std::unexpected<Error> fail(Error error) { return std::unexpected(std::move(error)); }

} // namespace AiHub
