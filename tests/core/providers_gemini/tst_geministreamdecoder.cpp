// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/gemini/geministreamdecoder.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace AiHub::Providers;

namespace {
QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/gemini/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

std::vector<ChatEvent> decodeWhole(const QByteArray &bytes)
{
    GeminiStreamDecoder decoder(QStringLiteral("Google Gemini (provider \"gem\")"));
    std::vector<ChatEvent> out;
    decoder.feed(bytes, out);
    decoder.finish(out);
    return out;
}

std::vector<ChatEvent> decodeSplit(const QByteArray &bytes, quint32 seed)
{
    QRandomGenerator rng(seed);
    GeminiStreamDecoder decoder(QStringLiteral("Google Gemini (provider \"gem\")"));
    std::vector<ChatEvent> out;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype n = qMin<qsizetype>(bytes.size() - pos, 1 + rng.bounded(7));
        decoder.feed(bytes.mid(pos, n), out);
        pos += n;
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

// The same events, whatever the split.
bool sameEvents(const std::vector<ChatEvent> &a, const std::vector<ChatEvent> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].kind != b[i].kind || a[i].text != b[i].text || a[i].finishReason != b[i].finishReason
            || a[i].toolCall.id != b[i].toolCall.id || a[i].toolCall.argumentsDelta != b[i].toolCall.argumentsDelta
            || a[i].toolCall.signature != b[i].toolCall.signature || a[i].usage.inputTokens != b[i].usage.inputTokens
            || a[i].usage.outputTokens != b[i].usage.outputTokens)
            return false;
    }
    return true;
}

const ChatEvent *find(const std::vector<ChatEvent> &events, ChatEvent::Kind kind)
{
    for (const ChatEvent &e : events) {
        if (e.kind == kind)
            return &e;
    }
    return nullptr;
}
} // namespace

