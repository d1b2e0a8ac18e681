// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/widgets/pagestyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace AiHub::Ui {

QVBoxLayout *PageStyle::column(QWidget *page, const QString &title, const QString &explanation, int maxWidth)
{
    auto *outer = new QHBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *content = new QWidget(page);
    if (maxWidth > 0)
        content->setMaximumWidth(maxWidth);
    outer->addWidget(content, 1);
    if (maxWidth > 0)
        outer->addStretch(0);

    auto *root = new QVBoxLayout(content);
    root->setContentsMargins(32, 28, 32, 20);
    root->setSpacing(10);
    root->addWidget(heading(title, 1.6, content));
    if (!explanation.isEmpty())
        root->addWidget(secondaryText(explanation, content));
    root->addSpacing(8);
    return root;
}

QLabel *PageStyle::heading(const QString &text, qreal scale, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QLabel *PageStyle::secondaryText(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    // A role, not a fixed colour: the text follows a theme switched while the app runs.
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace AiHub::Ui
