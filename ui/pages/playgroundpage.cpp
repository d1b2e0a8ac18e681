// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/playgroundpage.h"

#include "ui/chatstream.h"
#include "ui/playgroundkey.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/pagestyle.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace AiHub::Ui {

namespace {
constexpr int kTitleLength = 48;

QString statsLine(const Hub::ConversationMessage &m)
{
    QStringList parts;
    if (!m.model.isEmpty())
        parts.append(m.model);
    if (m.inputTokens || m.outputTokens)
        parts.append(PlaygroundPage::tr("%1 in / %2 out tokens")
                         .arg(m.inputTokens.value_or(0))
                         .arg(m.outputTokens.value_or(0)));
    if (m.latencyMs)
        parts.append(PlaygroundPage::tr("%1 s").arg(*m.latencyMs / 1000.0, 0, 'f', 2));
    return parts.join(QStringLiteral(" · "));
}
} // namespace

PlaygroundPage::PlaygroundPage(QWidget *parent)
    : QWidget(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_key(new PlaygroundKey(this))
    , m_stream(new ChatStream(m_network, this))
{
    auto *root = new QHBoxLayout(this);
    root->setContentsMargins(16, 16, 16, 12);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    root->addWidget(splitter);

    // Conversation history
    auto *side = new QWidget(splitter);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 8, 0);
    sideLayout->addWidget(PageStyle::heading(tr("Playground"), 1.4, side));
    m_newButton = new QPushButton(tr("New Chat"), side);
    m_newButton->setObjectName(QStringLiteral("newChatButton"));
    m_newButton->setToolTip(tr("Start a new conversation (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    sideLayout->addWidget(m_newButton);
    m_conversations = new QListWidget(side);
    m_conversations->setObjectName(QStringLiteral("conversationList"));
    sideLayout->addWidget(m_conversations, 1);
    auto *historyButtons = new QHBoxLayout;
    m_renameButton = new QPushButton(tr("Rename…"), side);
    m_renameButton->setObjectName(QStringLiteral("renameButton"));
    m_deleteButton = new QPushButton(tr("Delete"), side);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    historyButtons->addWidget(m_renameButton);
    historyButtons->addWidget(m_deleteButton);
    sideLayout->addLayout(historyButtons);
    splitter->addWidget(side);

    // Chat
    auto *chat = new QWidget(splitter);
    auto *chatLayout = new QVBoxLayout(chat);
    chatLayout->setContentsMargins(8, 0, 0, 0);
    auto *settings = new QFormLayout;
    auto *modelRow = new QHBoxLayout;
    m_model = new QComboBox(chat);
    m_model->setObjectName(QStringLiteral("modelCombo"));
    m_model->setEditable(true); // a model the catalogue does not list can still be typed
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setMinimumContentsLength(24);
    auto *refresh = new QPushButton(tr("Refresh"), chat);
    refresh->setObjectName(QStringLiteral("refreshModelsButton"));
    refresh->setToolTip(tr("Ask the hub again which models its providers offer"));
    connect(refresh, &QPushButton::clicked, this, &PlaygroundPage::refreshModels);
    m_temperature = new QDoubleSpinBox(chat);
    m_temperature->setObjectName(QStringLiteral("temperatureSpin"));
    m_temperature->setRange(0.0, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setValue(0.7);
    m_maxTokens = new QSpinBox(chat);
    m_maxTokens->setObjectName(QStringLiteral("maxTokensSpin"));
    m_maxTokens->setRange(0, 1000000);
    m_maxTokens->setSpecialValueText(tr("default"));
    m_maxTokens->setValue(0);
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(refresh);
    modelRow->addSpacing(12);
    modelRow->addWidget(new QLabel(tr("Temperature"), chat));
    modelRow->addWidget(m_temperature);
    modelRow->addWidget(new QLabel(tr("Max tokens"), chat));
    modelRow->addWidget(m_maxTokens);
    settings->addRow(tr("Model"), modelRow);
    m_systemPrompt = new QLineEdit(chat);
    m_systemPrompt->setObjectName(QStringLiteral("systemPromptField"));
    m_systemPrompt->setPlaceholderText(tr("Optional instructions for the model, e.g. \"Answer briefly.\""));
    settings->addRow(tr("System prompt"), m_systemPrompt);
    chatLayout->addLayout(settings);

    m_transcript = new QTextBrowser(chat);
    m_transcript->setObjectName(QStringLiteral("transcript"));
    m_transcript->setOpenExternalLinks(true);
    m_transcript->setPlaceholderText(tr("Pick a model, type a message and press %1 to send.")
                                         .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
    chatLayout->addWidget(m_transcript, 1);

    m_banner = new MessageBanner(chat);
    m_banner->setObjectName(QStringLiteral("messageBanner"));
    chatLayout->addWidget(m_banner);

    m_input = new QPlainTextEdit(chat);
    m_input->setObjectName(QStringLiteral("promptInput"));
    m_input->setPlaceholderText(tr("Message"));
    m_input->setMaximumHeight(110);
    chatLayout->addWidget(m_input);
    auto *sendRow = new QHBoxLayout;
    m_stats = new QLabel(chat);
    m_stats->setObjectName(QStringLiteral("statsLabel"));
    m_sendButton = new QPushButton(tr("Send"), chat);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setToolTip(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText));
    m_stopButton = new QPushButton(tr("Stop"), chat);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText));
    sendRow->addWidget(m_stats, 1);
    sendRow->addWidget(m_stopButton);
    sendRow->addWidget(m_sendButton);
    chatLayout->addLayout(sendRow);
    splitter->addWidget(chat);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 200, 600 });

    // Shortcuts work anywhere on the page.
    auto *sendShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    sendShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(sendShortcut, &QShortcut::activated, this, &PlaygroundPage::send);
    auto *sendShortcut2 = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this);
    sendShortcut2->setContext(Qt::WidgetWithChildrenShortcut);
    connect(sendShortcut2, &QShortcut::activated, this, &PlaygroundPage::send);
    auto *stopShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    stopShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(stopShortcut, &QShortcut::activated, this, &PlaygroundPage::stop);
    auto *newShortcut = new QShortcut(QKeySequence::New, this);
    newShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(newShortcut, &QShortcut::activated, this, &PlaygroundPage::newChat);

    connect(m_newButton, &QPushButton::clicked, this, &PlaygroundPage::newChat);
    connect(m_sendButton, &QPushButton::clicked, this, &PlaygroundPage::send);
    connect(m_stopButton, &QPushButton::clicked, this, &PlaygroundPage::stop);
    connect(m_deleteButton, &QPushButton::clicked, this, [this] {
        auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Conversation"),
                                    tr("Delete this conversation? This cannot be undone."),
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("deleteConfirmation"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box] {
            if (box->result() == QMessageBox::Yes)
                deleteConversation();
        });
        box->open();
    });
    connect(m_renameButton, &QPushButton::clicked, this, [this] {
        auto *dialog = new QInputDialog(this);
        dialog->setObjectName(QStringLiteral("renameDialog"));
        dialog->setWindowTitle(tr("Rename Conversation"));
        dialog->setLabelText(tr("Title"));
        if (QListWidgetItem *item = m_conversations->currentItem())
            dialog->setTextValue(item->text());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QInputDialog::textValueSelected, this, &PlaygroundPage::renameConversation);
        dialog->open();
    });
    connect(m_conversations, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && item->data(Qt::UserRole).toLongLong() != m_conversationId)
            openConversation(item->data(Qt::UserRole).toLongLong());
        updateButtons();
    });
    connect(m_stream, &ChatStream::textArrived, this, [this](const QString &text) {
        m_pending.content += text;
        render();
    });
    connect(m_stream, &ChatStream::finished, this, [this] { finishReply(QString()); });
    connect(m_stream, &ChatStream::failed, this, &PlaygroundPage::finishReply);
    connect(m_input, &QPlainTextEdit::textChanged, this, &PlaygroundPage::updateButtons);
    connect(m_model, &QComboBox::currentTextChanged, this, &PlaygroundPage::updateButtons);

    setContext({});
}

