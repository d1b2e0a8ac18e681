// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The Anthropic decoder against real recorded streams (tests/data/fixtures/anthropic, see the README there).
#include "core/providers/anthropic/anthropicstreamdecoder.h"
#include "core/providers/chatrequest.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <utility>

using namespace AiHub;
using namespace AiHub::Providers;

namespace {
// The last characters of the thinking signature in messages-stream-extended-thinking.sse.
const QByteArray kThinkingSignatureEnd = "CFe43e4r7g==";
QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/anthropic/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

struct Decoded {
    std::vector<ChatEvent> events;
    QString text;
    QString reasoning;
    QByteArray signature; // the thinking block's, from signature_delta
    // The blocks as a client rebuilds them: a signature closes the text since the previous block.
    QList<ThinkingBlock> blocks;
    QString openThinking;
    QStringList sequence; // "thinking", "redacted" and "tool:<index>", in stream order
    QList<ToolCallDelta> toolStarts; // deltas that carry an id
    QMap<int, QString> arguments;    // per tool call index
    QStringList finishes;
    QList<TokenUsage> usages;
    QList<Error> errors;
    int starts = 0;
    int done = 0;
    QString responseId;
    QString model;
    int usageIndex = -1; // position of the last Usage event
    int doneIndex = -1;
};

Decoded collect(std::vector<ChatEvent> events)
{
    Decoded d;
    for (size_t i = 0; i < events.size(); ++i) {
        const ChatEvent &e = events[i];
        switch (e.kind) {
        case ChatEvent::Kind::Start:
            ++d.starts;
            d.responseId = e.responseId;
            d.model = e.model;
            break;
        case ChatEvent::Kind::TextDelta: d.text += e.text; break;
        case ChatEvent::Kind::ReasoningDelta:
            d.reasoning += e.text;
            d.signature += e.signature;
            d.openThinking += e.text;
            if (!e.signature.isEmpty()) {
                d.blocks.append(ThinkingBlock { std::exchange(d.openThinking, QString()), e.signature, {} });
                d.sequence.append(QStringLiteral("thinking"));
            }
            if (!e.redactedData.isEmpty()) {
                d.blocks.append(ThinkingBlock { {}, {}, e.redactedData });
                d.sequence.append(QStringLiteral("redacted"));
            }
            break;
        case ChatEvent::Kind::ToolCall:
            if (!e.toolCall.id.isEmpty()) {
                d.toolStarts.append(e.toolCall);
                d.sequence.append(QStringLiteral("tool:%1").arg(e.toolCall.index));
            }
            d.arguments[e.toolCall.index] += e.toolCall.argumentsDelta;
            break;
        case ChatEvent::Kind::Finish: d.finishes.append(e.finishReason); break;
        case ChatEvent::Kind::Usage:
            d.usages.append(e.usage);
            d.usageIndex = int(i);
            break;
        case ChatEvent::Kind::Error: d.errors.append(e.error); break;
        case ChatEvent::Kind::Done:
            ++d.done;
            d.doneIndex = int(i);
            break;
        case ChatEvent::Kind::Chunk: qFatal("the Anthropic decoder must never yield OpenAI chunks"); break;
        }
    }
    d.events = std::move(events);
    return d;
}

Decoded decodePieces(const QByteArray &stream, int pieceSize)
{
    AnthropicStreamDecoder decoder(QStringLiteral("Anthropic (provider \"claude\")"), QStringLiteral("claude"));
    std::vector<ChatEvent> out;
    for (qsizetype i = 0; i < stream.size(); i += pieceSize)
        decoder.feed(stream.mid(i, pieceSize), out);
    decoder.finish(out);
    return collect(std::move(out));
}

Decoded decodeRandomSplit(const QByteArray &stream, quint32 seed)
{
    QRandomGenerator random(seed);
    AnthropicStreamDecoder decoder(QStringLiteral("Anthropic (provider \"claude\")"), QStringLiteral("claude"));
    std::vector<ChatEvent> out;
    for (qsizetype i = 0; i < stream.size();) {
        const qsizetype n = 1 + random.bounded(23);
        decoder.feed(stream.mid(i, n), out);
        i += n;
    }
    decoder.finish(out);
    return collect(std::move(out));
}

QList<Decoded> everySplit(const QByteArray &stream)
{
    QList<Decoded> all;
    for (int piece : { 1, 2, 3, 7, 64, 1 << 20 })
        all.append(decodePieces(stream, piece));
    for (quint32 seed = 1; seed <= 5; ++seed)
        all.append(decodeRandomSplit(stream, seed));
    return all;
}

QByteArray sseEvent(const QByteArray &type, const QByteArray &data)
{
    return "event: " + type + "\ndata: " + data + "\n\n";
}

const QByteArray messageStart = sseEvent("message_start",
                                      R"({"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-x","stop_reason":null,"usage":{"input_tokens":20,"cache_creation_input_tokens":7,"cache_read_input_tokens":3,"output_tokens":1}}})");
} // namespace

