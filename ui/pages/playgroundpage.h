// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/hub/conversationexport.h"
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
class QTabWidget;
class QTextBrowser;
class QThreadPool;
class QTimer;

namespace AiHub::Ui {

class ChatStream;
class CompareView;
class EmbeddingsView;
class ImageView;
class MessageBanner;
class PlaygroundKey;

// Chat with any configured model through the hub's own API, the answer rendered as Markdown while it streams,
// each reply with its tokens, credits and latency. Conversations are kept in the database: listed, searched,
// renamed, deleted, exported and resumed. Further tabs: compare two models, images, embeddings.
class PlaygroundPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaygroundPage)

public:
    explicit PlaygroundPage(QWidget *parent = nullptr);
    ~PlaygroundPage() override;

    void setContext(const HubContext &context);

    enum Tab { ChatTab, CompareTab, ImagesTab, EmbeddingsTab };

    qint64 currentConversation() const { return m_conversationId; }
    QList<Hub::ConversationMessage> messages() const { return m_messages; }
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
    // Filters the history by title and message text (the query runs off the GUI thread).
    void setSearchText(const QString &text);
    // Writes the open conversation to `path`; the error message, or empty when it was written.
    QString exportConversation(Hub::ConversationExport::Format format, const QString &path);
    void showTab(Tab tab);

Q_SIGNALS:
    void modelsLoaded(const QStringList &models);
    // A reply ended (finished, stopped or failed) and was saved.
    void replyFinished();
    // Calls through the hub ended on any tab (chat, compare, images, embeddings): usage and balances changed.
    void callsEnded();
    // The history list was filled again (after a search, a new message, a rename or a delete).
    void conversationsListed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void reloadConversations();
    void showConversations(const QList<Hub::ConversationInfo> &conversations);
    void chooseExportFile(Hub::ConversationExport::Format format);
    void sendCurrentTab();
    void stopCurrentTab();
    void render();
    void finishReply(const QString &error);
    void updateButtons();
    void showError(const QString &message);

    HubContext m_context;
    QNetworkAccessManager *m_network = nullptr;
    PlaygroundKey *m_key = nullptr;
    ChatStream *m_stream = nullptr;
    QThreadPool *m_pool = nullptr; // history searches
    QTimer *m_searchTimer = nullptr;
    QTimer *m_renderTimer = nullptr; // coalesces streamed text into one render per frame or so
    quint64 m_searchGeneration = 0;
    qint64 m_conversationId = 0;
    QList<Hub::ConversationMessage> m_messages;
    Hub::ConversationMessage m_pending; // the reply being streamed
    bool m_hasPending = false;

    QTabWidget *m_tabs = nullptr;
    CompareView *m_compare = nullptr;
    ImageView *m_images = nullptr;
    EmbeddingsView *m_embeddings = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_exportButton = nullptr;
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
