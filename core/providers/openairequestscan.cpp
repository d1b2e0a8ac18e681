// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/openairequestscan.h"

#include "core/providers/jsontext.h"
#include "core/providers/orderedjsonwriter.h"

#include <charconv>
#include <string_view>

namespace AiHub::Providers {

namespace {
// As OrderedJsonReader: deeper documents are left to the document way.
constexpr int kMaxDepth = 200;
constexpr std::string_view kUsageOnly = R"({"include_usage":true})";
} // namespace

// The scan itself. Every "return false" means only "not for this path": the document way then decides.
class OpenAiRequestScanner final {
public:
    OpenAiRequestScanner(QByteArrayView body)
        : m_begin(body.data())
        , m_p(body.data())
        , m_end(body.data() + body.size())
    {
    }

    bool run(OpenAiRequestScan *out)
    {
        skipSpace();
        if (m_p == m_end || *m_p != '{')
            return false;
        ++m_p;
        skipSpace();
        bool sawModel = false;
        bool sawMessages = false;
        bool sawStream = false;
        bool sawOptions = false;
        bool sawMaxTokens = false;
        bool sawMaxCompletionTokens = false;
        const char *previousValueEnd = nullptr; // of the member before, for cutting stream_options out
        bool optionsCutOpen = false; // stream_options came first: its cut ends where the next member starts
        for (;;) {
            const char *memberStart = m_p;
            std::string_view key;
            if (!plainKey(&key))
                return false;
            const char *valueBegin = m_p;
            if (key == "model") {
                if (std::exchange(sawModel, true) || !modelName(out))
                    return false;
                out->m_modelValue = span(valueBegin, m_p);
            } else if (key == "messages") {
                if (std::exchange(sawMessages, true) || !messages())
                    return false;
            } else if (key == "stream") {
                if (std::exchange(sawStream, true))
                    return false;
                if (literal("true"))
                    out->m_stream = true;
                else if (!literal("false") && !literal("null"))
                    return false;
            } else if (key == "stream_options") {
                if (std::exchange(sawOptions, true) || !streamOptions(&out->m_clientWantsUsage))
                    return false;
                out->m_streamOptionsValue = span(valueBegin, m_p);
                // With the comma before it; the first member takes the comma after it instead (below).
                out->m_streamOptionsCut = span(previousValueEnd ? previousValueEnd : memberStart, m_p);
                optionsCutOpen = previousValueEnd == nullptr;
            } else if (key == "max_tokens" || key == "max_completion_tokens") {
                if (std::exchange(key == "max_tokens" ? sawMaxTokens : sawMaxCompletionTokens, true)
                    || !positiveInteger())
                    return false;
            } else if (key == "tools") {
                return false; // each tool's function.name is checked: the document way does that
            } else if (!skipValue(1)) {
                return false;
            }
            previousValueEnd = m_p;
            const After after = afterItem('}');
            if (after == After::Bad)
                return false;
            if (after == After::Close) {
                out->m_closingBrace = (m_p - 1) - m_begin;
                break;
            }
            if (optionsCutOpen) {
                out->m_streamOptionsCut.end = m_p - m_begin; // the first member: up to the next one
                optionsCutOpen = false;
            }
        }
        skipSpace();
        return m_p == m_end && sawModel && sawMessages;
    }

private:
    OpenAiRequestScan::Span span(const char *begin, const char *end) const
    {
        return { begin - m_begin, end - m_begin };
    }

    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    // After an item of an object or array: a comma (m_p then at the next item), its closing bracket (m_p after
    // it), or anything else.
    enum class After { Comma, Close, Bad };
    After afterItem(char close)
    {
        skipSpace();
        if (m_p == m_end)
            return After::Bad;
        if (*m_p == close) {
            ++m_p;
            return After::Close;
        }
        if (*m_p != ',')
            return After::Bad;
        ++m_p;
        skipSpace();
        return After::Comma;
    }

