// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/orderedjsonwriter.h"

#include <algorithm>
#include <charconv>

namespace AiHub::Providers {

namespace {
using Json = nlohmann::ordered_json;

// A string dump() writes as it is: nothing to escape (non-ASCII UTF-8 passes unchanged).
bool isPlainString(const std::string &text)
{
    return std::none_of(text.begin(), text.end(),
                        [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; });
}
} // namespace

OrderedJsonWriter::OrderedJsonWriter(std::string &out)
    : m_out(out)
{
}

nlohmann::detail::serializer<Json> &OrderedJsonWriter::serializer()
{
    if (!m_serializer)
        m_serializer.emplace(nlohmann::detail::output_adapter<char>(m_out), ' ');
    return *m_serializer;
}

std::string OrderedJsonWriter::dump(const Json &value)
{
    std::string out;
    OrderedJsonWriter writer(out);
    writer.write(value);
    return out;
}

void OrderedJsonWriter::writeKey(const std::string &key)
{
    if (isPlainString(key)) {
        m_out += '"';
        m_out += key;
        m_out += "\":";
        return;
    }
    serializer().dump(Json(key), false, false, 0);
    m_out += ':';
}

void OrderedJsonWriter::write(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::object: {
        m_out += '{';
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!first)
                m_out += ',';
            first = false;
            writeKey(it.key());
            write(*it);
        }
        m_out += '}';
        return;
    }
    case Json::value_t::array: {
        m_out += '[';
        bool first = true;
        for (const Json &item : value) {
            if (!first)
                m_out += ',';
            first = false;
            write(item);
        }
        m_out += ']';
        return;
    }
    case Json::value_t::string: {
        const std::string &text = value.get_ref<const std::string &>();
        if (!isPlainString(text))
            break;
        m_out += '"';
        m_out += text;
        m_out += '"';
        return;
    }
    case Json::value_t::boolean:
        m_out += value.get<bool>() ? "true" : "false";
        return;
    case Json::value_t::null:
        m_out += "null";
        return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: {
        char digits[24];
        const auto [end, ec] = value.is_number_unsigned()
            ? std::to_chars(digits, digits + sizeof digits, value.get<Json::number_unsigned_t>())
            : std::to_chars(digits, digits + sizeof digits, value.get<Json::number_integer_t>());
        (void)ec; // 24 digits hold any 64-bit number
        m_out.append(digits, std::size_t(end - digits));
        return;
    }
    default:
        break;
    }
    // Floats, strings with escapes, binary: nlohmann's own serializer, straight into m_out.
    serializer().dump(value, false, false, 0);
}

} // namespace AiHub::Providers
