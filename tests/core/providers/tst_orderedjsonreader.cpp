// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/orderedjsonreader.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace AiHub::Providers;
using Json = nlohmann::ordered_json;

namespace {
// Same value, member order and number types (integer, unsigned, float) all the way down.
bool sameDocument(const Json &a, const Json &b)
{
    if (a.type() != b.type())
        return false;
    if (a.is_object()) {
        if (a.size() != b.size())
            return false;
        for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
            if (i.key() != j.key() || !sameDocument(*i, *j))
                return false;
        }
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!sameDocument(a[i], b[i]))
                return false;
        }
        return true;
    }
    if (a.is_number_float()) // NaN cannot come from JSON text; -0.0 and 0.0 differ in dump()
        return a.dump() == b.dump();
    return a == b;
}

// The reader against nlohmann itself: refused by both, or the same document.
bool agrees(const QByteArray &text)
{
    const char *begin = text.constData();
    const char *end = begin + text.size();
    const Json expected = Json::parse(begin, end, nullptr, false);
    const Json actual = OrderedJsonReader::parse(begin, end);
    if (expected.is_discarded() || actual.is_discarded())
        return expected.is_discarded() == actual.is_discarded();
    return sameDocument(expected, actual);
}

const char *const kCases[] = {
    "", " ", "{}", "[]", " { } ", "[ ]", "{\"a\":1}", "{\"a\":1,}", "[1,]", "[,1]", "{,}", "{\"a\"}", "{\"a\":}",
    "{\"a\" 1}", "{a:1}", "{'a':1}", "[1 2]", "{\"a\":1 \"b\":2}", "{\"a\":1}{", "{\"a\":1} x", "{\"a\":1}\n\t\r ",
    "true", "false", "null", "tru", "nul", "falsey", "True", "NULL", "\"x\"", "\"x", "x\"",
    "0", "-0", "-", "+1", "01", "-01", "1.", ".5", "1.5", "-1.5e3", "1e", "1e+", "1E-2", "1e400", "-1e400", "1e-400",
    "2.2250738585072011e-308", "4.9e-324", "18446744073709551615", "18446744073709551616", "-9223372036854775808",
    "-9223372036854775809", "9223372036854775808", "123456789012345678901234567890", "0.1e1", "00", "0x10", "1_000",
    "1.0", "100.0", "1e2", "0.70", "-0.0", "Infinity", "NaN", "-Infinity",
    "\"\\u0041\\u00e9\\u4e2d\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"", "\"\\u12\"",
    "\"\\uZZZZ\"", "\"\\u0000\"", "\"\\x\"", "\"\\\"", "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"", "\"a\x01\"", "\"a\x7f\"",
    "\"\xc3\xa9\"", "\"\xc3\"", "\"\xc3\x28\"", "\"\xc0\x80\"", "\"\xe0\x80\x80\"", "\"\xe0\xa0\x80\"",
    "\"\xed\xa0\x80\"", "\"\xed\x9f\xbf\"", "\"\xf0\x8f\xbf\xbf\"", "\"\xf0\x90\x80\x80\"", "\"\xf4\x8f\xbf\xbf\"",
    "\"\xf4\x90\x80\x80\"", "\"\xf5\x80\x80\x80\"", "\"\xff\"", "\"\x80\"", "\xef\xbb\xbf{}", "\xef\xbb{}",
    "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1},\"c\":0,\"a\":[2]}", "{\"\":\"\"}", "[[[[[]]]]]", "[{\"a\":[{}]}]",
    "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello in one word.\"}]}",
    "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"temperature\":0.2}",
    "\"a\0b\"", "[1]\0",
};
} // namespace