PlaygroundPage::~PlaygroundPage() = default;

void PlaygroundPage::setContext(const HubContext &context)
{
    m_context = context;
    m_key->setContext(context);
    m_conversationId = 0;
    m_messages.clear();
    m_hasPending = false;
    reloadConversations();
    render();
    // The desktop key is made on first use: only once someone looks at the playground.
    if (isVisible())
        refreshModels();
    updateButtons();
}

void PlaygroundPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_model->count() == 0)
        refreshModels();
}

bool PlaygroundPage::isStreaming() const
{
    return m_stream->isRunning() || m_hasPending;
}

QString PlaygroundPage::transcriptText() const
{
    return m_transcript->toPlainText();
}

void PlaygroundPage::showError(const QString &message)
{
    m_banner->showMessage(MessageBanner::Kind::Error, message);
}

void PlaygroundPage::refreshModels()
{
    if (!m_context.isReady() || m_context.serverUrl.isEmpty())
        return;
    m_key->obtain([this](Result<QString> token) {
        if (!token)
            return showError(tr("The playground has no access key: %1").arg(token.error().message));
        QNetworkRequest request(QUrl(m_context.serverUrl).resolved(QUrl(QStringLiteral("/v1/models"))));
        request.setRawHeader("Authorization", "Bearer " + token->toUtf8());
        QNetworkReply *reply = m_network->get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
            if (reply->error() != QNetworkReply::NoError) {
                const QString message = answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
                return showError(tr("The model list is not available: %1")
                                     .arg(message.isEmpty() ? reply->errorString() : message));
            }
            QStringList models;
            for (const QJsonValue &m : answer.value(QStringLiteral("data")).toArray())
                models.append(m.toObject().value(QStringLiteral("id")).toString());
            models.sort();
            const QString current = m_model->currentText();
            m_model->clear();
            m_model->addItems(models);
            if (!current.isEmpty())
                m_model->setCurrentText(current);
            if (models.isEmpty())
                m_banner->showMessage(MessageBanner::Kind::Info,
                                      tr("No models yet: add a provider on the Providers page, then press Refresh."));
            Q_EMIT modelsLoaded(models);
        });
    });
}

