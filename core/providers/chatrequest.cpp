// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/chatrequest.h"

namespace AiHub::Providers {

QString ChatMessage::text() const
{
    QString out;
    for (const ContentPart &part : content) {
        if (part.type == ContentPart::Type::Text)
            out += part.text;
    }
    return out;
}

} // namespace AiHub::Providers
