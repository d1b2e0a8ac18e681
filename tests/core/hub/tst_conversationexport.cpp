// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Exporting a conversation as Markdown and JSON; the charge of a call read from its usage record.
#include "core/hub/conversationcharge.h"
#include "core/hub/conversationexport.h"
#include "core/storage/database.h"
#include "core/usage/usagerecorder.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace AiHub;
using Hub::ConversationExport;

namespace {
Hub::ConversationInfo info()
{
    Hub::ConversationInfo c;
    c.id = 3;
    c.title = QStringLiteral("Sorting in C++");
    c.model = QStringLiteral("openai/gpt-4o-mini");
    c.systemPrompt = QStringLiteral("Answer briefly.");
    c.createdAtMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z
    c.updatedAtMs = 1'767'225'660'000;
    return c;
}

QList<Hub::ConversationMessage> messages()
{
    Hub::ConversationMessage question;
    question.role = QStringLiteral("user");
    question.content = QStringLiteral("How do I sort?");
    question.createdAtMs = 1'767'225'600'000;
    Hub::ConversationMessage answer;
    answer.role = QStringLiteral("assistant");
    answer.model = QStringLiteral("openai/gpt-4o-mini");
    answer.content = QStringLiteral("Use `std::ranges::sort`.\n\n```cpp\nstd::ranges::sort(v);\n```");
    answer.inputTokens = 14;
    answer.outputTokens = 42;
    answer.credits = QStringLiteral("0.000123456");
    answer.firstTokenMs = 310;
    answer.latencyMs = 1200;
    answer.callId = QStringLiteral("r-7");
    Hub::ConversationMessage failed;
    failed.role = QStringLiteral("assistant");
    failed.error = QStringLiteral("No credit left.");
    return { question, answer, failed };
}
} // namespace

