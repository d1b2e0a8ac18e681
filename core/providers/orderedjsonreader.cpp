// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/orderedjsonreader.h"

#include "core/providers/jsontext.h"

#include <charconv>
#include <cstdint>
#include <string>

namespace AiHub::Providers {

namespace {

using Json = nlohmann::ordered_json;

// Deeper documents go to nlohmann, whose parser does not recurse.
constexpr int kMaxDepth = 200;

enum class Outcome { Ok, Invalid, Unsupported };

class Reader final {
public:
    Reader(const char *begin, const char *end)
        : m_p(begin)
        , m_end(end)
    {
    }

    Outcome document(Json &out)
    {
        skipSpace();
        const Outcome outcome = value(out, 0);
        if (outcome != Outcome::Ok)
            return outcome;
        skipSpace();
        // nlohmann's lexer takes a NUL byte between tokens for the end of the input: whatever follows is ignored.
        return m_p == m_end || *m_p == '\0' ? Outcome::Ok : Outcome::Invalid;
    }

private:
    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool literal(const char *word, std::size_t size)
    {
        if (std::size_t(m_end - m_p) < size || std::char_traits<char>::compare(m_p, word, size) != 0)
            return false;
        m_p += size;
        return true;
    }

    Outcome value(Json &out, int depth)
    {
        if (m_p == m_end)
            return Outcome::Invalid;
        switch (*m_p) {
        case '{':
            return object(out, depth + 1);
        case '[':
            return array(out, depth + 1);
        case '"': {
            std::string text;
            const Outcome outcome = string(text);
            if (outcome == Outcome::Ok)
                out = std::move(text);
            return outcome;
        }
        case 't':
            if (!literal("true", 4))
                return Outcome::Invalid;
            out = true;
            return Outcome::Ok;
        case 'f':
            if (!literal("false", 5))
                return Outcome::Invalid;
            out = false;
            return Outcome::Ok;
        case 'n':
            if (!literal("null", 4))
                return Outcome::Invalid;
            out = nullptr;
            return Outcome::Ok;
        default:
            return number(out);
        }
    }

    Outcome object(Json &out, int depth)
    {
        if (depth > kMaxDepth)
            return Outcome::Unsupported;
        out = Json::object();
        out.get_ref<Json::object_t &>().reserve(8); // no regrowth (copying every key) for the usual object
        ++m_p; // '{'
        skipSpace();
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
            return Outcome::Ok;
        }
        for (;;) {
            if (m_p == m_end || *m_p != '"')
                return Outcome::Invalid;
            std::string key;
            Outcome outcome = string(key);
            if (outcome != Outcome::Ok)
                return outcome;
            skipSpace();
            if (m_p == m_end || *m_p != ':')
                return Outcome::Invalid;
            ++m_p;
            skipSpace();
            Json member;
            outcome = value(member, depth);
            if (outcome != Outcome::Ok)
                return outcome;
            // As nlohmann's parser: a repeated key keeps its first place and takes the last value.
            out[std::move(key)] = std::move(member);
            skipSpace();
            if (m_p == m_end)
                return Outcome::Invalid;
            if (*m_p == '}') {
                ++m_p;
                return Outcome::Ok;
            }
            if (*m_p != ',')
                return Outcome::Invalid;
            ++m_p;
            skipSpace();
        }
    }

    Outcome array(Json &out, int depth)
    {
        if (depth > kMaxDepth)
            return Outcome::Unsupported;
        out = Json::array();
        ++m_p; // '['
        skipSpace();
        if (m_p != m_end && *m_p == ']') {
            ++m_p;
            return Outcome::Ok;
        }
        auto &items = out.get_ref<Json::array_t &>();
        for (;;) {
            items.emplace_back();
            const Outcome outcome = value(items.back(), depth);
            if (outcome != Outcome::Ok)
                return outcome;
            skipSpace();
            if (m_p == m_end)
                return Outcome::Invalid;
            if (*m_p == ']') {
                ++m_p;
                return Outcome::Ok;
            }
            if (*m_p != ',')
                return Outcome::Invalid;
            ++m_p;
            skipSpace();
        }
    }

    // m_p at the opening quote.
    Outcome string(std::string &out)
    {
        return JsonText::readString(m_p, m_end, out) ? Outcome::Ok : Outcome::Invalid;
    }

    // JSON's number grammar; the type as nlohmann gives it: negative integers signed, others unsigned, either
    // one too large and everything with a fraction or exponent a double.
    Outcome number(Json &out)
    {
        const char *start = m_p;
        bool integer = true;
        const char *p = JsonText::numberEnd(m_p, m_end, &integer);
        if (!p)
            return Outcome::Invalid;
        m_p = p;
        if (integer) {
            if (*start == '-') {
                std::int64_t n = 0;
                const auto [last, ec] = std::from_chars(start, p, n);
                if (ec == std::errc() && last == p) {
                    out = Json::number_integer_t(n);
                    return Outcome::Ok;
                }
            } else {
                std::uint64_t n = 0;
                const auto [last, ec] = std::from_chars(start, p, n);
                if (ec == std::errc() && last == p) {
                    out = Json::number_unsigned_t(n);
                    return Outcome::Ok;
                }
            }
        }
        double d = 0;
        const auto [last, ec] = std::from_chars(start, p, d);
        if (ec != std::errc() || last != p)
            return Outcome::Unsupported; // out of double's range: nlohmann's own rounding decides
        out = Json::number_float_t(d);
        return Outcome::Ok;
    }

    const char *m_p;
    const char *m_end;
};

} // namespace

nlohmann::ordered_json OrderedJsonReader::parse(const char *begin, const char *end)
{
    // A byte order mark is nlohmann's to judge.
    if (begin != end && static_cast<unsigned char>(*begin) == 0xef)
        return Json::parse(begin, end, nullptr, false);
    Json out;
    Reader reader(begin, end);
    switch (reader.document(out)) {
    case Outcome::Ok:
        return out;
    case Outcome::Invalid:
        return Json(Json::value_t::discarded);
    case Outcome::Unsupported:
        break;
    }
    return Json::parse(begin, end, nullptr, false);
}

} // namespace AiHub::Providers
