// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/conversationstore.h"

#include "core/storage/database.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace AiHub::Hub {

namespace {
QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}
template<typename T>
QVariant nullable(const std::optional<T> &v)
{
    return v ? QVariant::fromValue(*v) : QVariant(QMetaType::fromType<T>());
}

const QString kSelectConversations = QStringLiteral(
    "SELECT id, title, model, system_prompt, created_at, updated_at FROM conversations c ");
const QString kNewestFirst = QStringLiteral(" ORDER BY updated_at DESC, id DESC");

// LIKE's own wildcards in the user's text match themselves.
QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

QList<ConversationInfo> readConversations(QSqlQuery &q)
{
    QList<ConversationInfo> all;
    while (q.next())
        all.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                     q.value(4).toLongLong(), q.value(5).toLongLong() });
    return all;
}
} // namespace

ConversationStore::ConversationStore(std::shared_ptr<Storage::Database> database)
    : m_database(std::move(database))
{
}

Result<qint64> ConversationStore::create(const QString &title, const QString &model, const QString &systemPrompt)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("INSERT INTO conversations (title, model, system_prompt, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(title.trimmed().isEmpty() ? QStringLiteral("New chat") : title.trimmed());
    q.addBindValue(nullableText(model));
    q.addBindValue(nullableText(systemPrompt));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return fail(m_database->error(q.lastError(), QStringLiteral("cannot save the conversation")));
    return q.lastInsertId().toLongLong();
}

Result<QList<ConversationInfo>> ConversationStore::list() const
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(kSelectConversations + kNewestFirst))
        return fail(m_database->error(q.lastError(), QStringLiteral("cannot read the conversations")));
    return readConversations(q);
}

Result<QList<ConversationInfo>> ConversationStore::search(const QString &text) const
{
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return list();
    // The message scan goes through conversation_messages_conversation per conversation: fine for a person's
    // history; the page runs it off the GUI thread.
    QSqlQuery q(m_database->connection());
    q.prepare(kSelectConversations
              + QStringLiteral("WHERE c.title LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM conversation_messages m "
                               "WHERE m.conversation_id = c.id AND m.content LIKE ? ESCAPE '\\')")
              + kNewestFirst);
    q.addBindValue(likePattern(needle));
    q.addBindValue(likePattern(needle));
    if (!q.exec())
        return fail(m_database->error(q.lastError(), QStringLiteral("cannot search the conversations")));
    return readConversations(q);
}

Result<ConversationInfo> ConversationStore::find(qint64 id) const
{
    auto all = list();
    if (!all)
        return fail(all.error());
    for (const ConversationInfo &c : std::as_const(*all)) {
        if (c.id == id)
            return c;
    }
    return fail(ErrorCode::NotFound, QStringLiteral("the conversation was deleted"));
}

Status ConversationStore::rename(qint64 id, const QString &title)
{
    if (title.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a conversation needs a title"));
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("UPDATE conversations SET title = ? WHERE id = ?"));
    q.addBindValue(title.trimmed());
    q.addBindValue(id);
    if (!q.exec())
        return fail(m_database->error(q.lastError(), QStringLiteral("cannot rename the conversation")));
    if (q.numRowsAffected() == 0)
        return fail(ErrorCode::NotFound, QStringLiteral("the conversation was deleted"));
    return {};
}

Status ConversationStore::updateSettings(qint64 id, const QString &model, const QString &systemPrompt)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("UPDATE conversations SET model = ?, system_prompt = ? WHERE id = ?"));
    q.addBindValue(nullableText(model));
    q.addBindValue(nullableText(systemPrompt));
    q.addBindValue(id);
    if (!q.exec())
        return fail(m_database->error(q.lastError(), QStringLiteral("cannot save the conversation")));
    return {};
}

