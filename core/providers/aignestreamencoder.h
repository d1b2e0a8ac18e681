// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/providers/aignechatformat.h"
#include "core/providers/chatevent.h"

#include <QByteArray>
#include <QList>
#include <QMap>

namespace AiHub::Providers {

// Turns a provider's neutral stream events into the AIGNE framework's stream chunks (the JSON of each "data:"
// line): {"delta":{"text":{"text":...}}} / {"delta":{"text":{"thoughts":...}}} to append, {"delta":{"json":{...}}}
// to assign. Text is held back when the client asked for JSON (it arrives parsed in "json" at the end). The last
// chunk repeats the whole output with usage and credits. Never "[DONE]": the end is the end of the response.
class AigneStreamEncoder final {
public:
    explicit AigneStreamEncoder(ResponseFormat format);

    // Zero or more chunks for one event (Usage, Error and Done events yield none: see finish()).
    QList<QByteArray> encode(const ChatEvent &event);
    // The closing chunks: usage, tool calls / parsed json, then the full output with usage and credits.
    QList<QByteArray> finish(const TokenUsage &usage, const AigneOutputExtras &extras);

    const ChatResult &result() const { return m_result; }

private:
    static QByteArray jsonChunk(const nlohmann::ordered_json &fields);
    static QByteArray textChunk(const char *key, const QString &fragment);

    ResponseFormat m_format;
    ChatResult m_result;
    QMap<int, ToolCall> m_toolCalls; // by index, in index order
    bool m_modelSent = false;
};

} // namespace AiHub::Providers
