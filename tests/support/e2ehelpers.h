// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "tests/mockupstream/mockresponse.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace AiHub::Testing {

// Small helpers the end-to-end server tests share.

// A recorded provider response from tests/data/fixtures; aborts the test run if it is missing or unreadable.
MockResponse fixture(const QString &path);
// The payloads of the "data: " lines of an SSE body, in order.
QList<QByteArray> sseData(const QByteArray &body);
// A body parsed as JSON (discarded, not thrown, when it is not JSON).
nlohmann::json json(const QByteArray &body);
// A JSON string value as QString; empty for anything else.
QString str(const nlohmann::json &value);

// The first tool call of an OpenAI-format stream, its pieces joined across chunks, and the finish reason.
struct StreamedToolCall {
    QString id;
    QString name;
    QString arguments;
    QString finishReason;
};
StreamedToolCall streamedToolCall(const QByteArray &sseBody);

} // namespace AiHub::Testing
