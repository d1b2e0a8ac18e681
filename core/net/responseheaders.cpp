// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/net/responseheaders.h"

#include <utility>

namespace AiHub::Net {

ResponseHeaders::ResponseHeaders(QByteArray block, std::vector<Span> spans)
    : m_block(std::move(block))
    , m_spans(std::move(spans))
{
}

QByteArrayView ResponseHeaders::nameAt(qsizetype i) const
{
    const Span &s = m_spans[size_t(i)];
    return QByteArrayView(m_block.constData() + s.nameAt, s.nameSize);
}

QByteArrayView ResponseHeaders::valueAt(qsizetype i) const
{
    const Span &s = m_spans[size_t(i)];
    return QByteArrayView(m_block.constData() + s.valueAt, s.valueSize);
}

QByteArray ResponseHeaders::slice(quint32 at, quint32 size) const
{
    if (size == 0)
        return QByteArray("", 0);
    Q_ASSERT(m_block.constData()[at + size] == '\0');
    QByteArray out = m_block; // one more reference to the shared block, then narrowed to the slice
    QByteArray::DataPointer &d = out.data_ptr();
    d.ptr += at;
    d.size = size;
    return out;
}

QByteArray ResponseHeaders::value(QByteArrayView name) const
{
    for (const Span &s : m_spans) {
        if (name.compare(QByteArrayView(m_block.constData() + s.nameAt, s.nameSize), Qt::CaseInsensitive) == 0)
            return slice(s.valueAt, s.valueSize);
    }
    return {};
}

QList<QByteArray> ResponseHeaders::values(QByteArrayView name) const
{
    QList<QByteArray> out;
    for (const Span &s : m_spans) {
        if (name.compare(QByteArrayView(m_block.constData() + s.nameAt, s.nameSize), Qt::CaseInsensitive) == 0)
            out.append(slice(s.valueAt, s.valueSize));
    }
    return out;
}

ResponseHeaders::List ResponseHeaders::list() const
{
    List out;
    out.reserve(size());
    for (const Span &s : m_spans)
        out.append({ slice(s.nameAt, s.nameSize), slice(s.valueAt, s.valueSize) });
    return out;
}

} // namespace AiHub::Net
