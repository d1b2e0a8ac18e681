// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The Model Rates page against the real billing core, and a chat through the running hub charged at the edited rate.
#include "core/billing/billingsettings.h"
#include "core/billing/meter.h"
#include "core/server/serverhost.h"
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/rawhttpclient.h"
#include "tests/support/testhub.h"
#include "ui/pages/ratespage.h"
#include "ui/widgets/derivecostdialog.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/rateimportdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace AiHub;
using namespace AiHub::Ui;
using Billing::Credits;
using Billing::RateType;

namespace {
Credits c(const char *text)
{
    return *Credits::parse(QString::fromLatin1(text));
}

HubContext contextFor(Testing::TestHub &hub, quint16 port = 0)
{
    HubContext context;
    context.database = hub.database();
    context.secrets = hub.secrets();
    context.keys = &hub.keys();
    if (port)
        context.serverUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
    return context;
}

Billing::Rate rate(const QString &model, const char *input, const char *output)
{
    Billing::Rate r;
    r.provider = QStringLiteral("openai");
    r.model = model;
    r.input = c(input);
    r.output = c(output);
    return r;
}

void edit(RatesPage &page, RateType type, int row, int column, const QString &text)
{
    page.table(type)->item(row, column)->setText(text); // what the delegate does when an edit is committed
}

MessageBanner *banner(RatesPage &page)
{
    return page.findChild<MessageBanner *>(QStringLiteral("messageBanner"));
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// A hub with billing on, serving through the real server with the billing meter.
struct BillingHub {
    Testing::MockUpstream upstream;
    Testing::TestHub hub;
    std::unique_ptr<Billing::Meter> meter;
    std::unique_ptr<Server::ServerHost> server;
    QByteArray key;
    quint16 port = 0;

    bool start()
    {
        if (!upstream.startInThread())
            return false;
        upstream.setModels({ QStringLiteral("gpt-test") });
        upstream.addRoute("POST", "/v1/chat/completions",
                          Testing::MockResponse::json(
                              200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-test\","
                                   "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
                                   "\"finish_reason\":\"stop\"}],"
                                   "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":9,\"total_tokens\":16}}"));
        hub.addProvider(Providers::ProviderKind::OpenAI, QStringLiteral("openai"), upstream.baseUrl());
        key = hub.createKey(QStringLiteral("tester"));
        if (!Billing::BillingSettings::set(*hub.database(), QStringLiteral("enabled"), QStringLiteral("on")))
            return false;
        meter = std::make_unique<Billing::Meter>(hub.database());
        if (!meter->start())
            return false;
        if (!meter->ledger().post(QStringLiteral("tester"), Billing::EntryKind::Topup, c("100"), QStringLiteral("test")))
            return false;
        Server::HubServices services = hub.services();
        services.billing = meter.get();
        Server::ServerOptions options;
        options.address = QHostAddress::LocalHost;
        options.port = 0;
        options.threads = 1;
        server = std::make_unique<Server::ServerHost>(services, options);
        auto listening = server->start();
        if (!listening)
            return false;
        port = *listening;
        return true;
    }

    ~BillingHub()
    {
        if (server) {
            QSignalSpy stopped(server.get(), &Server::ServerHost::stopped);
            server->stop();
            if (stopped.isEmpty())
                stopped.wait(10000);
        }
    }

    // One chat; returns the credits it was charged and the rate it used, from its usage record.
    std::pair<qint64, qint64> chat()
    {
        const QByteArray body = "{\"model\":\"openai/gpt-test\",\"max_tokens\":50,"
                                "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        const auto reply = Testing::RawHttpClient::request(port, "POST", "/v1/chat/completions", body,
                                                           { { "Authorization", "Bearer " + key } });
        if (reply.status != 200)
            return { -reply.status, 0 };
        const auto records = hub.usageRecords();
        if (records.isEmpty())
            return { -1, 0 };
        return { records.first().creditsNanos.value_or(-2), records.first().rateId.value_or(0) };
    }
};
} // namespace

class TestRatesPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void editedRate_chargesTheNextChat()
    {
        BillingHub b;
        QVERIFY(b.start());
        RatesPage page;
        QSignalSpy loaded(&page, &RatesPage::modelsLoaded);
        page.setContext(contextFor(b.hub, b.port));
        QVERIFY(loaded.wait(10000));

        // The provider offers gpt-test, which has no rate yet: listed and marked unpriced.
        int row = page.rowOf(RateType::Chat, QStringLiteral("openai"), QStringLiteral("gpt-test"));
        QVERIFY(row >= 0);
        QVERIFY(page.isUnpriced(RateType::Chat, row));
        QCOMPARE(page.table(RateType::Chat)->item(row, RatesPage::StatusColumn)->text(), QStringLiteral("Unpriced"));
        // Unpriced and billing on: refused, never billed as zero.
        QCOMPARE(b.chat().first, -400);

        // Pricing it takes both rates; the first alone writes nothing.
        edit(page, RateType::Chat, row, RatesPage::InputColumn, QStringLiteral("1000"));
        QCOMPARE(banner(page)->kind(), MessageBanner::Kind::Info);
        QVERIFY(b.meter->rates().current()->isEmpty());
        edit(page, RateType::Chat, row, RatesPage::OutputColumn, QStringLiteral("2000"));
        QCOMPARE(banner(page)->kind(), MessageBanner::Kind::Success);
        auto stored = b.meter->rates().find(QStringLiteral("openai"), QStringLiteral("gpt-test"), RateType::Chat);
        QVERIFY(stored && *stored);
        QCOMPARE((*stored)->input, c("1000"));
        QCOMPARE((*stored)->output, c("2000"));
        row = page.rowOf(RateType::Chat, QStringLiteral("openai"), QStringLiteral("gpt-test"));
        QVERIFY(!page.isUnpriced(RateType::Chat, row));
        QCOMPARE(page.table(RateType::Chat)->item(row, RatesPage::CreditsColumn)->text(), QStringLiteral("3"));

        auto [credits, rateId] = b.chat();
        QCOMPARE(credits, c("0.025").nanos()); // 7 × 0.001 + 9 × 0.002
        QCOMPARE(rateId, (*stored)->id);

        // A new input rate: the very next call pays it, and names the new rate.
        edit(page, RateType::Chat, row, RatesPage::InputColumn, QStringLiteral("3000"));
        auto updated = b.meter->rates().find(QStringLiteral("openai"), QStringLiteral("gpt-test"), RateType::Chat);
        QVERIFY((*updated)->id != (*stored)->id);
        std::tie(credits, rateId) = b.chat();
        QCOMPARE(credits, c("0.039").nanos()); // 7 × 0.003 + 9 × 0.002
        QCOMPARE(rateId, (*updated)->id);
        // The ledger shows both charges.
        auto history = b.meter->ledger().history(QStringLiteral("tester"));
        QVERIFY(history && history->size() == 3);
        QCOMPARE(history->at(0).amount, -c("0.039"));
        QCOMPARE(history->at(0).rateId, std::optional<qint64>((*updated)->id));
        QCOMPARE(history->at(1).amount, -c("0.025"));
    }

    void unpricedModels_areCounted_andAnImageNeedsOnlyItsPrice()
    {
        Testing::TestHub hub;
        QVERIFY(Billing::RateBook(hub.database()).set(rate(QStringLiteral("gpt-4o"), "2.5", "10")));
        RatesPage page;
        page.setContext(contextFor(hub));
        QVERIFY(page.unpricedNote().isEmpty());
        page.setOfferedModels({ { QStringLiteral("openai"), QStringLiteral("gpt-4o"), RateType::Chat },
                                { QStringLiteral("openai"), QStringLiteral("o3"), RateType::Chat },
                                { QStringLiteral("openai"), QStringLiteral("dall-e-3"), RateType::Image } });
        QVERIFY2(page.unpricedNote().startsWith(QStringLiteral("Offered by your providers but without a rate: 2 ")), qPrintable(page.unpricedNote()));
        QVERIFY(!page.isUnpriced(RateType::Chat, page.rowOf(RateType::Chat, QStringLiteral("openai"),
                                                            QStringLiteral("gpt-4o"))));
        const int image = page.rowOf(RateType::Image, QStringLiteral("openai"), QStringLiteral("dall-e-3"));
        QVERIFY(page.isUnpriced(RateType::Image, image));
        QVERIFY(page.table(RateType::Image)->item(image, RatesPage::ProviderColumn)->background().color().isValid());

        edit(page, RateType::Image, image, RatesPage::OutputColumn, QStringLiteral("40"));
        auto stored = Billing::RateBook(hub.database()).find(QStringLiteral("openai"), QStringLiteral("dall-e-3"),
                                                             RateType::Image);
        QVERIFY(stored && *stored);
        QCOMPARE((*stored)->output, c("40"));
        QCOMPARE((*stored)->input, Credits());
        QVERIFY(page.unpricedNote().startsWith(QStringLiteral("Offered by your providers but without a rate: 1 ")));
    }

    void history_listsEveryPriceTheModelHad()
    {
        Testing::TestHub hub;
        Billing::RateBook book(hub.database());
        QVERIFY(book.set(rate(QStringLiteral("gpt-4o"), "2.5", "10")));
        RatesPage page;
        page.show();
        page.setContext(contextFor(hub));
        const int row = page.rowOf(RateType::Chat, QStringLiteral("openai"), QStringLiteral("gpt-4o"));
        edit(page, RateType::Chat, row, RatesPage::OutputColumn, QStringLiteral("12"));
        page.table(RateType::Chat)->selectRow(page.rowOf(RateType::Chat, QStringLiteral("openai"), QStringLiteral("gpt-4o")));
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("historyButton"))->isEnabled());
        page.showSelectedHistory();
        auto *list = page.findChild<QTableWidget *>(QStringLiteral("rateHistoryTable"));
        QVERIFY(list);
        QCOMPARE(list->rowCount(), 2);
        QCOMPARE(list->item(0, 3)->text(), QStringLiteral("10"));
        QCOMPARE(list->item(1, 3)->text(), QStringLiteral("12"));
    }

    void badRate_isRefusedWithAMessage_andNothingIsWritten()
    {
        Testing::TestHub hub;
        Billing::RateBook book(hub.database());
        QVERIFY(book.set(rate(QStringLiteral("gpt-4o"), "2.5", "10")));
        RatesPage page;
        page.setContext(contextFor(hub));
        const int row = page.rowOf(RateType::Chat, QStringLiteral("openai"), QStringLiteral("gpt-4o"));
        QVERIFY(row >= 0);
        QCOMPARE(page.table(RateType::Chat)->item(row, RatesPage::InputColumn)->text(), QStringLiteral("2.5"));

        for (const QString &bad : { QStringLiteral("-5"), QStringLiteral("abc"), QStringLiteral("1e3"),
                                    QStringLiteral("0.0000000001"), QString() }) {
            edit(page, RateType::Chat, row, RatesPage::InputColumn, bad);
            QCOMPARE(banner(page)->kind(), MessageBanner::Kind::Error);
            QVERIFY2(banner(page)->text().contains(QStringLiteral("nothing was changed"), Qt::CaseInsensitive),
                     qPrintable(banner(page)->text()));
            QCOMPARE(book.history(QStringLiteral("openai"), QStringLiteral("gpt-4o"), RateType::Chat)->size(), 1);
            // The cell shows the stored rate again.
            QCOMPARE(page.table(RateType::Chat)->item(row, RatesPage::InputColumn)->text(), QStringLiteral("2.5"));
        }
        edit(page, RateType::Chat, row, RatesPage::InputColumn, QStringLiteral("-5"));
        QVERIFY(banner(page)->text().contains(QStringLiteral("negative")));
    }

    void import_showsTheDiffFirst_andAppliesOnlyWhenAsked()
    {
        Testing::TestHub hub;
        Billing::RateBook book(hub.database());
        QVERIFY(book.set(rate(QStringLiteral("gpt-4o"), "2.5", "10")));
        QVERIFY(book.set(rate(QStringLiteral("gpt-4o-mini"), "0.15", "0.6")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("prices.json"));
        QVERIFY(writeFile(path, "[{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"input\":\"2.5\",\"output\":\"12\"},"
                                "{\"provider\":\"openai\",\"model\":\"o3\",\"input\":\"2\",\"output\":\"8\"}]"));
        RatesPage page;
        page.show();
        page.setContext(contextFor(hub));
        page.importFile(path);
        auto *dialog = page.findChild<RateImportDialog *>(QStringLiteral("rateImportDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->addedCount(), 1);
        QCOMPARE(dialog->changedCount(), 1);
        QCOMPARE(dialog->notInFileCount(), 1); // gpt-4o-mini: kept
        QVERIFY(dialog->summary().contains(QStringLiteral("1 added, 1 changed")));
        QCOMPARE(book.current()->size(), 2); // nothing applied yet

        // Cancel: nothing changes.
        dialog->reject();
        QCOMPARE(book.current()->size(), 2);

        page.importFile(path);
        QTRY_VERIFY(page.findChildren<RateImportDialog *>().size() == 1);
        dialog = page.findChild<RateImportDialog *>(QStringLiteral("rateImportDialog"));
        dialog->findChild<QPushButton *>(QStringLiteral("applyImportButton"))->click();
        QCOMPARE(book.current()->size(), 3);
        QCOMPARE((*book.find(QStringLiteral("openai"), QStringLiteral("gpt-4o"), RateType::Chat))->output, c("12"));
        QVERIFY(page.rowOf(RateType::Chat, QStringLiteral("openai"), QStringLiteral("o3")) >= 0);
        QCOMPARE(banner(page)->kind(), MessageBanner::Kind::Success);
    }

    void import_badFile_explainsAndWritesNothing()
    {
        Testing::TestHub hub;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("prices.csv"));
        QVERIFY(writeFile(path, "provider,model,input,output\nopenai,gpt-4o,2.5,10\nopenai,o3,-2,8\n"));
        RatesPage page;
        page.setContext(contextFor(hub));
        page.importFile(path);
        QVERIFY(!page.findChild<RateImportDialog *>());
        QCOMPARE(banner(page)->kind(), MessageBanner::Kind::Error);
        QVERIFY(banner(page)->text().contains(QStringLiteral("was not imported")));
        QVERIFY(Billing::RateBook(hub.database()).current()->isEmpty());
    }

    void creditPriceAndMargin_areSaved_andDeriveUsesThem()
    {
        Testing::TestHub hub;
        QVERIFY(Billing::RateBook(hub.database()).set(rate(QStringLiteral("gpt-4o"), "1", "1")));
        RatesPage page;
        page.show();
        page.setContext(contextFor(hub));
        auto *price = page.findChild<QLineEdit *>(QStringLiteral("creditPriceField"));
        auto *margin = page.findChild<QLineEdit *>(QStringLiteral("marginField"));
        price->setText(QStringLiteral("-1"));
        page.saveBillingPrice();
        QCOMPARE(banner(page)->kind(), MessageBanner::Kind::Error);
        QCOMPARE(Billing::BillingSettings::load(*hub.database())->creditPrice, c("1"));
        price->setText(QStringLiteral("0.5"));
        margin->setText(QStringLiteral("abc"));
        page.saveBillingPrice();
        QCOMPARE(banner(page)->kind(), MessageBanner::Kind::Error);
        QCOMPARE(Billing::BillingSettings::load(*hub.database())->creditPrice, c("1"));
        margin->setText(QStringLiteral("20"));
        page.findChild<QPushButton *>(QStringLiteral("savePriceButton"))->click();
        QCOMPARE(banner(page)->kind(), MessageBanner::Kind::Success);
        auto settings = Billing::BillingSettings::load(*hub.database());
        QCOMPARE(settings->creditPrice, c("0.5"));
        QCOMPARE(settings->marginPercent, c("20"));

        // Derive: cost × 1.2 / 0.5.
        page.table(RateType::Chat)->selectRow(0);
        page.deriveSelected();
        auto *dialog = page.findChild<DeriveCostDialog *>(QStringLiteral("deriveCostDialog"));
        QVERIFY(dialog);
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("deriveOkButton"));
        dialog->findChild<QLineEdit *>(QStringLiteral("inputCostField"))->setText(QStringLiteral("-1"));
        dialog->findChild<QLineEdit *>(QStringLiteral("outputCostField"))->setText(QStringLiteral("2"));
        QVERIFY(!ok->isEnabled());
        dialog->findChild<QLineEdit *>(QStringLiteral("inputCostField"))->setText(QStringLiteral("1"));
        QVERIFY(ok->isEnabled());
        ok->click();
        auto derived = Billing::RateBook(hub.database()).find(QStringLiteral("openai"), QStringLiteral("gpt-4o"),
                                                               RateType::Chat);
        QCOMPARE((*derived)->input, c("2.4"));
        QCOMPARE((*derived)->output, c("4.8"));
    }
};

QTEST_MAIN(TestRatesPage)
#include "tst_ratespage.moc"
