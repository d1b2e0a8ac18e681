// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Checks the committed .ts files: complete, in step with each other, and faithful to what the code fills in.
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QString type; // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or one per numerus form
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"message") {
            messages << current;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            current = Message {};
            current.context = context;
            current.numerus = xml.attributes().value(QLatin1StringView("numerus")) == u"yes";
        } else if (name == u"source") {
            current.source = xml.readElementText();
        } else if (name == u"translation") {
            current.type = xml.attributes().value(QLatin1StringView("type")).toString();
            if (!current.numerus) // numerus translations hold <numerusform> children instead
                current.translations << xml.readElementText();
        } else if (name == u"numerusform") {
            current.translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

// The parts of a message that code or users rely on literally: %1 placeholders, `commands` and --flags.
QStringList literalParts(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(%(?:\d+|n)|`[^`]+`|--[a-z][a-z-]*)"));
    QStringList parts;
    for (const auto &match : pattern.globalMatch(text))
        parts << match.captured();
    parts.sort();
    parts.removeDuplicates();
    return parts;
}

QString tsPath(const char *name)
{
    return QStringLiteral(AIHUB_SOURCE_DIR "/translations/") + QString::fromLatin1(name);
}

} // namespace

class TestTranslationFiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void chineseTranslation_isComplete()
    {
        QString error;
        const QList<Message> messages = readTs(tsPath("aihub_zh_CN.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 20);
        for (const Message &m : messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            QVERIFY2(m.type.isEmpty(), qPrintable(QStringLiteral("%1 is %2").arg(where, m.type)));
            QVERIFY2(!m.translations.isEmpty(), qPrintable(where));
            for (const QString &t : m.translations)
                QVERIFY2(!t.trimmed().isEmpty(), qPrintable(QStringLiteral("untranslated: ") + where));
        }
    }

    void chineseTranslation_keepsPlaceholdersCommandsAndFlags()
    {
        QString error;
        const QList<Message> messages = readTs(tsPath("aihub_zh_CN.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const Message &m : messages) {
            for (const QString &t : m.translations) {
                const QStringList expected = literalParts(m.source);
                const QStringList actual = literalParts(t);
                QVERIFY2(actual == expected,
                         qPrintable(QStringLiteral("%1: %2\n  source has %3\n  translation has %4")
                                        .arg(m.context, m.source, expected.join(u' '), actual.join(u' '))));
            }
        }
    }

    void englishAndChinese_listTheSameMessages()
    {
        QString error;
        QSet<QString> english, chinese;
        for (const Message &m : readTs(tsPath("aihub_en.ts"), &error))
            english.insert(m.context + u'\x1f' + m.source);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const Message &m : readTs(tsPath("aihub_zh_CN.ts"), &error))
            chinese.insert(m.context + u'\x1f' + m.source);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!english.isEmpty());
        QCOMPARE(english, chinese);
    }

    void literalParts_findsPlaceholdersCommandsAndFlags()
    {
        QCOMPARE(literalParts(QStringLiteral("Run `aigne-hubd --help` with --data-dir %1 and %n, %2 %1")),
                 (QStringList { QStringLiteral("%1"), QStringLiteral("%2"), QStringLiteral("%n"),
                                QStringLiteral("--data-dir"), QStringLiteral("`aigne-hubd --help`") }));
        QCOMPARE(literalParts(QStringLiteral("plain text")), QStringList {});
    }

    void missingFile_isReported()
    {
        QString error;
        QVERIFY(readTs(tsPath("aihub_does_not_exist.ts"), &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "tst_translationfiles.moc"
