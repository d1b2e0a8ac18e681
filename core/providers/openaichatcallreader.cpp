// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/openaichatcallreader.h"

#include "core/providers/openaichatformat.h"
#include "core/providers/orderedjsonreader.h"

namespace AiHub::Providers {

namespace {
std::unexpected<Error> badRequest(const QString &message) { return fail(ErrorCode::InvalidArgument, message); }
} // namespace

Result<ChatCall> OpenAiChatCallReader::read(const QByteArray &body)
{
    auto scanned = OpenAiRequestScan::scan(body);
    if (!scanned)
        return readDocument(body);
    ChatCall call;
    call.request.model = scanned->model();
    call.stream = scanned->stream();
    call.clientWantsUsage = scanned->clientWantsUsage();
    call.requestPending = true; // the neutral form only if a provider or billing needs it
    call.openAiText = body;     // shared, not copied
    call.openAiScan = std::move(*scanned);
    return call;
}

Result<ChatCall> OpenAiChatCallReader::readDocument(const QByteArray &body)
{
    // nlohmann's result, built several times faster.
    nlohmann::ordered_json root = OrderedJsonReader::parse(body.constData(), body.constData() + body.size());
    if (root.is_discarded())
        return badRequest(QStringLiteral("The request body is not valid JSON. Send a JSON object such as "
                                         "{\"model\": \"openai/gpt-4o-mini\", \"messages\": [{\"role\": \"user\", "
                                         "\"content\": \"Hello\"}]}."));
    if (!root.is_object())
        return badRequest(QStringLiteral("The request body must be a JSON object."));
    const auto model = root.find("model");
    if (model == root.end() || !model->is_string() || model->get_ref<const std::string &>().empty())
        return badRequest(QStringLiteral("\"model\" is required: name a model such as \"openai/gpt-4o-mini\"."));
    if (Status checked = OpenAiChatFormat::checkRequest(root); !checked)
        return fail(checked.error());
    ChatCall call;
    const std::string &modelName = model->get_ref<const std::string &>();
    call.request.model = QString::fromUtf8(modelName.data(), qsizetype(modelName.size()));
    const auto stream = root.find("stream");
    call.stream = stream != root.end() && stream->is_boolean() && stream->get<bool>();
    call.requestPending = true; // the rest of the neutral form only if a provider or billing needs it
    if (const auto options = root.find("stream_options"); options != root.end() && options->is_object()) {
        const auto usage = options->find("include_usage");
        call.clientWantsUsage = usage != options->end() && usage->is_boolean() && usage->get<bool>();
    }
    call.openAiBody = std::move(root);
    return call;
}

} // namespace AiHub::Providers
