// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/usage/usagerecord.h"

#include <QString>

namespace AiHub::Hub {

// Who is calling and when the request arrived; carried into the usage record.
struct CallerInfo {
    QString requestId;
    qint64 accessKeyId = 0;
    QString keyName;
    QString account;
    QString appDid; // x-aigne-hub-client-did
    Usage::Api api = Usage::Api::OpenAi;
    qint64 receivedAtMs = 0;   // wall clock, for the record
    qint64 receivedAtNs = 0;   // monotonicNowNs(), for durations
};

} // namespace AiHub::Hub
