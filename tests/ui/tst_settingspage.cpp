// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/billingsettings.h"
#include "tests/support/testhub.h"
#include "ui/pages/settingspage.h"
#include "ui/theme.h"
#include "ui/widgets/messagebanner.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace AiHub;
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

    void billingSwitchAndGrant_areStoredInTheHub()
    {
        Testing::TestHub hub;
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        SettingsPage page(&settings);
        auto *billing = page.findChild<QCheckBox *>(QStringLiteral("billingCheck"));
        auto *grant = page.findChild<QLineEdit *>(QStringLiteral("grantField"));
        QVERIFY(!billing->isEnabled()); // no hub yet
        HubContext context;
        context.database = hub.database();
        page.setContext(context);
        QVERIFY(billing->isEnabled());
        QVERIFY(!billing->isChecked());
        QCOMPARE(grant->text(), QStringLiteral("0"));

        auto *unpriced = page.findChild<QComboBox *>(QStringLiteral("unpricedCombo"));
        QCOMPARE(unpriced->currentData().toString(), QStringLiteral("refuse"));
        billing->setChecked(true);
        grant->setText(QStringLiteral("250.5"));
        unpriced->setCurrentIndex(unpriced->findData(QStringLiteral("free")));
        page.save();
        auto stored = Billing::BillingSettings::load(*hub.database());
        QVERIFY(stored->enabled);
        QCOMPARE(stored->unpriced, Billing::UnpricedPolicy::FreeWithWarning);
        QCOMPARE(stored->newUserGrant.toString(), QStringLiteral("250.5"));

        SettingsPage again(&settings);
        again.setContext(context);
        QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("billingCheck"))->isChecked());
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("grantField"))->text(), QStringLiteral("250.5"));
        QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("unpricedCombo"))->currentData().toString(),
                 QStringLiteral("free"));
    }

    void badGrant_isRefused_andNothingIsSaved()
    {
        Testing::TestHub hub;
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        SettingsPage page(&settings);
        HubContext context;
        context.database = hub.database();
        page.setContext(context);
        auto *banner = page.findChild<MessageBanner *>(QStringLiteral("messageBanner"));
        for (const QString &bad : { QStringLiteral("-10"), QStringLiteral("lots") }) {
            page.findChild<QCheckBox *>(QStringLiteral("billingCheck"))->setChecked(true);
            page.findChild<QLineEdit *>(QStringLiteral("grantField"))->setText(bad);
            page.save();
            QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
            QVERIFY(banner->text().contains(QStringLiteral("new-user grant")));
            auto stored = Billing::BillingSettings::load(*hub.database());
            QVERIFY(!stored->enabled);
            QVERIFY(stored->newUserGrant.isZero());
            QVERIFY(!settings.contains(SettingsPage::listenKey()));
        }
    }

    void theme_isSavedAndAppliedAtOnce()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        SettingsPage page(&settings);
        auto *theme = page.findChild<QComboBox *>(QStringLiteral("themeCombo"));
        QCOMPARE(theme->currentData().toString(), QStringLiteral("system"));
        theme->setCurrentIndex(theme->findData(QStringLiteral("dark")));
        page.save();
        QCOMPARE(settings.value(Theme::settingsKey()).toString(), QStringLiteral("dark"));
        QCOMPARE(Theme::current(), Theme::Mode::Dark);
        QVERIFY(Theme::isDark(QApplication::palette()));

        SettingsPage again(&settings);
        QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("themeCombo"))->currentData().toString(),
                 QStringLiteral("dark"));
        theme->setCurrentIndex(theme->findData(QStringLiteral("system")));
        page.save();
        QCOMPARE(Theme::current(), Theme::Mode::System);
    }

    void traySetting_defaultsOnWithATray_andIsSaved()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QVERIFY(SettingsPage::keepServingInTray(settings, true));
        QVERIFY(!SettingsPage::keepServingInTray(settings, false)); // no tray: closing quits

        SettingsPage page(&settings);
        page.setTrayAvailable(true);
        auto *tray = page.findChild<QCheckBox *>(QStringLiteral("trayCheck"));
        QVERIFY(tray->isEnabled());
        QVERIFY(tray->isChecked());
        QSignalSpy changed(&page, &SettingsPage::keepServingInTrayChanged);
        tray->setChecked(false);
        page.save();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toBool(), false);
        QVERIFY(!SettingsPage::keepServingInTray(settings, true));

        page.setTrayAvailable(false);
        QVERIFY(!tray->isEnabled());
        QVERIFY(!tray->isChecked());
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
