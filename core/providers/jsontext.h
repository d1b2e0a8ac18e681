// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/jsonbytescan.h"

#include <cstdint>
#include <string>

// The lexical rules of JSON text as nlohmann's lexer applies them (strings, escapes, UTF-8, numbers), shared by
// OrderedJsonReader, which builds a document, and OpenAiRequestScan, which only looks: both accept exactly the
// same strings and numbers.
namespace AiHub::Providers::JsonText {

// One UTF-8 sequence at p (p < end, *p >= 0x80) as nlohmann's lexer accepts it (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF); returns its end, or nullptr.
const char *utf8Sequence(const char *p, const char *end);
// Four hex digits at p; -1 when they are not.
int hex4(const char *p, const char *end);
void appendUtf8(std::string &out, std::uint32_t cp);

// Where a string's text goes: decoded into a std::string, or nowhere (noting only whether it had escapes).
struct Unescaped {
    bool escaped = false;
    void append(const char *, std::size_t) {}
    void operator+=(char) { escaped = true; }
};
inline void appendUtf8(Unescaped &out, std::uint32_t) { out.escaped = true; }

// Reads the string whose opening quote is at p, decoding it into out; p ends after the closing quote. False for
// a string nlohmann refuses (raw control characters, bad escapes or surrogates, malformed UTF-8, no end).
template<typename Out>
bool readString(const char *&p, const char *end, Out &out)
{
    ++p;
    const char *run = p;
    for (;;) {
        p = JsonByteScan::findStringStop<true>(p, end);
        if (p == end)
            return false;
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') {
            out.append(run, std::size_t(p - run));
            ++p;
            return true;
        }
        if (c >= 0x80) {
            p = utf8Sequence(p, end);
            if (!p)
                return false;
            continue;
        }
        if (c < 0x20)
            return false;
        // A backslash: what came before it, then the escaped character.
        out.append(run, std::size_t(p - run));
        if (++p == end)
            return false;
        switch (*p++) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
            const int first = hex4(p, end);
            if (first < 0)
                return false;
            p += 4;
            std::uint32_t cp = std::uint32_t(first);
            if (cp >= 0xdc00 && cp <= 0xdfff)
                return false; // a low surrogate first
            if (cp >= 0xd800 && cp <= 0xdbff) {
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
                    return false;
                const int second = hex4(p + 2, end);
                if (second < 0xdc00 || second > 0xdfff)
                    return false;
                p += 6;
                cp = 0x10000 + ((cp - 0xd800) << 10) + (std::uint32_t(second) - 0xdc00);
            }
            appendUtf8(out, cp);
            break;
        }
        default:
            return false;
        }
        run = p;
    }
}

// The end of the number token at p by JSON's grammar, or nullptr; *integer tells whether it has neither a
// fraction nor an exponent.
const char *numberEnd(const char *p, const char *end, bool *integer);

} // namespace AiHub::Providers::JsonText
