// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

// Parses JSON text into an nlohmann::ordered_json with the same result as
// nlohmann::ordered_json::parse(begin, end, nullptr, false): the same document (member order, duplicate keys
// keeping the first position and the last value, integer / unsigned / float number types), and a discarded
// value for exactly the texts nlohmann refuses. It does the common case several times faster (a client's chat
// request on the relay path); the rare cases it does not handle itself (very deep nesting, a byte order mark,
// numbers out of double's range) are handed to nlohmann.
class OrderedJsonReader final {
public:
    static nlohmann::ordered_json parse(const char *begin, const char *end);
};

} // namespace AiHub::Providers
