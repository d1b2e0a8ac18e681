// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/widgets/messagebanner.h"

namespace AiHub::Ui {

MessageBanner::MessageBanner(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    switch (kind) {
    case Kind::Info:
        setStyleSheet(QStringLiteral("QLabel { background-color: #e8f0fe; color: #174ea6; border: 1px solid #aecbfa;"
                                     " border-radius: 6px; padding: 8px; }"));
        break;
    case Kind::Success:
        setStyleSheet(QStringLiteral("QLabel { background-color: #e6f4ea; color: #0d652d; border: 1px solid #a8dab5;"
                                     " border-radius: 6px; padding: 8px; }"));
        break;
    case Kind::Error:
        setStyleSheet(QStringLiteral("QLabel { background-color: #fce8e6; color: #a50e0e; border: 1px solid #f6aea9;"
                                     " border-radius: 6px; padding: 8px; }"));
        break;
    }
    setText(text);
    setVisible(!text.isEmpty());
}

void MessageBanner::clearMessage()
{
    setText(QString());
    hide();
}

} // namespace AiHub::Ui
