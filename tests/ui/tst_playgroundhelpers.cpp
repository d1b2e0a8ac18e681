// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The playground's non-widget helpers: cosine similarity, readable error messages, credit figures.
#include "ui/playground/codeblockshade.h"
#include "ui/playground/cosinesimilarity.h"
#include "ui/playground/messagestats.h"
#include "ui/playground/playgrounderror.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

#include <cmath>

using namespace AiHub;
using namespace AiHub::Ui;

class TestPlaygroundHelpers final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cosine_knownAngles()
    {
        QCOMPARE(*CosineSimilarity::of({ 1, 2, 3 }, { 1, 2, 3 }), 1.0);
        QCOMPARE(*CosineSimilarity::of({ 1, 2, 3 }, { 2, 4, 6 }), 1.0); // length does not matter
        QCOMPARE(*CosineSimilarity::of({ 1, 0 }, { 0, 1 }), 0.0);
        QCOMPARE(*CosineSimilarity::of({ 1, 2 }, { -1, -2 }), -1.0);
        QVERIFY(std::abs(*CosineSimilarity::of({ 1, 0 }, { 0.8f, 0.6f }) - 0.8) < 1e-6);
        QVERIFY(std::abs(*CosineSimilarity::of({ 1, 1 }, { 1, 0 }) - std::sqrt(0.5)) < 1e-6);
    }

    void cosine_undefinedCases_areEmpty()
    {
        QVERIFY(!CosineSimilarity::of({ 0, 0 }, { 1, 1 }));      // no direction
        QVERIFY(!CosineSimilarity::of({ 1, 2 }, { 1, 2, 3 }));   // different dimensions
        QVERIFY(!CosineSimilarity::of({}, {}));
        QVERIFY(!CosineSimilarity::of({ INFINITY, 1 }, { 1, 1 }));
    }

    void matrix_isSymmetricWithOnesOnTheDiagonal()
    {
        const auto m = CosineSimilarity::matrix({ { 1, 0, 0 }, { 0.8f, 0.6f, 0 }, { 0, 1, 0 }, { 0, 0, 0 } });
        QVERIFY(m);
        QCOMPARE(m->size(), 4);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(std::abs(*(*m)[i][i] - 1.0) < 1e-9);
            for (int j = 0; j < 3; ++j)
                QCOMPARE(*(*m)[i][j], *(*m)[j][i]);
        }
        QVERIFY(std::abs(*(*m)[0][1] - 0.8) < 1e-6);
        QVERIFY(std::abs(*(*m)[1][2] - 0.6) < 1e-6);
        QVERIFY(std::abs(*(*m)[0][2]) < 1e-9);
        QVERIFY(!(*m)[3][0] && !(*m)[0][3] && !(*m)[3][3]); // the zero vector compares with nothing
        QVERIFY(CosineSimilarity::matrix({})->isEmpty());
    }

    void matrix_ofMixedDimensions_failsSayingWhich()
    {
        const auto m = CosineSimilarity::matrix({ { 1, 0 }, { 1, 0 }, { 1, 0, 0 } });
        QVERIFY(!m);
        QVERIFY2(m.error().message.contains(QStringLiteral("Vector 3 has 3 dimensions but vector 1 has 2")),
                 qPrintable(m.error().message));
    }

    void errors_sayWhatToDo()
    {
        const QUrl hub(QStringLiteral("http://127.0.0.1:8878"));
        const QString noCredit = PlaygroundError::explain(hub, 402, QStringLiteral("0 credits available."),
                                                          QNetworkReply::UnknownContentError);
        QVERIFY(noCredit.startsWith(QStringLiteral("No credit left")));
        QVERIFY(noCredit.contains(QStringLiteral("Access keys")));
        QVERIFY(noCredit.contains(QStringLiteral("desktop-playground")));
        QVERIFY(noCredit.contains(QStringLiteral("0 credits available.")));
        for (int status : { 502, 503, 504 }) {
            const QString down = PlaygroundError::explain(hub, status, QStringLiteral("Connection refused."),
                                                          QNetworkReply::UnknownServerError);
            QVERIFY2(down.startsWith(QStringLiteral("Provider unreachable")) && down.contains(QStringLiteral("Providers page")),
                     qPrintable(down));
        }
        const QString offline = PlaygroundError::explain(hub, 0, {}, QNetworkReply::ConnectionRefusedError,
                                                         QStringLiteral("Connection refused"));
        QVERIFY(offline.contains(QStringLiteral("http://127.0.0.1:8878")));
        QVERIFY(offline.contains(QStringLiteral("Server page")));
        QVERIFY(PlaygroundError::explain(hub, 404, QStringLiteral("No model x."), QNetworkReply::ContentNotFoundError)
                    .contains(QStringLiteral("Pick a model")));
        QVERIFY(PlaygroundError::explain(hub, 429, {}, QNetworkReply::UnknownContentError).contains(QStringLiteral("Wait")));
        QVERIFY(PlaygroundError::explain(hub, 200, QStringLiteral("The provider hung up."), QNetworkReply::NoError)
                    .contains(QStringLiteral("Providers page")));
        QVERIFY(PlaygroundError::explain(hub, 500, {}, QNetworkReply::InternalServerError).contains(QStringLiteral("HTTP 500")));
    }

    void hubMessage_readsBothErrorShapes()
    {
        QCOMPARE(PlaygroundError::hubMessage("{\"error\":{\"message\":\"Add credits.\",\"type\":\"NOT_ENOUGH\"}}"),
                 QStringLiteral("Add credits."));
        QCOMPARE(PlaygroundError::hubMessage("{\"error\":\"Legacy text.\"}"), QStringLiteral("Legacy text."));
        QCOMPARE(PlaygroundError::hubMessage("not json"), QString());
    }

    void creditsText_isAPlainDecimal()
    {
        QCOMPARE(PlaygroundError::creditsText(QJsonValue(0.025)), QStringLiteral("0.025"));
        QCOMPARE(PlaygroundError::creditsText(QJsonValue(0.1 + 0.2)), QStringLiteral("0.3")); // no float noise
        QCOMPARE(PlaygroundError::creditsText(QJsonValue(0)), QStringLiteral("0"));
        QCOMPARE(PlaygroundError::creditsText(QJsonValue(12)), QStringLiteral("12"));
        QCOMPARE(PlaygroundError::creditsText(QJsonValue(0.000000001)), QStringLiteral("0.000000001"));
        QCOMPARE(PlaygroundError::creditsText(QJsonValue(QStringLiteral("1.50"))), QStringLiteral("1.5"));
        QCOMPARE(PlaygroundError::creditsText(QJsonValue(QStringLiteral("lots"))), QString());
    }

    void codeBlocks_areShaded_proseIsNot()
    {
        QTextDocument document;
        document.setMarkdown(QStringLiteral("Use this:\n\n```cpp\nint a = 1;\nint b = 2;\n```\n\nand indented:\n\n    x = 3\n\nDone."));
        const QColor shade(240, 240, 240);
        // Qt's Markdown importer may keep a fenced block's lines in one block or split them: count code blocks.
        int codeBlocks = 0;
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
            codeBlocks += block.text().contains(u'=') ? 1 : 0;
        QVERIFY(codeBlocks >= 2);
        QCOMPARE(CodeBlockShade::apply(&document, shade), codeBlocks);
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            const bool code = block.text().contains(u'=');
            QCOMPARE(block.blockFormat().background().color() == shade, code);
        }
        QTextDocument prose;
        prose.setMarkdown(QStringLiteral("Just **words**."));
        QCOMPARE(CodeBlockShade::apply(&prose, shade), 0);
    }

    void statsLine_listsWhatIsKnown()
    {
        Hub::ConversationMessage m;
        m.model = QStringLiteral("openai/gpt-4o");
        m.inputTokens = 3;
        m.outputTokens = 5;
        m.credits = QStringLiteral("0.01");
        m.firstTokenMs = 250;
        m.latencyMs = 1500;
        QCOMPARE(MessageStats::line(m),
                 QStringLiteral("openai/gpt-4o · 3 in / 5 out tokens · 0.01 credits · first token 0.25 s / total 1.50 s"));
        Hub::ConversationMessage bare;
        bare.latencyMs = 80;
        QCOMPARE(MessageStats::line(bare), QStringLiteral("0.08 s"));
    }
};

QTEST_GUILESS_MAIN(TestPlaygroundHelpers)
#include "tst_playgroundhelpers.moc"
