// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The playground's compare, images and embeddings tabs against the real server (in process, billing on) and a mock
// provider that offers two chat models, an image model and an embedding model.
#include "core/billing/billingsettings.h"
#include "core/billing/meter.h"
#include "core/server/serverhost.h"
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/testhub.h"
#include "ui/chatstream.h"
#include "ui/pages/playgroundpage.h"
#include "ui/playground/comparepane.h"
#include "ui/playground/compareview.h"
#include "ui/playground/embeddingsview.h"
#include "ui/playground/imageview.h"
#include "ui/playgroundkey.h"
#include "ui/widgets/messagebanner.h"

#include <QBuffer>
#include <QDir>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Ui;

namespace {

QByteArray sse(const QJsonObject &body)
{
    return "data: " + QJsonDocument(body).toJson(QJsonDocument::Compact) + "\n\n";
}

// Each chat model answers with its own words, slowly, so both sides of a comparison stream at the same time.
Testing::MockResponse chatAnswer(const Testing::RecordedRequest &request)
{
    const QString model = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("model")).toString();
    QList<QByteArray> chunks;
    for (const QString &word : { QStringLiteral("Answer"), QStringLiteral(" from "), model, QStringLiteral(" done.") }) {
        const QJsonObject choice { { QStringLiteral("index"), 0 },
                                   { QStringLiteral("delta"), QJsonObject { { QStringLiteral("content"), word } } } };
        chunks.append(sse({ { QStringLiteral("id"), QStringLiteral("c1") },
                            { QStringLiteral("object"), QStringLiteral("chat.completion.chunk") },
                            { QStringLiteral("model"), model },
                            { QStringLiteral("choices"), QJsonArray { choice } } }));
    }
    chunks.append(sse({ { QStringLiteral("id"), QStringLiteral("c1") },
                        { QStringLiteral("object"), QStringLiteral("chat.completion.chunk") },
                        { QStringLiteral("model"), model },
                        { QStringLiteral("choices"), QJsonArray {} },
                        { QStringLiteral("usage"), QJsonObject { { QStringLiteral("prompt_tokens"), 10 },
                                                                 { QStringLiteral("completion_tokens"), 4 } } } }));
    chunks.append("data: [DONE]\n\n");
    return Testing::MockResponse::stream(200, "text/event-stream", chunks);
}

