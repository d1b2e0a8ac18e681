// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace AiHub::Usage {

// One call as the table of recent calls shows it: the columns of usage_records a person reads.
struct UsageCall {
    qint64 id = 0;
    qint64 createdAtMs = 0;
    QString keyName;
    QString appDid;
    QString provider;
    QString model;
    int httpStatus = 0;
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<qint64> creditsNanos;
    double durationMs = 0;
    QString errorCode;
    QString errorMessage;

    friend bool operator==(const UsageCall &, const UsageCall &) = default;
};

enum class UsageStatusFilter { Any, Ok, Error }; // Error: HTTP status >= 400

// Which calls the table lists: a time range plus optional exact matches and a text search in the model name.
struct UsageCallFilter {
    qint64 fromMs = 0; // inclusive
    qint64 toMs = 0;   // exclusive
    QString provider;  // empty: any
    QString model;     // empty: any
    QString keyName;   // empty: any
    UsageStatusFilter status = UsageStatusFilter::Any;
    QString modelSearch; // case-insensitive substring of the model; empty: any

    friend bool operator==(const UsageCallFilter &, const UsageCallFilter &) = default;
};

// Where the next page starts: strictly older than this call (newest first, ties broken by id).
struct UsageCallCursor {
    qint64 createdAtMs = 0;
    qint64 id = 0;
};

} // namespace AiHub::Usage
