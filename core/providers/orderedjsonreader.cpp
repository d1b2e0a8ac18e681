// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/orderedjsonreader.h"

#include "core/common/httpsyntax.h"
#include "core/providers/jsonbytescan.h"

#include <charconv>
#include <cstdint>
#include <string>

namespace AiHub::Providers {

namespace {

using Json = nlohmann::ordered_json;

// Deeper documents go to nlohmann, whose parser does not recurse.
constexpr int kMaxDepth = 200;

enum class Outcome { Ok, Invalid, Unsupported };

// The first byte from p on that a string cannot simply copy: '"', '\\', a control character or a byte >= 0x80
// (UTF-8 to check); end if none.
inline const char *findSpecial(const char *p, const char *end)
{
    return JsonByteScan::findStringStop<true>(p, end);
}

bool inRange(const char *p, const char *end, unsigned char low, unsigned char high)
{
    if (p == end)
        return false;
    const auto c = static_cast<unsigned char>(*p);
    return c >= low && c <= high;
}

// One UTF-8 sequence at p (p < end, *p >= 0x80) as nlohmann's lexer accepts it (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF); returns its end, or nullptr.
const char *utf8Sequence(const char *p, const char *end)
{
    const auto c = static_cast<unsigned char>(*p++);
    int more = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
        more = 1;
    } else if (c == 0xe0) {
        more = 2;
        low = 0xa0;
    } else if ((c >= 0xe1 && c <= 0xec) || c == 0xee || c == 0xef) {
        more = 2;
    } else if (c == 0xed) {
        more = 2;
        high = 0x9f;
    } else if (c == 0xf0) {
        more = 3;
        low = 0x90;
    } else if (c >= 0xf1 && c <= 0xf3) {
        more = 3;
    } else if (c == 0xf4) {
        more = 3;
        high = 0x8f;
    } else {
        return nullptr;
    }
    if (!inRange(p, end, low, high))
        return nullptr;
    ++p;
    for (int i = 1; i < more; ++i, ++p) {
        if (!inRange(p, end, 0x80, 0xbf))
            return nullptr;
    }
    return p;
}

// Four hex digits at p; -1 when they are not.
int hex4(const char *p, const char *end)
{
    if (end - p < 4)
        return -1;
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = HttpSyntax::hexDigitValue(p[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

void appendUtf8(std::string &out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xc0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += char(0xe0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    } else {
        out += char(0xf0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3f));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    }
}

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
        ++m_p;
        const char *run = m_p;
        for (;;) {
            m_p = findSpecial(m_p, m_end);
            if (m_p == m_end)
                return Outcome::Invalid;
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                out.append(run, std::size_t(m_p - run));
                ++m_p;
                return Outcome::Ok;
            }
            if (c >= 0x80) {
                m_p = utf8Sequence(m_p, m_end);
                if (!m_p)
                    return Outcome::Invalid;
                continue;
            }
            if (c < 0x20)
                return Outcome::Invalid;
            // A backslash: what came before it, then the escaped character.
            out.append(run, std::size_t(m_p - run));
            if (++m_p == m_end)
                return Outcome::Invalid;
            switch (*m_p++) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                const int first = hex4(m_p, m_end);
                if (first < 0)
                    return Outcome::Invalid;
                m_p += 4;
                std::uint32_t cp = std::uint32_t(first);
                if (cp >= 0xdc00 && cp <= 0xdfff)
                    return Outcome::Invalid; // a low surrogate first
                if (cp >= 0xd800 && cp <= 0xdbff) {
                    if (m_end - m_p < 6 || m_p[0] != '\\' || m_p[1] != 'u')
                        return Outcome::Invalid;
                    const int second = hex4(m_p + 2, m_end);
                    if (second < 0xdc00 || second > 0xdfff)
                        return Outcome::Invalid;
                    m_p += 6;
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (std::uint32_t(second) - 0xdc00);
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                return Outcome::Invalid;
            }
            run = m_p;
        }
    }

    // JSON's number grammar; the type as nlohmann gives it: negative integers signed, others unsigned, either
    // one too large and everything with a fraction or exponent a double.
    Outcome number(Json &out)
    {
        const char *start = m_p;
        const char *p = m_p;
        if (p != m_end && *p == '-')
            ++p;
        if (p == m_end)
            return Outcome::Invalid;
        if (*p == '0') {
            ++p;
        } else if (*p >= '1' && *p <= '9') {
            while (p != m_end && *p >= '0' && *p <= '9')
                ++p;
        } else {
            return Outcome::Invalid;
        }
        bool integer = true;
        if (p != m_end && *p == '.') {
            integer = false;
            ++p;
            if (p == m_end || *p < '0' || *p > '9')
                return Outcome::Invalid;
            while (p != m_end && *p >= '0' && *p <= '9')
                ++p;
        }
        if (p != m_end && (*p == 'e' || *p == 'E')) {
            integer = false;
            ++p;
            if (p != m_end && (*p == '+' || *p == '-'))
                ++p;
            if (p == m_end || *p < '0' || *p > '9')
                return Outcome::Invalid;
            while (p != m_end && *p >= '0' && *p <= '9')
                ++p;
        }
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
