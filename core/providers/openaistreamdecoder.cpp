// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/openaistreamdecoder.h"

#include "core/providers/openaierrorbody.h"
#include "core/providers/openaiusage.h"
#include "core/providers/orderedjsonreader.h"
#include "core/providers/orderedjsonwriter.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

namespace {
ChatEvent relayed(const QByteArray &chunk, bool hasContent)
{
    ChatEvent e;
    e.kind = ChatEvent::Kind::Chunk;
    e.chunk = chunk;
    e.hasContent = hasContent;
    return e;
}

bool deltaHasContent(const nlohmann::ordered_json &chunk)
{
    const auto choices = chunk.find("choices");
    if (choices == chunk.end() || !choices->is_array())
        return false;
    for (const auto &choice : *choices) {
        const auto delta = choice.find("delta");
        if (delta == choice.end() || !delta->is_object())
            continue;
        for (const char *key : { "content", "reasoning_content", "reasoning", "refusal" }) {
            const auto v = delta->find(key);
            if (v != delta->end() && v->is_string() && !v->get_ref<const std::string &>().empty())
                return true;
        }
        if (const auto tools = delta->find("tool_calls"); tools != delta->end() && tools->is_array() && !tools->empty())
            return true;
    }
    return false;
}
} // namespace

OpenAiStreamDecoder::OpenAiStreamDecoder(QString providerLabel, StreamOutput output)
    : m_providerLabel(std::move(providerLabel))
    , m_output(output)
{
}

void OpenAiStreamDecoder::feed(const QByteArray &bytes, std::vector<ChatEvent> &out)
{
    m_parser.feed(bytes, [this, &out](const SseParser::Event &event) { onEvent(event.data, out); });
}

void OpenAiStreamDecoder::finish(std::vector<ChatEvent> &out)
{
    m_parser.finish([this, &out](const SseParser::Event &event) { onEvent(event.data, out); });
}

void OpenAiStreamDecoder::onEvent(const QByteArray &data, std::vector<ChatEvent> &out)
{
    if (data == "[DONE]") {
        out.push_back(ChatEvent::done());
        return;
    }
    // Fast path: once content has started, a chunk without usage or error is relayed byte for byte.
    if (m_output == StreamOutput::OpenAiChunks && m_sawContent && !data.contains("\"usage\"")
        && !data.contains("\"error\"")) {
        out.push_back(relayed(data, true));
        return;
    }
    nlohmann::ordered_json chunk = OrderedJsonReader::parse(data.constData(), data.constData() + data.size());
    if (!chunk.is_object()) {
        ChatEvent e;
        e.kind = ChatEvent::Kind::Error;
        e.error = Error::make(ErrorCode::UpstreamProtocol,
                              QStringLiteral("%1 sent a stream event that is not JSON; try again, and report it if "
                                             "it keeps happening")
                                  .arg(m_providerLabel));
        out.push_back(e);
        return;
    }
    if (const auto error = chunk.find("error"); error != chunk.end() && !error->is_null()) {
        const OpenAiErrorBody body = OpenAiErrorBody::fromJson(chunk);
        ChatEvent e;
        e.kind = ChatEvent::Kind::Error;
        e.error = Error::make(ErrorCode::UpstreamUnavailable,
                              QStringLiteral("%1 reported an error during the answer: %2")
                                  .arg(m_providerLabel, body.message.isEmpty() ? QStringLiteral("unknown error")
                                                                               : body.message));
        e.error.upstreamStatus = body.numericCode;
        // A usage object on the error chunk still counts (OpenRouter attaches one).
        if (const auto usage = chunk.find("usage"); usage != chunk.end() && usage->is_object()) {
            ChatEvent u;
            u.kind = ChatEvent::Kind::Usage;
            u.usage = OpenAiUsage::fromJson(*usage);
            u.usageJson = QByteArray::fromStdString(usage->dump());
            out.push_back(u);
        }
        out.push_back(e);
        return;
    }
    bool rewritten = false;
    if (const auto usage = chunk.find("usage"); usage != chunk.end()) {
        if (usage->is_object()) {
            ChatEvent u;
            u.kind = ChatEvent::Kind::Usage;
            u.usage = OpenAiUsage::fromJson(*usage);
            u.usageJson = QByteArray::fromStdString(usage->dump());
            out.push_back(u);
        }
        chunk.erase(usage);
        rewritten = true;
    }
    const auto choices = chunk.find("choices");
    if (choices != chunk.end() && choices->is_array() && choices->empty())
        return; // a usage-only chunk: the hub sends its own at the end, to clients that asked for it
    if (m_output == StreamOutput::Neutral) {
        emitNeutral(chunk, out);
        return;
    }
    const bool content = deltaHasContent(chunk);
    m_sawContent = m_sawContent || content;
    out.push_back(relayed(rewritten ? QByteArray::fromStdString(OrderedJsonWriter::dump(chunk)) : data, content));
}

void OpenAiStreamDecoder::emitNeutral(const nlohmann::ordered_json &chunk, std::vector<ChatEvent> &out)
{
    auto text = [](const nlohmann::ordered_json &o, const char *key) {
        const auto v = o.find(key);
        return v != o.end() && v->is_string() ? QString::fromStdString(v->get<std::string>()) : QString();
    };
    if (!m_started) {
        m_started = true;
        out.push_back(ChatEvent::start(text(chunk, "id"), text(chunk, "model")));
    }
    const auto choices = chunk.find("choices");
    if (choices == chunk.end() || !choices->is_array())
        return;
    for (const auto &choice : *choices) {
        const int index = choice.value("index", 0);
        const auto delta = choice.find("delta");
        if (delta != choice.end() && delta->is_object()) {
            QString reasoning = text(*delta, "reasoning_content");
            if (reasoning.isEmpty())
                reasoning = text(*delta, "reasoning");
            if (!reasoning.isEmpty())
                out.push_back(ChatEvent::reasoningDelta(reasoning, index));
            if (const QString content = text(*delta, "content"); !content.isEmpty())
                out.push_back(ChatEvent::textDelta(content, index));
            if (const auto calls = delta->find("tool_calls"); calls != delta->end() && calls->is_array()) {
                for (const auto &call : *calls) {
                    ToolCallDelta d;
                    d.index = call.value("index", 0);
                    d.id = text(call, "id");
                    if (const auto fn = call.find("function"); fn != call.end() && fn->is_object()) {
                        d.name = text(*fn, "name");
                        const auto args = fn->find("arguments");
                        if (args != fn->end())
                            d.argumentsDelta = args->is_string() ? QString::fromStdString(args->get<std::string>())
                                                                 : QString::fromStdString(args->dump());
                    }
                    out.push_back(ChatEvent::toolCallDelta(d, index));
                }
            }
        }
        if (const QString reason = text(choice, "finish_reason"); !reason.isEmpty())
            out.push_back(ChatEvent::finish(reason, index));
    }
}

} // namespace AiHub::Providers