QByteArray pngBytes()
{
    QImage image(16, 12, QImage::Format_RGB32);
    image.fill(QColor(200, 40, 40));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

Testing::MockResponse imageAnswer(const Testing::RecordedRequest &)
{
    const QJsonObject item { { QStringLiteral("b64_json"), QString::fromLatin1(pngBytes().toBase64()) } };
    return Testing::MockResponse::json(
        200, QJsonDocument(QJsonObject { { QStringLiteral("created"), 1 }, { QStringLiteral("data"), QJsonArray { item } } })
                 .toJson(QJsonDocument::Compact));
}

// Known directions: cat . kitten = 0.8, kitten . dog = 0.6, cat . dog = 0.
Testing::MockResponse embeddingAnswer(const Testing::RecordedRequest &request)
{
    QJsonArray data;
    int index = 0;
    for (const QJsonValue &input : QJsonDocument::fromJson(request.body).object().value(QStringLiteral("input")).toArray()) {
        const QString text = input.toString();
        const QJsonArray vector = text.contains(QStringLiteral("kitten")) ? QJsonArray { 0.8, 0.6, 0.0 }
            : text.contains(QStringLiteral("cat"))                        ? QJsonArray { 1.0, 0.0, 0.0 }
                                                                          : QJsonArray { 0.0, 1.0, 0.0 };
        data.append(QJsonObject { { QStringLiteral("object"), QStringLiteral("embedding") },
                                  { QStringLiteral("index"), index++ },
                                  { QStringLiteral("embedding"), vector } });
    }
    const QJsonObject body { { QStringLiteral("object"), QStringLiteral("list") },
                             { QStringLiteral("data"), data },
                             { QStringLiteral("model"), QStringLiteral("text-embedding-3-small") },
                             { QStringLiteral("usage"), QJsonObject { { QStringLiteral("prompt_tokens"), 6 },
                                                                      { QStringLiteral("total_tokens"), 6 } } } };
    return Testing::MockResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

Billing::Rate rate(const QString &model, Billing::RateType type, const char16_t *input, const char16_t *output)
{
    Billing::Rate r;
    r.provider = QStringLiteral("mock");
    r.model = model;
    r.type = type;
    r.input = *Billing::Credits::parse(input);
    r.output = *Billing::Credits::parse(output);
    return r;
}

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

    bool start()
    {
        if (!upstream.startInThread())
            return false;
        upstream.setModels({ QStringLiteral("gpt-test"), QStringLiteral("gpt-other"), QStringLiteral("dall-e-2"),
                             QStringLiteral("text-embedding-3-small") });
        upstream.addRoute("POST", "/v1/chat/completions", chatAnswer);
        upstream.addRoute("POST", "/v1/images/generations", imageAnswer);
        upstream.addRoute("POST", "/v1/embeddings", embeddingAnswer);
        hub.addProvider(Providers::ProviderKind::OpenAI, QStringLiteral("mock"), upstream.baseUrl());
        if (!Billing::BillingSettings::set(*hub.database(), QStringLiteral("enabled"), QStringLiteral("on")))
            return false;
        meter = std::make_unique<Billing::Meter>(hub.database());
        if (!meter->start())
            return false;
        for (const Billing::Rate &r : { rate(QStringLiteral("gpt-test"), Billing::RateType::Chat, u"1000", u"2000"),
                                        rate(QStringLiteral("gpt-other"), Billing::RateType::Chat, u"3000", u"5000"),
                                        rate(QStringLiteral("dall-e-2"), Billing::RateType::Image, u"0", u"0.04"),
                                        rate(QStringLiteral("text-embedding-3-small"), Billing::RateType::Embedding,
                                             u"500", u"0") }) {
            if (!meter->rates().set(r))
                return false;
        }
        if (!meter->ledger().post(PlaygroundKey::keyName(), Billing::EntryKind::Topup, Billing::Credits::fromWhole(1000),
                                  QStringLiteral("test")))
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

QStringList items(QComboBox *combo)
{
    QStringList out;
    for (int i = 0; i < combo->count(); ++i)
        out.append(combo->itemText(i));
    return out;
}

// A shown page with its models loaded.
bool openPage(PlaygroundPage &page, Fixture &f)
{
    page.resize(1000, 700);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page))
        return false;
    QSignalSpy models(&page, &PlaygroundPage::modelsLoaded);
    page.setContext(f.context());
    return models.wait(10000) || !models.isEmpty();
}

// For review: <build>/screenshots/playground-<name>.png, next to tst_screenshots' pictures.
void saveShot(QWidget &widget, const QString &name)
{
    const QString dir = QStringLiteral(AIHUB_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget.grab().save(dir + QStringLiteral("/playground-") + name + QStringLiteral(".png")));
}

} // namespace

