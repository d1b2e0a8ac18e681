// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/gemini/geminirequestencoder.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>

namespace AiHub::Providers {

namespace {
Q_LOGGING_CATEGORY(lcGemini, "aihub.providers.gemini")

using Json = nlohmann::ordered_json;

std::string utf8(const QString &s)
{
    return s.toStdString();
}

// "data:image/png;base64,AAAA" -> mime + base64 text; false for anything else.
bool splitDataUrl(const QString &url, QString &mime, QString &base64)
{
    if (!url.startsWith(QStringLiteral("data:")))
        return false;
    const qsizetype comma = url.indexOf(u',');
    if (comma < 0)
        return false;
    const QString header = url.mid(5, comma - 5);
    if (!header.endsWith(QStringLiteral(";base64")))
        return false;
    mime = header.chopped(7);
    base64 = url.mid(comma + 1);
    return !mime.isEmpty();
}

QString mimeFromUrl(const QString &url)
{
    const QString path = QUrl(url).path().toLower();
    static const std::pair<const char *, const char *> types[] = {
        { ".png", "image/png" },   { ".jpg", "image/jpeg" },       { ".jpeg", "image/jpeg" },
        { ".webp", "image/webp" }, { ".gif", "image/gif" },        { ".heic", "image/heic" },
        { ".heif", "image/heif" }, { ".pdf", "application/pdf" },
    };
    for (const auto &[ext, mime] : types) {
        if (path.endsWith(QLatin1StringView(ext)))
            return QLatin1StringView(mime);
    }
    return {};
}

Json imagePart(const ContentPart &part)
{
    if (!part.imageData.isEmpty()) {
        const QString mime = part.mimeType.isEmpty() ? QStringLiteral("image/png") : part.mimeType;
        return Json { { "inlineData", { { "mimeType", utf8(mime) }, { "data", part.imageData.toBase64().toStdString() } } } };
    }
    QString mime;
    QString base64;
    if (splitDataUrl(part.imageUrl, mime, base64))
        return Json { { "inlineData", { { "mimeType", utf8(mime) }, { "data", utf8(base64) } } } };
    Json fileData { { "fileUri", utf8(part.imageUrl) } };
    const QString guessed = part.mimeType.isEmpty() ? mimeFromUrl(part.imageUrl) : part.mimeType;
    if (!guessed.isEmpty())
        fileData["mimeType"] = utf8(guessed);
    return Json { { "fileData", fileData } };
}

Json contentParts(const ChatMessage &message)
{
    Json parts = Json::array();
    for (const ContentPart &part : message.content) {
        if (part.type == ContentPart::Type::Text) {
            if (!part.text.isEmpty())
                parts.push_back(Json { { "text", utf8(part.text) } });
        } else {
            parts.push_back(imagePart(part));
        }
    }
    return parts;
}

QString toolNameFor(const QList<ChatMessage> &messages, qsizetype before, const ChatMessage &result)
{
    if (!result.name.isEmpty())
        return result.name;
    // The nearest earlier call with this id: the hub's ids ("call_0") repeat from one answer to the next.
    for (qsizetype i = before - 1; i >= 0; --i) {
        for (const ToolCall &call : messages.at(i).toolCalls) {
            if (call.id == result.toolCallId)
                return call.name;
        }
    }
    return {};
}

// Gemini 3 and later refuse a replayed function call without its thoughtSignature. Clients of the OpenAI API
// cannot carry one back, so those turns get the placeholder Google documents for calls it did not sign.
bool needsSignature(const QString &model)
{
    static const QRegularExpression version(QStringLiteral("^(?:models/)?gemini-(\\d+)"));
    const QRegularExpressionMatch m = version.match(model);
    return m.hasMatch() && m.captured(1).toInt() >= 3;
}

std::unexpected<Error> invalid(const QString &message)
{
    return fail(ErrorCode::InvalidArgument, message);
}
} // namespace

Result<nlohmann::ordered_json> GeminiRequestEncoder::encode(const ChatRequest &request, bool stream,
                                                            const QString &providerLabel)
{
    Json body;
    Json contents = Json::array();
    Json systemParts = Json::array();
    const QList<ChatMessage> &messages = request.messages;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const ChatMessage &message = messages.at(i);
        switch (message.role) {
        case ChatMessage::Role::System:
            // Gemini keeps instructions apart from the conversation.
            for (auto &part : contentParts(message))
                systemParts.push_back(std::move(part));
            break;
        case ChatMessage::Role::User: {
            Json parts = contentParts(message);
            if (!parts.empty())
                contents.push_back(Json { { "role", "user" }, { "parts", std::move(parts) } });
            break;
        }
        case ChatMessage::Role::Assistant: {
            Json parts = contentParts(message);
            bool signed_ = false;
            for (const ToolCall &call : message.toolCalls)
                signed_ = signed_ || !call.signature.isEmpty();
            bool placeholder = !signed_ && needsSignature(request.model); // on the first call of the turn only
            for (const ToolCall &call : message.toolCalls) {
                const QByteArray text = call.arguments.trimmed().isEmpty() ? QByteArray("{}") : call.arguments.toUtf8();
                Json args = Json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
                if (!args.is_object())
                    return invalid(QStringLiteral("The arguments of tool call \"%1\" (%2) are not a JSON object; %3 "
                                                  "needs an object. Send the arguments as a JSON object text.")
                                       .arg(call.id, call.name, providerLabel));
                Json part { { "functionCall", { { "name", utf8(call.name) }, { "args", std::move(args) } } } };
                if (!call.signature.isEmpty()) {
                    part["thoughtSignature"] = call.signature.toStdString();
                } else if (placeholder) {
                    part["thoughtSignature"] = "skip_thought_signature_validator";
                    placeholder = false;
                }
                parts.push_back(std::move(part));
            }
            if (!parts.empty())
                contents.push_back(Json { { "role", "model" }, { "parts", std::move(parts) } });
            break;
        }
        case ChatMessage::Role::Tool: {
            const QString name = toolNameFor(messages, i, message);
            if (name.isEmpty())
                return invalid(QStringLiteral("The tool result for call \"%1\" answers no earlier tool call; %2 needs "
                                              "the tool's name. Send the assistant message with that tool call "
                                              "before the result.")
                                   .arg(message.toolCallId, providerLabel));
            const QByteArray text = message.text().toUtf8();
            Json response = Json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
            if (!response.is_object())
                response = Json { { "result", text.toStdString() } };
            Json part { { "functionResponse", { { "name", utf8(name) }, { "response", std::move(response) } } } };
            // All results of one turn go back in one content, as Gemini expects.
            const bool previousWasTool = i > 0 && messages.at(i - 1).role == ChatMessage::Role::Tool;
            if (previousWasTool && !contents.empty())
                contents.back()["parts"].push_back(std::move(part));
            else
                contents.push_back(Json { { "role", "user" }, { "parts", Json::array({ std::move(part) }) } });
            break;
        }
        }
    }
    if (contents.empty())
        return invalid(QStringLiteral("The request has no user or assistant message; %1 needs at least one. Add a "
                                      "user message.")
                           .arg(providerLabel));
    body["contents"] = std::move(contents);
    if (!systemParts.empty())
        body["systemInstruction"] = Json { { "parts", std::move(systemParts) }, { "role", "user" } };

