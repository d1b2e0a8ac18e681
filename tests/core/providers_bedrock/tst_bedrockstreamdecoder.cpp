// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/bedrock/bedrockstreamdecoder.h"
#include "core/providers/bedrock/crc32.h"
#include "core/providers/chatrequest.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <utility>

using namespace AiHub;
using namespace AiHub::Providers;
using namespace Qt::StringLiterals;

namespace {
const QString kFixtures = QStringLiteral(AIHUB_TEST_DATA_DIR "/fixtures/bedrock");
const QString kWho = QStringLiteral("Amazon Bedrock (provider \"aws\")");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QByteArray be32(quint32 v)
{
    QByteArray b(4, 0);
    b[0] = char(v >> 24);
    b[1] = char(v >> 16);
    b[2] = char(v >> 8);
    b[3] = char(v);
    return b;
}

// Encodes one event-stream frame with string headers, for streams no capture shows.
QByteArray frame(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &payload)
{
    QByteArray h;
    for (const auto &[name, value] : headers) {
        h += char(name.size());
        h += name;
        h += char(7);
        h += char(value.size() >> 8);
        h += char(value.size() & 0xFF);
        h += value;
    }
    QByteArray msg = be32(quint32(16 + h.size() + payload.size())) + be32(quint32(h.size()));
    msg += be32(Crc32::compute(msg));
    msg += h + payload;
    msg += be32(Crc32::compute(msg));
    return msg;
}

QByteArray eventFrame(const QByteArray &type, const QByteArray &payload)
{
    return frame({ { ":event-type", type }, { ":content-type", "application/json" }, { ":message-type", "event" } },
                 payload);
}

QByteArray exceptionFrame(const QByteArray &type, const QByteArray &payload)
{
    return frame({ { ":exception-type", type }, { ":content-type", "application/json" },
                   { ":message-type", "exception" } },
                 payload);
}

std::vector<ChatEvent> decode(const QByteArray &bytes, int maxPiece, quint32 seed = 1)
{
    BedrockStreamDecoder decoder(kWho, u"aws"_s);
    std::vector<ChatEvent> out;
    QRandomGenerator rng(seed);
    for (qsizetype pos = 0; pos < bytes.size();) {
        const qsizetype n = maxPiece <= 0 ? bytes.size() : qMin<qsizetype>(bytes.size() - pos, 1 + rng.bounded(maxPiece));
        decoder.feed(bytes.mid(pos, n), out);
        pos += n;
    }
    decoder.finish(out);
    return out;
}

struct Expected {
    QString text;
    QString reasoning;
    QByteArray signature; // of the reasoning block, from the decoded frames
    QString finish;
    qint64 input = 0;
    qint64 output = 0;
};

Expected expectedFrom(const QString &name)
{
    Expected e;
    const QList<QByteArray> lines = readFile(kFixtures + u'/' + name + u".response.decoded.jsonl"_s).trimmed().split('\n');
    for (const QByteArray &line : lines) {
        const QJsonObject frame = QJsonDocument::fromJson(line).object();
        const QString type = frame.value(u"headers"_s).toObject().value(u":event-type"_s).toString();
        const QJsonObject payload = QJsonDocument::fromJson(frame.value(u"payload"_s).toString().toUtf8()).object();
        if (type == u"contentBlockDelta") {
            const QJsonObject delta = payload.value(u"delta"_s).toObject();
            e.text += delta.value(u"text"_s).toString();
            e.reasoning += delta.value(u"reasoningContent"_s).toObject().value(u"text"_s).toString();
            e.signature += delta.value(u"reasoningContent"_s).toObject().value(u"signature"_s).toString().toUtf8();
        } else if (type == u"messageStop") {
            e.finish = payload.value(u"stopReason"_s).toString();
        } else if (type == u"metadata") {
            e.input = payload.value(u"usage"_s).toObject().value(u"inputTokens"_s).toInteger();
            e.output = payload.value(u"usage"_s).toObject().value(u"outputTokens"_s).toInteger();
        }
    }
    return e;
}

int count(const std::vector<ChatEvent> &events, ChatEvent::Kind kind)
{
    return int(std::count_if(events.begin(), events.end(), [kind](const ChatEvent &e) { return e.kind == kind; }));
}

const ChatEvent *firstOf(const std::vector<ChatEvent> &events, ChatEvent::Kind kind)
{
    for (const ChatEvent &e : events) {
        if (e.kind == kind)
            return &e;
    }
    return nullptr;
}
} // namespace

