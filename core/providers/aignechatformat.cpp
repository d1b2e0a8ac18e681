// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/aignechatformat.h"

namespace AiHub::Providers {

using Json = nlohmann::ordered_json;

namespace {
std::unexpected<Error> invalid(const QString &message) { return fail(ErrorCode::InvalidArgument, message); }

QString str(const Json &v) { return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString(); }

std::string s(const QString &v) { return v.toStdString(); }

const Json &member(const Json &object, const char *key)
{
    static const Json null;
    if (!object.is_object())
        return null;
    const auto it = object.find(key);
    return it == object.end() ? null : *it;
}

// Content is a string or an array of parts: {type:text,text}, {type:url,url}, {type:file,data(base64)},
// {type:local,path} (a path on the client's machine, which the hub cannot read).
Result<QList<ContentPart>> parseContent(const Json &content, int index)
{
    QList<ContentPart> parts;
    if (content.is_null())
        return parts;
    if (content.is_string()) {
        ContentPart p;
        p.text = str(content);
        parts.append(p);
        return parts;
    }
    if (content.is_object()) { // e.g. a tool result given as an object
        ContentPart p;
        p.text = QString::fromStdString(content.dump());
        parts.append(p);
        return parts;
    }
    if (!content.is_array())
        return invalid(QStringLiteral("input.messages[%1].content must be a string or an array of parts.").arg(index));
    for (const Json &part : content) {
        const QString type = str(member(part, "type"));
        ContentPart p;
        if (type == QStringLiteral("text")) {
            p.text = str(member(part, "text"));
        } else if (type == QStringLiteral("url")) {
            p.type = ContentPart::Type::Image;
            p.imageUrl = str(member(part, "url"));
            p.mimeType = str(member(part, "mimeType"));
            if (p.imageUrl.isEmpty())
                return invalid(QStringLiteral("input.messages[%1] has a \"url\" part without a url.").arg(index));
        } else if (type == QStringLiteral("file")) {
            p.type = ContentPart::Type::Image;
            const QByteArray data = str(member(part, "data")).toLatin1();
            auto decoded = QByteArray::fromBase64Encoding(data, QByteArray::AbortOnBase64DecodingErrors);
            if (data.isEmpty() || !decoded)
                return invalid(QStringLiteral("input.messages[%1] has a \"file\" part whose data is not base64; send "
                                              "the file's bytes base64-encoded in \"data\".")
                                   .arg(index));
            p.imageData = *decoded;
            p.mimeType = str(member(part, "mimeType"));
            if (p.mimeType.isEmpty())
                p.mimeType = QStringLiteral("image/png");
        } else if (type == QStringLiteral("local")) {
            return invalid(QStringLiteral("input.messages[%1] has a \"local\" file part; the hub cannot read files on "
                                          "your machine. Send the file as {\"type\":\"file\",\"data\":<base64>} or "
                                          "{\"type\":\"url\",\"url\":...}.")
                               .arg(index));
        } else {
            return invalid(QStringLiteral("input.messages[%1] has a content part of type \"%2\"; use \"text\", \"url\" "
                                          "or \"file\".")
                               .arg(index)
                               .arg(type));
        }
        parts.append(p);
    }
    return parts;
}

Result<QList<ToolCall>> parseToolCalls(const Json &calls, int index)
{
    QList<ToolCall> out;
    if (calls.is_null())
        return out;
    if (!calls.is_array())
        return invalid(QStringLiteral("input.messages[%1].toolCalls must be an array.").arg(index));
    for (const Json &c : calls) {
        const Json &function = member(c, "function");
        ToolCall call;
        call.id = str(member(c, "id"));
        call.name = str(member(function, "name"));
        if (call.id.isEmpty() || call.name.isEmpty())
            return invalid(QStringLiteral("input.messages[%1].toolCalls needs an \"id\" and a \"function.name\" on "
                                          "every call.")
                               .arg(index));
        const Json &arguments = member(function, "arguments");
        // AIGNE carries arguments as an object; a string is taken as the JSON text it already is.
        if (arguments.is_string())
            call.arguments = str(arguments);
        else if (arguments.is_null())
            call.arguments = QStringLiteral("{}");
        else
            call.arguments = QString::fromStdString(arguments.dump());
        out.append(call);
    }
    return out;
}

template <typename T>
Result<std::optional<T>> number(const Json &object, const char *key, const char *where)
{
    const Json &v = member(object, key);
    if (v.is_null())
        return std::optional<T> {};
    if (!v.is_number())
        return invalid(QStringLiteral("%1.%2 must be a number.").arg(QLatin1StringView(where), QLatin1StringView(key)));
    return std::optional<T>(v.get<T>());
}

Status parseModelOptions(const Json &options, ChatRequest &r)
{
    if (options.is_null())
        return {};
    if (!options.is_object())
        return invalid(QStringLiteral("input.modelOptions must be an object."));
    auto temperature = number<double>(options, "temperature", "input.modelOptions");
    auto topP = number<double>(options, "topP", "input.modelOptions");
    auto presence = number<double>(options, "presencePenalty", "input.modelOptions");
    auto frequency = number<double>(options, "frequencyPenalty", "input.modelOptions");
    auto maxTokens = number<qint64>(options, "maxTokens", "input.modelOptions");
    for (const auto *e : { &temperature, &topP, &presence, &frequency }) {
        if (!*e)
            return std::unexpected(e->error());
    }
    if (!maxTokens)
        return std::unexpected(maxTokens.error());
    r.temperature = *temperature;
    r.topP = *topP;
    r.presencePenalty = *presence;
    r.frequencyPenalty = *frequency;
    r.maxTokens = *maxTokens;
    const Json &effort = member(options, "reasoningEffort");
    if (effort.is_string())
        r.reasoningEffort = str(effort);
    else if (effort.is_number())
        // The framework also allows a thinking budget in tokens; map it onto the three effort levels.
        r.reasoningEffort = effort.get<double>() <= 1024 ? QStringLiteral("low")
            : effort.get<double>() <= 8192                ? QStringLiteral("medium")
                                                          : QStringLiteral("high");
    const Json &parallel = member(options, "parallelToolCalls");
    if (parallel.is_boolean())
        r.parallelToolCalls = parallel.get<bool>();
    return {};
}

Status parseTools(const Json &input, ChatRequest &r)
{
    const Json &tools = member(input, "tools");
    if (!tools.is_null()) {
        if (!tools.is_array())
            return invalid(QStringLiteral("input.tools must be an array of {type:\"function\", function:{name, "
                                          "description, parameters}}."));
        for (const Json &t : tools) {
            const Json &function = member(t, "function");
            ToolDefinition def;
            def.name = str(member(function, "name"));
            if (def.name.isEmpty())
                return invalid(QStringLiteral("Every entry of input.tools needs a function.name."));
            def.description = str(member(function, "description"));
            const Json &parameters = member(function, "parameters");
            if (!parameters.is_null())
                def.parameters = QByteArray::fromStdString(parameters.dump());
            r.tools.append(def);
        }
    }
    const Json &choice = member(input, "toolChoice");
    if (choice.is_string()) {
        const QString c = str(choice);
        ToolChoice tc;
        if (c == QStringLiteral("auto"))
            tc.mode = ToolChoice::Mode::Auto;
        else if (c == QStringLiteral("none"))
            tc.mode = ToolChoice::Mode::None;
        else if (c == QStringLiteral("required"))
            tc.mode = ToolChoice::Mode::Required;
        else
            return invalid(QStringLiteral("input.toolChoice \"%1\" is not known; use \"auto\", \"none\", \"required\" "
                                          "or {\"type\":\"function\",\"function\":{\"name\":...}}.")
                               .arg(c));
        r.toolChoice = tc;
    } else if (choice.is_object()) {
        ToolChoice tc;
        tc.mode = ToolChoice::Mode::Named;
        tc.name = str(member(member(choice, "function"), "name"));
        if (tc.name.isEmpty())
            return invalid(QStringLiteral("input.toolChoice names no function; send "
                                          "{\"type\":\"function\",\"function\":{\"name\":...}}."));
        r.toolChoice = tc;
    } else if (!choice.is_null()) {
        return invalid(QStringLiteral("input.toolChoice must be a string or an object."));
    }
    return {};
}

Status parseResponseFormat(const Json &format, ResponseFormat &out)
{
    if (format.is_null())
        return {};
    const QString type = str(member(format, "type"));
    if (type == QStringLiteral("text")) {
        out.type = ResponseFormat::Type::Text;
    } else if (type == QStringLiteral("json_object")) {
        out.type = ResponseFormat::Type::JsonObject;
    } else if (type == QStringLiteral("json_schema")) {
        const Json &schema = member(format, "jsonSchema");
        out.type = ResponseFormat::Type::JsonSchema;
        out.name = str(member(schema, "name"));
        if (out.name.isEmpty())
            out.name = QStringLiteral("output");
        const Json &body = member(schema, "schema");
        if (!body.is_object())
            return invalid(QStringLiteral("input.responseFormat.jsonSchema.schema must be a JSON Schema object."));
        out.schema = QByteArray::fromStdString(body.dump());
        const Json &strict = member(schema, "strict");
        out.strict = strict.is_boolean() && strict.get<bool>();
    } else {
        return invalid(QStringLiteral("input.responseFormat.type must be \"text\", \"json_object\" or \"json_schema\"."));
    }
    return {};
}

Result<ChatMessage> parseMessage(const Json &m, int index)
{
    if (!m.is_object())
        return invalid(QStringLiteral("input.messages[%1] must be an object with \"role\" and \"content\".").arg(index));
    ChatMessage message;
    const QString role = str(member(m, "role"));
    if (role == QStringLiteral("system"))
        message.role = ChatMessage::Role::System;
    else if (role == QStringLiteral("user"))
        message.role = ChatMessage::Role::User;
    else if (role == QStringLiteral("agent"))
        message.role = ChatMessage::Role::Assistant;
    else if (role == QStringLiteral("tool"))
        message.role = ChatMessage::Role::Tool;
    else
        return invalid(QStringLiteral("input.messages[%1].role is \"%2\"; use \"system\", \"user\", \"agent\" or "
                                      "\"tool\".")
                           .arg(index)
                           .arg(role));
    auto content = parseContent(member(m, "content"), index);
    if (!content)
        return std::unexpected(content.error());
    message.content = std::move(*content);
    auto calls = parseToolCalls(member(m, "toolCalls"), index);
    if (!calls)
        return std::unexpected(calls.error());
    message.toolCalls = std::move(*calls);
    message.toolCallId = str(member(m, "toolCallId"));
    message.name = str(member(m, "name"));
    if (message.role == ChatMessage::Role::Tool && message.toolCallId.isEmpty())
        return invalid(QStringLiteral("input.messages[%1] is a tool result without \"toolCallId\"; name the tool call "
                                      "it answers.")
                           .arg(index));
    return message;
}
} // namespace

bool AigneChatFormat::wantsJson(const ResponseFormat &format) { return format.type != ResponseFormat::Type::Text; }

Result<AigneChatInvoke> AigneChatFormat::parseInvoke(const Json &body)
{
    if (!body.is_object())
        return invalid(QStringLiteral("The request body must be a JSON object: {\"input\": {\"messages\": [...]}, "
                                      "\"options\": {\"streaming\": true}}."));
    const Json &input = member(body, "input");
    if (!input.is_object())
        return invalid(QStringLiteral("\"input\" must be an object with \"messages\"."));
    AigneChatInvoke out;
    ChatRequest &r = out.request;
    const Json &modelOptions = member(input, "modelOptions");
    for (const Json *candidate : { &member(modelOptions, "model"), &member(body, "model"), &member(input, "model") }) {
        if (candidate->is_string() && !candidate->get_ref<const std::string &>().empty()) {
            r.model = str(*candidate);
            break;
        }
    }
    if (r.model.isEmpty())
        r.model = QString::fromLatin1(kDefaultModel);
    const Json &messages = member(input, "messages");
    if (!messages.is_array() || messages.empty())
        return invalid(QStringLiteral("input.messages must be a non-empty array, e.g. [{\"role\":\"user\",\"content\":"
                                      "\"Hello\"}]."));
    int index = 0;
    for (const Json &m : messages) {
        auto message = parseMessage(m, index++);
        if (!message)
            return std::unexpected(message.error());
        r.messages.append(std::move(*message));
    }
    if (auto s = parseModelOptions(modelOptions, r); !s)
        return std::unexpected(s.error());
    if (auto s = parseTools(input, r); !s)
        return std::unexpected(s.error());
    if (auto s = parseResponseFormat(member(input, "responseFormat"), r.responseFormat); !s)
        return std::unexpected(s.error());
    const Json &options = member(body, "options");
    if (!options.is_null() && !options.is_object())
        return invalid(QStringLiteral("\"options\" must be an object."));
    const Json &streaming = member(options, "streaming");
    if (!streaming.is_null() && !streaming.is_boolean())
        return invalid(QStringLiteral("options.streaming must be true or false."));
    out.stream = streaming.is_boolean() && streaming.get<bool>();
    r.stream = out.stream;
    return out;
}

Json AigneChatFormat::encodeToolCalls(const QList<ToolCall> &calls)
{
    Json out = Json::array();
    for (const ToolCall &c : calls) {
        Json call;
        call["id"] = s(c.id);
        call["type"] = "function";
        call["function"]["name"] = s(c.name);
        // Arguments go back as an object, as the framework expects; unparseable text stays a string.
        Json args = Json::parse(c.arguments.toStdString(), nullptr, false);
        if (c.arguments.trimmed().isEmpty())
            args = Json::object();
        call["function"]["arguments"] = args.is_discarded() ? Json(s(c.arguments)) : args;
        out.push_back(std::move(call));
    }
    return out;
}

Json AigneChatFormat::encodeUsage(const TokenUsage &u, const AigneOutputExtras *extras)
{
    Json usage;
    usage["inputTokens"] = u.inputTokens.value_or(0);
    usage["outputTokens"] = u.outputTokens.value_or(0);
    if (u.cacheWriteTokens)
        usage["cacheCreationInputTokens"] = *u.cacheWriteTokens;
    if (u.cacheReadTokens)
        usage["cacheReadInputTokens"] = *u.cacheReadTokens;
    if (extras) {
        usage["modelCallId"] = s(extras->modelCallId);
        usage["aigneHubCredits"] = extras->credits;
        usage["creditPrefix"] = s(extras->creditPrefix);
    }
    return usage;
}

Json AigneChatFormat::encodeOutput(const ChatResult &r, const ResponseFormat &format, const AigneOutputExtras &extras)
{
    Json out = Json::object();
    bool textDone = false;
    if (wantsJson(format)) {
        Json parsed = Json::parse(r.text.toStdString(), nullptr, false);
        if (!parsed.is_discarded()) {
            out["json"] = std::move(parsed);
            textDone = true;
        }
    }
    if (!textDone && (!r.text.isEmpty() || r.toolCalls.isEmpty()))
        out["text"] = s(r.text);
    if (!r.reasoning.isEmpty())
        out["thoughts"] = s(r.reasoning);
    if (!r.toolCalls.isEmpty())
        out["toolCalls"] = encodeToolCalls(r.toolCalls);
    if (!r.model.isEmpty())
        out["model"] = s(r.model);
    out["usage"] = encodeUsage(r.usage, &extras);
    out["modelWithProvider"] = s(extras.modelWithProvider);
    return out;
}

} // namespace AiHub::Providers
