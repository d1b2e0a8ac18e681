// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/settingspage.h"
#include "ui/widgets/messagebanner.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace AiHub::Ui;

class TestSettingsPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void isLoopback_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("ipv4") << QStringLiteral("127.0.0.1") << true;
        QTest::newRow("ipv4 other") << QStringLiteral("127.0.0.2") << true;
        QTest::newRow("ipv6") << QStringLiteral("::1") << true;
        QTest::newRow("localhost") << QStringLiteral("localhost") << true;
        QTest::newRow("any") << QStringLiteral("0.0.0.0") << false;
        QTest::newRow("lan") << QStringLiteral("192.168.1.20") << false;
        QTest::newRow("any6") << QStringLiteral("::") << false;
    }
    void isLoopback()
    {
        QFETCH(QString, address);
        QFETCH(bool, loopback);
        QCOMPARE(SettingsPage::isLoopback(address), loopback);
    }

    void lanAddress_showsTheWarning_andIsSaved()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        SettingsPage page(&settings);
        page.show();
        QVERIFY(!page.isLanWarningVisible());
        auto *address = page.findChild<QLineEdit *>(QStringLiteral("addressField"));
        address->setText(QStringLiteral("0.0.0.0"));
        QVERIFY(page.isLanWarningVisible());
        page.findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(9000);
        auto *language = page.findChild<QComboBox *>(QStringLiteral("languageCombo"));
        language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
        page.findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
        QCOMPARE(settings.value(SettingsPage::listenKey()).toString(), QStringLiteral("0.0.0.0:9000"));
        QCOMPARE(settings.value(SettingsPage::languageKey()).toString(), QStringLiteral("zh_CN"));

        SettingsPage again(&settings);
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("addressField"))->text(), QStringLiteral("0.0.0.0"));
        QCOMPARE(again.findChild<QSpinBox *>(QStringLiteral("portSpin"))->value(), 9000);
        QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("languageCombo"))->currentData().toString(),
                 QStringLiteral("zh_CN"));
    }

    void ipv6Address_isBracketed()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        SettingsPage page(&settings);
        page.findChild<QLineEdit *>(QStringLiteral("addressField"))->setText(QStringLiteral("::1"));
        page.save();
        QCOMPARE(settings.value(SettingsPage::listenKey()).toString(), QStringLiteral("[::1]:8878"));
        SettingsPage again(&settings);
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("addressField"))->text(), QStringLiteral("::1"));
    }

    void badAddress_isRefusedWithAHint()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        SettingsPage page(&settings);
        page.findChild<QLineEdit *>(QStringLiteral("addressField"))->setText(QStringLiteral("my laptop"));
        page.save();
        auto *banner = page.findChild<MessageBanner *>(QStringLiteral("messageBanner"));
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY(banner->text().contains(QStringLiteral("0.0.0.0")));
        QVERIFY(!settings.contains(SettingsPage::listenKey()));
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