class TestAnthropicStreamDecoder final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void basicFixture_anySplit_textFinishUsageOnceAndDone()
    {
        for (const Decoded &d : everySplit(fixture(QStringLiteral("messages-stream-basic.sse")))) {
            QCOMPARE(d.starts, 1);
            QCOMPARE(d.responseId, QStringLiteral("msg_4QpJur2dWWDjF6C758FbBw5vm12BaVipnK"));
            QCOMPARE(d.model, QStringLiteral("claude-3-opus-latest"));
            QCOMPARE(d.text, QStringLiteral("Hello there!"));
            QVERIFY(d.reasoning.isEmpty());
            QCOMPARE(d.finishes, QStringList { QStringLiteral("stop") });
            QCOMPARE(d.usages.size(), 1);
            QCOMPARE(d.usages[0].inputTokens, 11);  // from message_start
            QCOMPARE(d.usages[0].outputTokens, 6);  // the cumulative count of message_delta, not 1 + 6
            QVERIFY(!d.usages[0].cacheReadTokens);  // not reported by this stream: not invented as 0
            QVERIFY(!d.usages[0].cacheWriteTokens);
            QCOMPARE(d.done, 1);
            QVERIFY(d.usageIndex < d.doneIndex);
            QVERIFY(d.errors.isEmpty());
            QVERIFY(d.toolStarts.isEmpty());
            QCOMPARE(d.events.front().kind, ChatEvent::Kind::Start);
            QCOMPARE(d.events.back().kind, ChatEvent::Kind::Done);
        }
    }
    void basicFixture_crlfLineEnds_sameEvents()
    {
        QByteArray stream = fixture(QStringLiteral("messages-stream-basic.sse"));
        stream.replace("\n", "\r\n");
        const Decoded d = decodePieces(stream, 5);
        QCOMPARE(d.text, QStringLiteral("Hello there!"));
        QCOMPARE(d.usages.size(), 1);
        QCOMPARE(d.done, 1);
    }
    void thinkingFixture_anySplit_reasoningThenText()
    {
        for (const Decoded &d : everySplit(fixture(QStringLiteral("messages-stream-extended-thinking.sse")))) {
            QVERIFY(d.reasoning.startsWith(QStringLiteral("The question is asking about \"the meaning of life")));
            QVERIFY(d.reasoning.endsWith(QStringLiteral("across different fictional works.")));
            QVERIFY(!d.reasoning.contains(QStringLiteral("ErUBCkYIARgC"))); // the signature is not reasoning text
            QVERIFY(d.signature.startsWith("ErUBCkYIARgC")); // but travels on, whole, for the next turn
            QVERIFY(d.signature.endsWith(kThinkingSignatureEnd));
            QVERIFY(d.text.startsWith(QStringLiteral("In popular fiction, the most famous answer")));
            QVERIFY(d.text.endsWith(QStringLiteral(" in pop culture.")));
            QCOMPARE(d.finishes, QStringList { QStringLiteral("stop") });
            QCOMPARE(d.usages.size(), 1);
            QCOMPARE(d.usages[0].inputTokens, 50);
            QCOMPARE(d.usages[0].outputTokens, 452);
            QCOMPARE(d.usages[0].cacheReadTokens, 0); // reported as 0 by the provider
            QCOMPARE(d.usages[0].cacheWriteTokens, 0);
            QCOMPARE(d.done, 1);
        }
    }
    void interleavedThinking_anySplit_everyBlockWithItsOwnSignatureInOrder()
    {
        // Composed from the fixtures' real event shapes (tests/data/thinking/README.md).
        QFile f(QStringLiteral(AIHUB_TEST_DATA_DIR "/thinking/anthropic-stream-interleaved-thinking.sse"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const Decoded &d : everySplit(f.readAll())) {
            QCOMPARE(d.sequence, (QStringList { QStringLiteral("thinking"), QStringLiteral("tool:0"),
                                                QStringLiteral("redacted"), QStringLiteral("thinking"),
                                                QStringLiteral("tool:1") }));
            QCOMPARE(d.blocks.size(), 3);
            QCOMPARE(d.blocks[0].thinking, QStringLiteral("I will look up Paris first."));
            QCOMPARE(d.blocks[0].signature, QByteArray("EqQBCkYIARgCIkBYtKGMxQ2wKpJ7wQmNnLWmP1sA"));
            QCOMPARE(d.blocks[1].redactedData, QByteArray("EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP"));
            QVERIFY(d.blocks[1].thinking.isEmpty());
            QCOMPARE(d.blocks[2].thinking, QStringLiteral("Now Rome."));
            QCOMPARE(d.blocks[2].signature, QByteArray("ErUBCkYIARgCIkCMkRFgNNhwET9y5IN2hGVaMO"));
            QVERIFY(d.openThinking.isEmpty()); // no text left outside a block
            QCOMPARE(d.arguments[0], QStringLiteral("{\"city\": \"Paris\"}"));
            QCOMPARE(d.arguments[1], QStringLiteral("{\"city\": \"Rome\"}"));
            QCOMPARE(d.finishes, QStringList { QStringLiteral("tool_calls") });
            QCOMPARE(d.usages.size(), 1);
            QCOMPARE(d.usages[0].outputTokens, 187);
            QCOMPARE(d.done, 1);
        }
    }
    void redactedThinkingWithoutData_yieldsNothing()
    {
        const Decoded d = decodePieces(messageStart
                                           + sseEvent("content_block_start",
                                                      R"({"type":"content_block_start","index":0,"content_block":{"type":"redacted_thinking"}})"),
                                       1 << 20);
        QVERIFY(d.blocks.isEmpty());
        for (const ChatEvent &e : d.events)
            QVERIFY(e.kind != ChatEvent::Kind::ReasoningDelta);
    }
    void thinkingFixture_reasoningComesBeforeText()
    {
        const Decoded d = decodePieces(fixture(QStringLiteral("messages-stream-extended-thinking.sse")), 1 << 20);
        int firstText = -1;
        int lastReasoning = -1;
        for (size_t i = 0; i < d.events.size(); ++i) {
            if (d.events[i].kind == ChatEvent::Kind::TextDelta && firstText < 0)
                firstText = int(i);
            if (d.events[i].kind == ChatEvent::Kind::ReasoningDelta)
                lastReasoning = int(i);
        }
        QVERIFY(lastReasoning >= 0);
        QVERIFY(lastReasoning < firstText);
    }
    void toolUseFixture_anySplit_toolCallWithIdNameAndArguments()
    {
        for (const Decoded &d : everySplit(fixture(QStringLiteral("messages-stream-tool-use.sse")))) {
            QCOMPARE(d.text, QStringLiteral("I'll check the current weather in Paris for you."));
            QCOMPARE(d.toolStarts.size(), 1);
            QCOMPARE(d.toolStarts[0].index, 0); // the first tool_use block, though it is content block 1
            QCOMPARE(d.toolStarts[0].id, QStringLiteral("toolu_01NRLabsLyVHZPKxbKvkfSMn"));
            QCOMPARE(d.toolStarts[0].name, QStringLiteral("get_weather"));
            QCOMPARE(d.arguments.keys(), QList<int> { 0 });
            QCOMPARE(d.arguments[0], QStringLiteral("{\"location\": \"Paris\"}"));
            QCOMPARE(d.finishes, QStringList { QStringLiteral("tool_calls") });
            QCOMPARE(d.usages.size(), 1);
            QCOMPARE(d.usages[0].inputTokens, 377);
            QCOMPARE(d.usages[0].outputTokens, 65);
            QCOMPARE(d.usages[0].cacheReadTokens, 0);
            QCOMPARE(d.usages[0].cacheWriteTokens, 0);
            QCOMPARE(d.done, 1);
        }
    }
    void toolUseFixture_emptyPartialJsonIsNotAnEvent()
    {
        const Decoded d = decodePieces(fixture(QStringLiteral("messages-stream-tool-use.sse")), 1 << 20);
        int toolEvents = 0;
        for (const ChatEvent &e : d.events)
            toolEvents += e.kind == ChatEvent::Kind::ToolCall ? 1 : 0;
        QCOMPARE(toolEvents, 5); // the start plus four non-empty fragments; the "" fragment is skipped
    }
    void twoToolUseBlocks_getIndexesZeroAndOne()
    {
        const QByteArray stream = messageStart
            + sseEvent("content_block_start", R"({"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_a","name":"f","input":{}}})")
            + sseEvent("content_block_start", R"({"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_b","name":"g","input":{}}})")
            + sseEvent("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"y\\\":2}\"}}")
            + sseEvent("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"x\\\":1}\"}}")
            + sseEvent("message_stop", R"({"type":"message_stop"})");
        const Decoded d = decodePieces(stream, 9);
        QCOMPARE(d.toolStarts.size(), 2);
        QCOMPARE(d.toolStarts[0].index, 0);
        QCOMPARE(d.toolStarts[0].id, QStringLiteral("toolu_a"));
        QCOMPARE(d.toolStarts[1].index, 1);
        QCOMPARE(d.toolStarts[1].name, QStringLiteral("g"));
        QCOMPARE(d.arguments[0], QStringLiteral("{\"x\":1}"));
        QCOMPARE(d.arguments[1], QStringLiteral("{\"y\":2}"));
    }
    void toolUseStartWithWholeInput_argumentsCarriedOnTheStart()
    {
        const QByteArray stream = messageStart
            + sseEvent("content_block_start", R"({"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_a","name":"f","input":{"q":"x"}}})");
        const Decoded d = decodePieces(stream, 1 << 20);
        QCOMPARE(d.arguments[0], QStringLiteral("{\"q\":\"x\"}"));
    }
    void stopReasons_mapToOpenAiWords_data()
    {
        QTest::addColumn<QString>("stopReason");
        QTest::addColumn<QString>("finish");
        QTest::newRow("end_turn") << QStringLiteral("end_turn") << QStringLiteral("stop");
        QTest::newRow("stop_sequence") << QStringLiteral("stop_sequence") << QStringLiteral("stop");
        QTest::newRow("max_tokens") << QStringLiteral("max_tokens") << QStringLiteral("length");
        QTest::newRow("tool_use") << QStringLiteral("tool_use") << QStringLiteral("tool_calls");
        QTest::newRow("refusal") << QStringLiteral("refusal") << QStringLiteral("content_filter");
    }
    void stopReasons_mapToOpenAiWords()
    {
        QFETCH(QString, stopReason);
        QFETCH(QString, finish);
        const QByteArray stream = messageStart
            + sseEvent("message_delta", QByteArray(R"({"type":"message_delta","delta":{"stop_reason":"REASON","stop_sequence":null},"usage":{"output_tokens":9}})")
                                            .replace("REASON", stopReason.toUtf8()));
        const Decoded d = decodePieces(stream, 4);
        QCOMPARE(d.finishes, QStringList { finish });
    }
    void messageDeltaWithCumulativeInput_lastReportWinsOnce()
    {
        const QByteArray stream = messageStart
            + sseEvent("message_delta", R"({"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"input_tokens":25,"cache_read_input_tokens":4,"output_tokens":9}})")
            + sseEvent("message_stop", R"({"type":"message_stop"})");
        const Decoded d = decodePieces(stream, 3);
        QCOMPARE(d.usages.size(), 1);
        QCOMPARE(d.usages[0].inputTokens, 25);
        QCOMPARE(d.usages[0].outputTokens, 9);
        QCOMPARE(d.usages[0].cacheReadTokens, 4);
        QCOMPARE(d.usages[0].cacheWriteTokens, 7); // kept from message_start
    }
    void midStreamError_usageOnceThenErrorAndNoDone()
    {
        // As recorded (fixture README): an error event after 200 OK, padded with spaces, no message_stop.
        const QByteArray stream = messageStart
            + sseEvent("content_block_start", R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})")
            + sseEvent("content_block_delta", R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Par"}})")
            + sseEvent("error", R"({"type": "error", "error": {"type": "api_error", "message": "Overloaded"}}       )");
        for (int piece : { 1, 6, 1 << 20 }) {
            const Decoded d = decodePieces(stream, piece);
            QCOMPARE(d.text, QStringLiteral("Par"));
            QCOMPARE(d.errors.size(), 1);
            QCOMPARE(d.errors[0].code, ErrorCode::UpstreamUnavailable);
            QCOMPARE(d.errors[0].provider, QStringLiteral("claude"));
            QVERIFY(d.errors[0].message.contains(QStringLiteral("Overloaded")));
            QVERIFY(d.errors[0].message.contains(QStringLiteral("Anthropic (provider \"claude\")")));
            QCOMPARE(d.usages.size(), 1); // the input was consumed: counted, once, before the error
            QCOMPARE(d.usages[0].inputTokens, 20);
            QCOMPARE(d.usages[0].outputTokens, 1);
            QCOMPARE(d.done, 0);
            QVERIFY(d.finishes.isEmpty());
        }
    }
    void midStreamErrorTypes_mapToCodes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("code");
        QTest::newRow("overloaded") << QStringLiteral("overloaded_error") << int(ErrorCode::UpstreamUnavailable);
        QTest::newRow("rate limit") << QStringLiteral("rate_limit_error") << int(ErrorCode::UpstreamRateLimited);
        QTest::newRow("invalid") << QStringLiteral("invalid_request_error") << int(ErrorCode::UpstreamBadRequest);
        QTest::newRow("unknown") << QStringLiteral("brand_new_error") << int(ErrorCode::UpstreamUnavailable);
    }
    void midStreamErrorTypes_mapToCodes()
    {
        QFETCH(QString, type);
        QFETCH(int, code);
        const Decoded d = decodePieces(
            sseEvent("error", R"({"type":"error","error":{"type":")" + type.toUtf8() + R"(","message":"m"}})"), 1 << 20);
        QCOMPARE(d.errors.size(), 1);
        QCOMPARE(int(d.errors[0].code), code);
        QVERIFY(d.usages.isEmpty()); // nothing was reported, so nothing is invented
    }
    void streamCutBeforeMessageDelta_finishReportsUsageOnce()
    {
        const Decoded d = decodePieces(messageStart, 1 << 20);
        QCOMPARE(d.usages.size(), 1);
        QCOMPARE(d.usages[0].inputTokens, 20);
        QCOMPARE(d.usages[0].cacheWriteTokens, 7);
        QCOMPARE(d.usages[0].cacheReadTokens, 3);
        QCOMPARE(d.done, 0);
    }
    void notJson_reportsProtocolError()
    {
        const Decoded d = decodePieces(sseEvent("content_block_delta", "{not json"), 1 << 20);
        QCOMPARE(d.errors.size(), 1);
        QCOMPARE(d.errors[0].code, ErrorCode::UpstreamProtocol);
        QCOMPARE(d.errors[0].provider, QStringLiteral("claude"));
    }
    void pingAndUnknownEvents_yieldNothing()
    {
        const Decoded d = decodePieces(sseEvent("ping", R"({"type": "ping"})")
                                           + sseEvent("content_block_stop", R"({"type":"content_block_stop","index":0})")
                                           + sseEvent("something_new", R"({"type":"something_new"})"),
                                       2);
        QVERIFY(d.events.empty());
    }
    void deltaForUnknownBlock_isIgnored()
    {
        const Decoded d = decodePieces(
            sseEvent("content_block_delta", R"({"type":"content_block_delta","index":3,"delta":{"type":"input_json_delta","partial_json":"{}"}})"),
            1 << 20);
        QVERIFY(d.events.empty());
    }
};

QTEST_GUILESS_MAIN(TestAnthropicStreamDecoder)
#include "tst_anthropicstreamdecoder.moc"
