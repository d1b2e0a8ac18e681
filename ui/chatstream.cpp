// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/chatstream.h"

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

void ChatStream::start(const QUrl &serverUrl, const QString &token, QJsonObject body)
{
    body.insert(QStringLiteral("stream"), true);
    body.insert(QStringLiteral("stream_options"), QJsonObject { { QStringLiteral("include_usage"), true } });
    QNetworkRequest request(serverUrl.resolved(QUrl(QStringLiteral("/v1/chat/completions"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setRawHeader("Accept", "text/event-stream");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_buffer.clear();
    m_streamError.clear();
    m_inputTokens.reset();
    m_outputTokens.reset();
    m_firstTokenMs = -1;
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
        QByteArray data;
        for (const QByteArray &line : event.split('\n')) {
            if (line.startsWith("data:"))
                data += line.mid(line.startsWith("data: ") ? 6 : 5);
        }
        if (!data.isEmpty())
            handleEvent(data);
    }
}

void ChatStream::handleEvent(const QByteArray &data)
{
    if (data == "[DONE]")
        return;
    const QJsonObject chunk = QJsonDocument::fromJson(data).object();
    if (chunk.contains(QStringLiteral("error"))) {
        m_streamError = chunk.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        return;
    }
    const QJsonObject usage = chunk.value(QStringLiteral("usage")).toObject();
    if (!usage.isEmpty()) {
        if (usage.contains(QStringLiteral("prompt_tokens")))
            m_inputTokens = usage.value(QStringLiteral("prompt_tokens")).toInteger();
        if (usage.contains(QStringLiteral("completion_tokens")))
            m_outputTokens = usage.value(QStringLiteral("completion_tokens")).toInteger();
    }
    QString text;
    for (const QJsonValue &choice : chunk.value(QStringLiteral("choices")).toArray())
        text += choice.toObject().value(QStringLiteral("delta")).toObject().value(QStringLiteral("content")).toString();
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
            Q_EMIT failed(m_streamError);
        else
            Q_EMIT finished();
        return;
    }
    // The hub answers errors as OpenAI-style JSON with a message that says what to do.
    const QByteArray body = reply->readAll();
    QString message = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject()
                          .value(QStringLiteral("message")).toString();
    if (message.isEmpty())
        message = status != 0 ? tr("The hub answered HTTP %1.").arg(status)
                              : tr("The hub cannot be reached: %1").arg(reply->errorString());
    Q_EMIT failed(message);
}

} // namespace AiHub::Ui
