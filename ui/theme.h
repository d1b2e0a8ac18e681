// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QPalette>
#include <QString>

namespace AiHub::Ui {

// The window's colours: the platform's own (System), or a light or dark palette on the Fusion style. Qt 6.4 has
// no QStyleHints::colorScheme() (6.5), so whether the system is dark is read from its window colour.
class Theme final {
public:
    enum class Mode { System, Light, Dark };

    static QString settingsKey(); // "ui/theme": "system" | "light" | "dark"
    static QString name(Mode mode);
    static Mode parse(const QString &name); // unknown or empty: System

    // Applies to the whole application. The platform's style and palette are remembered on the first call, so
    // System brings them back.
    static void apply(Mode mode);
    static Mode current();
    static bool isDark(const QPalette &palette);
    static QPalette lightPalette();
    static QPalette darkPalette();
};

} // namespace AiHub::Ui
