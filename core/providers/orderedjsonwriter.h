// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace AiHub::Providers {

// Appends to a string exactly what nlohmann's dump() writes for a value (compact, members in order), several
// times faster for the usual text: objects, arrays, integers, literals and strings with nothing to escape are
// written here; floats and strings that need escapes by nlohmann's own serializer.
class OrderedJsonWriter final {
public:
    explicit OrderedJsonWriter(std::string &out);

    void write(const nlohmann::ordered_json &value);
    // "key": as dump() writes a member's name.
    void writeKey(const std::string &key);

    static std::string dump(const nlohmann::ordered_json &value);

private:
    nlohmann::detail::serializer<nlohmann::ordered_json> &serializer();

    std::string &m_out;
    // Made on first use: constructing one allocates its indent buffer and reads the locale, which cost more than
    // writing a usual request body.
    std::optional<nlohmann::detail::serializer<nlohmann::ordered_json>> m_serializer;
};

} // namespace AiHub::Providers
