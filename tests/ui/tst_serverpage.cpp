// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/serverpage.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace AiHub::Ui;

class TestServerPage : public QObject {
    Q_OBJECT

private:
    static ServerStatus running(const QString &url)
    {
        ServerStatus status;
        status.state = ServerStatus::State::Running;
        status.url = url;
        return status;
    }
    template<typename T>
    static T *child(const QWidget &page, const char *name)
    {
        T *widget = page.findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }

private Q_SLOTS:
    void copy_whenRunning_putsTheUrlOnTheClipboard()
    {
        ServerPage page;
        page.setStatus(running(QStringLiteral("http://127.0.0.1:43123")));
        QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
        QSignalSpy copied(&page, &ServerPage::addressCopied);

        auto *copy = child<QPushButton>(page, "copyAddressButton");
        QVERIFY(copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);

        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("http://127.0.0.1:43123"));
        QCOMPARE(copied.count(), 1);
        QCOMPARE(copied.at(0).at(0).toString(), QStringLiteral("http://127.0.0.1:43123"));
        QCOMPARE(copy->text(), QStringLiteral("Copied"));
        QTRY_COMPARE_WITH_TIMEOUT(copy->text(), QStringLiteral("Copy"), 3000);
    }

    void copy_whenNotRunning_isDisabledAndLeavesTheClipboard()
    {
        ServerPage page;
        ServerStatus failed;
        failed.state = ServerStatus::State::Failed;
        failed.failure = QStringLiteral("no port");
        page.setStatus(failed);
        QGuiApplication::clipboard()->setText(QStringLiteral("keep me"));
        QSignalSpy copied(&page, &ServerPage::addressCopied);

        auto *copy = child<QPushButton>(page, "copyAddressButton");
        QVERIFY(!copy->isEnabled());
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("keep me"));
        QCOMPARE(copied.count(), 0);
    }

    void copyCommand_putsTheCurlExampleOnTheClipboard()
    {
        ServerPage page;
        page.setStatus(running(QStringLiteral("http://127.0.0.1:5555")));
        QTest::mouseClick(child<QPushButton>(page, "copySnippetButton"), Qt::LeftButton);
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(copied, ServerPage::connectSnippet(QStringLiteral("http://127.0.0.1:5555")));
        QVERIFY(copied.startsWith(QStringLiteral("curl http://127.0.0.1:5555/v1/chat/completions")));
    }

    void snippet_followsTheRunningAddressAndShowsHowToAuthenticate()
    {
        ServerPage page;
        auto *snippet = child<QPlainTextEdit>(page, "snippetView");
        QVERIFY(snippet->toPlainText().contains(QStringLiteral("http://127.0.0.1:8878/v1/chat/completions")));

        page.setStatus(running(QStringLiteral("http://192.168.1.20:9999")));
        const QString text = snippet->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("curl http://192.168.1.20:9999/v1/chat/completions")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("-H \"Authorization: Bearer <key>\"")));
        QVERIFY(text.contains(QStringLiteral("\"model\": ")));
        QCOMPARE(child<QPlainTextEdit>(page, "keyCommandView")->toPlainText(),
                 QStringLiteral("aigne-hubd key create --name NAME"));
        QVERIFY(snippet->isReadOnly());
    }

    void connectSnippet_isAValidMultiLineShellCommand()
    {
        const QStringList lines = ServerPage::connectSnippet(QStringLiteral("http://h:1")).split(u'\n');
        QVERIFY(lines.size() >= 4);
        // Every line but the last continues the command; the JSON body's quotes balance.
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            if (!lines.at(i).contains(u'\''))
                QVERIFY2(lines.at(i).endsWith(u'\\'), qPrintable(lines.at(i)));
        }
        QCOMPARE(ServerPage::connectSnippet(QStringLiteral("http://h:1")).count(u'\'') % 2, 0);
        QVERIFY(ServerPage::connectSnippet({}).startsWith(QStringLiteral("curl http://127.0.0.1:8878/")));
    }

    void failedState_showsTheMessage()
    {
        ServerPage page;
        page.show();
        ServerStatus failed;
        failed.state = ServerStatus::State::Failed;
        failed.failure = QStringLiteral("--listen wants ADDRESS:PORT, such as 127.0.0.1:8878, not \"x\".");
        page.setStatus(failed);
        auto *failure = child<QLabel>(page, "failureLabel");
        QVERIFY(failure->isVisible());
        QCOMPARE(failure->text(), failed.failure);
        QCOMPARE(child<QLabel>(page, "stateLabel")->text(), QStringLiteral("Failed"));

        page.setStatus(running(QStringLiteral("http://127.0.0.1:1")));
        QVERIFY(!failure->isVisible());
        QCOMPARE(failure->text(), QString());
    }

    void failureLabel_rendersMessagesAsPlainText()
    {
        // Error messages quote user input; it must not be interpreted as markup.
        ServerPage page;
        ServerStatus failed;
        failed.state = ServerStatus::State::Failed;
        failed.failure = QStringLiteral("Unknown option --<b>x</b>.");
        page.setStatus(failed);
        QCOMPARE(child<QLabel>(page, "failureLabel")->textFormat(), Qt::PlainText);
    }

    void dataDirectory_emptyShowsDashAndDisablesOpen()
    {
        ServerPage page;
        page.setDataDirectory(QStringLiteral("/tmp/hub"));
        QCOMPARE(child<QLabel>(page, "dataDirLabel")->text(), QStringLiteral("/tmp/hub"));
        QVERIFY(child<QPushButton>(page, "openDataDirButton")->isEnabled());
        page.setDataDirectory(QString());
        QCOMPARE(child<QLabel>(page, "dataDirLabel")->text(), QStringLiteral("—"));
        QVERIFY(!child<QPushButton>(page, "openDataDirButton")->isEnabled());
        page.setSecretStoreDescription(QString());
        QCOMPARE(child<QLabel>(page, "secretStoreLabel")->text(), QStringLiteral("—"));
    }
};

QTEST_MAIN(TestServerPage)
#include "tst_serverpage.moc"
