// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/languageloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcLanguage, "aihub.ui.language")

namespace AiHub::Ui {

LanguageLoader::LanguageLoader(QObject *parent)
    : QObject(parent)
{
}

LanguageLoader::~LanguageLoader()
{
    uninstall();
}

QStringList LanguageLoader::supportedLanguages()
{
    return { QStringLiteral("en"), QStringLiteral("zh_CN") };
}

QString LanguageLoader::normalize(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QLocale locale(trimmed);
    // QLocale falls back to "C" for names it cannot parse.
    if (locale.language() == QLocale::C)
        return {};
    if (locale.language() == QLocale::English)
        return QStringLiteral("en");
    if (locale.language() == QLocale::Chinese && locale.script() != QLocale::TraditionalHanScript)
        return QStringLiteral("zh_CN");
    return {};
}

QString LanguageLoader::languageFor(const QLocale &locale)
{
    for (const QString &name : locale.uiLanguages()) {
        if (QString language = normalize(name); !language.isEmpty())
            return language;
    }
    return QStringLiteral("en");
}

QString LanguageLoader::takeLanguageArgument(QStringList &arguments, bool *present)
{
    const QString option = QStringLiteral("--lang");
    const QString prefix = QStringLiteral("--lang=");
    QString value;
    bool found = false;
    for (qsizetype i = 1; i < arguments.size();) {
        const QString &arg = arguments.at(i);
        if (arg == option) {
            found = true;
            value = i + 1 < arguments.size() ? arguments.at(i + 1) : QString();
            arguments.remove(i, i + 1 < arguments.size() ? 2 : 1);
        } else if (arg.startsWith(prefix)) {
            found = true;
            value = arg.mid(prefix.size());
            arguments.removeAt(i);
        } else {
            ++i;
        }
    }
    if (present)
        *present = found;
    return value;
}

bool LanguageLoader::install(const QString &language)
{
    uninstall();

    m_appTranslator = new QTranslator(this);
    const QString appFile = QStringLiteral(":/i18n/aihub_%1.qm").arg(language);
    const bool appLoaded = m_appTranslator->load(appFile);
    if (appLoaded)
        QCoreApplication::installTranslator(m_appTranslator);
    else
        qCWarning(lcLanguage).noquote() << "No translation" << appFile << "for the user interface; using English";
    m_language = appLoaded ? language : QStringLiteral("en");

    // Qt's own strings (standard buttons, context menus). Missing files are normal: English needs none.
    m_qtTranslator = new QTranslator(this);
    if (m_qtTranslator->load(QStringLiteral("qtbase_%1").arg(language),
                             QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qtTranslator);
    return appLoaded;
}

void LanguageLoader::uninstall()
{
    for (QTranslator **translator : { &m_appTranslator, &m_qtTranslator }) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
}

} // namespace AiHub::Ui
