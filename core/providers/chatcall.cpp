// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/chatcall.h"

#include "core/providers/openaichatformat.h"
#include "core/providers/orderedjsonreader.h"

namespace AiHub::Providers {

void ChatCall::setModel(const QString &model)
{
    request.model = model;
    if (openAiBody.is_object())
        openAiBody["model"] = model.toStdString();
}

const ChatRequest &ChatCall::neutralRequest()
{
    if (!requestPending)
        return request;
    requestPending = false;
    // The body was checked when it arrived; reading it cannot fail then, and would leave the request empty.
    // The scanned text still names the client's model: the routed one in request.model is kept.
    const QString model = request.model;
    const nlohmann::ordered_json document = openAiText.isEmpty()
        ? nlohmann::ordered_json()
        : OrderedJsonReader::parse(openAiText.constData(), openAiText.constData() + openAiText.size());
    if (auto parsed = OpenAiChatFormat::parseRequest(openAiText.isEmpty() ? openAiBody : document)) {
        request = std::move(*parsed);
        request.model = model;
    }
    return request;
}

} // namespace AiHub::Providers
