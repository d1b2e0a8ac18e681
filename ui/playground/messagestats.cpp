// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/playground/messagestats.h"

namespace AiHub::Ui {

QString MessageStats::line(const Hub::ConversationMessage &m)
{
    QStringList parts;
    if (!m.model.isEmpty())
        parts.append(m.model);
    if (m.inputTokens || m.outputTokens)
        parts.append(tr("%1 in / %2 out tokens").arg(m.inputTokens.value_or(0)).arg(m.outputTokens.value_or(0)));
    if (!m.credits.isEmpty())
        parts.append(tr("%1 credits").arg(m.credits));
    if (m.firstTokenMs && m.latencyMs)
        parts.append(tr("first token %1 s / total %2 s")
                         .arg(*m.firstTokenMs / 1000.0, 0, 'f', 2)
                         .arg(*m.latencyMs / 1000.0, 0, 'f', 2));
    else if (m.latencyMs)
        parts.append(tr("%1 s").arg(*m.latencyMs / 1000.0, 0, 'f', 2));
    return parts.join(QStringLiteral(" · "));
}

} // namespace AiHub::Ui
