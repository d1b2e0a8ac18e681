// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/httpsyntax.h"

#include <QByteArrayView>

#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// The byte scanning behind HttpResponseParser's fast path for ordinary header lines: token and value bytes
// classified a word or sixteen bytes at a time. Inline on purpose: they run inside the parser's per-line loop.
namespace AiHub::Net::HeaderLineScan {

// Whether every byte of [p, p + n) is a token byte: eight table look-ups per branch, the last eight bytes
// overlapping the ones before (checking a byte twice is harmless).
inline bool allTokenChars(const unsigned char *p, qsizetype n)
{
    const bool *t = HttpSyntax::Detail::tokenTable.data();
    const auto eight = [t](const unsigned char *u) {
        return t[u[0]] & t[u[1]] & t[u[2]] & t[u[3]] & t[u[4]] & t[u[5]] & t[u[6]] & t[u[7]];
    };
    if (n < 8) {
        for (qsizetype i = 0; i < n; ++i) {
            if (!t[p[i]])
                return false;
        }
        return true;
    }
    for (qsizetype i = 0; i + 8 <= n; i += 8) {
        if (!eight(p + i))
            return false;
    }
    return eight(p + n - 8);
}

// From p on (not past end), the bytes nearly every header name is made of: letters, digits and '-'. Sixteen at a
// time with SSE2 (elsewhere none: the caller's exact table loop does it all). Returns where they stop.
inline const unsigned char *skipCommonNameBytes(const unsigned char *p, const unsigned char *end)
{
#if defined(__SSE2__)
    while (end - p >= 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i lower = _mm_or_si128(x, _mm_set1_epi8(0x20)); // folds A-Z onto a-z, nothing else onto it
        const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                             _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
        const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                            _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
        const __m128i dash = _mm_cmpeq_epi8(x, _mm_set1_epi8('-'));
        const auto common = unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), dash)));
        if (common != 0xFFFF)
            return p + std::countr_one(common);
        p += 16;
    }
#else
    Q_UNUSED(end);
#endif
    return p;
}

// From p on (not past end), the bytes of 0x0E and above: no NUL, CR or LF among them (nor a tab, which is
// fine, but rare enough to leave to the caller's byte loop). Sixteen at a time with SSE2, else eight with the
// exact "has less" word test. Returns where they stop.
inline const unsigned char *skipPlainValueBytes(const unsigned char *p, const unsigned char *end)
{
#if defined(__SSE2__)
    const __m128i floor = _mm_set1_epi8(0x0E);
    while (end - p >= 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const auto plain = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(x, floor), x)));
        if (plain != 0xFFFF)
            return p + std::countr_one(plain);
        p += 16;
    }
#else
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highBits = 0x8080808080808080ULL;
    for (quint64 word; end - p >= 8; p += 8) {
        std::memcpy(&word, p, 8);
        if (((word - ones * 0x0E) & ~word & highBits) != 0)
            break;
    }
#endif
    return p;
}

// Whether [v, e) holds a NUL or a CR. Words of eight bytes with none below 0x0E (the exact "has less" word
// trick) have neither; a word that has one (a tab is below 0x0E too) sends the range down the byte-wise way.
inline bool hasNulOrCr(const char *v, const char *e)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highBits = 0x8080808080808080ULL;
    const auto clean = [](const char *at) {
        quint64 word;
        std::memcpy(&word, at, 8);
        return ((word - ones * 0x0E) & ~word & highBits) == 0;
    };
    const qsizetype n = e - v;
    if (n >= 8) {
        bool allClean = clean(e - 8);
        for (qsizetype i = 0; allClean && i + 8 <= n; i += 8)
            allClean = clean(v + i);
        if (allClean)
            return false;
    }
    for (; v < e; ++v) {
        if (*v == '\r' || *v == '\0')
            return true;
    }
    return false;
}

// The common case, cheaply: a name of token bytes, a colon, and a value free of NUL and CR (takeLine() cut the
// line at its first LF, so those are the control bytes left). False for anything else, which
// HttpResponseParser::checkHeaderLine() then diagnoses.
inline bool splitHeaderLine(QByteArrayView line, QByteArrayView *name, QByteArrayView *value)
{
    const char *const p = line.data();
    const auto *colonAt = static_cast<const char *>(std::memchr(p, ':', size_t(line.size())));
    if (!colonAt || colonAt == p || !allTokenChars(reinterpret_cast<const unsigned char *>(p), colonAt - p))
        return false;
    const char *v = colonAt + 1;
    const char *e = p + line.size();
    if (hasNulOrCr(v, e))
        return false;
    while (v < e && (*v == ' ' || *v == '\t'))
        ++v;
    while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
        --e;
    *name = QByteArrayView(p, colonAt - p);
    *value = QByteArrayView(v, e - v);
    return true;
}

} // namespace AiHub::Net::HeaderLineScan
