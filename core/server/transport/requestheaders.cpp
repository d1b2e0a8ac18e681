// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/transport/requestheaders.h"

#include "core/common/httpsyntax.h"

#include <cstring>

namespace AiHub::Server {

namespace {

constexpr qsizetype kInitialBytes = 512;
constexpr qsizetype kInitialFields = 12;

} // namespace

void RequestHeaders::append(QByteArrayView name, QByteArrayView value)
{
    if (m_fields.isEmpty()) {
        m_bytes.reserve(kInitialBytes);
        m_fields.reserve(kInitialFields);
    }
    // resize() and memcpy rather than append(): this runs for every header of every request.
    const qsizetype nameAt = m_bytes.size();
    const qsizetype valueAt = nameAt + name.size();
    const qsizetype end = valueAt + value.size();
    if (end > m_bytes.capacity())
        m_bytes.reserve(qMax(end, 2 * m_bytes.capacity()));
    m_bytes.resize(end);
    char *bytes = m_bytes.data();
    if (!name.isEmpty())
        std::memcpy(bytes + nameAt, name.data(), size_t(name.size()));
    if (!value.isEmpty())
        std::memcpy(bytes + valueAt, value.data(), size_t(value.size()));
    m_fields.append(Field { nameAt, valueAt, int(name.size()), int(value.size()) });
}

QByteArrayView RequestHeaders::nameAt(qsizetype i) const
{
    const Field &f = m_fields.at(i);
    return QByteArrayView(m_bytes.constData() + f.nameAt, f.nameSize);
}

QByteArrayView RequestHeaders::valueAt(qsizetype i) const
{
    const Field &f = m_fields.at(i);
    return QByteArrayView(m_bytes.constData() + f.valueAt, f.valueSize);
}

qsizetype RequestHeaders::find(QByteArrayView lowercaseName) const
{
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        if (HttpSyntax::equalsLowercase(nameAt(i), lowercaseName))
            return i;
    }
    return -1;
}

QByteArray RequestHeaders::value(QByteArrayView lowercaseName) const
{
    const qsizetype i = find(lowercaseName);
    return i < 0 ? QByteArray() : valueAt(i).toByteArray();
}

QByteArrayView RequestHeaders::view(QByteArrayView lowercaseName) const
{
    const qsizetype i = find(lowercaseName);
    return i < 0 ? QByteArrayView() : valueAt(i);
}

bool RequestHeaders::contains(QByteArrayView lowercaseName) const
{
    return find(lowercaseName) >= 0;
}

} // namespace AiHub::Server
