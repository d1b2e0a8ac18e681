// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/chatevent.h"

#include <QByteArray>

#include <vector>

namespace AiHub::Providers {

// Turns a provider's streamed response body into ChatEvents. One instance per call; bytes arrive in any split.
class IChatStreamDecoder {
public:
    virtual ~IChatStreamDecoder() = default;
    virtual void feed(const QByteArray &bytes, std::vector<ChatEvent> &out) = 0;
    virtual void finish(std::vector<ChatEvent> &out) = 0;
};

} // namespace AiHub::Providers
