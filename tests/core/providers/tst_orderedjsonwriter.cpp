// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/orderedjsonwriter.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace AiHub::Providers;
using Json = nlohmann::ordered_json;

namespace {
const char *const kDocuments[] = {
    "null", "true", "false", "0", "-0", "-0.0", "1.0", "100.0", "1e2", "0.70", "1e-7", "1e300", "-2.5e-3",
    "18446744073709551615", "-9223372036854775808", "123456789012345678901234567890", "\"\"", "\"plain\"",
    "\"\\u00e9\\u4e2d\\ud83d\\ude00\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f\"", "[]", "{}", "[[],{},[{}]]",
    "{\"a\":1,\"a\":2,\"b\":[1,2.5,\"x\"]}", "{\"we\\\"ird\":{\"ta\\tb\":[null,true]}}",
    "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi \\\"you\\\"\\n\"}],\"temperature\":0.2}",
};
} // namespace

class TestOrderedJsonWriter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void documents_areWrittenAsDumpWritesThem()
    {
        for (const char *text : kDocuments) {
            const Json value = Json::parse(text);
            QCOMPARE(QByteArray::fromStdString(OrderedJsonWriter::dump(value)), QByteArray::fromStdString(value.dump()));
        }
        // Built in code, not parsed: keys and strings with every control character, numbers of each type.
        Json built = Json::object();
        std::string controls;
        for (int c = 0; c < 0x20; ++c)
            controls += char(c);
        built[controls] = controls;
        built["i"] = Json::number_integer_t(-5);
        built["u"] = Json::number_unsigned_t(5);
        built["f"] = 5.0;
        built["inf"] = std::numeric_limits<double>::infinity();
        QCOMPARE(QByteArray::fromStdString(OrderedJsonWriter::dump(built)), QByteArray::fromStdString(built.dump()));
    }
    void fixtures_areWrittenAsDumpWritesThem()
    {
        int files = 0;
        for (const QString &folder : { QStringLiteral("fixtures/openai"), QStringLiteral("requests") }) {
            QDir dir(QStringLiteral(AIHUB_TEST_DATA_DIR "/") + folder);
            for (const QString &name : dir.entryList({ QStringLiteral("*.json") }, QDir::Files)) {
                QFile f(dir.filePath(name));
                QVERIFY(f.open(QIODevice::ReadOnly));
                const Json value = Json::parse(f.readAll().toStdString(), nullptr, false);
                QVERIFY2(!value.is_discarded(), qPrintable(name));
                QVERIFY2(OrderedJsonWriter::dump(value) == value.dump(), qPrintable(name));
                ++files;
            }
        }
        QVERIFY(files > 0);
    }
    void randomDocuments_areWrittenAsDumpWritesThem()
    {
        QRandomGenerator random(1126);
        const char *const strings[] = { "", "a", "\xc3\xa9", "q\"q", "b\\s", "nl\n", "\x01", "\x7f", "long text here" };
        std::function<Json(int)> make = [&](int depth) -> Json {
            switch (random.bounded(depth > 3 ? 6 : 8)) {
            case 0: return nullptr;
            case 1: return random.bounded(2) == 1;
            case 2: return Json::number_integer_t(qint64(random.generate64()));
            case 3: return Json::number_unsigned_t(random.generate64());
            case 4: return random.generateDouble() * std::pow(10.0, int(random.bounded(40)) - 20);
            case 5: return strings[random.bounded(quint32(std::size(strings)))];
            case 6: {
                Json array = Json::array();
                for (quint32 i = random.bounded(4); i > 0; --i)
                    array.push_back(make(depth + 1));
                return array;
            }
            default: {
                Json object = Json::object();
                for (quint32 i = random.bounded(4); i > 0; --i)
                    object[strings[random.bounded(quint32(std::size(strings)))]] = make(depth + 1);
                return object;
            }
            }
        };
        for (int i = 0; i < 5000; ++i) {
            const Json value = make(0);
            if (OrderedJsonWriter::dump(value) != value.dump())
                QFAIL(value.dump().c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestOrderedJsonWriter)
#include "tst_orderedjsonwriter.moc"
