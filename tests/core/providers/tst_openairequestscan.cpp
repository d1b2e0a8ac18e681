// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/liveprovider.h"
#include "core/providers/openaichatcallreader.h"
#include "core/providers/openaichatformat.h"
#include "core/providers/openaicompatibleadapter.h"
#include "core/providers/openairequestscan.h"

#include <QRandomGenerator>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace AiHub;
using namespace AiHub::Providers;

namespace {
using Json = nlohmann::ordered_json;

const OpenAiCompatibleAdapter kAdapter;

const LiveProvider &provider()
{
    static const LiveProvider p = [] {
        LiveProvider p;
        p.config.kind = ProviderKind::OpenAI;
        p.config.name = QStringLiteral("openai");
        p.adapter = &kAdapter;
        LiveCredential c;
        c.secret.apiKey = QStringLiteral("sk-test");
        p.credentials.append(c);
        return p;
    }();
    return p;
}

// The body the provider gets once the call is routed to `model`.
QByteArray relayed(ChatCall call, const QString &model)
{
    call.setModel(model);
    auto request = kAdapter.chatRequest(provider(), &provider().credentials.constFirst(), call);
    return request ? request->body : QByteArray("(refused)");
}

Json parsed(const QByteArray &text)
{
    return Json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
}

// The neutral form as text, to compare two of them.
std::string neutral(ChatCall call)
{
    return OpenAiChatFormat::encodeRequest(call.neutralRequest()).dump();
}

// Request bodies of every shape the scan has to tell apart: the usual ones, each thing it leaves to the
// document way, repeated members, escapes, odd numbers and spacing; then sometimes a few bytes broken.
class BodyMaker {
public:
    explicit BodyMaker(quint32 seed)
        : m_rng(seed)
    {
    }

    QByteArray body()
    {
        // Half of them only of what the scan takes, apart from the spacing and order: the rest anything.
        m_usual = chance(5);
        QList<QByteArray> members;
        maybe(members, "model", { "\"openai/gpt-4o-mini\"", "\"m\"", "\"\xe6\xa8\xa1\xe5\x9e\x8b\"", "\"\"",
                                  "\"op\\u0065nai/x\"", "3", "null" }, 3, m_usual ? 10 : 8);
        if (m_usual || chance(9))
            members.append(member("messages", messages()));
        else if (chance(3))
            members.append(member("messages", pick({ "[]", "{}", "\"x\"", "null" })));
        maybe(members, "stream", { "true", "false", "null", "\"yes\"", "1" }, 3, 5);
        maybe(members, "stream_options",
              { "{\"include_usage\":true}", "{\"include_usage\":false}", "{ \"include_usage\" : true }", "{}",
                "null", "\"x\"", "{\"include_usage\":1}", "{\"include_usage\":true,\"x\":1}",
                "{\"include_usage\":true,\"include_usage\":false}" },
              3, 4);
        maybe(members, "max_tokens", { "10", "0", "-1", "1.5", "\"10\"", "1e3", "123456789012345678901", "007" }, 1,
              3);
        maybe(members, "max_completion_tokens", { "4096", "0", "2.0", "null" }, 1, 2);
        maybe(members, "temperature", { "0.7", "-0.0", "1E-3", "0", "1e400" }, 4, 4);
        maybe(members, "metadata", { "{\"a\":[1,{\"b\":null}],\"c\":\"\\u00e9\\n\",\"d\":18446744073709551616}",
                                     "[true,false,null,-12.5e-3,\"\\ud83d\\ude00\"]", "{}" },
              3, 3);
        maybe(members, "user", { "\"u\"" }, 1, 2);
        if (!m_usual) {
            maybe(members, "tools", { "[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]", "[]" }, 2, 1);
            maybe(members, "we\\\"ird", { "1" }, 1, 1);
            if (chance(1))
                members.append(member("deep", QByteArray(205, '[') + QByteArray(205, ']')));
            if (chance(2) && !members.isEmpty())
                members.append(members.at(int(m_rng.bounded(members.size())))); // a repeated member
        }
        shuffle(members);
        QByteArray out = space() + '{' + space() + members.join(',' + space()) + space() + '}' + space();
        if (!m_usual && chance(3))
            mutate(out);
        return out;
    }

private:
    QByteArray messages()
    {
        QList<QByteArray> list;
        const int count = int(m_rng.bounded(4)) + (m_usual ? 1 : 0);
        for (int i = 0; i < count; ++i)
            list.append(message());
        return '[' + space() + list.join(',' + space()) + space() + ']';
    }

