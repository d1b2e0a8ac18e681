// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/hub/conversationstore.h"
#include "ui/hubcontext.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace AiHub::Ui {

class ChatStream;
class MessageBanner;
class PlaygroundKey;

// Chat with any configured model through the hub's own API, the answer rendered as Markdown while it streams.
// Conversations are kept in the database: listed, renamed, deleted and resumed.
class PlaygroundPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaygroundPage)

public:
    explicit PlaygroundPage(QWidget *parent = nullptr);
    ~PlaygroundPage() override;

    void setContext(const HubContext &context);

    qint64 currentConversation() const { return m_conversationId; }
    bool isStreaming() const;
    // What the transcript shows, as plain text (for tests and accessibility).
    QString transcriptText() const;

public Q_SLOTS:
    void refreshModels();
    void newChat();
    void send();
    void stop();
    void renameConversation(const QString &title);
    void deleteConversation();
    void openConversation(qint64 id);

Q_SIGNALS:
    void modelsLoaded(const QStringList &models);
    // A reply ended (finished, stopped or failed) and was saved.
    void replyFinished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void reloadConversations();
    void render();
    void finishReply(const QString &error);
    void updateButtons();
    void showError(const QString &message);

    HubContext m_context;
    QNetworkAccessManager *m_network = nullptr;
    PlaygroundKey *m_key = nullptr;
    ChatStream *m_stream = nullptr;
    qint64 m_conversationId = 0;
    QList<Hub::ConversationMessage> m_messages;
    Hub::ConversationMessage m_pending; // the reply being streamed
    bool m_hasPending = false;

    QListWidget *m_conversations = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_renameButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QComboBox *m_model = nullptr;
    QLineEdit *m_systemPrompt = nullptr;
    QDoubleSpinBox *m_temperature = nullptr;
    QSpinBox *m_maxTokens = nullptr;
    QTextBrowser *m_transcript = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_stats = nullptr;
    MessageBanner *m_banner = nullptr;
};

} // namespace AiHub::Ui
