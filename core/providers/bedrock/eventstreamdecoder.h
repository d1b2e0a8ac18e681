// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/bedrock/eventstreammessage.h"

#include <QByteArray>
#include <QList>

namespace AiHub::Providers {

// Incremental decoder of the binary AWS event-stream framing (application/vnd.amazon.eventstream):
// prelude (total length, headers length, prelude CRC32), headers, payload, message CRC32; all big-endian.
// Bytes may arrive in any split. After the first error the decoder stays failed: the framing cannot be
// resynchronised, so every later feed() returns the same error.
class EventStreamDecoder final {
public:
    static constexpr quint32 PreludeSize = 12;
    static constexpr quint32 MinMessageSize = 16;
    // AWS caps a message at 16 MiB and its headers at 128 KiB; anything larger is a broken stream.
    static constexpr quint32 MaxMessageSize = 16 * 1024 * 1024;
    static constexpr quint32 MaxHeadersSize = 128 * 1024;

    // Appends every message completed by `bytes` to `out`. Fails with UpstreamProtocol on a checksum
    // mismatch or malformed framing (messages completed before the fault are still appended).
    [[nodiscard]] Status feed(QByteArrayView bytes, QList<EventStreamMessage> &out);
    // Bytes of an incomplete message are waiting (a stream that ends now was cut short).
    bool hasPendingBytes() const { return !m_buffer.isEmpty(); }
    bool failed() const { return m_error.has_value(); }

    // Decodes exactly one whole message.
    [[nodiscard]] static Result<EventStreamMessage> decodeMessage(QByteArrayView bytes);

private:
    QByteArray m_buffer;
    std::optional<Error> m_error;
};

} // namespace AiHub::Providers
