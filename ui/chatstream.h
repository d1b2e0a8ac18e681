// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/hub/conversationstore.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;


namespace AiHub::Ui {

// One streamed chat call against the hub's own AIGNE API (POST /api/v2/chat), read incrementally as server-sent
// events: text deltas as they arrive, then the final chunk with the tokens and the credits the hub settled.
// finished() or failed() ends it, exactly once.
class ChatStream final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatStream)

public:
    explicit ChatStream(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ChatStream() override;

    // The invoke body for `model`: the system prompt, the earlier turns (failed empty replies left out,
    // "assistant" sent as the AIGNE role "agent"), temperature and max tokens (0: the model's default).
    static QJsonObject requestBody(const QString &model, const QString &systemPrompt,
                                   const QList<Hub::ConversationMessage> &history, double temperature, int maxTokens);

    // body from requestBody(); streaming is switched on here.
    void start(const QUrl &serverUrl, const QString &token, QJsonObject body);
    void stop();
    bool isRunning() const { return m_reply != nullptr; }
    bool wasStopped() const { return m_stopped; }

    std::optional<qint64> inputTokens() const { return m_inputTokens; }
    std::optional<qint64> outputTokens() const { return m_outputTokens; }
    // The credits the hub settled for the call, as a decimal; empty when the stream ended without its final chunk.
    QString credits() const { return m_credits; }
    QString callId() const { return m_callId; }
    double latencyMs() const { return m_latencyMs; }
    double firstTokenMs() const { return m_firstTokenMs; } // -1: no text arrived

Q_SIGNALS:
    void textArrived(const QString &text);
    void finished();
    void failed(const QString &message);

private:
    void readEvents();
    void handleEvent(const QByteArray &name, const QByteArray &data);
    void onFinished();

    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    QUrl m_serverUrl;
    QByteArray m_buffer;
    QElapsedTimer m_clock;
    std::optional<qint64> m_inputTokens;
    std::optional<qint64> m_outputTokens;
    QString m_credits;
    QString m_callId;
    QString m_streamError;
    double m_latencyMs = 0;
    double m_firstTokenMs = -1;
    bool m_stopped = false;
};

} // namespace AiHub::Ui
