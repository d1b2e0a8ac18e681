// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/secrets/secretstoreselector.h"
#include "ui/languageloader.h"
#include "ui/mainwindow.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QTest>

using namespace AiHub::Ui;
using namespace AiHub;

class TestLanguageLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("zh-CN") << QStringLiteral("zh-CN") << QStringLiteral("zh_CN");
        QTest::newRow("zh") << QStringLiteral("zh") << QStringLiteral("zh_CN");
        QTest::newRow("zh-Hans-SG") << QStringLiteral("zh-Hans-SG") << QStringLiteral("zh_CN");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("en");
        QTest::newRow("en_GB") << QStringLiteral("en_GB") << QStringLiteral("en");
        QTest::newRow(" en ") << QStringLiteral(" en ") << QStringLiteral("en");
        QTest::newRow("zh_TW traditional") << QStringLiteral("zh_TW") << QString();
        QTest::newRow("fr unsupported") << QStringLiteral("fr") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("garbage") << QStringLiteral("!!") << QString();
        QTest::newRow("C") << QStringLiteral("C") << QString();
    }
    void normalize()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(LanguageLoader::normalize(name), expected);
    }

    void languageFor_picksSimplifiedChineseOrFallsBackToEnglish()
    {
        QCOMPARE(LanguageLoader::languageFor(QLocale(QLocale::Chinese, QLocale::China)), QStringLiteral("zh_CN"));
        QCOMPARE(LanguageLoader::languageFor(QLocale(QLocale::English, QLocale::UnitedStates)), QStringLiteral("en"));
        QCOMPARE(LanguageLoader::languageFor(QLocale(QLocale::German, QLocale::Germany)), QStringLiteral("en"));
        QCOMPARE(LanguageLoader::languageFor(QLocale(QLocale::Chinese, QLocale::Taiwan)), QStringLiteral("en"));
        QCOMPARE(LanguageLoader::languageFor(QLocale::c()), QStringLiteral("en"));
    }

    void takeLanguageArgument_removesTheOptionAndReturnsItsValue()
    {
        QStringList args { QStringLiteral("aigne-hub"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:1"),
                           QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--data-dir=/d") };
        bool present = false;
        QCOMPARE(LanguageLoader::takeLanguageArgument(args, &present), QStringLiteral("zh_CN"));
        QVERIFY(present);
        QCOMPARE(args, (QStringList { QStringLiteral("aigne-hub"), QStringLiteral("--listen"),
                                      QStringLiteral("127.0.0.1:1"), QStringLiteral("--data-dir=/d") }));

        QStringList inlineForm { QStringLiteral("aigne-hub"), QStringLiteral("--lang=en") };
        QCOMPARE(LanguageLoader::takeLanguageArgument(inlineForm), QStringLiteral("en"));
        QCOMPARE(inlineForm, QStringList { QStringLiteral("aigne-hub") });
    }

    void takeLanguageArgument_absentOrWithoutValue()
    {
        QStringList none { QStringLiteral("aigne-hub"), QStringLiteral("--language-model") };
        bool present = true;
        QCOMPARE(LanguageLoader::takeLanguageArgument(none, &present), QString());
        QVERIFY(!present);
        QCOMPARE(none.size(), 2);

        QStringList dangling { QStringLiteral("aigne-hub"), QStringLiteral("--lang") };
        QCOMPARE(LanguageLoader::takeLanguageArgument(dangling, &present), QString());
        QVERIFY(present);
        QCOMPARE(dangling, QStringList { QStringLiteral("aigne-hub") });
    }

    void translationsAreEmbedded()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/aihub_zh_CN.qm")));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/aihub_en.qm")));
    }

    void install_zhCN_showsTheWindowInChinese()
    {
        LanguageLoader loader;
        QVERIFY(loader.install(QStringLiteral("zh_CN")));
        QCOMPARE(loader.language(), QStringLiteral("zh_CN"));

        MainWindow window;
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
        QCOMPARE(sidebar->item(0)->text(), QStringLiteral("服务器"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("stateLabel"))->text(), QStringLiteral("正在启动…"));
        window.setServerRunning(QStringLiteral("http://127.0.0.1:8878"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("statusStateLabel"))->text(),
                 QStringLiteral("服务器：运行中"));
        QCOMPARE(window.menuBar()->actions().at(0)->text(), QStringLiteral("文件(&F)"));
        // Core messages shown in the window are translated too, with their placeholders intact.
        const QString coreMessage = QCoreApplication::translate("AiHub::Cli", "The option --%1 needs a value.");
        QVERIFY2(coreMessage.contains(QStringLiteral("--%1")), qPrintable(coreMessage));
        QVERIFY(coreMessage != QStringLiteral("The option --%1 needs a value."));
    }

    void install_zhCN_secretStoreSentenceIsChinese()
    {
        LanguageLoader loader;
        QVERIFY(loader.install(QStringLiteral("zh_CN")));
        Secrets::SecretStoreSelector::Options options;
        options.mode = Secrets::SecretStoreSelector::Mode::Memory;
        QString summary;
        QObject context;
        Secrets::SecretStoreSelector::select(options, &context, [&summary](Result<Secrets::SecretStoreSelector::Selection> s) {
            summary = s ? s->summary : s.error().message;
        });
        QTRY_VERIFY(!summary.isEmpty());
        QCOMPARE(summary, QStringLiteral("密钥仅保存在内存中，Hub 停止后即丢失。"));
    }

    void install_again_replacesThePreviousLanguage()
    {
        LanguageLoader loader;
        QVERIFY(loader.install(QStringLiteral("zh_CN")));
        QVERIFY(loader.install(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("AiHub::Ui::ServerPage", "Server"), QStringLiteral("Server"));
    }

    void install_unknownLanguage_reportsFailureAndStaysEnglish()
    {
        LanguageLoader loader;
        QTest::ignoreMessage(QtWarningMsg, "No translation :/i18n/aihub_xx.qm for the user interface; using English");
        QVERIFY(!loader.install(QStringLiteral("xx")));
        QCOMPARE(loader.language(), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("AiHub::Ui::ServerPage", "Server"), QStringLiteral("Server"));
    }

    void destroyingTheLoader_removesItsTranslators()
    {
        {
            LanguageLoader loader;
            QVERIFY(loader.install(QStringLiteral("zh_CN")));
            QCOMPARE(QCoreApplication::translate("AiHub::Ui::ServerPage", "Server"), QStringLiteral("服务器"));
        }
        QCOMPARE(QCoreApplication::translate("AiHub::Ui::ServerPage", "Server"), QStringLiteral("Server"));
    }
};

QTEST_MAIN(TestLanguageLoader)
#include "tst_languageloader.moc"
