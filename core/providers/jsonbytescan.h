// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Byte searches over JSON text, sixteen bytes at a time where SSE2 is there: the JSON reader and the relayed
// completion scan pass over long runs of plain string text and pretty-printing with them.
namespace AiHub::Providers::JsonByteScan {

namespace Detail {
// Bytes a search must stop at, for the tail shorter than sixteen bytes: inside strings ('"', '\\', control
// characters) and between values (quotes and brackets).
struct Stops {
    bool inString[256] = {};
    bool structural[256] = {};
    constexpr Stops()
    {
        for (int c = 0; c < 0x20; ++c)
            inString[c] = true;
        inString[int('"')] = inString[int('\\')] = true;
        structural[int('"')] = structural[int('{')] = structural[int('}')] = true;
        structural[int('[')] = structural[int(']')] = true;
    }
};
inline constexpr Stops stops {};
} // namespace Detail

// The first byte from p on that ends a run of plain string text: '"', '\\' or a control character, and with
// StopAtNonAscii also a byte >= 0x80 (UTF-8 the caller checks); end if none.
template<bool StopAtNonAscii>
inline const char *findStringStop(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i lastControl = _mm_set1_epi8(0x1f);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, lastControl), v); // v <= 0x1f, unsigned
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)), control);
        if constexpr (StopAtNonAscii)
            hit = _mm_or_si128(hit, v); // the high bit marks bytes >= 0x80
        if (const int mask = _mm_movemask_epi8(hit))
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    for (; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (Detail::stops.inString[c] || (StopAtNonAscii && c >= 0x80))
            return p;
    }
    return p;
}

// The first byte from p on that is a quote or a bracket; end if none.
inline const char *findStructural(const char *p, const char *end)
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
    while (p != end && !Detail::stops.structural[static_cast<unsigned char>(*p)])
        ++p;
    return p;
}

} // namespace AiHub::Providers::JsonByteScan
