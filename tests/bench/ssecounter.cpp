// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/ssecounter.h"

namespace AiHub::Bench {

namespace {

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\n' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\n' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace

SseCounter::Counts SseCounter::count(std::string_view body)
{
    Counts counts;
    // Events end at a blank line; lines end in LF or CRLF.
    std::string_view event;
    std::size_t eventStart = 0;
    std::size_t pos = 0;
    auto finishEvent = [&](std::string_view text) {
        text = trimmed(text);
        if (text.empty())
            return;
        if (text.substr(0, 5) != "data:") {
            if (text.front() != ':') // comments are allowed
                ++counts.malformed;
            return;
        }
        const std::string_view payload = trimmed(text.substr(5));
        if (counts.done)
            ++counts.eventsAfterDone;
        if (payload == "[DONE]") {
            counts.done = true;
        } else if (payload.size() >= 2 && payload.front() == '{' && payload.back() == '}') {
            if (payload.substr(0, 9) == "{\"error\":")
                ++counts.errorEvents;
            else
                ++counts.dataEvents;
        } else {
            ++counts.malformed;
        }
    };
    while (pos < body.size()) {
        const std::size_t lf = body.find('\n', pos);
        if (lf == std::string_view::npos)
            break;
        const std::string_view line = body.substr(pos, lf - pos);
        pos = lf + 1;
        if (line.empty() || line == "\r") {
            finishEvent(body.substr(eventStart, pos - eventStart));
            eventStart = pos;
        }
    }
    event = body.substr(eventStart);
    finishEvent(event);
    return counts;
}

} // namespace AiHub::Bench
