// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QString>

class QLabel;
class QVBoxLayout;
class QWidget;

namespace AiHub::Ui {

// The look the pages share: a width-limited column with a title and a short explanation under it.
class PageStyle final {
public:
    // Lays out `page` as a column at most maxWidth wide (0: full width) and returns the column's layout, already
    // holding the title and the explanation.
    static QVBoxLayout *column(QWidget *page, const QString &title, const QString &explanation, int maxWidth = 0);
    static QLabel *heading(const QString &text, qreal scale, QWidget *parent);
    static QLabel *secondaryText(const QString &text, QWidget *parent);
};

} // namespace AiHub::Ui
