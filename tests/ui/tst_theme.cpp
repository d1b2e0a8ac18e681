// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/theme.h"

#include <QApplication>
#include <QStyle>
#include <QTest>

using namespace AiHub::Ui;

class TestTheme : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void names_roundTrip_andUnknownIsSystem()
    {
        for (Theme::Mode mode : { Theme::Mode::System, Theme::Mode::Light, Theme::Mode::Dark })
            QCOMPARE(Theme::parse(Theme::name(mode)), mode);
        QCOMPARE(Theme::parse(QStringLiteral("purple")), Theme::Mode::System);
        QCOMPARE(Theme::parse(QString()), Theme::Mode::System);
    }

    void palettes_areDarkAndLight()
    {
        QVERIFY(Theme::isDark(Theme::darkPalette()));
        QVERIFY(!Theme::isDark(Theme::lightPalette()));
        // Text stays readable on its background.
        const QPalette dark = Theme::darkPalette();
        QVERIFY(dark.color(QPalette::Text).lightness() - dark.color(QPalette::Base).lightness() > 120);
    }

    void apply_darkThenSystem_restoresThePlatformLook()
    {
        const QString platformStyle = QApplication::style()->name();
        const QColor platformWindow = QApplication::palette().color(QPalette::Window);
        Theme::apply(Theme::Mode::Dark);
        QCOMPARE(Theme::current(), Theme::Mode::Dark);
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QVERIFY(Theme::isDark(QApplication::palette()));
        QWidget widget;
        QVERIFY(Theme::isDark(widget.palette()));

        Theme::apply(Theme::Mode::Light);
        QVERIFY(!Theme::isDark(QApplication::palette()));

        Theme::apply(Theme::Mode::System);
        QCOMPARE(Theme::current(), Theme::Mode::System);
        QCOMPARE(QApplication::style()->name(), platformStyle);
        QCOMPARE(QApplication::palette().color(QPalette::Window), platformWindow);
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
