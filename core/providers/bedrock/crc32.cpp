// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/bedrock/crc32.h"

#include <array>

namespace AiHub::Providers {

namespace {
constexpr std::array<quint32, 256> makeTable()
{
    std::array<quint32, 256> table {};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? (0xEDB88320u ^ (c >> 1)) : (c >> 1);
        table[i] = c;
    }
    return table;
}
constexpr std::array<quint32, 256> kTable = makeTable();
} // namespace

quint32 Crc32::compute(QByteArrayView data, quint32 previous)
{
    quint32 c = previous ^ 0xFFFFFFFFu;
    for (const char ch : data)
        c = kTable[(c ^ quint8(ch)) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

} // namespace AiHub::Providers
