// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QColor>

class QTextDocument;

namespace AiHub::Ui {

// Qt's Markdown import sets code blocks in a fixed font only; a shaded background makes them read as code.
class CodeBlockShade final {
public:
    // Gives every fenced or indented code block of `document` the background `shade`. Returns how many blocks.
    static int apply(QTextDocument *document, const QColor &shade);
};

} // namespace AiHub::Ui
