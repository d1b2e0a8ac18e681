// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/relayedcompletionscan.h"

#include "core/providers/jsonbytescan.h"

#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>

namespace AiHub::Providers {

namespace {

using JsonByteScan::findStructural;

inline const char *findStringStop(const char *p, const char *end)
{
    return JsonByteScan::findStringStop<false>(p, end);
}

// See scanRelayedCompletion().
class RelayScan final {
public:
    bool scan(const char *p, const char *end)
    {
        bool usageOk = true;
        const auto member = [&](std::string_view key, const char *value, const char *end) -> const char * {
            if (key == "usage") {
                // The last "usage" counts. An object is read once, checked as it goes, instead of skipped over
                // and then read (it is a third of a usual answer); whatever skipValue() refuses, reading refuses.
                m_tokens = {};
                usageOk = true;
                if (*value == '{')
                    return readUsage(value, end, &usageOk);
            } else if (key == "choices") {
                m_sawChoices = true;
            }
            return skipValue(value, end);
        };
        p = forEachMemberUntil(p, end, member);
        return p && skipSpace(p, end) == end && usageOk;
    }
    bool sawChoices() const { return m_sawChoices; }
    const TokenUsage &usage() const { return m_tokens; }

private:
    // Reads the usage object at p the way OpenAiUsage::fromJson does, checking its members as it goes (the hub
    // reads it: not just its brackets must be right). Returns the end of the object, or nullptr when it is not
    // well-formed; *ok turns false when a nested object is not.
    const char *readUsage(const char *p, const char *end, bool *ok)
    {
        std::optional<qint64> cached;
        std::optional<qint64> cacheHit;
        const char *last = forEachMember(p, end, [&](std::string_view key, const char *value, const char *valueEnd) {
            if (*value == '{' && !isWellFormedObject(value, valueEnd))
                *ok = false;
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
        return last;
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
        return forEachMemberUntil(p, end, [&f](std::string_view key, const char *value, const char *end) {
            const char *valueEnd = skipValue(value, end);
            if (valueEnd)
                f(key, value, valueEnd);
            return valueEnd;
        });
    }
    // The same, with `read(key, value, end)` reading each value itself and returning where it ends (nullptr:
    // not well-formed).
    template<typename F>
    static const char *forEachMemberUntil(const char *p, const char *end, F &&read)
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
            if (p == end)
                return nullptr;
            const char *valueEnd = read(key, p, end);
            if (!valueEnd)
                return nullptr;
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
