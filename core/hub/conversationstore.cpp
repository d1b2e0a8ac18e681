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
    if (!q.exec(QStringLiteral("SELECT id, title, model, system_prompt, created_at, updated_at FROM conversations "
                               "ORDER BY updated_at DESC, id DESC")))
        return fail(m_database->error(q.lastError(), QStringLiteral("cannot read the conversations")));
    QList<ConversationInfo> all;
    while (q.next())
        all.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                     q.value(4).toLongLong(), q.value(5).toLongLong() });
    return all;
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
    q.prepare(QStringLiteral("SELECT id, role, content, model, input_tokens, output_tokens, latency_ms, error, "
                             "created_at FROM conversation_messages WHERE conversation_id = ? ORDER BY id"));
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
        all.append(m);
    }
    return all;
}

Result<qint64> ConversationStore::addMessage(qint64 conversationId, const ConversationMessage &message)
{
    const qint64 now = message.createdAtMs > 0 ? message.createdAtMs : QDateTime::currentMSecsSinceEpoch();
    QSqlDatabase db = m_database->connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO conversation_messages (conversation_id, role, content, model, input_tokens, "
                             "output_tokens, latency_ms, error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(conversationId);
    q.addBindValue(message.role);
    q.addBindValue(message.content);
    q.addBindValue(nullableText(message.model));
    q.addBindValue(nullable(message.inputTokens));
    q.addBindValue(nullable(message.outputTokens));
    q.addBindValue(nullable(message.latencyMs));
    q.addBindValue(nullableText(message.error));
    q.addBindValue(now);
    if (!q.exec())
        return fail(m_database->error(q.lastError(), QStringLiteral("cannot save the message")));
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery touch(db);
    touch.prepare(QStringLiteral("UPDATE conversations SET updated_at = ? WHERE id = ?"));
    touch.addBindValue(now);
    touch.addBindValue(conversationId);
    (void)touch.exec();
    return id;
}

} // namespace AiHub::Hub
