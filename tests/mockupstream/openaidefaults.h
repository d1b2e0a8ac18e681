// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "tests/mockupstream/preparedresponse.h"

#include <QStringList>

#include <memory>

namespace AiHub::Testing {

// The unscripted OpenAI-compatible answers, built from fixtures embedded in the library (so the benchmark and
// the standalone executable need no data files): chat-basic.response.http, chat-stream-include-usage and,
// for longer streams, chat-stream-text-with-usage.
class OpenAiDefaults final {
public:
    OpenAiDefaults();

    // Content events in the streamed answer. 0 = the recorded include-usage stream as is; N > 0 = the
    // recorded gpt-4o text stream with its content events repeated in order until there are N of them.
    void setStreamContentEvents(int count);
    int streamContentEvents() const { return m_streamContentEvents; }
    void setModels(const QStringList &ids);

    std::shared_ptr<const PreparedResponse> chat() const { return m_chat; }
    std::shared_ptr<const PreparedResponse> chatStream() const { return m_stream; }
    std::shared_ptr<const PreparedResponse> models() const { return m_models; }

private:
    std::shared_ptr<const PreparedResponse> m_chat;
    std::shared_ptr<const PreparedResponse> m_stream;
    std::shared_ptr<const PreparedResponse> m_models;
    int m_streamContentEvents = 0;
};

} // namespace AiHub::Testing
