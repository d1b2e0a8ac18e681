// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/openaichatformat.h"

#include "core/providers/openaiusage.h"

#include <string_view>

namespace AiHub::Providers {

using Json = nlohmann::ordered_json;

namespace {
std::unexpected<Error> invalid(const QString &message) { return fail(ErrorCode::InvalidArgument, message); }

QString str(const Json &v)
{
    if (!v.is_string())
        return QString();
    const std::string &text = v.get_ref<const std::string &>();
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The member `key` of an object; nullptr when it is missing or `object` is no object. Looked up in place: value()
// copied the member (and threw, ending the process, when `object` was no object or the member not of the
// default's type).
const Json *findMember(const Json &object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    // Lengths first: find() measured and compared the key against every member name in full.
    for (const auto &[name, value] : object.get_ref<const Json::object_t &>()) {
        if (name.size() == key.size() && std::char_traits<char>::compare(name.data(), key.data(), key.size()) == 0)
            return &value;
    }
    return nullptr;
}

// The member, or null.
const Json &member(const Json &object, std::string_view key)
{
    static const Json missing;
    const Json *found = findMember(object, key);
    return found ? *found : missing;
}

// A boolean member; `fallback` when it is missing or not a boolean.
bool flag(const Json &object, std::string_view key, bool fallback)
{
    const Json *found = findMember(object, key);
    return found && found->is_boolean() ? found->get<bool>() : fallback;
}

std::string s(const QString &v) { return v.toStdString(); }

// Gemini's thought signature on a tool call, as clients send it back: Gemini's own OpenAI-compatible API puts it
// in extra_content.google.thought_signature; LiteLLM in provider_specific_fields.thought_signature.
QByteArray toolCallSignature(const Json &call)
{
    if (!call.is_object())
        return {};
    if (const auto extra = call.find("extra_content"); extra != call.end() && extra->is_object())
        if (const auto google = extra->find("google"); google != extra->end() && google->is_object())
            if (const QString sig = str(member(*google, "thought_signature")); !sig.isEmpty())
                return sig.toUtf8();
    if (const auto fields = call.find("provider_specific_fields"); fields != call.end() && fields->is_object())
        return str(member(*fields, "thought_signature")).toUtf8();
    return {};
}

// LiteLLM's thinking_blocks ([{type:"thinking", thinking, signature}, {type:"redacted_thinking", data}]), each
// block kept whole and in order (providers check every block's signature); reasoning gets the texts joined when
// the client sent no reasoning_content.
void readThinkingBlocks(const Json &message, QString &reasoning, QList<ThinkingBlock> &out)
{
    const Json *blocks = findMember(message, "thinking_blocks");
    if (!blocks || !blocks->is_array())
        return;
    QString thinking;
    for (const Json &block : *blocks) {
        if (!block.is_object())
            continue;
        const QString type = str(member(block, "type"));
        ThinkingBlock b;
        if (type == QStringLiteral("thinking")) {
            b.thinking = str(member(block, "thinking"));
            b.signature = str(member(block, "signature")).toUtf8();
            if (b.thinking.isEmpty() && b.signature.isEmpty())
                continue;
            thinking += b.thinking;
        } else if (type == QStringLiteral("redacted_thinking")) {
            b.redactedData = str(member(block, "data")).toUtf8();
            if (b.redactedData.isEmpty())
                continue;
        } else {
            continue;
        }
        out.append(std::move(b));
    }
    if (reasoning.isEmpty())
        reasoning = thinking;
}

Json encodeToolCall(const ToolCall &c)
{
    Json call { { "id", s(c.id) },
                { "type", "function" },
                { "function", { { "name", s(c.name) }, { "arguments", s(c.arguments) } } } };
    if (!c.signature.isEmpty())
        call["extra_content"]["google"]["thought_signature"] = c.signature.toStdString();
    return call;
}

// Content is a string or an array of parts ({type:text,text} / {type:image_url,image_url:{url,detail}}).
QString imageUrl(const Json &image) { return image.is_string() ? str(image) : str(member(image, "url")); }

Status checkContent(const Json &content, int index)
{
    if (content.is_null() || content.is_string())
        return {};
    if (!content.is_array())
        return invalid(QStringLiteral("messages[%1].content must be a string or an array of parts.").arg(index));
    for (const Json &part : content) {
        const QString type = part.is_object() ? str(member(part, "type")) : QString();
        if (type == QStringLiteral("text"))
            continue;
        if (type != QStringLiteral("image_url"))
            return invalid(QStringLiteral("messages[%1] has a content part of type \"%2\", which the hub does not "
                                          "support; use \"text\" or \"image_url\".")
                               .arg(index)
                               .arg(type));
        if (imageUrl(member(part, "image_url")).isEmpty())
            return invalid(QStringLiteral("messages[%1] has an image_url part without a url.").arg(index));
    }
    return {};
}

// Content that checkContent() accepted.
QList<ContentPart> contentParts(const Json &content)
{
    QList<ContentPart> parts;
    if (content.is_string()) {
        parts.append(ContentPart { ContentPart::Type::Text, str(content), {}, {}, {}, {} });
        return parts;
    }
    if (!content.is_array())
        return parts;
    for (const Json &part : content) {
        if (str(member(part, "type")) == QStringLiteral("text")) {
            parts.append(ContentPart { ContentPart::Type::Text, str(member(part, "text")), {}, {}, {}, {} });
            continue;
        }
        const Json &image = member(part, "image_url");
        ContentPart p;
        p.type = ContentPart::Type::Image;
        p.imageUrl = imageUrl(image);
        if (image.is_object())
            p.detail = str(member(image, "detail"));
        parts.append(std::move(p));
    }
    return parts;
}

Json encodeContent(const QList<ContentPart> &parts)
{
    bool onlyText = true;
    for (const ContentPart &p : parts)
        onlyText = onlyText && p.type == ContentPart::Type::Text;
    if (onlyText) {
        QString text;
        for (const ContentPart &p : parts)
            text += p.text;
        return s(text);
    }
    Json out = Json::array();
    for (const ContentPart &p : parts) {
        if (p.type == ContentPart::Type::Text) {
            out.push_back({ { "type", "text" }, { "text", s(p.text) } });
            continue;
        }
        QString url = p.imageUrl;
        if (url.isEmpty())
            url = QStringLiteral("data:%1;base64,%2").arg(p.mimeType, QString::fromLatin1(p.imageData.toBase64()));
        Json image { { "url", s(url) } };
        if (!p.detail.isEmpty())
            image["detail"] = s(p.detail);
        out.push_back({ { "type", "image_url" }, { "image_url", image } });
    }
    return out;
}

template<typename T>
std::optional<T> number(const Json &body, std::string_view key)
{
    const Json *found = findMember(body, key);
    if (!found || !found->is_number())
        return std::nullopt;
    return found->get<T>();
}
} // namespace

Status OpenAiChatFormat::checkRequest(const Json &body)
{
    if (!body.is_object())
        return invalid(QStringLiteral("The request body must be a JSON object."));
    const Json *messages = findMember(body, "messages");
    if (!messages || !messages->is_array() || messages->empty())
        return invalid(QStringLiteral("\"messages\" must be a non-empty array of {\"role\", \"content\"} objects."));
    int index = 0;
    for (const Json &m : *messages) {
        const Json &roleValue = member(m, "role");
        if (!roleValue.is_string())
            return invalid(QStringLiteral("Every message needs a \"role\" (system, user, assistant or tool)."));
        const std::string &role = roleValue.get_ref<const std::string &>();
        if (role != "system" && role != "developer" && role != "user" && role != "assistant" && role != "tool")
            return invalid(QStringLiteral("messages[%1] has the role \"%2\"; use system, user, assistant or tool.")
                               .arg(index)
                               .arg(str(roleValue)));
        if (Status content = checkContent(member(m, "content"), index); !content)
            return content;
        if (role == "tool" && str(member(m, "tool_call_id")).isEmpty())
            return invalid(QStringLiteral("messages[%1] is a tool result without \"tool_call_id\".").arg(index));
        ++index;
    }
    if (const Json *tools = findMember(body, "tools"); tools && tools->is_array()) {
        for (const Json &t : *tools)
            if (str(member(member(t, "function"), "name")).isEmpty())
                return invalid(QStringLiteral("Every tool needs function.name."));
    }
    std::optional<qint64> maxTokens = number<qint64>(body, "max_completion_tokens");
    if (!maxTokens)
        maxTokens = number<qint64>(body, "max_tokens");
    if (maxTokens && *maxTokens <= 0)
        return invalid(QStringLiteral("\"max_tokens\" must be a positive number."));
    if (const Json *stream = findMember(body, "stream"); stream && !stream->is_boolean() && !stream->is_null())
        return invalid(QStringLiteral("\"stream\" must be true or false."));
    return {};
}

Result<ChatRequest> OpenAiChatFormat::parseRequest(const Json &body)
{
    if (Status checked = checkRequest(body); !checked)
        return fail(checked.error());
    // Everything below has been checked: what is left is reading.
    ChatRequest r;
    r.model = str(member(body, "model"));
    for (const Json &m : member(body, "messages")) {
        ChatMessage msg;
        const std::string &role = member(m, "role").get_ref<const std::string &>();
        msg.role = role == "user"    ? ChatMessage::Role::User
            : role == "assistant"    ? ChatMessage::Role::Assistant
            : role == "tool"         ? ChatMessage::Role::Tool
                                     : ChatMessage::Role::System; // system or developer
        msg.content = contentParts(member(m, "content"));
        msg.toolCallId = str(member(m, "tool_call_id"));
        msg.name = str(member(m, "name"));
        msg.reasoning = str(member(m, "reasoning_content"));
        readThinkingBlocks(m, msg.reasoning, msg.thinkingBlocks);
        if (const Json *calls = findMember(m, "tool_calls"); calls && calls->is_array()) {
            for (const Json &c : *calls) {
                const Json &fn = member(c, "function");
                const Json &args = member(fn, "arguments");
                msg.toolCalls.append(ToolCall { str(member(c, "id")), str(member(fn, "name")),
                                                args.is_string() ? str(args) : QString::fromStdString(args.dump()),
                                                toolCallSignature(c) });
            }
        }
        r.messages.append(std::move(msg));
    }
    if (const Json *tools = findMember(body, "tools"); tools && tools->is_array()) {
        for (const Json &t : *tools) {
            const Json &fn = member(t, "function");
            const Json &params = member(fn, "parameters");
            r.tools.append(ToolDefinition { str(member(fn, "name")), str(member(fn, "description")),
                                            params.is_null() ? QByteArray() : QByteArray::fromStdString(params.dump()) });
        }
    }
    if (const Json *choice = findMember(body, "tool_choice"); choice && !choice->is_null()) {
        ToolChoice tc;
        if (choice->is_string()) {
            const QString mode = str(*choice);
            tc.mode = mode == QStringLiteral("none") ? ToolChoice::Mode::None
                : mode == QStringLiteral("required") ? ToolChoice::Mode::Required
                                                     : ToolChoice::Mode::Auto;
        } else if (choice->is_object()) {
            tc.mode = ToolChoice::Mode::Named;
            tc.name = str(member(member(*choice, "function"), "name"));
        }
        r.toolChoice = tc;
    }
    r.parallelToolCalls = flag(body, "parallel_tool_calls", true);
    if (const Json *format = findMember(body, "response_format"); format && format->is_object()) {
        const QString type = str(member(*format, "type"));
        if (type == QStringLiteral("json_object")) {
            r.responseFormat.type = ResponseFormat::Type::JsonObject;
        } else if (type == QStringLiteral("json_schema")) {
            const Json &schema = member(*format, "json_schema");
            r.responseFormat.type = ResponseFormat::Type::JsonSchema;
            r.responseFormat.name = str(member(schema, "name"));
            const Json *inner = findMember(schema, "schema");
            r.responseFormat.schema = QByteArray::fromStdString(inner ? inner->dump() : std::string("{}"));
            r.responseFormat.strict = flag(schema, "strict", false);
        }
    }
    r.temperature = number<double>(body, "temperature");
    r.topP = number<double>(body, "top_p");
    r.maxTokens = number<qint64>(body, "max_completion_tokens");
    if (!r.maxTokens)
        r.maxTokens = number<qint64>(body, "max_tokens");
    r.seed = number<qint64>(body, "seed");
    r.presencePenalty = number<double>(body, "presence_penalty");
    r.frequencyPenalty = number<double>(body, "frequency_penalty");
    r.n = number<int>(body, "n");
    r.user = str(member(body, "user"));
    r.reasoningEffort = str(member(body, "reasoning_effort"));
    if (const Json *stop = findMember(body, "stop")) {
        if (stop->is_string())
            r.stop.append(str(*stop));
        else if (stop->is_array())
            for (const Json &s : *stop)
                r.stop.append(str(s));
    }
    r.stream = flag(body, "stream", false);
    return r;
}

Json OpenAiChatFormat::encodeRequest(const ChatRequest &r)
{
    Json body;
    body["model"] = s(r.model);
    Json messages = Json::array();
    for (const ChatMessage &m : r.messages) {
        Json msg;
        switch (m.role) {
        case ChatMessage::Role::System: msg["role"] = "system"; break;
        case ChatMessage::Role::User: msg["role"] = "user"; break;
        case ChatMessage::Role::Assistant: msg["role"] = "assistant"; break;
        case ChatMessage::Role::Tool: msg["role"] = "tool"; break;
        }
        msg["content"] = m.content.isEmpty() && !m.toolCalls.isEmpty() ? Json() : encodeContent(m.content);
        if (!m.toolCalls.isEmpty()) {
            Json calls = Json::array();
            for (const ToolCall &c : m.toolCalls)
                calls.push_back({ { "id", s(c.id) },
                                  { "type", "function" },
                                  { "function", { { "name", s(c.name) }, { "arguments", s(c.arguments.isEmpty() ? QStringLiteral("{}") : c.arguments) } } } });
            msg["tool_calls"] = calls;
        }
        if (m.role == ChatMessage::Role::Tool)
            msg["tool_call_id"] = s(m.toolCallId);
        messages.push_back(msg);
    }
    body["messages"] = messages;
    if (!r.tools.isEmpty()) {
        Json tools = Json::array();
        for (const ToolDefinition &t : r.tools) {
            Json fn { { "name", s(t.name) } };
            if (!t.description.isEmpty())
                fn["description"] = s(t.description);
            if (!t.parameters.isEmpty())
                fn["parameters"] = Json::parse(t.parameters.constData(), t.parameters.constData() + t.parameters.size(),
                                               nullptr, false);
            tools.push_back({ { "type", "function" }, { "function", fn } });
        }
        body["tools"] = tools;
        if (!r.parallelToolCalls)
            body["parallel_tool_calls"] = false;
    }
    if (r.toolChoice) {
        switch (r.toolChoice->mode) {
        case ToolChoice::Mode::Auto: body["tool_choice"] = "auto"; break;
        case ToolChoice::Mode::None: body["tool_choice"] = "none"; break;
        case ToolChoice::Mode::Required: body["tool_choice"] = "required"; break;
        case ToolChoice::Mode::Named:
            body["tool_choice"] = { { "type", "function" }, { "function", { { "name", s(r.toolChoice->name) } } } };
            break;
        }
    }
    if (r.responseFormat.type == ResponseFormat::Type::JsonObject) {
        body["response_format"] = { { "type", "json_object" } };
    } else if (r.responseFormat.type == ResponseFormat::Type::JsonSchema) {
        Json schema { { "name", s(r.responseFormat.name.isEmpty() ? QStringLiteral("output") : r.responseFormat.name) },
                      { "schema", Json::parse(r.responseFormat.schema.toStdString(), nullptr, false) } };
        if (r.responseFormat.strict)
            schema["strict"] = true;
        body["response_format"] = { { "type", "json_schema" }, { "json_schema", schema } };
    }
    if (r.temperature)
        body["temperature"] = *r.temperature;
    if (r.topP)
        body["top_p"] = *r.topP;
    if (r.maxTokens)
        body["max_tokens"] = *r.maxTokens;
    if (!r.stop.isEmpty()) {
        Json stop = Json::array();
        for (const QString &x : r.stop)
            stop.push_back(s(x));
        body["stop"] = stop;
    }
    if (r.seed)
        body["seed"] = *r.seed;
    if (r.presencePenalty)
        body["presence_penalty"] = *r.presencePenalty;
    if (r.frequencyPenalty)
        body["frequency_penalty"] = *r.frequencyPenalty;
    if (r.n)
        body["n"] = *r.n;
    if (!r.user.isEmpty())
        body["user"] = s(r.user);
    if (!r.reasoningEffort.isEmpty())
        body["reasoning_effort"] = s(r.reasoningEffort);
    if (r.stream)
        body["stream"] = true;
    return body;
}

ChatResult OpenAiChatFormat::parseCompletion(const Json &completion)
{
    ChatResult out;
    out.id = str(member(completion, "id"));
    out.model = str(member(completion, "model"));
    const Json &created = member(completion, "created");
    out.created = created.is_number() ? created.get<qint64>() : 0;
    if (const auto choices = completion.find("choices"); choices != completion.end() && choices->is_array()
        && !choices->empty()) {
        const Json &choice = choices->at(0);
        const Json &message = member(choice, "message");
        out.text = str(member(message, "content"));
        out.reasoning = str(member(message, "reasoning_content"));
        if (out.reasoning.isEmpty())
            out.reasoning = str(member(message, "reasoning"));
        out.finishReason = str(member(choice, "finish_reason"));
        if (const auto calls = message.find("tool_calls"); calls != message.end() && calls->is_array()) {
            for (const Json &c : *calls) {
                const Json &fn = member(c, "function");
                const Json &args = member(fn, "arguments");
                out.toolCalls.append(ToolCall { str(member(c, "id")), str(member(fn, "name")),
                                                args.is_string() ? str(args) : QString::fromStdString(args.dump()),
                                                {} });
            }
        }
    }
    if (const auto usage = completion.find("usage"); usage != completion.end())
        out.usage = OpenAiUsage::fromJson(*usage);
    return out;
}

Json OpenAiChatFormat::encodeUsage(const TokenUsage &u)
{
    Json usage;
    const qint64 in = u.inputTokens.value_or(0);
    const qint64 outTokens = u.outputTokens.value_or(0);
    usage["prompt_tokens"] = in;
    usage["completion_tokens"] = outTokens;
    usage["total_tokens"] = in + outTokens;
    if (u.cacheReadTokens)
        usage["prompt_tokens_details"] = { { "cached_tokens", *u.cacheReadTokens } };
    return usage;
}

Json OpenAiChatFormat::encodeCompletion(const ChatResult &r)
{
    Json message { { "role", "assistant" } };
    message["content"] = r.text.isEmpty() && !r.toolCalls.isEmpty() ? Json() : Json(s(r.text));
    if (!r.reasoning.isEmpty())
        message["reasoning_content"] = s(r.reasoning);
    if (!r.thinkingBlocks.isEmpty()) { // LiteLLM's convention, for clients to send back on the next turn
        Json blocks = Json::array();
        for (const ThinkingBlock &b : r.thinkingBlocks) {
            if (b.isRedacted())
                blocks.push_back({ { "type", "redacted_thinking" }, { "data", b.redactedData.toStdString() } });
            else
                blocks.push_back({ { "type", "thinking" },
                                   { "thinking", s(b.thinking) },
                                   { "signature", b.signature.toStdString() } });
        }
        message["thinking_blocks"] = std::move(blocks);
    }
    if (!r.toolCalls.isEmpty()) {
        Json calls = Json::array();
        for (const ToolCall &c : r.toolCalls)
            calls.push_back(encodeToolCall(c));
        message["tool_calls"] = calls;
    }
    Json body;
    body["id"] = s(r.id.isEmpty() ? QStringLiteral("chatcmpl-hub") : r.id);
    body["object"] = "chat.completion";
    body["created"] = r.created;
    body["model"] = s(r.model);
    body["choices"] = Json::array({ { { "index", 0 },
                                      { "message", message },
                                      { "finish_reason", r.finishReason.isEmpty() ? Json() : Json(s(r.finishReason)) } } });
    if (r.usage.reported())
        body["usage"] = encodeUsage(r.usage);
    return body;
}

} // namespace AiHub::Providers
