// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/chatstream.h"

#include "ui/playground/playgrounderror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace AiHub::Ui {

ChatStream::ChatStream(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

ChatStream::~ChatStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QJsonObject ChatStream::requestBody(const QString &model, const QString &systemPrompt,
                                    const QList<Hub::ConversationMessage> &history, double temperature, int maxTokens)
{
    QJsonArray messages;
    if (!systemPrompt.trimmed().isEmpty())
        messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("system") },
                                      { QStringLiteral("content"), systemPrompt.trimmed() } });
    for (const Hub::ConversationMessage &m : history) {
        if (!m.error.isEmpty() && m.content.isEmpty())
            continue; // a failed reply says nothing the model should see
        const bool user = m.role == QStringLiteral("user");
        messages.append(QJsonObject { { QStringLiteral("role"), user ? QStringLiteral("user") : QStringLiteral("agent") },
                                      { QStringLiteral("content"), m.content } });
    }
    QJsonObject options { { QStringLiteral("model"), model }, { QStringLiteral("temperature"), temperature } };
    if (maxTokens > 0)
        options.insert(QStringLiteral("maxTokens"), maxTokens);
    const QJsonObject input { { QStringLiteral("messages"), messages }, { QStringLiteral("modelOptions"), options } };
    return QJsonObject { { QStringLiteral("input"), input } };
}

void ChatStream::start(const QUrl &serverUrl, const QString &token, QJsonObject body)
{
    body.insert(QStringLiteral("options"), QJsonObject { { QStringLiteral("streaming"), true } });
    QNetworkRequest request(serverUrl.resolved(QUrl(QStringLiteral("/api/v2/chat"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    // Not "text/event-stream": refusals before the stream (402, 404...) then keep their HTTP status.
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_serverUrl = serverUrl;
    m_buffer.clear();
    m_streamError.clear();
    m_inputTokens.reset();
    m_outputTokens.reset();
    m_credits.clear();
    m_callId.clear();
    m_firstTokenMs = -1;
    m_latencyMs = 0;
    m_stopped = false;
    m_clock.start();
    m_reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(m_reply, &QNetworkReply::readyRead, this, &ChatStream::readEvents);
    connect(m_reply, &QNetworkReply::finished, this, &ChatStream::onFinished);
}

void ChatStream::stop()
{
    if (!m_reply)
        return;
    m_stopped = true;
    m_reply->abort(); // finished() follows
}

void ChatStream::readEvents()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 0 && status != 200)
        return; // an error body: read whole in onFinished
    m_buffer += m_reply->readAll();
    // Events end with a blank line; keep an incomplete tail for the next read.
    for (;;) {
        m_buffer.replace("\r\n", "\n");
        const qsizetype end = m_buffer.indexOf("\n\n");
        if (end < 0)
            break;
        const QByteArray event = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        QByteArray name;
        QByteArray data;
        for (const QByteArray &line : event.split('\n')) {
            if (line.startsWith("data:"))
                data += line.mid(line.startsWith("data: ") ? 6 : 5);
            else if (line.startsWith("event:"))
                name = line.mid(6).trimmed();
        }
        if (!data.isEmpty())
            handleEvent(name, data);
    }
}

void ChatStream::handleEvent(const QByteArray &name, const QByteArray &data)
{
    const QJsonObject chunk = QJsonDocument::fromJson(data).object();
    if (name == "error" || chunk.contains(QStringLiteral("error"))) {
        // `event: error` carries {"message"}; an error answered as a data line carries {"error": {"message"}}.
        const QJsonValue error = chunk.value(QStringLiteral("error"));
        QString message = error.isObject() ? error.toObject().value(QStringLiteral("message")).toString()
                                           : error.isString() ? error.toString()
                                                              : chunk.value(QStringLiteral("message")).toString();
        m_streamError = message.isEmpty() ? QString::fromUtf8(data) : message;
        return;
    }
    const QJsonObject delta = chunk.value(QStringLiteral("delta")).toObject();
    const QJsonObject fields = delta.value(QStringLiteral("json")).toObject();
    const QJsonObject usage = fields.value(QStringLiteral("usage")).toObject();
    if (!usage.isEmpty()) {
        if (usage.contains(QStringLiteral("inputTokens")))
            m_inputTokens = usage.value(QStringLiteral("inputTokens")).toInteger();
        if (usage.contains(QStringLiteral("outputTokens")))
            m_outputTokens = usage.value(QStringLiteral("outputTokens")).toInteger();
        if (usage.contains(QStringLiteral("aigneHubCredits")))
            m_credits = PlaygroundError::creditsText(usage.value(QStringLiteral("aigneHubCredits")));
        if (usage.contains(QStringLiteral("modelCallId")))
            m_callId = usage.value(QStringLiteral("modelCallId")).toString();
    }
    const QString text = delta.value(QStringLiteral("text")).toObject().value(QStringLiteral("text")).toString();
    if (text.isEmpty())
        return;
    if (m_firstTokenMs < 0)
        m_firstTokenMs = double(m_clock.nsecsElapsed()) / 1e6;
    Q_EMIT textArrived(text);
}

void ChatStream::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (!m_stopped)
        readEvents(); // whatever arrived with the end of the stream
    m_reply = nullptr;
    reply->deleteLater();
    m_latencyMs = double(m_clock.nsecsElapsed()) / 1e6;
    if (m_stopped) {
        Q_EMIT finished();
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200 && reply->error() == QNetworkReply::NoError) {
        if (!m_streamError.isEmpty())
            Q_EMIT failed(PlaygroundError::explain(m_serverUrl, 200, m_streamError, QNetworkReply::NoError));
        else
            Q_EMIT finished();
        return;
    }
    Q_EMIT failed(PlaygroundError::explainReply(m_serverUrl, reply));
}

} // namespace AiHub::Ui