class TestConversationExport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void markdown_hasTitleSettingsMessagesStatsAndErrors()
    {
        const QString md = ConversationExport::toMarkdown(info(), messages());
        QVERIFY(md.startsWith(QStringLiteral("# Sorting in C++\n")));
        QVERIFY(md.contains(QStringLiteral("- Model: `openai/gpt-4o-mini`")));
        QVERIFY(md.contains(QStringLiteral("- System prompt: Answer briefly.")));
        QVERIFY(md.contains(QStringLiteral("- Started: 2026-01-01T00:00:00.000Z")));
        QVERIFY(md.contains(QStringLiteral("## You\n\nHow do I sort?\n")));
        QVERIFY(md.contains(QStringLiteral("```cpp\nstd::ranges::sort(v);\n```"))); // code kept verbatim
        QVERIFY(md.contains(QStringLiteral("14 in / 42 out tokens · 0.000123456 credits · first token 0.31 s · 1.20 s total")));
        QVERIFY(md.contains(QStringLiteral("> Error: No credit left.")));
        QCOMPARE(md.count(QStringLiteral("## Assistant")), 2);
    }

    void json_keepsEveryFigure_creditsAsExactText()
    {
        const QJsonObject root = QJsonDocument::fromJson(ConversationExport::toJson(info(), messages())).object();
        QCOMPARE(root.value(QStringLiteral("title")).toString(), QStringLiteral("Sorting in C++"));
        QCOMPARE(root.value(QStringLiteral("model")).toString(), QStringLiteral("openai/gpt-4o-mini"));
        QCOMPARE(root.value(QStringLiteral("systemPrompt")).toString(), QStringLiteral("Answer briefly."));
        QCOMPARE(root.value(QStringLiteral("createdAt")).toString(), QStringLiteral("2026-01-01T00:00:00.000Z"));
        const QJsonArray list = root.value(QStringLiteral("messages")).toArray();
        QCOMPARE(list.size(), 3);
        const QJsonObject answer = list.at(1).toObject();
        QCOMPARE(answer.value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
        QVERIFY(answer.value(QStringLiteral("credits")).isString());
        QCOMPARE(answer.value(QStringLiteral("credits")).toString(), QStringLiteral("0.000123456"));
        QCOMPARE(answer.value(QStringLiteral("inputTokens")).toInt(), 14);
        QCOMPARE(answer.value(QStringLiteral("outputTokens")).toInt(), 42);
        QCOMPARE(answer.value(QStringLiteral("firstTokenMs")).toDouble(), 310.0);
        QCOMPARE(answer.value(QStringLiteral("latencyMs")).toDouble(), 1200.0);
        QCOMPARE(answer.value(QStringLiteral("callId")).toString(), QStringLiteral("r-7"));
        QCOMPARE(list.at(2).toObject().value(QStringLiteral("error")).toString(), QStringLiteral("No credit left."));
        // Figures a message does not have are left out rather than written as 0.
        QVERIFY(!list.at(0).toObject().contains(QStringLiteral("credits")));
        QVERIFY(!list.at(0).toObject().contains(QStringLiteral("inputTokens")));
    }

    void writeFile_writesAtomically_andRefusesAnUnwritablePlace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chat.md"));
        QVERIFY(ConversationExport::writeFile(path, "first"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("first"));
        file.close();
        const auto bad = ConversationExport::writeFile(dir.filePath(QStringLiteral("no/such/folder/chat.md")), "x");
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.contains(QStringLiteral("Choose another folder")), qPrintable(bad.error().message));
        QVERIFY(!ConversationExport::writeFile(QString(), "x"));
    }

    void suggestedFileName_dropsCharactersFileSystemsRefuse()
    {
        QCOMPARE(ConversationExport::suggestedFileName(QStringLiteral("Sorting in C++"), ConversationExport::Format::Markdown),
                 QStringLiteral("Sorting in C++.md"));
        QCOMPARE(ConversationExport::suggestedFileName(QStringLiteral("a/b: c?*"), ConversationExport::Format::Json),
                 QStringLiteral("a b c.json"));
        QCOMPARE(ConversationExport::suggestedFileName(QStringLiteral("///"), ConversationExport::Format::Json),
                 QStringLiteral("conversation.json"));
    }

    void charge_isReadFromTheCallsUsageRecord()
    {
        QTemporaryDir dir;
        auto db = Storage::Database::open(dir.filePath(QStringLiteral("hub.db")));
        QVERIFY(db);
        Usage::UsageRecorder recorder(*db);
        recorder.start();
        const qint64 start = QDateTime::currentMSecsSinceEpoch();
        // Not written yet: NotFound, so the caller asks again.
        auto missing = Hub::ConversationCharge::forCall(**db, QStringLiteral("req-1"), start - 1000);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        Usage::UsageRecord billed;
        billed.requestId = QStringLiteral("req-1");
        billed.type = Usage::CallType::Image;
        billed.httpStatus = 200;
        billed.creditsNanos = 40'000'000; // 0.04
        recorder.record(billed);
        Usage::UsageRecord free = billed;
        free.requestId = QStringLiteral("req-2");
        free.creditsNanos.reset();
        recorder.record(free);
        QVERIFY(recorder.flush());
        QCOMPARE(*Hub::ConversationCharge::forCall(**db, QStringLiteral("req-1"), start - 1000), QStringLiteral("0.04"));
        QCOMPARE(*Hub::ConversationCharge::forCall(**db, QStringLiteral("req-2"), start - 1000), QStringLiteral("0"));
        // Older than the call: not this call's record.
        QVERIFY(!Hub::ConversationCharge::forCall(**db, QStringLiteral("req-1"), start + 3'600'000));
        QVERIFY(!Hub::ConversationCharge::forCall(**db, QString(), start));
        QVERIFY(recorder.stop());
    }
};

QTEST_GUILESS_MAIN(TestConversationExport)
#include "tst_conversationexport.moc"
