// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/hub/conversationstore.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace AiHub::Ui {

class ChatStream;

// One side of the compare tab: a model, its streamed answer, its own statistics and Stop.
class ComparePane final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparePane)

public:
    ComparePane(const QString &name, QNetworkAccessManager *network, QWidget *parent = nullptr);

    void setModels(const QStringList &models);
    QString model() const;
    void setModel(const QString &model);
    // Starts the answer to `body` (ChatStream::requestBody for this pane's model).
    void start(const QUrl &serverUrl, const QString &token, const QJsonObject &body);
    // Shows a failure that happened before the call started (no key, no model).
    void showFailure(const QString &message);
    void clear();
    bool isStreaming() const;
    QString answerText() const;
    Hub::ConversationMessage reply() const { return m_reply; }
    ChatStream *stream() const { return m_stream; }

public Q_SLOTS:
    void stop();

Q_SIGNALS:
    void finished();

private:
    void finish(const QString &error);
    void render();

    ChatStream *m_stream = nullptr;
    QTimer *m_renderTimer = nullptr;
    Hub::ConversationMessage m_reply;
    bool m_pending = false;
    bool m_started = false; // the stream ran (its figures belong to this reply)
    QComboBox *m_model = nullptr;
    QTextBrowser *m_answer = nullptr;
    QLabel *m_stats = nullptr;
    QPushButton *m_stopButton = nullptr;
};

} // namespace AiHub::Ui
