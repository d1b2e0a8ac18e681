// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/ollama/ollamastreamdecoder.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Providers;

namespace {
QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/ollama/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

std::vector<ChatEvent> decode(const QByteArray &bytes, quint32 seed = 0)
{
    OllamaStreamDecoder decoder(QStringLiteral("Ollama (provider \"local\")"));
    std::vector<ChatEvent> out;
    if (seed == 0) {
        decoder.feed(bytes, out);
    } else {
        QRandomGenerator rng(seed);
        for (qsizetype pos = 0; pos < bytes.size();) {
            const qsizetype n = qMin<qsizetype>(bytes.size() - pos, 1 + rng.bounded(9));
            decoder.feed(bytes.mid(pos, n), out);
            pos += n;
        }
    }
    decoder.finish(out);
    return out;
}

QString kinds(const std::vector<ChatEvent> &events)
{
    QStringList k;
    for (const ChatEvent &e : events) {
        switch (e.kind) {
        case ChatEvent::Kind::Start: k << QStringLiteral("start"); break;
        case ChatEvent::Kind::TextDelta: k << QStringLiteral("text"); break;
        case ChatEvent::Kind::ReasoningDelta: k << QStringLiteral("reasoning"); break;
        case ChatEvent::Kind::ToolCall: k << QStringLiteral("tool"); break;
        case ChatEvent::Kind::Finish: k << QStringLiteral("finish:") + e.finishReason; break;
        case ChatEvent::Kind::Usage: k << QStringLiteral("usage"); break;
        case ChatEvent::Kind::Error: k << QStringLiteral("error"); break;
        case ChatEvent::Kind::Done: k << QStringLiteral("done"); break;
        case ChatEvent::Kind::Chunk: k << QStringLiteral("chunk"); break;
        }
    }
    return k.join(u' ');
}

QString joined(const std::vector<ChatEvent> &events, ChatEvent::Kind kind)
{
    QString s;
    for (const ChatEvent &e : events) {
        if (e.kind == kind)
            s += e.text;
    }
    return s;
}

const ChatEvent *find(const std::vector<ChatEvent> &events, ChatEvent::Kind kind)
{
    for (const ChatEvent &e : events) {
        if (e.kind == kind)
            return &e;
    }
    return nullptr;
}

bool sameEvents(const std::vector<ChatEvent> &a, const std::vector<ChatEvent> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].kind != b[i].kind || a[i].text != b[i].text || a[i].finishReason != b[i].finishReason
            || a[i].toolCall.argumentsDelta != b[i].toolCall.argumentsDelta || a[i].usage.outputTokens != b[i].usage.outputTokens
            || a[i].error.message != b[i].error.message)
            return false;
    }
    return true;
}
} // namespace

