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

} // namespace AiHub::Testing
