// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/relayedcompletionscan.h"

#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace AiHub::Providers {

namespace {

// Bytes the scanner must stop at: inside strings ('"', '\\', control characters) and between values
// (quotes and brackets). A table keeps the inner loops at a few instructions a byte.
struct ScanStops {
    bool inString[256] = {};
    bool structural[256] = {};
    constexpr ScanStops()
    {
        for (int c = 0; c < 0x20; ++c)
            inString[c] = true;
        inString[int('"')] = inString[int('\\')] = true;
        structural[int('"')] = structural[int('{')] = structural[int('}')] = true;
        structural[int('[')] = structural[int(']')] = true;
    }
};
constexpr ScanStops kStops {};

// The first byte from p on that ends a run of plain string text ('"', '\\' or a control character); end if none.
// Sixteen bytes at a time where SSE2 is there: pretty-printed answers are mostly runs the scanner passes over.
const char *findStringStop(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i lastControl = _mm_set1_epi8(0x1f);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, lastControl), v); // v <= 0x1f, unsigned
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)), control);
        if (const int mask = _mm_movemask_epi8(hit))
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p != end && !kStops.inString[static_cast<unsigned char>(*p)])
        ++p;
    return p;
}

// The first byte from p on that is a quote or a bracket; end if none.
const char *findStructural(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i caseBit = _mm_set1_epi8(0x20); // '[' | 0x20 == '{', ']' | 0x20 == '}', and no other byte
    const __m128i open = _mm_set1_epi8('{');
    const __m128i close = _mm_set1_epi8('}');
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i folded = _mm_or_si128(v, caseBit);
        const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                         _mm_or_si128(_mm_cmpeq_epi8(folded, open), _mm_cmpeq_epi8(folded, close)));
        if (const int mask = _mm_movemask_epi8(hit))
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p != end && !kStops.structural[static_cast<unsigned char>(*p)])
        ++p;
    return p;
}

// See scanRelayedCompletion().
class RelayScan final {
public:
    bool scan(const char *p, const char *end)
    {
        std::string_view usage;
        p = forEachMember(p, end, [this, &usage](std::string_view key, const char *value, const char *valueEnd) {
            if (key == "choices")
                m_sawChoices = true;
            else if (key == "usage")
                usage = std::string_view(value, std::size_t(valueEnd - value));
        });
        return p && skipSpace(p, end) == end && readUsage(usage);
    }
    bool sawChoices() const { return m_sawChoices; }
    const TokenUsage &usage() const { return m_tokens; }

private:
    // Reads the usage the way OpenAiUsage::fromJson does, checking its members as it goes (the hub reads it: not
    // just its brackets must be right). Anything but an object reports nothing.
    bool readUsage(std::string_view usage)
    {
        if (usage.empty() || usage.front() != '{')
            return true;
        std::optional<qint64> cached;
        std::optional<qint64> cacheHit;
        bool ok = true;
        const char *end = usage.data() + usage.size();
        const char *last = forEachMember(usage.data(), end, [&](std::string_view key, const char *value,
                                                                const char *valueEnd) {
            if (*value == '{' && !isWellFormedObject(value, valueEnd))
                ok = false;
            if (key == "prompt_tokens") {
                m_tokens.inputTokens = number(value, valueEnd);
            } else if (key == "completion_tokens") {
                m_tokens.outputTokens = number(value, valueEnd);
            } else if (key == "prompt_cache_hit_tokens") { // DeepSeek reports cache hits beside the details
                cacheHit = number(value, valueEnd);
            } else if (key == "prompt_tokens_details") {
                cached.reset();
                if (*value == '{')
                    forEachMember(value, valueEnd, [&](std::string_view k, const char *v, const char *vEnd) {
                        if (k == "cached_tokens")
                            cached = number(v, vEnd);
                    });
            }
        });
        m_tokens.cacheReadTokens = cached ? cached : cacheHit;
        return ok && last == end;
    }