class TestOllamaStreamDecoder final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixtures_anySplit_sameEvents_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *f : { "api-chat-stream.ndjson", "api-chat-stream-tools.ndjson", "docs-api-generate-stream.ndjson",
                               "docs-midstream-error.ndjson" })
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void fixtures_anySplit_sameEvents()
    {
        QFETCH(QString, name);
        const QByteArray bytes = fixture(name);
        const auto whole = decode(bytes);
        QVERIFY(whole.size() >= 3);
        for (quint32 seed = 1; seed <= 20; ++seed)
            QVERIFY2(sameEvents(whole, decode(bytes, seed)), qPrintable(QStringLiteral("seed %1").arg(seed)));
    }
    void textStream_deltasFinishUsageOnceDone()
    {
        const auto events = decode(fixture(QStringLiteral("api-chat-stream.ndjson")));
        QCOMPARE(kinds(events), QStringLiteral("start text text text text text text text finish:stop usage done"));
        QCOMPARE(events.front().model, QStringLiteral("granite3-dense:8b"));
        QCOMPARE(joined(events, ChatEvent::Kind::TextDelta), QStringLiteral("I am Granitets."));
        const ChatEvent *usage = find(events, ChatEvent::Kind::Usage);
        QCOMPARE(usage->usage.inputTokens, std::optional<qint64>(37));
        QCOMPARE(usage->usage.outputTokens, std::optional<qint64>(37));
    }
    void toolStream_wholeCallsWithArgumentsAsJsonText()
    {
        const auto events = decode(fixture(QStringLiteral("api-chat-stream-tools.ndjson")));
        QCOMPARE(kinds(events), QStringLiteral("start tool tool finish:tool_calls usage done"));
        QCOMPARE(events[1].toolCall.index, 0);
        QCOMPARE(events[1].toolCall.id, QStringLiteral("call_0"));
        QCOMPARE(events[1].toolCall.name, QStringLiteral("weather"));
        QCOMPARE(events[1].toolCall.argumentsDelta, QStringLiteral(R"({"city":"Detroit"})"));
        QCOMPARE(events[2].toolCall.index, 1);
        QCOMPARE(events[2].toolCall.id, QStringLiteral("call_1"));
        QCOMPARE(events[2].toolCall.name, QStringLiteral("search"));
        QCOMPARE(events[2].toolCall.argumentsDelta, QStringLiteral(R"({"query":"Detroit Tigers game time today"})"));
        QCOMPARE(find(events, ChatEvent::Kind::Usage)->usage.inputTokens, std::optional<qint64>(218));
        QCOMPARE(find(events, ChatEvent::Kind::Usage)->usage.outputTokens, std::optional<qint64>(306));
    }
    void thinkingLines_becomeReasoning()
    {
        const auto events = decode("{\"model\":\"gpt-oss\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Hmm\"},\"done\":false}\n"
                                   "{\"model\":\"gpt-oss\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}\n"
                                   "{\"model\":\"gpt-oss\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"length\",\"eval_count\":2}\n");
        QCOMPARE(kinds(events), QStringLiteral("start reasoning text finish:length usage done"));
        QVERIFY(!find(events, ChatEvent::Kind::Usage)->usage.inputTokens.has_value()); // not reported, not 0
    }
    void docsGenerateStream_doneWithoutCounts_hasNoUsage()
    {
        const auto events = decode(fixture(QStringLiteral("docs-api-generate-stream.ndjson")));
        QCOMPARE(kinds(events), QStringLiteral("start text text text text text text text finish:stop done"));
        QCOMPARE(joined(events, ChatEvent::Kind::TextDelta), QStringLiteral("That's a fantastic question!"));
    }
    void midStreamError_withStatus200_becomesError()
    {
        const auto events = decode(fixture(QStringLiteral("docs-midstream-error.ndjson")));
        QCOMPARE(kinds(events), QStringLiteral("start text text text text error"));
        const ChatEvent *error = find(events, ChatEvent::Kind::Error);
        QCOMPARE(error->error.code, ErrorCode::UpstreamUnavailable);
        QVERIFY(error->error.message.contains(QStringLiteral("an error was encountered while running the model")));
        QVERIFY(error->error.message.contains(QStringLiteral("provider \"local\"")));
    }
    void crlfLines_andTrailingLineWithoutNewline_areRead()
    {
        const auto events = decode("{\"message\":{\"content\":\"a\"},\"done\":false}\r\n\r\n"
                                   "{\"message\":{\"content\":\"\"},\"done\":true,\"prompt_eval_count\":1,\"eval_count\":1}");
        QCOMPARE(kinds(events), QStringLiteral("start text finish:stop usage done"));
    }
    void streamCutOff_beforeDone_isError()
    {
        const auto events = decode("{\"message\":{\"content\":\"a\"},\"done\":false}\n");
        QCOMPARE(kinds(events), QStringLiteral("start text error"));
        QCOMPARE(events.back().error.code, ErrorCode::UpstreamProtocol);
    }
    void garbageLine_isProtocolError()
    {
        const auto events = decode("<html>oops</html>\n");
        QCOMPARE(kinds(events), QStringLiteral("error"));
        QCOMPARE(events.front().error.code, ErrorCode::UpstreamProtocol);
    }
};

QTEST_GUILESS_MAIN(TestOllamaStreamDecoder)
#include "tst_ollamastreamdecoder.moc"