Status ConversationStore::remove(qint64 id)
{
    QSqlDatabase db = m_database->connection();
    if (!db.transaction())
        return fail(m_database->error(db.lastError(), QStringLiteral("cannot delete the conversation")));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM conversation_messages WHERE conversation_id = ?"));
    q.addBindValue(id);
    bool ok = q.exec();
    if (ok) {
        q.prepare(QStringLiteral("DELETE FROM conversations WHERE id = ?"));
        q.addBindValue(id);
        ok = q.exec();
    }
    if (!ok || !db.commit()) {
        const Error error = m_database->error(q.lastError(), QStringLiteral("cannot delete the conversation"));
        db.rollback();
        return fail(error);
    }
    return {};
}

Result<QList<ConversationMessage>> ConversationStore::messages(qint64 conversationId) const
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT m.id, role, content, model, input_tokens, output_tokens, latency_ms, error, "
                             "created_at, s.credits, s.first_token_ms, s.call_id FROM conversation_messages m "
                             "LEFT JOIN conversation_message_stats s ON s.message_id = m.id "
                             "WHERE conversation_id = ? ORDER BY m.id"));
    q.addBindValue(conversationId);
    if (!q.exec())
        return fail(m_database->error(q.lastError(), QStringLiteral("cannot read the conversation")));
    QList<ConversationMessage> all;
    while (q.next()) {
        ConversationMessage m;
        m.id = q.value(0).toLongLong();
        m.role = q.value(1).toString();
        m.content = q.value(2).toString();
        m.model = q.value(3).toString();
        if (!q.isNull(4))
            m.inputTokens = q.value(4).toLongLong();
        if (!q.isNull(5))
            m.outputTokens = q.value(5).toLongLong();
        if (!q.isNull(6))
            m.latencyMs = q.value(6).toDouble();
        m.error = q.value(7).toString();
        m.createdAtMs = q.value(8).toLongLong();
        m.credits = q.value(9).toString();
        if (!q.isNull(10))
            m.firstTokenMs = q.value(10).toDouble();
        m.callId = q.value(11).toString();
        all.append(m);
    }
    return all;
}

Result<qint64> ConversationStore::addMessage(qint64 conversationId, const ConversationMessage &message)
{
    const qint64 now = message.createdAtMs > 0 ? message.createdAtMs : QDateTime::currentMSecsSinceEpoch();
    const bool hasStats = !message.credits.isEmpty() || message.firstTokenMs || !message.callId.isEmpty();
    QSqlDatabase db = m_database->connection();
    if (!db.transaction())
        return fail(m_database->error(db.lastError(), QStringLiteral("cannot save the message")));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO conversation_messages (conversation_id, role, content, model, input_tokens, "
                             "output_tokens, latency_ms, error, created_at) VALUES (?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(conversationId);
    q.addBindValue(message.role);
    q.addBindValue(message.content);
    q.addBindValue(nullableText(message.model));
    q.addBindValue(nullable(message.inputTokens));
    q.addBindValue(nullable(message.outputTokens));
    q.addBindValue(nullable(message.latencyMs));
    q.addBindValue(nullableText(message.error));
    q.addBindValue(now);
    auto rollback = [this, &db](const QSqlError &sqlError) {
        const Error error = m_database->error(sqlError, QStringLiteral("cannot save the message"));
        db.rollback();
        return fail(error);
    };
    if (!q.exec())
        return rollback(q.lastError());
    const qint64 id = q.lastInsertId().toLongLong();
    if (hasStats) {
        QSqlQuery stats(db);
        stats.prepare(QStringLiteral("INSERT INTO conversation_message_stats (message_id, credits, first_token_ms, "
                                     "call_id) VALUES (?, ?, ?, ?)"));
        stats.addBindValue(id);
        stats.addBindValue(nullableText(message.credits));
        stats.addBindValue(nullable(message.firstTokenMs));
        stats.addBindValue(nullableText(message.callId));
        if (!stats.exec())
            return rollback(stats.lastError());
    }
    QSqlQuery touch(db);
    touch.prepare(QStringLiteral("UPDATE conversations SET updated_at = ? WHERE id = ?"));
    touch.addBindValue(now);
    touch.addBindValue(conversationId);
    if (!touch.exec())
        return rollback(touch.lastError());
    if (!db.commit())
        return rollback(db.lastError());
    return id;
}

} // namespace AiHub::Hub
