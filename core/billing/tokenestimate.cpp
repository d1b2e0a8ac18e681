// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/tokenestimate.h"

namespace AiHub::Billing {

qint64 TokenEstimate::upperBound(qint64 utf8Bytes, qint64 messages)
{
    return (qMax<qint64>(0, utf8Bytes) + 2) / 3 + PerMessageOverhead * qMax<qint64>(0, messages);
}

qint64 TokenEstimate::counted(qint64 utf8Bytes) { return (qMax<qint64>(0, utf8Bytes) + 3) / 4; }

} // namespace AiHub::Billing