void PlaygroundPage::reloadConversations()
{
    const QSignalBlocker blocker(m_conversations);
    m_conversations->clear();
    if (!m_context.database)
        return;
    auto all = Hub::ConversationStore(m_context.database).list();
    if (!all)
        return showError(tr("The saved conversations cannot be read: %1").arg(all.error().message));
    for (const Hub::ConversationInfo &c : std::as_const(*all)) {
        auto *item = new QListWidgetItem(c.title, m_conversations);
        item->setData(Qt::UserRole, c.id);
        item->setToolTip(c.model);
        if (c.id == m_conversationId)
            m_conversations->setCurrentItem(item);
    }
}

void PlaygroundPage::newChat()
{
    if (m_stream->isRunning())
        m_stream->stop();
    m_conversationId = 0;
    m_messages.clear();
    m_hasPending = false;
    m_conversations->clearSelection();
    m_conversations->setCurrentItem(nullptr);
    m_stats->clear();
    m_banner->clearMessage();
    render();
    m_input->setFocus();
    updateButtons();
}

void PlaygroundPage::openConversation(qint64 id)
{
    if (!m_context.database || m_stream->isRunning())
        return;
    Hub::ConversationStore store(m_context.database);
    auto info = store.find(id);
    auto messages = info ? store.messages(id) : Result<QList<Hub::ConversationMessage>>(std::unexpected(info.error()));
    if (!messages)
        return showError(tr("The conversation cannot be opened: %1").arg(messages.error().message));
    m_conversationId = id;
    m_messages = *messages;
    m_hasPending = false;
    if (!info->model.isEmpty())
        m_model->setCurrentText(info->model);
    m_systemPrompt->setText(info->systemPrompt);
    m_banner->clearMessage();
    reloadConversations();
    render();
    updateButtons();
}

void PlaygroundPage::renameConversation(const QString &title)
{
    if (!m_context.database || m_conversationId == 0)
        return;
    if (auto renamed = Hub::ConversationStore(m_context.database).rename(m_conversationId, title); !renamed)
        return showError(tr("The conversation was not renamed: %1").arg(renamed.error().message));
    reloadConversations();
}

void PlaygroundPage::deleteConversation()
{
    if (!m_context.database || m_conversationId == 0)
        return;
    if (auto removed = Hub::ConversationStore(m_context.database).remove(m_conversationId); !removed)
        return showError(tr("The conversation was not deleted: %1").arg(removed.error().message));
    newChat();
    reloadConversations();
}

