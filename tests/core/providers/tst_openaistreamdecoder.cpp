// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The decoder against real recorded streams (tests/data/fixtures, see the README there for each source).
#include "core/providers/openaistreamdecoder.h"

#include <QFile>
#include <QMap>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub::Providers;

namespace {
QByteArray fixture(const QString &path)
{
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/") + path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(path));
    return f.readAll();
}

struct Decoded {
    QList<ChatEvent> events;
    int chunks = 0;
    int usages = 0;
    int errors = 0;
    int done = 0;
    TokenUsage lastUsage;
    QString text;
    QString reasoning;
    QMap<int, QString> toolArguments; // by tool call index
    QMap<int, QString> toolNames;
    QStringList finishReasons;
    int starts = 0;
    bool anyChunkHasUsage = false;
};

Decoded decode(const QByteArray &stream, int pieceSize, StreamOutput output = StreamOutput::OpenAiChunks)
{
    OpenAiStreamDecoder decoder(QStringLiteral("Test"), output);
    std::vector<ChatEvent> out;
    for (qsizetype i = 0; i < stream.size(); i += pieceSize)
        decoder.feed(stream.mid(i, pieceSize), out);
    decoder.finish(out);
    Decoded d;
    for (const ChatEvent &e : out) {
        d.events.append(e);
        switch (e.kind) {
        case ChatEvent::Kind::Chunk: {
            ++d.chunks;
            const auto j = nlohmann::json::parse(e.chunk.toStdString());
            d.anyChunkHasUsage = d.anyChunkHasUsage || j.contains("usage");
            for (const auto &choice : j["choices"]) {
                if (choice.contains("delta") && choice["delta"].contains("content")
                    && choice["delta"]["content"].is_string())
                    d.text += QString::fromStdString(choice["delta"]["content"].get<std::string>());
            }
            break;
        }
        case ChatEvent::Kind::Usage:
            ++d.usages;
            d.lastUsage = e.usage;
            break;
        case ChatEvent::Kind::Error: ++d.errors; break;
        case ChatEvent::Kind::Done: ++d.done; break;
        case ChatEvent::Kind::Start: ++d.starts; break;
        case ChatEvent::Kind::TextDelta: d.text += e.text; break;
        case ChatEvent::Kind::ReasoningDelta: d.reasoning += e.text; break;
        case ChatEvent::Kind::ToolCall:
            d.toolArguments[e.toolCall.index] += e.toolCall.argumentsDelta;
            if (!e.toolCall.name.isEmpty())
                d.toolNames[e.toolCall.index] = e.toolCall.name;
            break;
        case ChatEvent::Kind::Finish: d.finishReasons.append(e.finishReason); break;
        }
    }
    return d;
}
} // namespace