class TestPlaygroundTabs final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void modelPickers_offerEachTabItsKindOfModel()
    {
        Fixture f;
        QVERIFY(f.start());
        PlaygroundPage page;
        QVERIFY(openPage(page, f));
        QCOMPARE(items(page.findChild<QComboBox *>(QStringLiteral("modelCombo"))),
                 (QStringList { QStringLiteral("mock/gpt-other"), QStringLiteral("mock/gpt-test") }));
        QCOMPARE(items(page.findChild<QComboBox *>(QStringLiteral("imageModelCombo"))),
                 QStringList { QStringLiteral("mock/dall-e-2") });
        QCOMPARE(items(page.findChild<QComboBox *>(QStringLiteral("embeddingModelCombo"))),
                 QStringList { QStringLiteral("mock/text-embedding-3-small") });
        // Compare starts with two different models.
        auto *compare = page.findChild<CompareView *>();
        QVERIFY(compare->pane(0)->model() != compare->pane(1)->model());
    }

    void compare_streamsBothModelsAtOnce_eachWithItsOwnStats()
    {
        Fixture f;
        QVERIFY(f.start());
        f.upstream.setPerChunkDelayMs(150);
        PlaygroundPage page;
        QVERIFY(openPage(page, f));
        page.showTab(PlaygroundPage::CompareTab);
        auto *compare = page.findChild<CompareView *>();
        compare->pane(0)->setModel(QStringLiteral("mock/gpt-test"));
        compare->pane(1)->setModel(QStringLiteral("mock/gpt-other"));
        QSignalSpy done(compare, &CompareView::comparisonFinished);
        QSignalSpy callsEnded(&page, &PlaygroundPage::callsEnded); // the usage and keys pages refresh on it
        QSignalSpy leftText(compare->pane(0)->stream(), &ChatStream::textArrived);
        QSignalSpy rightText(compare->pane(1)->stream(), &ChatStream::textArrived);
        auto *prompt = page.findChild<QPlainTextEdit *>(QStringLiteral("comparePrompt"));
        QTest::keyClicks(prompt, QStringLiteral("Which is better?"));
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier); // the page's send shortcut acts on this tab
        // Both sides have text while both are still streaming.
        QTRY_VERIFY2_WITH_TIMEOUT(!leftText.isEmpty() && !rightText.isEmpty(),
                                  qPrintable(compare->pane(0)->answerText() + u'|' + compare->pane(1)->answerText()), 10000);
        QVERIFY(compare->pane(0)->isStreaming() && compare->pane(1)->isStreaming());
        QVERIFY(done.isEmpty());
        QVERIFY(done.wait(10000));
        QCOMPARE(callsEnded.size(), 1);
        QVERIFY(compare->pane(0)->answerText().contains(QStringLiteral("Answer from gpt-test done.")));
        QVERIFY(compare->pane(1)->answerText().contains(QStringLiteral("Answer from gpt-other done.")));
        // Each side its own charge: 10 in, 4 out at each model's rate.
        QCOMPARE(compare->pane(0)->reply().credits, QStringLiteral("0.018"));
        QCOMPARE(compare->pane(1)->reply().credits, QStringLiteral("0.05"));
        const QString leftStats = page.findChild<QLabel *>(QStringLiteral("compareStatsA"))->text();
        QVERIFY2(leftStats.contains(QStringLiteral("10 in / 4 out tokens")) && leftStats.contains(QStringLiteral("0.018 credits"))
                     && leftStats.contains(QStringLiteral("first token")),
                 qPrintable(leftStats));
        saveShot(page, QStringLiteral("compare"));
    }

    void compare_stopOneSide_theOtherGoesOn()
    {
        Fixture f;
        QVERIFY(f.start());
        f.upstream.setPerChunkDelayMs(300);
        PlaygroundPage page;
        QVERIFY(openPage(page, f));
        page.showTab(PlaygroundPage::CompareTab);
        auto *compare = page.findChild<CompareView *>();
        QSignalSpy leftText(compare->pane(0)->stream(), &ChatStream::textArrived);
        QSignalSpy done(compare, &CompareView::comparisonFinished);
        QTest::keyClicks(page.findChild<QPlainTextEdit *>(QStringLiteral("comparePrompt")), QStringLiteral("Go"));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("compareSendButton")), Qt::LeftButton);
        QVERIFY(leftText.wait(10000));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("compareStopA")), Qt::LeftButton);
        QTRY_VERIFY(!compare->pane(0)->isStreaming());
        QVERIFY(compare->pane(1)->isStreaming());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("compareStatsA"))->text().startsWith(QStringLiteral("Stopped.")));
        QVERIFY(done.wait(10000));
        QVERIFY(compare->pane(1)->answerText().contains(QStringLiteral("done.")));
        QVERIFY(!compare->pane(0)->answerText().contains(QStringLiteral("done.")));
    }

    void images_appearAsTheyArrive_withTheRecordedCharge_andSaveAsPng()
    {
        Fixture f;
        QVERIFY(f.start());
        PlaygroundPage page;
        QVERIFY(openPage(page, f));
        page.showTab(PlaygroundPage::ImagesTab);
        auto *images = page.findChild<ImageView *>();
        QTest::keyClicks(page.findChild<QPlainTextEdit *>(QStringLiteral("imagePrompt")), QStringLiteral("A red square"));
        page.findChild<QSpinBox *>(QStringLiteral("imageCountSpin"))->setValue(2);
        page.findChild<QComboBox *>(QStringLiteral("imageSizeCombo"))->setCurrentText(QStringLiteral("256x256"));
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("imageHint"))->isHidden());
        QSignalSpy arrived(images, &ImageView::imageArrived);
        QSignalSpy credits(images, &ImageView::creditsKnown);
        QSignalSpy finished(images, &ImageView::generationFinished);
        QSignalSpy callsEnded(&page, &PlaygroundPage::callsEnded);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("generateButton")), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(callsEnded.size(), 1);
        QCOMPARE(arrived.size(), 2);
        QCOMPARE(images->images().size(), 2);
        QCOMPARE(images->images().at(0).image.size(), QSize(16, 12));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("imageHint"))->isHidden());
        // Sent as two calls of one image each, through the hub's own API, with the size asked for.
        int calls = 0;
        for (const auto &request : f.upstream.requests()) {
            if (request.path.endsWith("/images/generations")) {
                ++calls;
                QVERIFY(request.body.contains("\"size\":\"256x256\""));
            }
        }
        QCOMPARE(calls, 2);
        // The charge the hub recorded for each call (0.04 per image), read from its usage record.
        QTRY_COMPARE_WITH_TIMEOUT(credits.size(), 2, 8000);
        QCOMPARE(images->images().at(0).credits, QStringLiteral("0.04"));
        const QString caption = page.findChild<QWidget *>(QStringLiteral("imageCard0"))
                                    ->findChild<QLabel *>(QStringLiteral("caption"))->text();
        QVERIFY2(caption.contains(QStringLiteral("16 × 12")) && caption.contains(QStringLiteral("0.04 credits")),
                 qPrintable(caption));
        saveShot(page, QStringLiteral("images"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("square.png"));
        QSignalSpy saved(images, &ImageView::imageSaved);
        images->saveImage(1, path);
        QVERIFY(saved.wait(5000));
        QCOMPARE(saved.at(0).at(1).toString(), QString());
        QImage back(path, "PNG");
        QCOMPARE(back.size(), QSize(16, 12));
        QCOMPARE(back.pixelColor(3, 3), QColor(200, 40, 40));
        // A folder that does not exist: a readable error, nothing written.
        images->saveImage(0, dir.filePath(QStringLiteral("missing/square.png")));
        QVERIFY(saved.wait(5000));
        QVERIFY(saved.at(1).at(1).toString().contains(QStringLiteral("choose a folder")));
    }

    void images_failure_isReadable()
    {
        Fixture f;
        QVERIFY(f.start());
        f.upstream.enqueueResponse("POST", "/v1/images/generations",
                                   Testing::MockResponse::json(503, "{\"error\":{\"message\":\"overloaded\"}}"));
        PlaygroundPage page;
        QVERIFY(openPage(page, f));
        auto *images = page.findChild<ImageView *>();
        QTest::keyClicks(page.findChild<QPlainTextEdit *>(QStringLiteral("imagePrompt")), QStringLiteral("A cat"));
        QSignalSpy finished(images, &ImageView::generationFinished);
        images->generate();
        QVERIFY(finished.wait(10000));
        auto *banner = page.findChild<MessageBanner *>(QStringLiteral("imageBanner"));
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY2(banner->text().contains(QStringLiteral("Providers page")), qPrintable(banner->text()));
        QVERIFY(images->images().isEmpty());
    }

    void images_stop_endsTheWaitAtOnce()
    {
        Fixture f;
        QVERIFY(f.start());
        PlaygroundPage page;
        QVERIFY(openPage(page, f));
        f.upstream.setLatencyMs(3000); // a slow provider
        page.showTab(PlaygroundPage::ImagesTab);
        auto *images = page.findChild<ImageView *>();
        QTest::keyClicks(page.findChild<QPlainTextEdit *>(QStringLiteral("imagePrompt")), QStringLiteral("A slow cat"));
        QSignalSpy finished(images, &ImageView::generationFinished);
        images->generate();
        QTRY_VERIFY(page.findChild<QPushButton *>(QStringLiteral("imageStopButton"))->isEnabled());
        QTRY_VERIFY(!f.upstream.requests().isEmpty() && f.upstream.requests().constLast().path.endsWith("/images/generations"));
        QTest::keyClick(page.findChild<QPlainTextEdit *>(QStringLiteral("imagePrompt")), Qt::Key_Escape);
        QCOMPARE(finished.size(), 1); // at once, not when the provider answers
        QVERIFY(!images->isBusy());
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("imageStatus"))->text(), QStringLiteral("Stopped."));
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("generateButton"))->isEnabled());
        QVERIFY(images->images().isEmpty());
    }

    void embeddings_showDimensionAndCosineMatrix()
    {
        Fixture f;
        QVERIFY(f.start());
        PlaygroundPage page;
        QVERIFY(openPage(page, f));
        page.showTab(PlaygroundPage::EmbeddingsTab);
        auto *view = page.findChild<EmbeddingsView *>();
        QSignalSpy computed(view, &EmbeddingsView::computed);
        QSignalSpy callsEnded(&page, &PlaygroundPage::callsEnded);
        auto *inputs = page.findChild<QPlainTextEdit *>(QStringLiteral("embeddingInputs"));
        inputs->setPlainText(QStringLiteral("a cat\n\n  a kitten  \na dog\n"));
        QTest::keyClick(inputs, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(computed.wait(10000));
        QCOMPARE(callsEnded.size(), 1);
        QCOMPARE(view->dimension(), 3);
        auto *table = page.findChild<QTableWidget *>(QStringLiteral("similarityTable"));
        QCOMPARE(table->rowCount(), 3); // the blank line is not an input
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("0.800"));
        QCOMPARE(table->item(1, 2)->text(), QStringLiteral("0.600"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("0.000"));
        QCOMPARE(table->item(2, 2)->text(), QStringLiteral("1.000"));
        QVERIFY(std::abs(*view->similarity(1, 0) - 0.8) < 1e-6);
        const QString summary = page.findChild<QLabel *>(QStringLiteral("embeddingSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("3 dimensions")) && summary.contains(QStringLiteral("credits")),
                 qPrintable(summary));
        saveShot(page, QStringLiteral("embeddings"));
        // The inputs went to the hub in one call, trimmed.
        const QJsonObject sent = QJsonDocument::fromJson(f.upstream.lastRequest().body).object();
        QCOMPARE(sent.value(QStringLiteral("input")).toArray().size(), 3);
        QCOMPARE(sent.value(QStringLiteral("input")).toArray().at(1).toString(), QStringLiteral("a kitten"));
    }

    void embeddings_badInputAndProviderFailure_areReadable()
    {
        Fixture f;
        QVERIFY(f.start());
        PlaygroundPage page;
        QVERIFY(openPage(page, f));
        auto *view = page.findChild<EmbeddingsView *>();
        auto *banner = page.findChild<MessageBanner *>(QStringLiteral("embeddingBanner"));
        QSignalSpy failed(view, &EmbeddingsView::computeFailed);
        page.findChild<QPlainTextEdit *>(QStringLiteral("embeddingInputs"))->setPlainText(QStringLiteral("   \n  "));
        view->compute();
        QVERIFY(!failed.isEmpty() || failed.wait(1000));
        QVERIFY2(banner->text().contains(QStringLiteral("one per line")), qPrintable(banner->text()));
        f.upstream.enqueueResponse("POST", "/v1/embeddings",
                                   Testing::MockResponse::json(503, "{\"error\":{\"message\":\"down\"}}"));
        page.findChild<QPlainTextEdit *>(QStringLiteral("embeddingInputs"))->setPlainText(QStringLiteral("a cat"));
        view->compute();
        QVERIFY(failed.wait(10000));
        QVERIFY2(banner->text().startsWith(QStringLiteral("Provider unreachable")), qPrintable(banner->text()));
        QCOMPARE(page.findChild<QTableWidget *>(QStringLiteral("similarityTable"))->rowCount(), 0);
    }
};

QTEST_MAIN(TestPlaygroundTabs)
#include "tst_playgroundtabs.moc"
