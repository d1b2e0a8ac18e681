// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArrayView>

#include <array>

// Character classes of HTTP and JSON text, shared by the request parser, the upstream response parser, the
// upstream client and the JSON reader. Table look-ups: these run over every byte of every header name.
namespace AiHub::HttpSyntax {

namespace Detail {
constexpr std::array<bool, 256> makeTokenTable()
{
    std::array<bool, 256> table {};
    for (int c = 0; c < 256; ++c)
        table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    for (const char c : { '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' })
        table[static_cast<unsigned char>(c)] = true;
    return table;
}
inline constexpr std::array<bool, 256> tokenTable = makeTokenTable();
} // namespace Detail

// RFC 9110 tchar: the characters of methods and header names.
constexpr bool isTokenChar(char c)
{
    return Detail::tokenTable[static_cast<unsigned char>(c)];
}

// A non-empty run of tchar.
constexpr bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Whether text equals a name given in lower case, ignoring ASCII case (header names, tokens). Texts of another
// length are rejected before any character is looked at, unlike QByteArrayView::compare().
constexpr bool equalsLowercase(QByteArrayView text, QByteArrayView lowercase)
{
    if (text.size() != lowercase.size())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c + ('a' - 'A'));
        if (c != lowercase[i])
            return false;
    }
    return true;
}

// 0-15 for a hexadecimal digit, -1 otherwise.
constexpr int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace AiHub::HttpSyntax