class TestOpenAiStreamDecoder final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openAi_includeUsage_usageLiftedOutOfChunks()
    {
        for (int piece : { 1, 7, 64, 1 << 20 }) {
            const Decoded d = decode(fixture(QStringLiteral("openai/chat-stream-include-usage.response.sse")), piece);
            QCOMPARE(d.usages, 1);
            QCOMPARE(d.lastUsage.inputTokens, 12);
            QCOMPARE(d.lastUsage.outputTokens, 100);
            QCOMPARE(d.lastUsage.cacheReadTokens, 0);
            QCOMPARE(d.done, 1);
            QCOMPARE(d.errors, 0);
            QVERIFY(!d.anyChunkHasUsage); // relayed chunks no longer carry usage:null or the usage object
            QCOMPARE(d.chunks, 2);        // the choices:[] usage chunk is not relayed as is
        }
    }
    void openAi_textWithUsage_textComplete()
    {
        const Decoded d = decode(fixture(QStringLiteral("openai/chat-stream-text-with-usage.sse")), 13);
        QVERIFY(!d.text.isEmpty());
        QCOMPARE(d.usages, 1);
        QVERIFY(d.lastUsage.outputTokens.has_value());
        QCOMPARE(d.done, 1);
    }
    void deepSeek_usageOnFinishChunk_countedOnceAndChunkKept()
    {
        const Decoded d = decode(fixture(QStringLiteral("deepseek/chat-stream-reasoner.response.sse")), 5);
        QCOMPARE(d.usages, 1);
        QCOMPARE(d.lastUsage.inputTokens, 6);
        QCOMPARE(d.lastUsage.outputTokens, 212);
        QCOMPARE(d.lastUsage.cacheReadTokens, 0);
        QVERIFY(!d.anyChunkHasUsage);
        // The finish chunk itself (finish_reason "stop") is still relayed.
        const ChatEvent &lastChunk = *std::find_if(d.events.rbegin(), d.events.rend(), [](const ChatEvent &e) {
            return e.kind == ChatEvent::Kind::Chunk;
        });
        QVERIFY(lastChunk.chunk.contains("\"finish_reason\":\"stop\""));
    }
    void xai_cumulativeUsageOnEveryChunk_lastOneWins()
    {
        const Decoded d = decode(fixture(QStringLiteral("xai/chat-stream-grok-beta.response.sse")), 11);
        QVERIFY(d.usages > 1);
        QCOMPARE(d.lastUsage.inputTokens, 38);
        QCOMPARE(d.lastUsage.outputTokens, 200); // the final cumulative figure, not a sum
        QVERIFY(!d.anyChunkHasUsage);
        QCOMPARE(d.done, 1);
    }
    void openRouter_commentsSkipped_midStreamErrorReported()
    {
        const Decoded d = decode(
            fixture(QStringLiteral("openrouter/chat-stream-processing-comments-midstream-error.response.sse")), 9);
        QCOMPARE(d.errors, 1);
        const ChatEvent &error = *std::find_if(d.events.begin(), d.events.end(),
                                               [](const ChatEvent &e) { return e.kind == ChatEvent::Kind::Error; });
        QVERIFY(error.error.message.contains(QStringLiteral("Token limit reached")));
        QCOMPARE(error.error.upstreamStatus, 400);
        QCOMPARE(d.lastUsage.inputTokens, 43); // the usage attached to the error chunk still counts
        QCOMPARE(d.lastUsage.outputTokens, 10);
        QVERIFY(d.chunks > 0);
    }
    void openRouter_reasoningUsage_finalUsageChunk()
    {
        const Decoded d = decode(fixture(QStringLiteral("openrouter/chat-stream-reasoning-usage.response.sse")), 17);
        QCOMPARE(d.errors, 0);
        QVERIFY(d.usages >= 1);
        QVERIFY(d.lastUsage.inputTokens.has_value());
        QVERIFY(!d.anyChunkHasUsage);
    }
    void streamWithoutUsage_reportsNone()
    {
        const Decoded d = decode(fixture(QStringLiteral("openai/chat-stream-gpt5.response.sse")), 100);
        QCOMPARE(d.usages, 0);
        QVERIFY(!d.lastUsage.reported());
        QVERIFY(!d.text.isEmpty());
    }
    void firstContentChunk_isMarked()
    {
        const Decoded d = decode(fixture(QStringLiteral("openai/chat-stream-tool-call.sse")), 50);
        const auto first = std::find_if(d.events.begin(), d.events.end(),
                                        [](const ChatEvent &e) { return e.hasContent; });
        QVERIFY(first != d.events.end());
        QVERIFY(first->chunk.contains("tool_calls"));
    }
    void neutral_text_sameTextAsTheChunks()
    {
        const QByteArray stream = fixture(QStringLiteral("openai/chat-stream-text-with-usage.sse"));
        const Decoded chunks = decode(stream, 33);
        const Decoded neutral = decode(stream, 33, StreamOutput::Neutral);
        QCOMPARE(neutral.chunks, 0);
        QCOMPARE(neutral.starts, 1);
        QCOMPARE(neutral.text, chunks.text);
        QCOMPARE(neutral.finishReasons, QStringList { QStringLiteral("stop") });
        QCOMPARE(neutral.usages, 1);
    }
    void neutral_parallelToolCalls_argumentsAssembledPerIndex()
    {
        const Decoded d = decode(fixture(QStringLiteral("openai/chat-stream-parallel-tool-calls.sse")), 21,
                                 StreamOutput::Neutral);
        QCOMPARE(d.toolArguments.size(), 2);
        for (const QString &args : d.toolArguments) {
            const auto parsed = nlohmann::json::parse(args.toStdString(), nullptr, false);
            QVERIFY2(parsed.is_object(), qPrintable(args)); // fragments join into whole JSON
        }
        QCOMPARE(d.toolNames.size(), 2);
        QCOMPARE(d.finishReasons, QStringList { QStringLiteral("tool_calls") });
    }
    void neutral_deepSeekReasoning_isReasoning()
    {
        const Decoded d = decode(fixture(QStringLiteral("deepseek/chat-stream-reasoner.response.sse")), 40,
                                 StreamOutput::Neutral);
        QVERIFY(!d.reasoning.isEmpty());
        QVERIFY(!d.text.isEmpty());
        QCOMPARE(d.lastUsage.outputTokens, 212);
    }
    void garbageEvent_isProtocolError()
    {
        const Decoded d = decode("data: {not json\n\n", 4);
        QCOMPARE(d.errors, 1);
        QCOMPARE(d.events.first().error.code, AiHub::ErrorCode::UpstreamProtocol);
    }
};

QTEST_GUILESS_MAIN(TestOpenAiStreamDecoder)
#include "tst_openaistreamdecoder.moc"