    QByteArray message()
    {
        QList<QByteArray> members;
        maybe(members, "role", { "\"user\"", "\"assistant\"", "\"system\"", "\"developer\"", "\"tool\"",
                                 "\"us\\u0065r\"", "\"boss\"", "5" }, 5, m_usual ? 10 : 9);
        maybe(members, "content",
              { "\"Hi\"", "\"with \\\"quotes\\\" and \\n a \\u4e2d\"", "\"\xe4\xb8\xad\xe6\x96\x87\"",
                "null", "\"\"", "[{\"type\":\"text\",\"text\":\"a\"}]", "7" },
              5, 8);
        maybe(members, "tool_call_id", { "\"call_1\"", "\"\\u0000\"", "\"\"", "3" }, 2, m_usual ? 5 : 3);
        maybe(members, "name", { "\"bob\"", "{\"x\":[]}" }, 2, 2);
        if (!m_usual && chance(1) && !members.isEmpty())
            members.append(members.at(int(m_rng.bounded(members.size()))));
        shuffle(members);
        return '{' + space() + members.join(',' + space()) + space() + '}';
    }

    void mutate(QByteArray &text)
    {
        static const char replacements[] = { '"', '\\', '{', '}', '[', ']', ',', ':',
                                             ' ', '\x01', '\x80', '0', 'e', '\0' };
        const int count = 1 + int(m_rng.bounded(3));
        for (int i = 0; i < count && !text.isEmpty(); ++i) {
            const qsizetype at = m_rng.bounded(int(text.size()));
            switch (m_rng.bounded(3)) {
            case 0: text[at] = replacements[m_rng.bounded(int(sizeof replacements))]; break;
            case 1: text.remove(at, 1); break;
            default: text.truncate(at); break;
            }
        }
    }

    QByteArray member(const char *key, const QByteArray &value)
    {
        return '"' + QByteArray(key) + '"' + space() + ':' + space() + value;
    }
    // The member in `tenths` of the bodies, its value one of the first `usual` values in a usual body.
    void maybe(QList<QByteArray> &members, const char *key, std::initializer_list<const char *> values, int usual,
               int tenths)
    {
        if (chance(tenths))
            members.append(member(key, pick(values, m_usual ? usual : int(values.size()))));
    }
    QByteArray pick(std::initializer_list<const char *> values, int among = 0)
    {
        const int n = among > 0 ? among : int(values.size());
        return QByteArray(*(values.begin() + m_rng.bounded(n)));
    }
    QByteArray space() { return chance(7) ? QByteArray() : pick({ " ", "\n  ", "\t", "\r\n" }); }
    bool chance(int tenths) { return int(m_rng.bounded(10)) < tenths; }
    void shuffle(QList<QByteArray> &list)
    {
        for (qsizetype i = list.size() - 1; i > 0; --i)
            list.swapItemsAt(i, m_rng.bounded(int(i + 1)));
    }

    QRandomGenerator m_rng;
    bool m_usual = false;
};

} // namespace