    static bool isWellFormedObject(const char *p, const char *end)
    {
        bool ok = true;
        p = forEachMember(p, end, [&ok](std::string_view, const char *value, const char *valueEnd) {
            if (*value == '{' && !isWellFormedObject(value, valueEnd))
                ok = false;
        });
        return ok && p == end;
    }
    static const char *skipSpace(const char *p, const char *end)
    {
        while (p != end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
        return p;
    }
    // Calls f(key, value, valueEnd) for each member of the object at p; returns the end of the object, or
    // nullptr when it is not well-formed.
    template<typename F>
    static const char *forEachMember(const char *p, const char *end, F &&f)
    {
        p = skipSpace(p, end);
        if (p == end || *p != '{')
            return nullptr;
        p = skipSpace(p + 1, end);
        if (p != end && *p == '}')
            return p + 1;
        for (;;) {
            if (p == end || *p != '"')
                return nullptr;
            const char *keyEnd = skipString(p, end);
            if (!keyEnd)
                return nullptr;
            const std::string_view key(p + 1, std::size_t(keyEnd - p - 2));
            p = skipSpace(keyEnd, end);
            if (p == end || *p != ':')
                return nullptr;
            p = skipSpace(p + 1, end);
            const char *valueEnd = skipValue(p, end);
            if (!valueEnd)
                return nullptr;
            f(key, p, valueEnd);
            p = skipSpace(valueEnd, end);
            if (p == end)
                return nullptr;
            if (*p == '}')
                return p + 1;
            if (*p != ',')
                return nullptr;
            p = skipSpace(p + 1, end);
        }
    }
    // p is at the opening quote; returns the position after the closing one.
    static const char *skipString(const char *p, const char *end)
    {
        for (++p; p < end; ++p) {
            p = findStringStop(p, end);
            if (p == end)
                return nullptr;
            if (*p == '"')
                return p + 1;
            if (*p != '\\' || ++p == end) // a raw control character, or an escape cut off
                return nullptr;
        }
        return nullptr;
    }
    static bool isScalarChar(char c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' || c == 'E';
    }
    static const char *skipValue(const char *p, const char *end)
    {
        if (p == end)
            return nullptr;
        if (*p == '"')
            return skipString(p, end);
        if (*p != '{' && *p != '[') {
            const char *start = p;
            while (p != end && isScalarChar(*p))
                ++p;
            const std::string_view token(start, std::size_t(p - start));
            const bool ok = token == "true" || token == "false" || token == "null"
                || (!token.empty() && (token.front() == '-' || (token.front() >= '0' && token.front() <= '9')));
            return ok ? p : nullptr;
        }
        QVarLengthArray<char, 32> open; // the closing bracket each open container expects
        while (p != end) {
            p = findStructural(p, end);
            if (p == end)
                break;
            const char c = *p;
            if (c == '"') {
                p = skipString(p, end);
                if (!p)
                    return nullptr;
                continue;
            }
            if (c == '{' || c == '[') {
                open.append(c == '{' ? '}' : ']');
            } else if (c == '}' || c == ']') {
                if (open.isEmpty() || open.back() != c)
                    return nullptr;
                open.removeLast();
                if (open.isEmpty())
                    return p + 1;
            }
            ++p;
        }
        return nullptr;
    }
    // A JSON number as OpenAiUsage reads it (fractions cut off); anything else is no number.
    static std::optional<qint64> number(const char *p, const char *end)
    {
        if (p == end || !(*p == '-' || (*p >= '0' && *p <= '9')))
            return std::nullopt;
        if (std::find_if(p, end, [](char c) { return c == '.' || c == 'e' || c == 'E'; }) != end) {
            double d = 0;
            const auto [last, ec] = std::from_chars(p, end, d);
            if (ec != std::errc() || last != end)
                return std::nullopt;
            return qint64(d);
        }
        qint64 n = 0;
        const auto [last, ec] = std::from_chars(p, end, n);
        if (ec != std::errc() || last != end)
            return std::nullopt;
        return n;
    }

    bool m_sawChoices = false;
    TokenUsage m_tokens;
};

} // namespace

RelayedCompletionScan scanRelayedCompletion(const char *begin, const char *end)
{
    RelayScan scan;
    RelayedCompletionScan out;
    out.wellFormed = scan.scan(begin, end);
    out.sawChoices = scan.sawChoices();
    out.usage = scan.usage();
    return out;
}

} // namespace AiHub::Providers
