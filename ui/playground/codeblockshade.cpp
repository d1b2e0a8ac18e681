// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/playground/codeblockshade.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace AiHub::Ui {

int CodeBlockShade::apply(QTextDocument *document, const QColor &shade)
{
    int shaded = 0;
    QTextCursor cursor(document);
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        // Qt 6.4's importer marks fenced code with the fence property and indented code only with a (possibly
        // empty) code language; older and newer versions also set non-breakable lines.
        if (!format.hasProperty(QTextFormat::BlockCodeFence) && !format.hasProperty(QTextFormat::BlockCodeLanguage)
            && !format.nonBreakableLines())
            continue;
        QTextBlockFormat shadedFormat;
        shadedFormat.setBackground(shade);
        cursor.setPosition(block.position());
        cursor.mergeBlockFormat(shadedFormat);
        ++shaded;
    }
    return shaded;
}

} // namespace AiHub::Ui
