// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <string_view>

namespace AiHub::Bench {

// Counts the events of an OpenAI-style SSE body: "data: {json}" events, the closing "data: [DONE]", and
// anything else (an event that is not a data event with a JSON object, or an error object).
class SseCounter final {
public:
    struct Counts {
        int dataEvents = 0; // JSON chunks, [DONE] not included
        bool done = false;  // "data: [DONE]" seen
        int eventsAfterDone = 0;
        int malformed = 0;
        int errorEvents = 0; // {"error": ...}
    };
    static Counts count(std::string_view body);
};

} // namespace AiHub::Bench
