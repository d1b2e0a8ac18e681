// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/jsontext.h"

#include "core/common/httpsyntax.h"

namespace AiHub::Providers::JsonText {

namespace {
bool inRange(const char *p, const char *end, unsigned char low, unsigned char high)
{
    if (p == end)
        return false;
    const auto c = static_cast<unsigned char>(*p);
    return c >= low && c <= high;
}
} // namespace

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

const char *numberEnd(const char *p, const char *end, bool *integer)
{
    *integer = true;
    if (p != end && *p == '-')
        ++p;
    if (p == end)
        return nullptr;
    if (*p == '0') {
        ++p;
    } else if (*p >= '1' && *p <= '9') {
        while (p != end && *p >= '0' && *p <= '9')
            ++p;
    } else {
        return nullptr;
    }
    if (p != end && *p == '.') {
        *integer = false;
        ++p;
        if (p == end || *p < '0' || *p > '9')
            return nullptr;
        while (p != end && *p >= '0' && *p <= '9')
            ++p;
    }
    if (p != end && (*p == 'e' || *p == 'E')) {
        *integer = false;
        ++p;
        if (p != end && (*p == '+' || *p == '-'))
            ++p;
        if (p == end || *p < '0' || *p > '9')
            return nullptr;
        while (p != end && *p >= '0' && *p <= '9')
            ++p;
    }
    return p;
}

} // namespace AiHub::Providers::JsonText
