// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/chatcall.h"

#include <QByteArray>

namespace AiHub::Providers {

// Reads an OpenAI client's chat request body into a ChatCall, checked: the usual body by OpenAiRequestScan in
// one pass over its bytes (ChatCall::openAiText), any other as a document (ChatCall::openAiBody). Every
// refusal, with the words a client sees, comes from the document way.
class OpenAiChatCallReader final {
public:
    [[nodiscard]] static Result<ChatCall> read(const QByteArray &body);
    // The document way alone: what read() does with a body the scan does not take.
    [[nodiscard]] static Result<ChatCall> readDocument(const QByteArray &body);
};

} // namespace AiHub::Providers