    Json config = Json::object();
    if (request.temperature)
        config["temperature"] = *request.temperature;
    if (request.topP)
        config["topP"] = *request.topP;
    if (request.topK)
        config["topK"] = *request.topK;
    if (request.maxTokens)
        config["maxOutputTokens"] = *request.maxTokens;
    if (!request.stop.isEmpty()) {
        Json stops = Json::array();
        for (const QString &s : request.stop)
            stops.push_back(utf8(s));
        config["stopSequences"] = std::move(stops);
    }
    if (request.n) {
        // The neutral non-streamed answer holds one choice; streams carry each candidate's index.
        if (*request.n > 1 && !stream)
            return invalid(QStringLiteral("%1 can return several choices (n = %2) only when streaming through this "
                                          "hub. Set \"stream\": true or ask for one choice.")
                               .arg(providerLabel)
                               .arg(*request.n));
        config["candidateCount"] = *request.n;
    }
    if (request.seed)
        config["seed"] = *request.seed;
    if (request.presencePenalty)
        config["presencePenalty"] = *request.presencePenalty;
    if (request.frequencyPenalty)
        config["frequencyPenalty"] = *request.frequencyPenalty;
    if (request.responseFormat.type != ResponseFormat::Type::Text)
        config["responseMimeType"] = "application/json";
    if (request.responseFormat.type == ResponseFormat::Type::JsonSchema) {
        const QByteArray &schemaText = request.responseFormat.schema;
        Json schema = Json::parse(schemaText.constData(), schemaText.constData() + schemaText.size(), nullptr, false);
        if (!schema.is_object())
            return invalid(QStringLiteral("The response_format JSON schema is not a JSON object, so %1 cannot enforce "
                                          "it. Send the schema as an object.")
                               .arg(providerLabel));
        // responseJsonSchema takes standard JSON Schema (responseSchema only an OpenAPI subset).
        config["responseJsonSchema"] = std::move(schema);
    }
    if (!config.empty())
        body["generationConfig"] = std::move(config);

    if (!request.tools.isEmpty()) {
        Json declarations = Json::array();
        for (const ToolDefinition &tool : request.tools) {
            Json declaration { { "name", utf8(tool.name) }, { "description", utf8(tool.description) } };
            if (!tool.parameters.isEmpty()) {
                Json parameters = Json::parse(tool.parameters.constData(),
                                              tool.parameters.constData() + tool.parameters.size(), nullptr, false);
                if (!parameters.is_object())
                    return invalid(QStringLiteral("The parameters of tool \"%1\" are not a JSON schema object. Fix the "
                                                  "tool definition.")
                                       .arg(tool.name));
                declaration["parametersJsonSchema"] = std::move(parameters);
            }
            declarations.push_back(std::move(declaration));
        }
        body["tools"] = Json::array({ Json { { "functionDeclarations", std::move(declarations) } } });
        if (request.toolChoice) {
            Json calling;
            switch (request.toolChoice->mode) {
            case ToolChoice::Mode::Auto: calling["mode"] = "AUTO"; break;
            case ToolChoice::Mode::None: calling["mode"] = "NONE"; break;
            case ToolChoice::Mode::Required: calling["mode"] = "ANY"; break;
            case ToolChoice::Mode::Named:
                calling["mode"] = "ANY";
                calling["allowedFunctionNames"] = Json::array({ utf8(request.toolChoice->name) });
                break;
            }
            body["toolConfig"] = Json { { "functionCallingConfig", std::move(calling) } };
        }
    }
    if (!request.parallelToolCalls)
        qCInfo(lcGemini) << "Gemini has no switch for parallel tool calls; parallel_tool_calls=false is dropped";
    if (!request.reasoningEffort.isEmpty())
        qCInfo(lcGemini) << "reasoning_effort is not sent to Gemini (its thinking budget differs per model)";
    if (!request.user.isEmpty())
        qCInfo(lcGemini) << "Gemini takes no end-user id; \"user\" is dropped";
    return body;
}

} // namespace AiHub::Providers
