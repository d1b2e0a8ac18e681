// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/chatcall.h"

namespace AiHub::Providers {

void ChatCall::setModel(const QString &model)
{
    request.model = model;
    if (openAiBody.is_object())
        openAiBody["model"] = model.toStdString();
}

} // namespace AiHub::Providers
