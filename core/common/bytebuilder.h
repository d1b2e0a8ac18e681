// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <charconv>
#include <cstring>

namespace AiHub {

// Builds a byte array from many small pieces (an HTTP head, a request on the wire) with one allocation and plain
// copies. QByteArray::append() costs about 140 instructions a call, which added up to several percent of a
// relayed request; this costs a bounds check and a memcpy. Give a capacity that usually fits: a piece that does
// not fit grows the buffer (doubling), so any input still works.
class ByteBuilder
{
public:
    explicit ByteBuilder(qsizetype capacity)
    {
        m_bytes.resize(qMax<qsizetype>(capacity, 16));
        m_at = m_bytes.data();
        m_end = m_at + m_bytes.size();
    }

    ByteBuilder &operator<<(QByteArrayView bytes)
    {
        const qsizetype n = bytes.size();
        if (n == 0)
            return *this;
        if (m_end - m_at < n)
            grow(n);
        std::memcpy(m_at, bytes.data(), size_t(n));
        m_at += n;
        return *this;
    }

    ByteBuilder &operator<<(char c)
    {
        if (m_at == m_end)
            grow(1);
        *m_at++ = c;
        return *this;
    }

    // Decimal digits of a non-negative or negative integer.
    ByteBuilder &appendNumber(qint64 value)
    {
        char digits[24];
        const auto result = std::to_chars(digits, digits + sizeof digits, value);
        return *this << QByteArrayView(digits, result.ptr - digits);
    }

    [[nodiscard]] qsizetype size() const { return m_at - m_bytes.constData(); }

    // The bytes written. The builder is spent afterwards: build the next array with a new one.
    [[nodiscard]] QByteArray take()
    {
        m_bytes.truncate(size());
        QByteArray out = std::move(m_bytes);
        m_bytes = QByteArray();
        m_at = m_end = nullptr;
        return out;
    }

private:
    void grow(qsizetype needed)
    {
        const qsizetype used = size();
        m_bytes.resize(qMax(used + needed, 2 * m_bytes.size()));
        m_at = m_bytes.data() + used;
        m_end = m_bytes.data() + m_bytes.size();
    }

    QByteArray m_bytes;
    char *m_at = nullptr;
    char *m_end = nullptr;
};

} // namespace AiHub
