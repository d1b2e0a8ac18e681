// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>

#include <utility>

namespace AiHub::Testing {

// A request as the mock upstream received it, for golden-request assertions.
struct RecordedRequest {
    QByteArray method;
    QByteArray target; // request-target exactly as sent: path plus "?query"
    QByteArray path; // target without the query
    QByteArray query; // after '?', still percent-encoded
    QByteArray httpVersion; // "HTTP/1.1"
    QList<std::pair<QByteArray, QByteArray>> headers; // in arrival order, names as sent
    QByteArray body;
    quint64 connectionId = 0; // same id = same TCP connection (keep-alive)

    // First value of a header, case-insensitive name; empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    // The body parsed as a JSON object; empty when it is not one.
    QJsonObject jsonBody() const;
};

} // namespace AiHub::Testing

Q_DECLARE_METATYPE(AiHub::Testing::RecordedRequest)
