// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;


namespace AiHub::Ui {

// One streamed chat completion against the hub's own OpenAI-compatible API, read incrementally as server-sent
// events. Emits the text as it arrives; finished() or failed() ends it, exactly once.
class ChatStream final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatStream)

public:
    explicit ChatStream(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ChatStream() override;

    // body is an OpenAI chat request without "stream" (set here, with usage reporting).
    void start(const QUrl &serverUrl, const QString &token, QJsonObject body);
    void stop();
    bool isRunning() const { return m_reply != nullptr; }

    std::optional<qint64> inputTokens() const { return m_inputTokens; }
    std::optional<qint64> outputTokens() const { return m_outputTokens; }
    double latencyMs() const { return m_latencyMs; }
    double firstTokenMs() const { return m_firstTokenMs; }

Q_SIGNALS:
    void textArrived(const QString &text);
    void finished();
    void failed(const QString &message);

private:
    void readEvents();
    void handleEvent(const QByteArray &data);
    void onFinished();

    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_buffer;
    QElapsedTimer m_clock;
    std::optional<qint64> m_inputTokens;
    std::optional<qint64> m_outputTokens;
    QString m_streamError;
    double m_latencyMs = 0;
    double m_firstTokenMs = -1;
    bool m_stopped = false;
};

} // namespace AiHub::Ui
