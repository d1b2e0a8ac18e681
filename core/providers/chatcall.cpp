// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/chatcall.h"

#include "core/providers/openaichatformat.h"

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
    if (auto parsed = OpenAiChatFormat::parseRequest(openAiBody))
        request = std::move(*parsed);
    return request;
}

} // namespace AiHub::Providers