class TestOrderedJsonReader final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void edgeCases_agreeWithNlohmann()
    {
        for (const char *text : kCases) {
            const QByteArray bytes(text, qsizetype(std::strlen(text)));
            QVERIFY2(agrees(bytes), text);
        }
        // Embedded NUL bytes: inside a string and after a value.
        QVERIFY(agrees(QByteArray("\"a\0b\"", 5)));
        QVERIFY(agrees(QByteArray("[1]\0", 4)));
        QVERIFY(agrees(QByteArray("{\"a\":\0}", 7)));
        QVERIFY(agrees(QByteArray("1\0x", 3)));
        QVERIFY(agrees(QByteArray("{} \0{", 5)));
        QVERIFY(agrees(QByteArray("\0", 1)));
    }
    void theReaderMakesTheDocument_notNlohmann()
    {
        // Numbers keep nlohmann's types: negative integers signed, others unsigned, fractions double.
        const QByteArray text = "{\"n\":-3,\"u\":3,\"f\":3.0,\"s\":\"\\u00e9\",\"a\":1,\"a\":[true,null]}";
        const Json doc = OrderedJsonReader::parse(text.constData(), text.constData() + text.size());
        QVERIFY(doc.is_object());
        QVERIFY(doc["n"].is_number_integer() && !doc["n"].is_number_unsigned());
        QVERIFY(doc["u"].is_number_unsigned());
        QVERIFY(doc["f"].is_number_float());
        QVERIFY(doc["s"] == "\xc3\xa9");
        QCOMPARE(doc.size(), std::size_t(5));
        QCOMPARE(QByteArray::fromStdString(doc.dump()),
                 QByteArray("{\"n\":-3,\"u\":3,\"f\":3.0,\"s\":\"\xc3\xa9\",\"a\":[true,null]}"));
    }
    void deepNesting_isNlohmannsToJudge()
    {
        const QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
        QVERIFY(agrees(deep));
        QVERIFY(agrees(QByteArray(5000, '[') + QByteArray(4999, ']')));
        QVERIFY(agrees(QByteArray(300, '{').replace("{", "{\"a\":") + "1" + QByteArray(300, '}')));
    }
    void fixtures_agreeWithNlohmann()
    {
        int files = 0;
        for (const QString &folder : { QStringLiteral("fixtures/openai"), QStringLiteral("requests") }) {
            QDir dir(QStringLiteral(AIHUB_TEST_DATA_DIR "/") + folder);
            for (const QString &name : dir.entryList({ QStringLiteral("*.json") }, QDir::Files)) {
                QFile f(dir.filePath(name));
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QByteArray text = f.readAll();
                QVERIFY2(agrees(text), qPrintable(name));
                ++files;
            }
        }
        QVERIFY(files > 0);
    }
    void mutations_agreeWithNlohmann()
    {
        // Byte changes, insertions, deletions and cuts of valid documents, biased toward the bytes that matter.
        const QByteArray seeds[] = {
            "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi \\u00e9\\n\"}],"
            "\"temperature\":0.7,\"max_tokens\":-12,\"n\":18446744073709551615,\"stop\":[\"a\",\"b\"],\"x\":null}",
            "[{\"a\":[1,2.5e-3,{\"b\":\"\\ud83d\\ude00\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\"}]},true,false,\"\\\\\\\"\"]",
            "{\"k\":{\"k\":{\"k\":[[],{},\"\",0,-0,0.0]}},\"k\":1}",
        };
        const char special[] = "{}[]\",:\\/ \t\r\n0123456789-+.eEtrufalsn\x01\x7f\x80\xc3\xa9\xed\xf0\xf4\xffu";
        QRandomGenerator random(20261126);
        int checked = 0;
        for (const QByteArray &seed : seeds) {
            QVERIFY(agrees(seed));
            for (int round = 0; round < 20000; ++round) {
                QByteArray text = seed;
                const int edits = 1 + int(random.bounded(3));
                for (int e = 0; e < edits && !text.isEmpty(); ++e) {
                    const qsizetype at = qsizetype(random.bounded(quint32(text.size())));
                    const char c = special[random.bounded(quint32(sizeof special - 1))];
                    switch (random.bounded(5)) {
                    case 0: text[at] = c; break;
                    case 3: text.insert(at, '\0'); break;
                    case 1: text.insert(at, c); break;
                    case 2: text.remove(at, 1); break;
                    default: text.truncate(at); break;
                    }
                }
                if (!agrees(text))
                    QFAIL(qPrintable(QStringLiteral("disagrees on: ") + QString::fromLatin1(text.toPercentEncoding())));
                ++checked;
            }
        }
        QCOMPARE(checked, 60000);
    }
};

QTEST_GUILESS_MAIN(TestOrderedJsonReader)
#include "tst_orderedjsonreader.moc"
