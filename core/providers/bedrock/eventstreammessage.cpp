// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/bedrock/eventstreammessage.h"

namespace AiHub::Providers {

QByteArray EventStreamMessage::stringHeader(QByteArrayView name) const
{
    for (const EventStreamHeader &h : headers) {
        if (h.name == name && h.type == EventStreamHeader::Type::String)
            return h.bytesValue;
    }
    return {};
}

} // namespace AiHub::Providers