void PlaygroundPage::send()
{
    const QString prompt = m_input->toPlainText().trimmed();
    const QString model = m_model->currentText().trimmed();
    if (prompt.isEmpty() || isStreaming() || !m_context.isReady())
        return;
    if (model.isEmpty())
        return showError(tr("Choose a model first. If the list is empty, add a provider on the Providers page."));
    m_banner->clearMessage();
    Hub::ConversationStore store(m_context.database);
    if (m_conversationId == 0) {
        auto id = store.create(prompt.left(kTitleLength).simplified(), model, m_systemPrompt->text());
        if (!id)
            return showError(tr("The conversation cannot be saved: %1").arg(id.error().message));
        m_conversationId = *id;
    } else {
        (void)store.updateSettings(m_conversationId, model, m_systemPrompt->text());
    }
    Hub::ConversationMessage user;
    user.role = QStringLiteral("user");
    user.content = prompt;
    if (auto saved = store.addMessage(m_conversationId, user); !saved)
        return showError(tr("The message cannot be saved: %1").arg(saved.error().message));
    m_messages.append(user);
    m_input->clear();
    reloadConversations();

    m_pending = {};
    m_pending.role = QStringLiteral("assistant");
    m_pending.model = model;
    m_hasPending = true;
    render();
    updateButtons();

    QJsonArray messages;
    if (!m_systemPrompt->text().trimmed().isEmpty())
        messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("system") },
                                      { QStringLiteral("content"), m_systemPrompt->text().trimmed() } });
    for (const Hub::ConversationMessage &m : std::as_const(m_messages)) {
        if (!m.error.isEmpty() && m.content.isEmpty())
            continue; // a failed reply says nothing the model should see
        messages.append(QJsonObject { { QStringLiteral("role"), m.role }, { QStringLiteral("content"), m.content } });
    }
    QJsonObject body { { QStringLiteral("model"), model },
                       { QStringLiteral("messages"), messages },
                       { QStringLiteral("temperature"), m_temperature->value() } };
    if (m_maxTokens->value() > 0)
        body.insert(QStringLiteral("max_tokens"), m_maxTokens->value());
    m_key->obtain([this, body](Result<QString> token) {
        if (!m_hasPending)
            return; // stopped meanwhile
        if (!token)
            return finishReply(tr("The playground has no access key: %1").arg(token.error().message));
        m_stream->start(QUrl(m_context.serverUrl), *token, body);
        updateButtons();
    });
}

void PlaygroundPage::stop()
{
    if (m_stream->isRunning())
        m_stream->stop();
    else if (m_hasPending)
        finishReply(QString());
}

void PlaygroundPage::finishReply(const QString &error)
{
    if (!m_hasPending)
        return;
    m_hasPending = false;
    m_pending.error = error;
    m_pending.inputTokens = m_stream->inputTokens();
    m_pending.outputTokens = m_stream->outputTokens();
    m_pending.latencyMs = m_stream->latencyMs();
    if (m_context.database && m_conversationId != 0)
        (void)Hub::ConversationStore(m_context.database).addMessage(m_conversationId, m_pending);
    m_messages.append(m_pending);
    m_stats->setText(statsLine(m_pending));
    if (!error.isEmpty())
        showError(tr("The reply failed: %1").arg(error));
    render();
    updateButtons();
    Q_EMIT replyFinished();
}

void PlaygroundPage::render()
{
    QString markdown;
    auto append = [&markdown](const Hub::ConversationMessage &m, bool streaming) {
        const bool user = m.role == QStringLiteral("user");
        QString header = user ? tr("You") : tr("Assistant");
        const QString stats = user ? QString() : statsLine(m);
        markdown += QStringLiteral("**%1**%2\n\n").arg(header, stats.isEmpty() ? QString() : QStringLiteral("  ·  *%1*").arg(stats));
        markdown += m.content.isEmpty() && streaming ? QStringLiteral("…") : m.content;
        if (!m.error.isEmpty())
            markdown += QStringLiteral("\n\n> ") + tr("Error: %1").arg(m.error);
        markdown += QStringLiteral("\n\n---\n\n");
    };
    for (const Hub::ConversationMessage &m : std::as_const(m_messages))
        append(m, false);
    if (m_hasPending)
        append(m_pending, true);
    m_transcript->setMarkdown(markdown);
    m_transcript->moveCursor(QTextCursor::End);
    m_transcript->ensureCursorVisible();
}

void PlaygroundPage::updateButtons()
{
    const bool ready = m_context.isReady() && !m_context.serverUrl.isEmpty();
    const bool busy = isStreaming();
    m_sendButton->setEnabled(ready && !busy && !m_input->toPlainText().trimmed().isEmpty());
    m_stopButton->setEnabled(busy);
    m_newButton->setEnabled(ready);
    const bool selected = m_conversationId != 0 && !busy;
    m_renameButton->setEnabled(selected);
    m_deleteButton->setEnabled(selected);
}

} // namespace AiHub::Ui
