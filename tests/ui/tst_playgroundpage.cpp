// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The playground against the real server (in process) and a mock provider that streams slowly.
#include "core/billing/billingsettings.h"
#include "core/billing/meter.h"
#include "core/hub/conversationstore.h"
#include "core/server/serverhost.h"
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/testhub.h"
#include "ui/chatstream.h"
#include "ui/pages/playgroundpage.h"
#include "ui/playgroundkey.h"
#include "ui/widgets/messagebanner.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
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

// The hub as the app runs it, optionally with credit billing: 0.001 credit per input and 0.002 per output token
// of mock/gpt-test, so the streamed answer (11 in, 7 out) costs 0.025.
struct Fixture {
    Testing::TestHub hub;
    Testing::MockUpstream upstream;
    std::unique_ptr<Billing::Meter> meter;
    std::unique_ptr<Server::ServerHost> server;
    quint16 port = 0;

    ~Fixture()
    {
        if (server) {
            QSignalSpy stopped(server.get(), &Server::ServerHost::stopped);
            server->stop();
            if (stopped.isEmpty())
                stopped.wait(10000);
            server.reset();
        }
    }

    bool start(bool billing = false)
    {
        if (!upstream.startInThread())
            return false;
        upstream.setModels({ QStringLiteral("gpt-test") });
        upstream.addRoute("POST", "/v1/chat/completions", streamedAnswer());
        hub.addProvider(Providers::ProviderKind::OpenAI, QStringLiteral("mock"), upstream.baseUrl());
        if (!billing) {
            port = hub.startServer();
            return port != 0;
        }
        if (!Billing::BillingSettings::set(*hub.database(), QStringLiteral("enabled"), QStringLiteral("on")))
            return false;
        meter = std::make_unique<Billing::Meter>(hub.database());
        if (!meter->start())
            return false;
        Billing::Rate rate;
        rate.provider = QStringLiteral("mock");
        rate.model = QStringLiteral("gpt-test");
        rate.input = *Billing::Credits::parse(u"1000");
        rate.output = *Billing::Credits::parse(u"2000");
        if (!meter->rates().set(rate))
            return false;
        Server::HubServices services = hub.services();
        services.billing = meter.get();
        Server::ServerOptions options;
        options.port = 0;
        options.threads = 2;
        server = std::make_unique<Server::ServerHost>(services, options);
        auto bound = server->start();
        port = bound ? *bound : 0;
        return port != 0;
    }

