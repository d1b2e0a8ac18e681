// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QLocale>
#include <QObject>
#include <QStringList>

class QTranslator;

namespace AiHub::Ui {

// Chooses the user-interface language and installs the app's translation (embedded as :/i18n/aihub_<lang>.qm)
// together with Qt's own (qtbase_<lang>.qm from the Qt installation) on the application.
class LanguageLoader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageLoader)

public:
    explicit LanguageLoader(QObject *parent = nullptr);
    ~LanguageLoader() override;

    static QStringList supportedLanguages(); // "en", "zh_CN"
    // "zh_CN", "zh-CN", "zh", "zh_Hans" → "zh_CN"; "en_US" → "en"; anything unsupported → empty.
    static QString normalize(const QString &name);
    // The supported language closest to the locale's preferences; English when none fits.
    static QString languageFor(const QLocale &locale);
    // Removes "--lang X" or "--lang=X" from arguments (the command-line parser does not know it) and returns X;
    // empty when absent. Sets *present when the option was given at all.
    static QString takeLanguageArgument(QStringList &arguments, bool *present = nullptr);

    // Replaces previously installed translators. False when the app's own translation for language is missing.
    bool install(const QString &language);
    QString language() const { return m_language; }

private:
    void uninstall();

    QTranslator *m_appTranslator = nullptr;
    QTranslator *m_qtTranslator = nullptr;
    QString m_language;
};

} // namespace AiHub::Ui