    bool literal(std::string_view word)
    {
        if (std::size_t(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word)
            return false;
        m_p += word.size();
        return true;
    }

    // A string at m_p; *raw gets its text as written when it had no escapes (else the scan gives up).
    bool plainString(std::string_view *raw)
    {
        if (m_p == m_end || *m_p != '"')
            return false;
        const char *text = m_p + 1;
        JsonText::Unescaped info;
        if (!JsonText::readString(m_p, m_end, info) || info.escaped)
            return false;
        *raw = std::string_view(text, std::size_t(m_p - 1 - text));
        return true;
    }

    // The colon after a member name; m_p ends at the value.
    bool colon()
    {
        skipSpace();
        if (m_p == m_end || *m_p != ':')
            return false;
        ++m_p;
        skipSpace();
        return m_p != m_end;
    }

    // A member name without escapes and the colon after it.
    bool plainKey(std::string_view *key) { return plainString(key) && colon(); }

    bool modelName(OpenAiRequestScan *out)
    {
        std::string_view name;
        if (!plainString(&name) || name.empty())
            return false;
        out->m_model = QString::fromUtf8(name.data(), qsizetype(name.size()));
        return true;
    }

    // A non-empty array of messages, each an object with a known role, text or no content, and a tool result's
    // tool_call_id.
    bool messages()
    {
        if (*m_p != '[')
            return false;
        ++m_p;
        skipSpace();
        if (m_p == m_end || *m_p == ']')
            return false;
        for (;;) {
            if (!message())
                return false;
            if (const After after = afterItem(']'); after != After::Comma)
                return after == After::Close;
        }
    }

    bool message()
    {
        if (m_p == m_end || *m_p != '{')
            return false;
        ++m_p;
        skipSpace();
        if (m_p == m_end || *m_p == '}')
            return false; // no role
        std::string_view role;
        bool sawRole = false;
        bool sawContent = false;
        bool sawToolCallId = false;
        bool hasToolCallId = false;
        for (;;) {
            std::string_view key;
            if (!plainKey(&key))
                return false;
            if (key == "role") {
                if (std::exchange(sawRole, true) || !plainString(&role))
                    return false;
            } else if (key == "content") {
                // Text or nothing; parts are checked one by one the document way.
                if (std::exchange(sawContent, true))
                    return false;
                if (*m_p == '"') {
                    JsonText::Unescaped ignored;
                    if (!JsonText::readString(m_p, m_end, ignored))
                        return false;
                } else if (!literal("null")) {
                    return false;
                }
            } else if (key == "tool_call_id") {
                if (std::exchange(sawToolCallId, true))
                    return false;
                if (*m_p == '"') {
                    const char *text = m_p + 1;
                    JsonText::Unescaped ignored;
                    if (!JsonText::readString(m_p, m_end, ignored))
                        return false;
                    hasToolCallId = m_p - 1 > text; // any text at all decodes to a non-empty id
                } else if (!skipValue(3)) {
                    return false;
                }
            } else if (!skipValue(3)) {
                return false;
            }
            if (const After after = afterItem('}'); after != After::Comma) {
                if (after == After::Bad)
                    return false;
                break;
            }
        }
        if (!sawRole)
            return false;
        if (role == "tool")
            return hasToolCallId;
        return role == "user" || role == "assistant" || role == "system" || role == "developer";
    }

    // {"include_usage": true or false} and nothing else.
    bool streamOptions(bool *includeUsage)
    {
        if (*m_p != '{')
            return false;
        ++m_p;
        skipSpace();
        std::string_view key;
        if (!plainKey(&key) || key != "include_usage")
            return false;
        if (literal("true"))
            *includeUsage = true;
        else if (literal("false"))
            *includeUsage = false;
        else
            return false;
        skipSpace();
        if (m_p == m_end || *m_p != '}')
            return false;
        ++m_p;
        return true;
    }

    // A plain positive integer: what the check's number<qint64>() reads as more than zero.
    bool positiveInteger()
    {
        const char *start = m_p;
        while (m_p != m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        const qsizetype digits = m_p - start;
        if (digits == 0 || digits > 18 || *start == '0')
            return false;
        return m_p == m_end || (*m_p != '.' && *m_p != 'e' && *m_p != 'E');
    }

    // Any value, checked as OrderedJsonReader reads it.
    bool skipValue(int depth)
    {
        if (m_p == m_end)
            return false;
        switch (*m_p) {
        case '{':
        case '[':
            return container(depth + 1);
        case '"': {
            JsonText::Unescaped ignored;
            return JsonText::readString(m_p, m_end, ignored);
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool container(int depth)
    {
        if (depth > kMaxDepth)
            return false;
        const bool object = *m_p == '{';
        const char close = object ? '}' : ']';
        ++m_p;
        skipSpace();
        if (m_p != m_end && *m_p == close) {
            ++m_p;
            return true;
        }
        for (;;) {
            if (object) {
                if (m_p == m_end || *m_p != '"')
                    return false;
                JsonText::Unescaped ignored;
                if (!JsonText::readString(m_p, m_end, ignored) || !colon())
                    return false;
            }
            if (!skipValue(depth))
                return false;
            if (const After after = afterItem(close); after != After::Comma)
                return after == After::Close;
        }
    }

    bool number()
    {
        const char *start = m_p;
        bool integer = true;
        const char *end = JsonText::numberEnd(m_p, m_end, &integer);
        if (!end)
            return false;
        m_p = end;
        if (integer && end - start <= 18)
            return true; // fits the integer types
        // What OrderedJsonReader leaves to nlohmann (out of double's range) is left to the document way too.
        double value = 0;
        const auto [last, ec] = std::from_chars(start, end, value);
        return ec == std::errc() && last == end;
    }

    const char *const m_begin;
    const char *m_p;
    const char *const m_end;
};

std::optional<OpenAiRequestScan> OpenAiRequestScan::scan(QByteArrayView body)
{
    OpenAiRequestScan out;
    OpenAiRequestScanner scanner(body);
    if (!scanner.run(&out))
        return std::nullopt;
    return out;
}

QByteArray OpenAiRequestScan::upstreamBody(QByteArrayView body, const QString &model) const
{
    std::string modelJson;
    OrderedJsonWriter(modelJson).write(nlohmann::ordered_json(model.toStdString()));

    struct Edit {
        Span span;
        std::string_view text;
    };
    Edit edits[2];
    int count = 0;
    edits[count++] = { m_modelValue, modelJson };
    if (m_streamOptionsValue.begin >= 0)
        edits[count++] = m_stream ? Edit { m_streamOptionsValue, kUsageOnly } : Edit { m_streamOptionsCut, {} };
    if (count == 2 && edits[1].span.begin < edits[0].span.begin)
        std::swap(edits[0], edits[1]);

    constexpr std::string_view addedOptions = R"(,"stream_options":{"include_usage":true})";
    const bool addOptions = m_stream && m_streamOptionsValue.begin < 0;
    QByteArray out;
    out.reserve(body.size() + qsizetype(modelJson.size()) + (addOptions ? qsizetype(addedOptions.size()) : 0));
    qsizetype at = 0;
    for (int i = 0; i < count; ++i) {
        out.append(body.sliced(at, edits[i].span.begin - at));
        if (!edits[i].text.empty())
            out.append(edits[i].text.data(), qsizetype(edits[i].text.size()));
        at = edits[i].span.end;
    }
    if (addOptions) {
        out.append(body.sliced(at, m_closingBrace - at));
        out.append(addedOptions.data(), qsizetype(addedOptions.size()));
        at = m_closingBrace;
    }
    out.append(body.sliced(at));
    return out;
}

} // namespace AiHub::Providers
