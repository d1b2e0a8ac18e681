// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/hub/conversationstore.h"

#include <QCoreApplication>

namespace AiHub::Ui {

// The line under an assistant message: model · tokens in/out · credits · first token / total time.
class MessageStats final {
    Q_DECLARE_TR_FUNCTIONS(AiHub::Ui::MessageStats)

public:
    static QString line(const Hub::ConversationMessage &message);
};

} // namespace AiHub::Ui
