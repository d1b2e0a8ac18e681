// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The playground's history: search by title and message text, per-message statistics saved and read back, the
// statistics table created on demand, bad input refused without leaving half a message.
#include "core/hub/conversationstore.h"
#include "core/storage/database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace AiHub;
using Hub::ConversationMessage;
using Hub::ConversationStore;

namespace {
ConversationMessage message(const QString &role, const QString &content)
{
    ConversationMessage m;
    m.role = role;
    m.content = content;
    return m;
}

QStringList titles(const Result<QList<Hub::ConversationInfo>> &list)
{
    QStringList out;
    for (const auto &c : *list)
        out.append(c.title);
    return out;
}

int count(Storage::Database &db, const QString &table)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}
} // namespace

class TestConversationStore final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<Storage::Database> m_db;
    int m_count = 0;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto db = Storage::Database::open(m_dir.filePath(QStringLiteral("hub-%1.db").arg(++m_count)));
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        m_db = *db;
    }
    void cleanup() { m_db.reset(); }

    void search_findsTitlesAndMessageText_caseInsensitive_newestFirst()
    {
        ConversationStore store(m_db);
        const qint64 sorting = *store.create(QStringLiteral("Sorting in C++"), {}, {});
        QVERIFY(store.addMessage(sorting, message(QStringLiteral("user"), QStringLiteral("How do I sort a vector?"))));
        const qint64 poems = *store.create(QStringLiteral("Poems"), {}, {});
        QVERIFY(store.addMessage(poems, message(QStringLiteral("user"), QStringLiteral("Write a haiku"))));
        QVERIFY(store.addMessage(poems, message(QStringLiteral("assistant"), QStringLiteral("Autumn VECTOR moon"))));
        (void)store.create(QStringLiteral("Empty"), {}, {});

        QCOMPARE(titles(store.search(QStringLiteral("sorting"))), QStringList { QStringLiteral("Sorting in C++") });
        QCOMPARE(titles(store.search(QStringLiteral("haiku"))), QStringList { QStringLiteral("Poems") });
        // In an answer of one and a question of the other; the newest conversation first.
        QCOMPARE(titles(store.search(QStringLiteral("vector"))),
                 (QStringList { QStringLiteral("Poems"), QStringLiteral("Sorting in C++") }));
        QVERIFY(store.search(QStringLiteral("nothing like this"))->isEmpty());
        QCOMPARE(store.search(QStringLiteral("  "))->size(), 3); // empty: everything
    }

    void search_treatsWildcardsAsText()
    {
        ConversationStore store(m_db);
        (void)*store.create(QStringLiteral("100% sure"), {}, {});
        (void)*store.create(QStringLiteral("1000 ways"), {}, {});
        (void)*store.create(QStringLiteral("snake_case"), {}, {});
        (void)*store.create(QStringLiteral("snakeXcase"), {}, {});
        QCOMPARE(titles(store.search(QStringLiteral("100%"))), QStringList { QStringLiteral("100% sure") });
        QCOMPARE(titles(store.search(QStringLiteral("e_c"))), QStringList { QStringLiteral("snake_case") });
        QVERIFY(store.search(QStringLiteral("\\"))->isEmpty());
    }

    void messageStatistics_areSavedAndReadBack()
    {
        ConversationStore store(m_db);
        const qint64 id = *store.create(QStringLiteral("Stats"), QStringLiteral("openai/gpt-4o"), {});
        ConversationMessage answer = message(QStringLiteral("assistant"), QStringLiteral("Hi"));
        answer.model = QStringLiteral("openai/gpt-4o");
        answer.inputTokens = 11;
        answer.outputTokens = 7;
        answer.credits = QStringLiteral("0.025");
        answer.firstTokenMs = 120.5;
        answer.latencyMs = 900.25;
        answer.callId = QStringLiteral("req-42");
        QVERIFY(store.addMessage(id, message(QStringLiteral("user"), QStringLiteral("Hello"))));
        QVERIFY(store.addMessage(id, answer));
        const auto messages = store.messages(id);
        QVERIFY(messages);
        QCOMPARE(messages->size(), 2);
        const ConversationMessage &read = messages->at(1);
        QCOMPARE(read.credits, QStringLiteral("0.025"));
        QCOMPARE(read.firstTokenMs, std::optional<double>(120.5));
        QCOMPARE(read.latencyMs, std::optional<double>(900.25));
        QCOMPARE(read.callId, QStringLiteral("req-42"));
        QCOMPARE(read.inputTokens, std::optional<qint64>(11));
        // A message without figures has none.
        QVERIFY(messages->at(0).credits.isEmpty());
        QVERIFY(!messages->at(0).firstTokenMs);
    }

    void statistics_goWithTheirConversation()
    {
        ConversationStore store(m_db);
        const qint64 id = *store.create(QStringLiteral("Doomed"), {}, {});
        ConversationMessage answer = message(QStringLiteral("assistant"), QStringLiteral("x"));
        answer.credits = QStringLiteral("1");
        QVERIFY(store.addMessage(id, answer));
        QCOMPARE(count(*m_db, QStringLiteral("conversation_message_stats")), 1);
        QVERIFY(store.remove(id));
        QCOMPARE(count(*m_db, QStringLiteral("conversation_message_stats")), 0);
        QCOMPARE(count(*m_db, QStringLiteral("conversation_messages")), 0);
    }

    void failedReplyWithoutText_isSavedWithItsError()
    {
        ConversationStore store(m_db);
        const qint64 id = *store.create(QStringLiteral("Refused"), {}, {});
        ConversationMessage failed;
        failed.role = QStringLiteral("assistant");
        failed.error = QStringLiteral("No credit left.");
        QVERIFY(failed.content.isNull());
        QVERIFY(store.addMessage(id, failed));
        const auto messages = store.messages(id);
        QCOMPARE(messages->size(), 1);
        QCOMPARE(messages->constFirst().error, QStringLiteral("No credit left."));
        QVERIFY(messages->constFirst().content.isEmpty());
    }

    void addMessage_toAMissingConversation_failsAndSavesNothing()
    {
        ConversationStore store(m_db);
        ConversationMessage answer = message(QStringLiteral("assistant"), QStringLiteral("orphan"));
        answer.credits = QStringLiteral("0.5");
        QVERIFY(!store.addMessage(4242, answer));
        QCOMPARE(count(*m_db, QStringLiteral("conversation_messages")), 0);
        QCOMPARE(count(*m_db, QStringLiteral("conversation_message_stats")), 0);
        // A role the schema does not know is refused too.
        const qint64 id = *store.create(QStringLiteral("Roles"), {}, {});
        QVERIFY(!store.addMessage(id, message(QStringLiteral("robot"), QStringLiteral("beep"))));
        QCOMPARE(store.messages(id)->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConversationStore)
#include "tst_conversationstore.moc"