class TestGeminiStreamDecoder final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixtures_anySplit_sameEvents_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *f : { "streamGenerateContent-text.response.sse", "streamGenerateContent-functioncall-turn1.response.sse",
                               "streamGenerateContent-functioncall-turn2.response.sse",
                               "streamGenerateContent-thinking-usage.response.sse", "streamGenerateContent-thought-parts.sse" })
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void fixtures_anySplit_sameEvents()
    {
        QFETCH(QString, name);
        const QByteArray bytes = fixture(name);
        const auto whole = decodeWhole(bytes);
        QVERIFY(!whole.empty());
        for (quint32 seed = 1; seed <= 20; ++seed)
            QVERIFY2(sameEvents(whole, decodeSplit(bytes, seed)), qPrintable(QStringLiteral("seed %1").arg(seed)));
        // Usage exactly once, at the end; never an error.
        int usages = 0;
        for (const ChatEvent &e : whole) {
            usages += e.kind == ChatEvent::Kind::Usage;
            QVERIFY(e.kind != ChatEvent::Kind::Error);
        }
        QCOMPARE(usages, 1);
        QCOMPARE(whole.back().kind, ChatEvent::Kind::Usage);
    }
    void text_fixture_eventsAndLastUsage()
    {
        const auto events = decodeWhole(fixture(QStringLiteral("streamGenerateContent-text.response.sse")));
        QCOMPARE(kinds(events), QStringLiteral("start text text text finish:stop usage"));
        QCOMPARE(events.front().responseId, QStringLiteral("w1peaMz6INOvnvgPgYfPiQY"));
        QCOMPARE(events.front().model, QStringLiteral("gemini-2.0-flash-exp"));
        QCOMPARE(joined(events, ChatEvent::Kind::TextDelta), QStringLiteral("The capital of France is Paris.\n"));
        const ChatEvent *usage = find(events, ChatEvent::Kind::Usage);
        // The last report wins (13 prompt tokens there, 15 on the earlier ones), never summed.
        QCOMPARE(usage->usage.inputTokens, std::optional<qint64>(13));
        QCOMPARE(usage->usage.outputTokens, std::optional<qint64>(8));
    }
    void functionCallTurn1_toolCallWithSignatureAndToolCallsFinish()
    {
        const QByteArray bytes = fixture(QStringLiteral("streamGenerateContent-functioncall-turn1.response.sse"));
        const auto events = decodeWhole(bytes);
        QCOMPARE(kinds(events), QStringLiteral("start tool finish:tool_calls usage"));
        const ChatEvent *tool = find(events, ChatEvent::Kind::ToolCall);
        QCOMPARE(tool->toolCall.id, QStringLiteral("call_0"));
        QCOMPARE(tool->toolCall.index, 0);
        QCOMPARE(tool->toolCall.name, QStringLiteral("get_country"));
        QCOMPARE(tool->toolCall.argumentsDelta, QStringLiteral("{}"));
        QVERIFY(tool->toolCall.signature.startsWith("EpwICpkIAXLI2nxl"));
        QVERIFY(bytes.contains(tool->toolCall.signature)); // carried unchanged
        const ChatEvent *usage = find(events, ChatEvent::Kind::Usage);
        QCOMPARE(usage->usage.inputTokens, std::optional<qint64>(29));
        QCOMPARE(usage->usage.outputTokens, std::optional<qint64>(10 + 202));
    }
    void functionCallTurn2_promptCountJump_lastWins()
    {
        const auto events = decodeWhole(fixture(QStringLiteral("streamGenerateContent-functioncall-turn2.response.sse")));
        QCOMPARE(kinds(events), QStringLiteral("start text text finish:stop usage"));
        QCOMPARE(joined(events, ChatEvent::Kind::TextDelta), QStringLiteral("The capital of Mexico is Mexico City."));
        QCOMPARE(find(events, ChatEvent::Kind::Usage)->usage.inputTokens, std::optional<qint64>(257));
    }
    void thinkingUsage_thoughtsCountAsOutput()
    {
        const auto events = decodeWhole(fixture(QStringLiteral("streamGenerateContent-thinking-usage.response.sse")));
        const ChatEvent *usage = find(events, ChatEvent::Kind::Usage);
        QCOMPARE(usage->usage.inputTokens, std::optional<qint64>(18));
        QCOMPARE(usage->usage.outputTokens, std::optional<qint64>(80 + 35)); // totalTokenCount 133 = 18 + 80 + 35
        QVERIFY(joined(events, ChatEvent::Kind::TextDelta).startsWith(QStringLiteral("1\n2\n3\n")));
        QVERIFY(joined(events, ChatEvent::Kind::TextDelta).endsWith(QStringLiteral("29\n30")));
    }
    void thoughtParts_becomeReasoning_thenToolCall()
    {
        const auto events = decodeWhole(fixture(QStringLiteral("streamGenerateContent-thought-parts.sse")));
        QCOMPARE(kinds(events), QStringLiteral("start reasoning reasoning tool finish:tool_calls usage"));
        QVERIFY(joined(events, ChatEvent::Kind::ReasoningDelta).startsWith(QStringLiteral("**Checking the Weather Data**")));
        QVERIFY(joined(events, ChatEvent::Kind::TextDelta).isEmpty());
        const ChatEvent *tool = find(events, ChatEvent::Kind::ToolCall);
        QVERIFY(nlohmann::json::parse(tool->toolCall.argumentsDelta.toStdString())
                == nlohmann::json::parse(R"({"city":"San Francisco"})"));
        QVERIFY(!tool->toolCall.signature.isEmpty());
        QCOMPARE(find(events, ChatEvent::Kind::Usage)->usage.outputTokens, std::optional<qint64>(15 + 95));
    }
    void parallelCalls_getDistinctIdsAndIndexes()
    {
        const QByteArray bytes = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"a\",\"args\":{\"x\":1}}},"
                                 "{\"functionCall\":{\"name\":\"b\"}}]},\"finishReason\":\"STOP\"}]}\r\n\r\n";
        const auto events = decodeWhole(bytes);
        QCOMPARE(kinds(events), QStringLiteral("start tool tool finish:tool_calls"));
        QCOMPARE(events[1].toolCall.id, QStringLiteral("call_0"));
        QCOMPARE(events[2].toolCall.id, QStringLiteral("call_1"));
        QCOMPARE(events[2].toolCall.index, 1);
        QCOMPARE(events[2].toolCall.argumentsDelta, QStringLiteral("{}"));
    }
    void finishReasons_mapToOpenAiWords_data()
    {
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<QString>("expected");
        QTest::newRow("stop") << QByteArray("STOP") << QStringLiteral("stop");
        QTest::newRow("max") << QByteArray("MAX_TOKENS") << QStringLiteral("length");
        for (const char *r : { "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT" })
            QTest::newRow(r) << QByteArray(r) << QStringLiteral("content_filter");
        QTest::newRow("other") << QByteArray("OTHER") << QStringLiteral("stop");
    }
    void finishReasons_mapToOpenAiWords()
    {
        QFETCH(QByteArray, reason);
        QFETCH(QString, expected);
        const auto events = decodeWhole("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]},\"finishReason\":\""
                                        + reason + "\"}]}\n\n");
        const ChatEvent *finish = find(events, ChatEvent::Kind::Finish);
        QVERIFY(finish);
        QCOMPARE(finish->finishReason, expected);
    }
    void secondCandidate_keepsItsIndex()
    {
        const auto events = decodeWhole("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]},\"index\":0},"
                                        "{\"content\":{\"parts\":[{\"text\":\"b\"}]},\"index\":1,\"finishReason\":\"STOP\"}]}\n\n");
        QCOMPARE(kinds(events), QStringLiteral("start text text finish:stop"));
        QCOMPARE(events[2].choiceIndex, 1);
        QCOMPARE(events[3].choiceIndex, 1);
    }
    void midStreamError_becomesErrorEvent()
    {
        const QByteArray bytes = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}]}}],"
                                 "\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":1}}\r\n\r\n"
                                 "data: {\"error\":{\"code\":429,\"message\":\"Resource has been exhausted\","
                                 "\"status\":\"RESOURCE_EXHAUSTED\"}}\r\n\r\n";
        const auto events = decodeWhole(bytes);
        QCOMPARE(kinds(events), QStringLiteral("start text error usage"));
        const ChatEvent *error = find(events, ChatEvent::Kind::Error);
        QCOMPARE(error->error.code, ErrorCode::UpstreamRateLimited);
        QCOMPARE(error->error.upstreamStatus, 429);
        QVERIFY(error->error.message.contains(QStringLiteral("Resource has been exhausted")));
        QVERIFY(error->error.message.contains(QStringLiteral("provider \"gem\"")));
    }
    void blockedPrompt_isRefusal()
    {
        const auto events = decodeWhole("data: {\"promptFeedback\":{\"blockReason\":\"PROHIBITED_CONTENT\"},"
                                        "\"usageMetadata\":{\"promptTokenCount\":9,\"totalTokenCount\":9}}\r\n\r\n");
        QCOMPARE(kinds(events), QStringLiteral("start error usage"));
        const ChatEvent *error = find(events, ChatEvent::Kind::Error);
        QCOMPARE(error->error.code, ErrorCode::UpstreamRefused);
        QVERIFY(error->error.message.contains(QStringLiteral("PROHIBITED_CONTENT")));
        QCOMPARE(find(events, ChatEvent::Kind::Usage)->usage.inputTokens, std::optional<qint64>(9));
        QVERIFY(!find(events, ChatEvent::Kind::Usage)->usage.outputTokens.has_value()); // not reported, not 0
    }
    void notJson_isProtocolError()
    {
        const auto events = decodeWhole("data: {\"candidates\": [\n\n");
        QCOMPARE(kinds(events), QStringLiteral("error"));
        QCOMPARE(events.front().error.code, ErrorCode::UpstreamProtocol);
    }
    void unterminatedLastEvent_isStillRead_andFinishTwiceIsHarmless()
    {
        GeminiStreamDecoder decoder(QStringLiteral("G"));
        std::vector<ChatEvent> out;
        decoder.feed("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"end\"}]},\"finishReason\":\"STOP\"}],"
                     "\"usageMetadata\":{\"promptTokenCount\":1,\"candidatesTokenCount\":1}}",
                     out);
        QVERIFY(out.empty());
        decoder.finish(out);
        QCOMPARE(kinds(out), QStringLiteral("start text finish:stop usage"));
        decoder.finish(out);
        QCOMPARE(out.size(), std::size_t(4));
    }
};

QTEST_GUILESS_MAIN(TestGeminiStreamDecoder)
#include "tst_geministreamdecoder.moc"
