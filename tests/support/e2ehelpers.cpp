// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/support/e2ehelpers.h"

#include <QtGlobal>

namespace AiHub::Testing {

MockResponse fixture(const QString &path)
{
    auto r = MockResponse::fromFixture(path);
    if (!r)
        qFatal("fixture %s: %s", qPrintable(path), qPrintable(r.error().message));
    return *r;
}

QList<QByteArray> sseData(const QByteArray &body)
{
    QList<QByteArray> out;
    for (const QByteArray &line : body.split('\n')) {
        if (line.startsWith("data: "))
            out.append(line.mid(6).trimmed());
    }
    return out;
}

nlohmann::json json(const QByteArray &body)
{
    return nlohmann::json::parse(body.toStdString(), nullptr, false);
}

QString str(const nlohmann::json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

StreamedToolCall streamedToolCall(const QByteArray &sseBody)
{
    StreamedToolCall call;
    for (const QByteArray &data : sseData(sseBody)) {
        auto chunk = json(data);
        if (!chunk.is_object() || !chunk["choices"].is_array() || chunk["choices"].empty())
            continue;
        auto &choice = chunk["choices"][0];
        if (choice["delta"].contains("tool_calls")) {
            auto &delta = choice["delta"]["tool_calls"][0];
            call.id += str(delta["id"]);
            call.name += str(delta["function"]["name"]);
            call.arguments += str(delta["function"]["arguments"]);
        }
        if (choice["finish_reason"].is_string())
            call.finishReason = str(choice["finish_reason"]);
    }
    return call;
}

} // namespace AiHub::Testing
