// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace AiHub::Server {

// The header fields of one request, in the order sent: every name and value in one byte block plus their
// positions, so a request's headers cost two allocations instead of two per field. Names keep their case and
// match case-insensitively.
class RequestHeaders
{
public:
    void append(QByteArrayView name, QByteArrayView value);

    [[nodiscard]] qsizetype size() const { return m_fields.size(); }
    [[nodiscard]] QByteArrayView nameAt(qsizetype i) const;
    [[nodiscard]] QByteArrayView valueAt(qsizetype i) const;
    // The first value of a header, or an empty array. Pass the name in lower case.
    [[nodiscard]] QByteArray value(QByteArrayView lowercaseName) const;
    // The same without a copy: valid while these headers live.
    [[nodiscard]] QByteArrayView view(QByteArrayView lowercaseName) const;
    [[nodiscard]] bool contains(QByteArrayView lowercaseName) const;

private:
    struct Field {
        qsizetype nameAt;
        qsizetype valueAt;
        int nameSize;
        int valueSize;
    };

    [[nodiscard]] qsizetype find(QByteArrayView lowercaseName) const;

    QByteArray m_bytes;
    QList<Field> m_fields;
};

} // namespace AiHub::Server
