// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The playground against the real server (in process) and a mock provider that streams slowly.
#include "core/hub/conversationstore.h"
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/testhub.h"
#include "ui/chatstream.h"
#include "ui/pages/playgroundpage.h"
#include "ui/playgroundkey.h"
#include "ui/widgets/messagebanner.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Ui;

namespace {

QByteArray chunk(const QString &content)
{
    const QJsonObject delta { { QStringLiteral("content"), content } };
    const QJsonObject choice { { QStringLiteral("index"), 0 }, { QStringLiteral("delta"), delta } };
    const QJsonObject body { { QStringLiteral("id"), QStringLiteral("chatcmpl-1") },
                             { QStringLiteral("object"), QStringLiteral("chat.completion.chunk") },
                             { QStringLiteral("model"), QStringLiteral("gpt-test") },
                             { QStringLiteral("choices"), QJsonArray { choice } } };
    return "data: " + QJsonDocument(body).toJson(QJsonDocument::Compact) + "\n\n";
}

Testing::MockResponse streamedAnswer()
{
    QList<QByteArray> chunks { chunk(QStringLiteral("Hello")), chunk(QStringLiteral(" **streamed**")),
                               chunk(QStringLiteral(" world")), chunk(QStringLiteral(" from the mock.")) };
    chunks.append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-test\","
                  "\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}}\n\n");
    chunks.append("data: [DONE]\n\n");
    return Testing::MockResponse::stream(200, "text/event-stream", chunks);
}

struct Fixture {
    Testing::TestHub hub;
    Testing::MockUpstream upstream;
    quint16 port = 0;

    bool start()
    {
        if (!upstream.startInThread())
            return false;
        upstream.setModels({ QStringLiteral("gpt-test") });
        upstream.addRoute("POST", "/v1/chat/completions", streamedAnswer());
        hub.addProvider(Providers::ProviderKind::OpenAI, QStringLiteral("mock"), upstream.baseUrl());
        port = hub.startServer();
        return port != 0;
    }

    HubContext context()
    {
        HubContext c;
        c.database = hub.database();
        c.secrets = hub.secrets();
        c.keys = &hub.keys();
        c.serverUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
        return c;
    }
};

void typeAndSend(PlaygroundPage &page, const QString &prompt)
{
    auto *input = page.findChild<QPlainTextEdit *>(QStringLiteral("promptInput"));
    input->setFocus();
    QTest::keyClicks(input, prompt);
    QTest::keyClick(input, Qt::Key_Return, Qt::ControlModifier); // the send shortcut
}

} // namespace

class TestPlaygroundPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void prompt_streamsTheAnswerAsItArrives_andSavesTheConversation()
    {
        Fixture f;
        QVERIFY(f.start());
        f.upstream.setPerChunkDelayMs(150);
        PlaygroundPage page;
        page.resize(900, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy models(&page, &PlaygroundPage::modelsLoaded);
        page.setContext(f.context());
        QVERIFY(models.wait(10000));
        QVERIFY(models.at(0).at(0).toStringList().contains(QStringLiteral("mock/gpt-test")));
        page.findChild<QComboBox *>(QStringLiteral("modelCombo"))->setCurrentText(QStringLiteral("mock/gpt-test"));

        auto *stream = page.findChild<ChatStream *>();
        QSignalSpy arrived(stream, &ChatStream::textArrived);
        QSignalSpy finished(&page, &PlaygroundPage::replyFinished);
        typeAndSend(page, QStringLiteral("Say hello"));
        QVERIFY(page.isStreaming());
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("stopButton"))->isEnabled());

        // The first piece shows before the answer is complete.
        QVERIFY(arrived.wait(10000));
        QVERIFY(finished.isEmpty());
        QTRY_VERIFY(page.transcriptText().contains(QStringLiteral("Hello")));
        QVERIFY(!page.transcriptText().contains(QStringLiteral("from the mock")));
        QVERIFY(finished.wait(10000));
        QVERIFY(arrived.size() >= 4);
        const QString text = page.transcriptText();
        QVERIFY2(text.contains(QStringLiteral("Hello streamed world from the mock.")), qPrintable(text)); // Markdown rendered
        QVERIFY(!text.contains(QStringLiteral("**streamed**")));
        QVERIFY(text.contains(QStringLiteral("11 in / 7 out tokens")));

        // Authenticated with the desktop's own key, kept in the secret store, and recorded like any call.
        QVERIFY(f.hub.secrets()->contains(PlaygroundKey::secretName()));
        QTRY_VERIFY([&] {
            const auto records = f.hub.usageRecords();
            return !records.isEmpty() && records.constLast().keyName == PlaygroundKey::keyName();
        }());

        // Saved: one conversation with both messages and the numbers.
        auto conversations = Hub::ConversationStore(f.hub.database()).list();
        QCOMPARE(conversations->size(), 1);
        QCOMPARE(conversations->constFirst().title, QStringLiteral("Say hello"));
        auto messages = Hub::ConversationStore(f.hub.database()).messages(conversations->constFirst().id);
        QCOMPARE(messages->size(), 2);
        QCOMPARE(messages->at(1).content, QStringLiteral("Hello **streamed** world from the mock."));
        QCOMPARE(messages->at(1).outputTokens, std::optional<qint64>(7));
        QVERIFY(messages->at(1).latencyMs.value_or(0) > 0);
        const QByteArray sent = f.upstream.lastRequest().body;
        QVERIFY(sent.contains("Say hello"));
    }

    void stop_endsTheStreamAndKeepsWhatArrived()
    {
        Fixture f;
        QVERIFY(f.start());
        f.upstream.setPerChunkDelayMs(400);
        PlaygroundPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setContext(f.context());
        page.findChild<QComboBox *>(QStringLiteral("modelCombo"))->setCurrentText(QStringLiteral("mock/gpt-test"));
        QSignalSpy arrived(page.findChild<ChatStream *>(), &ChatStream::textArrived);
        QSignalSpy finished(&page, &PlaygroundPage::replyFinished);
        typeAndSend(page, QStringLiteral("Long answer please"));
        QVERIFY(arrived.wait(10000));
        QTest::keyClick(page.findChild<QPlainTextEdit *>(QStringLiteral("promptInput")), Qt::Key_Escape);
        QVERIFY(finished.wait(5000) || finished.size() == 1);
        QVERIFY(!page.isStreaming());
        QVERIFY(page.transcriptText().contains(QStringLiteral("Hello")));
        QVERIFY(!page.transcriptText().contains(QStringLiteral("from the mock")));
    }

    void desktopKey_isCreatedOnlyWhenThePlaygroundIsOpened()
    {
        Fixture f;
        QVERIFY(f.start());
        PlaygroundPage page;
        QSignalSpy models(&page, &PlaygroundPage::modelsLoaded);
        page.setContext(f.context());
        QTest::qWait(200);
        QVERIFY(models.isEmpty());
        QVERIFY(!f.hub.secrets()->contains(PlaygroundKey::secretName()));
        QCOMPARE(f.hub.keys().list(false)->size(), 0);
        page.show();
        QVERIFY(models.wait(10000));
        QVERIFY(f.hub.secrets()->contains(PlaygroundKey::secretName()));
        QCOMPARE(f.hub.keys().list(false)->constFirst().name, PlaygroundKey::keyName());
    }

    void history_resumeRenameDelete()
    {
        Fixture f;
        QVERIFY(f.start());
        PlaygroundPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setContext(f.context());
        page.findChild<QComboBox *>(QStringLiteral("modelCombo"))->setCurrentText(QStringLiteral("mock/gpt-test"));
        QSignalSpy finished(&page, &PlaygroundPage::replyFinished);
        typeAndSend(page, QStringLiteral("First chat"));
        QVERIFY(finished.wait(10000));
        const qint64 first = page.currentConversation();
        QTest::keyClick(&page, Qt::Key_N, Qt::ControlModifier); // new chat
        QCOMPARE(page.currentConversation(), 0);
        QVERIFY(!page.transcriptText().contains(QStringLiteral("First chat")));
        typeAndSend(page, QStringLiteral("Second chat"));
        QVERIFY(finished.wait(10000));

        auto *list = page.findChild<QListWidget *>(QStringLiteral("conversationList"));
        QCOMPARE(list->count(), 2);
        page.openConversation(first);
        QVERIFY(page.transcriptText().contains(QStringLiteral("First chat")));
        QVERIFY(page.transcriptText().contains(QStringLiteral("from the mock")));

        page.renameConversation(QStringLiteral("Greetings"));
        QCOMPARE(Hub::ConversationStore(f.hub.database()).find(first)->title, QStringLiteral("Greetings"));
        bool listed = false;
        for (int i = 0; i < list->count(); ++i)
            listed = listed || list->item(i)->text() == QStringLiteral("Greetings");
        QVERIFY(listed);

        // Resuming sends the earlier turns along.
        typeAndSend(page, QStringLiteral("And again"));
        QVERIFY(finished.wait(10000));
        const QByteArray sent = f.upstream.lastRequest().body;
        QVERIFY(sent.contains("First chat") && sent.contains("And again"));
        QVERIFY(!sent.contains("Second chat"));

        page.deleteConversation();
        QCOMPARE(list->count(), 1);
        QVERIFY(!Hub::ConversationStore(f.hub.database()).find(first));
    }

    void unknownModel_showsTheHubsMessage()
    {
        Fixture f;
        QVERIFY(f.start());
        PlaygroundPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setContext(f.context());
        page.findChild<QComboBox *>(QStringLiteral("modelCombo"))->setCurrentText(QStringLiteral("nosuch/model"));
        QSignalSpy finished(&page, &PlaygroundPage::replyFinished);
        typeAndSend(page, QStringLiteral("Hi"));
        QVERIFY(finished.wait(10000));
        auto *banner = page.findChild<MessageBanner *>(QStringLiteral("messageBanner"));
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY2(banner->text().contains(QStringLiteral("nosuch")), qPrintable(banner->text()));
    }

    void revokedPlaygroundKey_isReplacedOnNextUse()
    {
        Fixture f;
        QVERIFY(f.start());
        PlaygroundPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setContext(f.context());
        page.findChild<QComboBox *>(QStringLiteral("modelCombo"))->setCurrentText(QStringLiteral("mock/gpt-test"));
        QSignalSpy finished(&page, &PlaygroundPage::replyFinished);
        typeAndSend(page, QStringLiteral("One"));
        QVERIFY(finished.wait(10000));
        QVERIFY(f.hub.keys().revoke(PlaygroundKey::keyName()));
        typeAndSend(page, QStringLiteral("Two"));
        QVERIFY(finished.wait(10000));
        QVERIFY(page.findChild<MessageBanner *>(QStringLiteral("messageBanner"))->isHidden());
        QCOMPARE(f.hub.keys().list(false)->size(), 1);
    }
};

QTEST_MAIN(TestPlaygroundPage)
#include "tst_playgroundpage.moc"