class TestBedrockStreamDecoder final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixtureStreams_decodeInAnySplit_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("maxPiece");
        QTest::addColumn<QString>("finish");
        for (const int piece : { 0, 1, 7, 64 }) {
            QTest::newRow(qPrintable(u"text/%1"_s.arg(piece))) << u"converse-stream-text"_s << piece << u"stop"_s;
            QTest::newRow(qPrintable(u"tool-use/%1"_s.arg(piece))) << u"converse-stream-tool-use"_s << piece
                                                                    << u"tool_calls"_s;
            QTest::newRow(qPrintable(u"reasoning/%1"_s.arg(piece))) << u"converse-stream-reasoning"_s << piece
                                                                     << u"stop"_s;
        }
    }

    void fixtureStreams_decodeInAnySplit()
    {
        QFETCH(QString, name);
        QFETCH(int, maxPiece);
        QFETCH(QString, finish);
        const QByteArray bytes = QByteArray::fromBase64(readFile(kFixtures + u'/' + name + u".response.b64"_s));
        QVERIFY(!bytes.isEmpty());
        const Expected want = expectedFrom(name);
        QVERIFY(!want.text.isEmpty());
        QCOMPARE(!want.signature.isEmpty(), name == u"converse-stream-reasoning"_s);
        const std::vector<ChatEvent> events = decode(bytes, maxPiece, quint32(maxPiece) + 3);

        QVERIFY(!events.empty());
        QCOMPARE(events.front().kind, ChatEvent::Kind::Start);
        QCOMPARE(events.back().kind, ChatEvent::Kind::Done);
        QCOMPARE(count(events, ChatEvent::Kind::Error), 0);
        QCOMPARE(count(events, ChatEvent::Kind::Chunk), 0);
        QCOMPARE(count(events, ChatEvent::Kind::Finish), 1);
        QCOMPARE(count(events, ChatEvent::Kind::Usage), 1); // usage counted once

        QString text;
        QString reasoning;
        QByteArray signature;
        for (const ChatEvent &e : events) {
            if (e.kind == ChatEvent::Kind::TextDelta)
                text += e.text;
            if (e.kind == ChatEvent::Kind::ReasoningDelta) {
                reasoning += e.text;
                signature += e.signature;
            }
        }
        QCOMPARE(text, want.text);
        QCOMPARE(reasoning, want.reasoning);
        QCOMPARE(signature, want.signature);
        QCOMPARE(firstOf(events, ChatEvent::Kind::Finish)->finishReason, finish);
        const TokenUsage usage = firstOf(events, ChatEvent::Kind::Usage)->usage;
        QCOMPARE(usage.inputTokens, std::optional<qint64>(want.input));
        QCOMPARE(usage.outputTokens, std::optional<qint64>(want.output));
        QVERIFY(!usage.cacheReadTokens.has_value());
    }

    void toolUseStream_givesIdNameAndArguments()
    {
        const QByteArray bytes
            = QByteArray::fromBase64(readFile(kFixtures + u"/converse-stream-tool-use.response.b64"_s));
        const std::vector<ChatEvent> events = decode(bytes, 5);
        QList<ToolCallDelta> calls;
        for (const ChatEvent &e : events) {
            if (e.kind == ChatEvent::Kind::ToolCall)
                calls.append(e.toolCall);
        }
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls[0].index, 0);
        QCOMPARE(calls[0].id, u"tooluse_lAG_zP8QRHmSYOwZzzaCqA"_s);
        QCOMPARE(calls[0].name, u"get_temperature"_s);
        QCOMPARE(calls[1].index, 0);
        QCOMPARE(calls[1].argumentsDelta, u"{\"city\":\"Paris\"}"_s);
    }

    void twoToolBlocks_getSeparateIndexes()
    {
        QByteArray s = eventFrame("messageStart", R"({"role":"assistant"})");
        s += eventFrame("contentBlockStart", R"({"contentBlockIndex":1,"start":{"toolUse":{"toolUseId":"a","name":"f"}}})");
        s += eventFrame("contentBlockDelta", R"({"contentBlockIndex":1,"delta":{"toolUse":{"input":"{}"}}})");
        s += eventFrame("contentBlockStart", R"({"contentBlockIndex":2,"start":{"toolUse":{"toolUseId":"b","name":"g"}}})");
        s += eventFrame("contentBlockDelta", "{\"contentBlockIndex\":2,\"delta\":{\"toolUse\":{\"input\":\"{\\\"x\\\":1}\"}}}");
        s += eventFrame("messageStop", R"({"stopReason":"tool_use"})");
        const std::vector<ChatEvent> events = decode(s, 0);
        QList<ToolCallDelta> calls;
        for (const ChatEvent &e : events) {
            if (e.kind == ChatEvent::Kind::ToolCall)
                calls.append(e.toolCall);
        }
        QCOMPARE(calls.size(), 4);
        QCOMPARE(calls[0].index, 0);
        QCOMPARE(calls[2].index, 1);
        QCOMPARE(calls[2].id, u"b"_s);
        QCOMPARE(calls[3].index, 1);
        QCOMPARE(calls[3].argumentsDelta, u"{\"x\":1}"_s);
        QCOMPARE(events.back().kind, ChatEvent::Kind::Done);
        QCOMPARE(count(events, ChatEvent::Kind::Usage), 0); // none reported, none invented
    }

    void interleavedReasoningBlocks_eachClosedByItsSignature_redactedWhole()
    {
        // Converse's reasoningContent deltas: text pieces, then the block's signature; redactedContent comes whole.
        QByteArray s = eventFrame("messageStart", R"({"role":"assistant"})");
        s += eventFrame("contentBlockDelta", R"({"contentBlockIndex":0,"delta":{"reasoningContent":{"text":"Paris first."}}})");
        s += eventFrame("contentBlockDelta", R"({"contentBlockIndex":0,"delta":{"reasoningContent":{"signature":"c2lnLUE="}}})");
        s += eventFrame("contentBlockStop", R"({"contentBlockIndex":0})");
        s += eventFrame("contentBlockStart", R"({"contentBlockIndex":1,"start":{"toolUse":{"toolUseId":"a","name":"f"}}})");
        s += eventFrame("contentBlockStop", R"({"contentBlockIndex":1})");
        s += eventFrame("contentBlockDelta", R"({"contentBlockIndex":2,"delta":{"reasoningContent":{"redactedContent":"cmVkYWN0ZWQ="}}})");
        s += eventFrame("contentBlockDelta", R"({"contentBlockIndex":3,"delta":{"reasoningContent":{"text":"Now Rome."}}})");
        s += eventFrame("contentBlockDelta", R"({"contentBlockIndex":3,"delta":{"reasoningContent":{"signature":"c2lnLUI="}}})");
        s += eventFrame("messageStop", R"({"stopReason":"tool_use"})");
        for (int piece : { 0, 1, 7 }) {
            const std::vector<ChatEvent> events = decode(s, piece);
            QList<ThinkingBlock> blocks;
            QString open;
            QStringList sequence;
            for (const ChatEvent &e : events) {
                if (e.kind == ChatEvent::Kind::ToolCall && !e.toolCall.id.isEmpty())
                    sequence.append(u"tool"_s);
                if (e.kind != ChatEvent::Kind::ReasoningDelta)
                    continue;
                open += e.text;
                if (!e.signature.isEmpty()) {
                    blocks.append(ThinkingBlock { std::exchange(open, QString()), e.signature, {} });
                    sequence.append(u"thinking"_s);
                }
                if (!e.redactedData.isEmpty()) {
                    blocks.append(ThinkingBlock { {}, {}, e.redactedData });
                    sequence.append(u"redacted"_s);
                }
            }
            QCOMPARE(sequence, (QStringList { u"thinking"_s, u"tool"_s, u"redacted"_s, u"thinking"_s }));
            QCOMPARE(blocks.size(), 3);
            QCOMPARE(blocks[0].thinking, u"Paris first."_s);
            QCOMPARE(blocks[0].signature, QByteArray("c2lnLUE="));
            QCOMPARE(blocks[1].redactedData, QByteArray("cmVkYWN0ZWQ="));
            QCOMPARE(blocks[2].thinking, u"Now Rome."_s);
            QCOMPARE(blocks[2].signature, QByteArray("c2lnLUI="));
            QCOMPARE(events.back().kind, ChatEvent::Kind::Done);
        }
    }

    void metadataWithCacheTokens_reportsThem()
    {
        QByteArray s = eventFrame("messageStart", R"({"role":"assistant"})");
        s += eventFrame("messageStop", R"({"stopReason":"max_tokens"})");
        s += eventFrame("metadata", R"({"usage":{"inputTokens":10,"outputTokens":2,"totalTokens":12,"cacheReadInputTokens":8,"cacheWriteInputTokens":1},"metrics":{"latencyMs":5},"p":"abc"})");
        const std::vector<ChatEvent> events = decode(s, 3);
        QCOMPARE(firstOf(events, ChatEvent::Kind::Finish)->finishReason, u"length"_s);
        const TokenUsage u = firstOf(events, ChatEvent::Kind::Usage)->usage;
        QCOMPARE(u.cacheReadTokens, std::optional<qint64>(8));
        QCOMPARE(u.cacheWriteTokens, std::optional<qint64>(1));
    }

    void inStreamException_mapsToError_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<int>("code");
        QTest::newRow("throttling") << QByteArray("throttlingException") << int(ErrorCode::UpstreamRateLimited);
        QTest::newRow("validation") << QByteArray("validationException") << int(ErrorCode::UpstreamBadRequest);
        QTest::newRow("modelStreamError") << QByteArray("modelStreamErrorException")
                                          << int(ErrorCode::UpstreamUnavailable);
        QTest::newRow("internalServer") << QByteArray("internalServerException") << int(ErrorCode::UpstreamUnavailable);
        QTest::newRow("serviceUnavailable") << QByteArray("serviceUnavailableException")
                                            << int(ErrorCode::UpstreamUnavailable);
    }

    void inStreamException_mapsToError()
    {
        QFETCH(QByteArray, type);
        QFETCH(int, code);
        QByteArray s = eventFrame("messageStart", R"({"role":"assistant"})");
        s += eventFrame("contentBlockDelta", R"({"contentBlockIndex":0,"delta":{"text":"Hel"}})");
        s += exceptionFrame(type, R"({"message":"Something went wrong upstream"})");
        s += eventFrame("contentBlockDelta", R"({"contentBlockIndex":0,"delta":{"text":"lo"}})");
        const std::vector<ChatEvent> events = decode(s, 9);
        QCOMPARE(count(events, ChatEvent::Kind::TextDelta), 1); // nothing after the exception
        QCOMPARE(count(events, ChatEvent::Kind::Done), 0);
        QCOMPARE(events.back().kind, ChatEvent::Kind::Error);
        const Error &e = events.back().error;
        QCOMPARE(int(e.code), code);
        QCOMPARE(e.provider, u"aws"_s);
        QVERIFY2(e.message.contains(u"Something went wrong upstream"_s), qPrintable(e.message));
        QVERIFY(e.message.contains(kWho));
    }

    void errorMessageFrame_mapsToError()
    {
        QByteArray s = eventFrame("messageStart", R"({"role":"assistant"})");
        s += frame({ { ":message-type", "error" }, { ":error-code", "ThrottlingException" },
                     { ":error-message", "Slow down" } },
                   {});
        const std::vector<ChatEvent> events = decode(s, 0);
        QCOMPARE(events.back().kind, ChatEvent::Kind::Error);
        QCOMPARE(events.back().error.code, ErrorCode::UpstreamRateLimited);
        QVERIFY(events.back().error.message.contains(u"Slow down"_s));
    }

    void truncatedStream_reportsError()
    {
        const QByteArray bytes = QByteArray::fromBase64(readFile(kFixtures + u"/converse-stream-text.response.b64"_s));
        const std::vector<ChatEvent> events = decode(bytes.left(bytes.size() - 5), 11);
        QCOMPARE(events.back().kind, ChatEvent::Kind::Error);
        QCOMPARE(events.back().error.code, ErrorCode::UpstreamProtocol);
        QCOMPARE(count(events, ChatEvent::Kind::Done), 0);
    }

    void streamWithoutMessageStop_reportsError()
    {
        QByteArray s = eventFrame("messageStart", R"({"role":"assistant"})");
        s += eventFrame("contentBlockDelta", R"({"contentBlockIndex":0,"delta":{"text":"Hi"}})");
        const std::vector<ChatEvent> events = decode(s, 0);
        QCOMPARE(events.back().kind, ChatEvent::Kind::Error);
        QVERIFY(events.back().error.message.contains(u"before the answer was complete"_s));
    }

    void corruptedFrame_reportsErrorAndStops()
    {
        QByteArray first = eventFrame("messageStart", R"({"role":"assistant"})");
        QByteArray second = eventFrame("contentBlockDelta", R"({"contentBlockIndex":0,"delta":{"text":"Hi"}})");
        second[second.size() - 10] = char(second[second.size() - 10] ^ 0x20);
        const QByteArray third = eventFrame("messageStop", R"({"stopReason":"end_turn"})");
        const std::vector<ChatEvent> events = decode(first + second + third, 4);
        QCOMPARE(events.front().kind, ChatEvent::Kind::Start);
        QCOMPARE(count(events, ChatEvent::Kind::TextDelta), 0);
        QCOMPARE(count(events, ChatEvent::Kind::Finish), 0);
        QCOMPARE(count(events, ChatEvent::Kind::Error), 1);
        QCOMPARE(events.back().error.code, ErrorCode::UpstreamProtocol);
        QVERIFY(events.back().error.message.contains(u"Message checksum mismatch"_s));
    }

    void nonJsonPayload_reportsError()
    {
        const std::vector<ChatEvent> events = decode(eventFrame("contentBlockDelta", "not json"), 0);
        QCOMPARE(count(events, ChatEvent::Kind::Error), 1);
        QCOMPARE(events.back().error.code, ErrorCode::UpstreamProtocol);
    }

    void unknownEventsAndPadding_areIgnored()
    {
        QByteArray s = eventFrame("messageStart", R"({"role":"assistant","p":"abcdef"})");
        s += eventFrame("somethingNew", R"({"x":1})");
        s += eventFrame("contentBlockStop", R"({"contentBlockIndex":0,"p":"ab"})");
        s += eventFrame("messageStop", R"({"stopReason":"end_turn","p":"abc"})");
        const std::vector<ChatEvent> events = decode(s, 2);
        QCOMPARE(events.size(), std::size_t(3));
        QCOMPARE(events[0].kind, ChatEvent::Kind::Start);
        QCOMPARE(events[1].kind, ChatEvent::Kind::Finish);
        QCOMPARE(events[2].kind, ChatEvent::Kind::Done);
    }
};

QTEST_GUILESS_MAIN(TestBedrockStreamDecoder)
#include "tst_bedrockstreamdecoder.moc"
