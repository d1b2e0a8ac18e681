// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/zeroratelookup.h"

namespace AiHub::Hub {

ModelRate ZeroRateLookup::rate(const QString &, const QString &, Usage::CallType) const { return ModelRate {}; }

} // namespace AiHub::Hub