class TestOpenAiRequestScan final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void usualBodies_areScanned_andReadAsTheDocument_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("minimal") << QByteArray("{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
                                               "\"content\":\"Say hello in one word.\"}]}");
        QTest::newRow("pretty, every role, escapes and UTF-8 in text")
            << QByteArray("{\n  \"messages\": [\n    {\"role\": \"system\", \"content\": \"Be \\\"brief\\\".\\n\"},\n"
                          "    {\"role\": \"developer\", \"content\": null},\n"
                          "    {\"role\": \"assistant\", \"content\": \"\xe4\xbd\xa0\xe5\xa5\xbd \\ud83d\\ude00\"},\n"
                          "    {\"role\": \"tool\", \"tool_call_id\": \"call_1\", \"content\": \"42\"},\n"
                          "    {\"role\": \"user\", \"name\": \"ann\", \"content\": \"\"}\n  ],\n"
                          "  \"model\": \"deepseek/deepseek-chat\"\n}\n");
        QTest::newRow("stream with usage and options")
            << QByteArray("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":"
                          "[{\"role\":\"user\",\"content\":\"Hi\"}],\"temperature\":0.7,\"max_tokens\":256,"
                          "\"max_completion_tokens\":1024,\"metadata\":{\"a\":[1,2.5e-3,-0.0,null,true]}}");
        QTest::newRow("stream_options first, not streaming")
            << QByteArray("{\"stream_options\":{\"include_usage\":false},\"model\":\"m\",\"messages\":[{\"role\":"
                          "\"user\",\"content\":\"Hi\"}],\"stream\":false}");
        QTest::newRow("big numbers elsewhere")
            << QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"seed\":"
                          "18446744073709551616,\"n\":-9223372036854775808,\"x\":1e300}");
    }
    void usualBodies_areScanned_andReadAsTheDocument()
    {
        QFETCH(QByteArray, body);
        const auto scanned = OpenAiRequestScan::scan(body);
        QVERIFY(scanned.has_value());
        const auto text = OpenAiChatCallReader::read(body);
        const auto document = OpenAiChatCallReader::readDocument(body);
        QVERIFY(text.has_value());
        QVERIFY(document.has_value());
        QVERIFY(!text->openAiText.isEmpty());
        QVERIFY(text->openAiBody.is_null()); // no document was built
        QCOMPARE(text->request.model, document->request.model);
        QCOMPARE(text->stream, document->stream);
        QCOMPARE(text->clientWantsUsage, document->clientWantsUsage);
        const QByteArray fromText = relayed(*text, QStringLiteral("gpt-4o-mini"));
        const QByteArray fromDocument = relayed(*document, QStringLiteral("gpt-4o-mini"));
        QVERIFY2(parsed(fromText) == parsed(fromDocument), QByteArray(fromText + " | " + fromDocument).constData());
        QCOMPARE(neutral(*text), neutral(*document));
    }

    void otherBodies_goTheDocumentWay_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray message = "[{\"role\":\"user\",\"content\":\"Hi\"}]";
        const auto with = [&](const QByteArray &members) {
            return QByteArray("{\"model\":\"m\",\"messages\":" + message + members + '}');
        };
        QTest::newRow("tools") << with(",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]");
        QTest::newRow("content parts") << QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
                                                     "[{\"type\":\"text\",\"text\":\"Hi\"}]}]}");
        QTest::newRow("escaped member name") << QByteArray("{\"mod\\u0065l\":\"m\",\"messages\":" + message + "}");
        QTest::newRow("escaped model") << QByteArray("{\"model\":\"a\\/b\",\"messages\":" + message + "}");
        QTest::newRow("escaped role") << QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"us\\u0065r\"}]}");
        QTest::newRow("model twice") << with(",\"model\":\"n\"");
        QTest::newRow("stream twice") << with(",\"stream\":true,\"stream\":false");
        QTest::newRow("role twice")
            << QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"role\":\"boss\"}]}");
        QTest::newRow("unknown role") << QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"boss\"}]}");
        QTest::newRow("tool result without id") << QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"tool\","
                                                              "\"content\":\"x\"}]}");
        QTest::newRow("max_tokens 0") << with(",\"max_tokens\":0");
        QTest::newRow("max_tokens fraction") << with(",\"max_tokens\":1.5");
        QTest::newRow("max_tokens text") << with(",\"max_tokens\":\"9\"");
        QTest::newRow("stream not a flag") << with(",\"stream\":\"yes\"");
        QTest::newRow("stream_options with more") << with(",\"stream_options\":{\"include_usage\":true,\"x\":1}");
        QTest::newRow("stream_options not an object") << with(",\"stream_options\":\"x\"");
        QTest::newRow("no messages") << QByteArray("{\"model\":\"m\"}");
        QTest::newRow("empty messages") << QByteArray("{\"model\":\"m\",\"messages\":[]}");
        QTest::newRow("no model") << QByteArray("{\"messages\":" + message + "}");
        QTest::newRow("empty model") << QByteArray("{\"model\":\"\",\"messages\":" + message + "}");
        QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf") + with({});
        QTest::newRow("NUL after the object") << with({}) + QByteArray("\0x", 2);
        QTest::newRow("not JSON") << with({}).chopped(1);
        QTest::newRow("bad UTF-8") << QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
                                                 "\"\xc0\xaf\"}]}");
        QTest::newRow("lone surrogate") << QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
                                                      "\"\\ud800\"}]}");
        QTest::newRow("out of double's range") << with(",\"x\":1e400");
        QTest::newRow("too deep") << with(",\"x\":" + QByteArray(201, '[') + QByteArray(201, ']'));
    }
    void otherBodies_goTheDocumentWay()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!OpenAiRequestScan::scan(body).has_value());
        const auto read = OpenAiChatCallReader::read(body);
        const auto document = OpenAiChatCallReader::readDocument(body);
        QCOMPARE(read.has_value(), document.has_value());
        if (read) {
            QVERIFY(read->openAiText.isEmpty());
            QVERIFY(read->openAiBody.is_object());
        } else {
            QCOMPARE(read.error().message, document.error().message);
        }
    }

    void upstreamBody_changesOnlyWhatItMust_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray m = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
        QTest::newRow("model, spacing kept")
            << QByteArray("{ \"model\" : \"openai/gpt-4o-mini\" ,\n " + m + " , \"temperature\" : 1.50 }")
            << QStringLiteral("gpt-4o-mini")
            << QByteArray("{ \"model\" : \"gpt-4o-mini\" ,\n " + m + " , \"temperature\" : 1.50 }");
        QTest::newRow("a model name that needs escapes")
            << QByteArray("{\"model\":\"x\"," + m + "}") << QStringLiteral("a\"b\\c\u00e9")
            << QByteArray("{\"model\":\"a\\\"b\\\\c\xc3\xa9\"," + m + "}");
        QTest::newRow("stream: usage asked for before the closing brace")
            << QByteArray("{\"model\":\"x\"," + m + ",\"stream\":true\n}") << QStringLiteral("y")
            << QByteArray("{\"model\":\"y\"," + m + ",\"stream\":true\n,\"stream_options\":{\"include_usage\":true}}");
        QTest::newRow("stream: the client's options made to ask for usage")
            << QByteArray("{\"stream_options\": {\"include_usage\": false},\"model\":\"x\"," + m + ",\"stream\":true}")
            << QStringLiteral("y")
            << QByteArray("{\"stream_options\": {\"include_usage\":true},\"model\":\"y\"," + m + ",\"stream\":true}");
        QTest::newRow("no stream: options first, dropped")
            << QByteArray("{\"stream_options\":{\"include_usage\":true} , \"model\":\"x\"," + m + "}")
            << QStringLiteral("y") << QByteArray("{\"model\":\"y\"," + m + "}");
        QTest::newRow("no stream: options in the middle, dropped")
            << QByteArray("{\"model\":\"x\", \"stream_options\":{\"include_usage\":true} ," + m + "}")
            << QStringLiteral("y") << QByteArray("{\"model\":\"y\" ," + m + "}");
        QTest::newRow("no stream: options last, dropped")
            << QByteArray("{" + m + ",\"stream\":false,\"stream_options\":{\"include_usage\":true},\"model\":\"x\"}")
            << QStringLiteral("y") << QByteArray("{" + m + ",\"stream\":false,\"model\":\"y\"}");
    }
    void upstreamBody_changesOnlyWhatItMust()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, model);
        QFETCH(QByteArray, expected);
        const auto call = OpenAiChatCallReader::read(body);
        QVERIFY(call.has_value());
        QVERIFY(!call->openAiText.isEmpty());
        const QByteArray out = relayed(*call, model);
        QCOMPARE(out, expected);
        const auto document = OpenAiChatCallReader::readDocument(body);
        const QByteArray fromDocument = relayed(*document, model);
        QVERIFY2(parsed(out) == parsed(fromDocument), fromDocument.constData());
    }

    void neutralRequest_fromText_hasTheRoutedModel()
    {
        auto call = OpenAiChatCallReader::read("{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
                                               "\"content\":\"Hi\"}],\"temperature\":0.5}");
        QVERIFY(call.has_value());
        call->setModel(QStringLiteral("gpt-4o-mini"));
        const ChatRequest &request = call->neutralRequest();
        QCOMPARE(request.model, QStringLiteral("gpt-4o-mini"));
        QCOMPARE(request.messages.size(), 1);
        QCOMPARE(request.messages.constFirst().content.constFirst().text, QStringLiteral("Hi"));
        QCOMPARE(request.temperature, std::optional<double>(0.5));
    }

    void everyScannedBody_isOneTheDocumentWayTakes_andRelaysTheSame()
    {
        // Whatever the scan takes, the document way must take too, with the same model, stream flags, neutral
        // form and body for the provider; whatever it leaves, read() must answer exactly as the document way.
        BodyMaker maker(20261127);
        int scanned = 0;
        int left = 0;
        constexpr int kBodies = 20000;
        for (int i = 0; i < kBodies; ++i) {
            const QByteArray body = maker.body();
            const auto document = OpenAiChatCallReader::readDocument(body);
            const auto read = OpenAiChatCallReader::read(body);
            const char *what = body.constData();
            if (!OpenAiRequestScan::scan(body)) {
                ++left;
                QVERIFY2(read.has_value() == document.has_value(), what);
                if (!read)
                    QCOMPARE(read.error().message, document.error().message);
                continue;
            }
            ++scanned;
            QVERIFY2(document.has_value(), what);
            QVERIFY2(read.has_value() && !read->openAiText.isEmpty(), what);
            QCOMPARE(read->request.model, document->request.model);
            QCOMPARE(read->stream, document->stream);
            QCOMPARE(read->clientWantsUsage, document->clientWantsUsage);
            const Json fromText = parsed(relayed(*read, QStringLiteral("routed-\u00e9\"")));
            QVERIFY2(!fromText.is_discarded(), what);
            QVERIFY2(fromText == parsed(relayed(*document, QStringLiteral("routed-\u00e9\""))), what);
            QVERIFY2(neutral(*read) == neutral(*document), what);
        }
        // Both ways were really exercised.
        QVERIFY2(scanned > kBodies / 10, qPrintable(QString::number(scanned)));
        QVERIFY2(left > kBodies / 10, qPrintable(QString::number(left)));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiRequestScan)
#include "tst_openairequestscan.moc"
