// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

#include <vector>

namespace AiHub::Net {

// The header fields of one upstream response as HttpResponseParser left them: one byte block with every name and
// value in it, each followed by a NUL, and where each lies. Nothing is split into arrays of their own until
// asked: nearly every successful answer's headers are dropped unread (only an error's Retry-After is looked up),
// and a list of some twenty name/value arrays cost two reference counts each to make and to free again.
class ResponseHeaders final {
public:
    using List = QList<QPair<QByteArray, QByteArray>>;
    struct Span { // byte offsets in the block
        quint32 nameAt = 0;
        quint32 nameSize = 0;
        quint32 valueAt = 0;
        quint32 valueSize = 0;
    };

    ResponseHeaders() = default;
    // Every span must lie inside block and be followed by a NUL there.
    ResponseHeaders(QByteArray block, std::vector<Span> spans);

    [[nodiscard]] qsizetype size() const { return qsizetype(m_spans.size()); }
    [[nodiscard]] bool isEmpty() const { return m_spans.empty(); }
    [[nodiscard]] QByteArrayView nameAt(qsizetype i) const;
    [[nodiscard]] QByteArrayView valueAt(qsizetype i) const;
    // The first value of a header (name compared ignoring ASCII case), or a null QByteArray. An empty value is
    // empty and not null.
    [[nodiscard]] QByteArray value(QByteArrayView name) const;
    [[nodiscard]] QList<QByteArray> values(QByteArrayView name) const;
    // Every field in the order received. The arrays share the block (no copy) and stay valid on their own.
    [[nodiscard]] List list() const;

private:
    [[nodiscard]] QByteArray slice(quint32 at, quint32 size) const;

    QByteArray m_block;
    std::vector<Span> m_spans;
};

} // namespace AiHub::Net
