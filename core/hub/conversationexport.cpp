// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/conversationexport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace AiHub::Hub {

namespace {
QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString statsText(const ConversationMessage &m)
{
    QStringList parts;
    if (!m.model.isEmpty())
        parts.append(m.model);
    if (m.inputTokens || m.outputTokens)
        parts.append(QStringLiteral("%1 in / %2 out tokens").arg(m.inputTokens.value_or(0)).arg(m.outputTokens.value_or(0)));
    if (!m.credits.isEmpty())
        parts.append(QStringLiteral("%1 credits").arg(m.credits));
    if (m.firstTokenMs)
        parts.append(QStringLiteral("first token %1 s").arg(*m.firstTokenMs / 1000.0, 0, 'f', 2));
    if (m.latencyMs)
        parts.append(QStringLiteral("%1 s total").arg(*m.latencyMs / 1000.0, 0, 'f', 2));
    return parts.join(QStringLiteral(" · "));
}
} // namespace

QString ConversationExport::toMarkdown(const ConversationInfo &info, const QList<ConversationMessage> &messages)
{
    QString out = QStringLiteral("# ") + info.title + QStringLiteral("\n\n");
    if (!info.model.isEmpty())
        out += QStringLiteral("- Model: `") + info.model + QStringLiteral("`\n");
    if (info.createdAtMs > 0)
        out += QStringLiteral("- Started: ") + isoTime(info.createdAtMs) + u'\n';
    if (!info.systemPrompt.isEmpty())
        out += QStringLiteral("- System prompt: ") + info.systemPrompt.simplified() + u'\n';
    for (const ConversationMessage &m : messages) {
        const bool user = m.role == QStringLiteral("user");
        out += user ? QStringLiteral("\n## You\n\n") : QStringLiteral("\n## Assistant\n\n");
        out += m.content;
        if (!m.content.endsWith(u'\n'))
            out += u'\n';
        if (!m.error.isEmpty())
            out += QStringLiteral("\n> Error: ") + m.error.simplified() + u'\n';
        if (!user) {
            const QString stats = statsText(m);
            if (!stats.isEmpty())
                out += QStringLiteral("\n*") + stats + QStringLiteral("*\n");
        }
    }
    return out;
}

QByteArray ConversationExport::toJson(const ConversationInfo &info, const QList<ConversationMessage> &messages)
{
    QJsonArray list;
    for (const ConversationMessage &m : messages) {
        QJsonObject o { { QStringLiteral("role"), m.role }, { QStringLiteral("content"), m.content } };
        if (!m.model.isEmpty())
            o.insert(QStringLiteral("model"), m.model);
        if (m.inputTokens)
            o.insert(QStringLiteral("inputTokens"), *m.inputTokens);
        if (m.outputTokens)
            o.insert(QStringLiteral("outputTokens"), *m.outputTokens);
        if (!m.credits.isEmpty())
            o.insert(QStringLiteral("credits"), m.credits);
        if (m.firstTokenMs)
            o.insert(QStringLiteral("firstTokenMs"), *m.firstTokenMs);
        if (m.latencyMs)
            o.insert(QStringLiteral("latencyMs"), *m.latencyMs);
        if (!m.callId.isEmpty())
            o.insert(QStringLiteral("callId"), m.callId);
        if (!m.error.isEmpty())
            o.insert(QStringLiteral("error"), m.error);
        if (m.createdAtMs > 0)
            o.insert(QStringLiteral("createdAt"), isoTime(m.createdAtMs));
        list.append(o);
    }
    QJsonObject root { { QStringLiteral("title"), info.title }, { QStringLiteral("messages"), list } };
    if (!info.model.isEmpty())
        root.insert(QStringLiteral("model"), info.model);
    if (!info.systemPrompt.isEmpty())
        root.insert(QStringLiteral("systemPrompt"), info.systemPrompt);
    if (info.createdAtMs > 0)
        root.insert(QStringLiteral("createdAt"), isoTime(info.createdAtMs));
    if (info.updatedAtMs > 0)
        root.insert(QStringLiteral("updatedAt"), isoTime(info.updatedAtMs));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray ConversationExport::render(Format format, const ConversationInfo &info,
                                      const QList<ConversationMessage> &messages)
{
    return format == Format::Json ? toJson(info, messages) : toMarkdown(info, messages).toUtf8();
}

Status ConversationExport::writeFile(const QString &path, const QByteArray &contents)
{
    if (path.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Choose a file to export to."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Internal, QStringLiteral("Cannot write %1: %2. Choose another folder.")
                                             .arg(path, file.errorString()));
    if (file.write(contents) != contents.size() || !file.commit())
        return fail(ErrorCode::Internal, QStringLiteral("Cannot write %1: %2. Check the free space and try again.")
                                             .arg(path, file.errorString()));
    return {};
}

QString ConversationExport::suggestedFileName(const QString &title, Format format)
{
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]+"));
    QString base = title;
    base.replace(unsafe, QStringLiteral(" "));
    base = base.simplified().left(80);
    if (base.isEmpty() || base.startsWith(u'.'))
        base.prepend(QStringLiteral("conversation"));
    return base + (format == Format::Json ? QStringLiteral(".json") : QStringLiteral(".md"));
}

} // namespace AiHub::Hub
