// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace AiHub::Providers {

// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as the AWS event-stream framing uses it.
// qChecksum is CRC-16, and zlib is not a direct dependency, hence this small table-driven version.
class Crc32 final {
public:
    static quint32 compute(QByteArrayView data, quint32 previous = 0);
};

} // namespace AiHub::Providers