    bool grantCredits(const QString &amount)
    {
        return meter->ledger()
            .post(PlaygroundKey::keyName(), Billing::EntryKind::Topup, *Billing::Credits::parse(amount),
                  QStringLiteral("test"))
            .has_value();
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

MessageBanner *banner(PlaygroundPage &page)
{
    return page.findChild<MessageBanner *>(QStringLiteral("messageBanner"));
}

qint64 seedConversation(Hub::ConversationStore &store, const QString &title, const QString &question,
                        const QString &answer)
{
    const qint64 id = *store.create(title, QStringLiteral("mock/gpt-test"), {});
    Hub::ConversationMessage q;
    q.role = QStringLiteral("user");
    q.content = question;
    (void)store.addMessage(id, q);
    Hub::ConversationMessage a;
    a.role = QStringLiteral("assistant");
    a.content = answer;
    (void)store.addMessage(id, a);
    return id;
}

QStringList listed(PlaygroundPage &page)
{
    QStringList titles;
    auto *list = page.findChild<QListWidget *>(QStringLiteral("conversationList"));
    for (int i = 0; i < list->count(); ++i)
        titles.append(list->item(i)->text());
    return titles;
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
    void reply_showsTokensCreditsAndLatency_savedAndShownAgainWhenResumed()
    {
        Fixture f;
        QVERIFY(f.start(true));
        QVERIFY(f.grantCredits(QStringLiteral("10")));
        f.upstream.setPerChunkDelayMs(60);
        qint64 id = 0;
        {
            PlaygroundPage page;
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.setContext(f.context());
            page.findChild<QComboBox *>(QStringLiteral("modelCombo"))->setCurrentText(QStringLiteral("mock/gpt-test"));
            QSignalSpy finished(&page, &PlaygroundPage::replyFinished);
            typeAndSend(page, QStringLiteral("What does it cost?"));
            QVERIFY(finished.wait(10000));
            const QString text = page.transcriptText();
            QVERIFY2(text.contains(QStringLiteral("11 in / 7 out tokens")), qPrintable(text));
            // The hub's own figure from the stream's last chunk: 11 x 0.001 + 7 x 0.002.
            QVERIFY2(text.contains(QStringLiteral("0.025 credits")), qPrintable(text));
            QVERIFY(text.contains(QStringLiteral("first token")));
            page.resize(1000, 700);
            QDir().mkpath(QStringLiteral(AIHUB_BINARY_DIR "/screenshots"));
            QVERIFY(page.grab().save(QStringLiteral(AIHUB_BINARY_DIR "/screenshots/playground-chat.png")));
            id = page.currentConversation();
            const Hub::ConversationMessage reply = page.messages().constLast();
            QCOMPARE(reply.credits, QStringLiteral("0.025"));
            QVERIFY(reply.firstTokenMs.value_or(-1) > 0);
            QVERIFY(reply.latencyMs.value_or(0) >= reply.firstTokenMs.value_or(0));
            // The figure is the charge the hub recorded for the call, not one computed here.
            const auto records = f.hub.usageRecords();
            QVERIFY(!records.isEmpty());
            QCOMPARE(records.constFirst().requestId, reply.callId);
            QCOMPARE(records.constFirst().creditsNanos, std::optional<qint64>(25'000'000));
        }
        auto saved = Hub::ConversationStore(f.hub.database()).messages(id);
        QCOMPARE(saved->constLast().credits, QStringLiteral("0.025"));
        QVERIFY(saved->constLast().firstTokenMs.has_value());
        PlaygroundPage resumed;
        resumed.setContext(f.context());
        resumed.openConversation(id);
        QVERIFY(resumed.transcriptText().contains(QStringLiteral("0.025 credits")));
        QVERIFY(resumed.transcriptText().contains(QStringLiteral("11 in / 7 out tokens")));
    }

    void noCredit_saysToGrantCreditsInAccessKeys()
    {
        Fixture f;
        QVERIFY(f.start(true)); // billing on, nothing granted
        PlaygroundPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setContext(f.context());
        page.findChild<QComboBox *>(QStringLiteral("modelCombo"))->setCurrentText(QStringLiteral("mock/gpt-test"));
        QSignalSpy finished(&page, &PlaygroundPage::replyFinished);
        const int before = int(f.upstream.requests().size());
        typeAndSend(page, QStringLiteral("Hi"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(banner(page)->kind(), MessageBanner::Kind::Error);
        const QString text = banner(page)->text();
        QVERIFY2(text.startsWith(QStringLiteral("No credit left")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Access keys")), qPrintable(text));
        int chatCalls = 0;
        const auto requests = f.upstream.requests();
        for (qsizetype i = before; i < requests.size(); ++i)
            chatCalls += requests.at(i).path.contains("chat") ? 1 : 0;
        QCOMPARE(chatCalls, 0);
        // The prompt is kept in the conversation, the failure saved with it.
        const auto saved = Hub::ConversationStore(f.hub.database()).messages(page.currentConversation());
        QCOMPARE(saved->constFirst().content, QStringLiteral("Hi"));
        QCOMPARE(saved->size(), 2);
        QVERIFY2(!saved->constLast().error.isEmpty(), qPrintable(saved->constLast().content));
    }

    void providerDown_saysToCheckProviders()
    {
        Fixture f;
        QVERIFY(f.start());
        PlaygroundPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setContext(f.context());
        QSignalSpy models(&page, &PlaygroundPage::modelsLoaded);
        QVERIFY(models.wait(10000) || !models.isEmpty());
        page.findChild<QComboBox *>(QStringLiteral("modelCombo"))->setCurrentText(QStringLiteral("mock/gpt-test"));
        f.upstream.close(); // the provider stops answering
        QSignalSpy finished(&page, &PlaygroundPage::replyFinished);
        typeAndSend(page, QStringLiteral("Anyone there?"));
        QVERIFY(finished.wait(15000));
        const QString text = banner(page)->text();
        QCOMPARE(banner(page)->kind(), MessageBanner::Kind::Error);
        QVERIFY2(text.contains(QStringLiteral("Providers page")), qPrintable(text));
    }

    void hubDown_saysToCheckTheServerPage()
    {
        Fixture f;
        QVERIFY(f.start());
        HubContext context = f.context();
        f.hub.stopServer();
        PlaygroundPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setContext(context);
        page.findChild<QComboBox *>(QStringLiteral("modelCombo"))->setCurrentText(QStringLiteral("mock/gpt-test"));
        QSignalSpy finished(&page, &PlaygroundPage::replyFinished);
        typeAndSend(page, QStringLiteral("Hello?"));
        QVERIFY(finished.wait(10000));
        const QString text = banner(page)->text();
        QVERIFY2(text.contains(QStringLiteral("cannot be reached")) && text.contains(QStringLiteral("Server page")),
                 qPrintable(text));
    }

    void search_filtersTheHistoryAsYouType()
    {
        Fixture f;
        QVERIFY(f.start());
        Hub::ConversationStore store(f.hub.database());
        seedConversation(store, QStringLiteral("Sorting in C++"), QStringLiteral("How to sort?"), QStringLiteral("std::sort"));
        seedConversation(store, QStringLiteral("Poems"), QStringLiteral("A haiku please"), QStringLiteral("Autumn moon"));
        seedConversation(store, QStringLiteral("Travel"), QStringLiteral("Paris or Rome?"), QStringLiteral("Rome, in autumn"));
        PlaygroundPage page;
        page.setContext(f.context());
        QCOMPARE(listed(page).size(), 3);
        auto *search = page.findChild<QLineEdit *>(QStringLiteral("historySearch"));
        QSignalSpy listedSpy(&page, &PlaygroundPage::conversationsListed);
        QTest::keyClicks(search, QStringLiteral("autumn")); // in two answers
        QTRY_COMPARE(listed(page), (QStringList { QStringLiteral("Travel"), QStringLiteral("Poems") }));
        search->clear();
        QTest::keyClicks(search, QStringLiteral("SORT")); // a title, any case
        QTRY_COMPARE(listed(page), QStringList { QStringLiteral("Sorting in C++") });
        QTest::keyClicks(search, QStringLiteral("zzz"));
        QTRY_COMPARE(listed(page), QStringList { QStringLiteral("No conversation matches") });
        page.setSearchText(QString());
        QCOMPARE(listed(page).size(), 3);
        QVERIFY(!listedSpy.isEmpty());
    }

    void export_writesMarkdownAndJson_andSaysWhyWhenItCannot()
    {
        Fixture f;
        QVERIFY(f.start());
        Hub::ConversationStore store(f.hub.database());
        const qint64 id = seedConversation(store, QStringLiteral("Sorting"), QStringLiteral("How to sort?"),
                                           QStringLiteral("Use `std::sort`."));
        PlaygroundPage page;
        page.setContext(f.context());
        QVERIFY(!page.exportConversation(Hub::ConversationExport::Format::Markdown, QStringLiteral("/tmp/x.md")).isEmpty());
        page.openConversation(id);
        QTemporaryDir dir;
        const QString md = dir.filePath(QStringLiteral("chat.md"));
        QCOMPARE(page.exportConversation(Hub::ConversationExport::Format::Markdown, md), QString());
        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        const QString markdown = QString::fromUtf8(mdFile.readAll());
        QVERIFY(markdown.startsWith(QStringLiteral("# Sorting")));
        QVERIFY(markdown.contains(QStringLiteral("## You\n\nHow to sort?")));
        QVERIFY(markdown.contains(QStringLiteral("Use `std::sort`.")));
        const QString json = dir.filePath(QStringLiteral("chat.json"));
        QCOMPARE(page.exportConversation(Hub::ConversationExport::Format::Json, json), QString());
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(jsonFile.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("title")).toString(), QStringLiteral("Sorting"));
        QCOMPARE(root.value(QStringLiteral("messages")).toArray().size(), 2);
        const QString error = page.exportConversation(Hub::ConversationExport::Format::Json,
                                                      dir.filePath(QStringLiteral("missing/dir/chat.json")));
        QVERIFY2(error.contains(QStringLiteral("Choose another folder")), qPrintable(error));
    }

    void shortcuts_workAndAreNamedInTooltips()
    {
        PlaygroundPage page;
        const QString send = page.findChild<QPushButton *>(QStringLiteral("sendButton"))->toolTip();
        const QString stop = page.findChild<QPushButton *>(QStringLiteral("stopButton"))->toolTip();
        const QString fresh = page.findChild<QPushButton *>(QStringLiteral("newChatButton"))->toolTip();
        QVERIFY2(send.contains(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)), qPrintable(send));
        QVERIFY2(stop.contains(QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText)), qPrintable(stop));
        QVERIFY2(fresh.contains(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)), qPrintable(fresh));
        // Ctrl+N from another tab comes back to a new chat.
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("playgroundTabs"));
        page.showTab(PlaygroundPage::ImagesTab);
        QTest::keyClick(tabs->currentWidget(), Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), int(PlaygroundPage::ChatTab));
    }
};

QTEST_MAIN(TestPlaygroundPage)
#include "tst_playgroundpage.moc"
