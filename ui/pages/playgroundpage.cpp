// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/playgroundpage.h"

#include "ui/chatstream.h"
#include "ui/playground/codeblockshade.h"
#include "ui/playground/compareview.h"
#include "ui/playground/embeddingsview.h"
#include "ui/playground/imageview.h"
#include "ui/playground/messagestats.h"
#include "ui/playground/playgrounderror.h"
#include "ui/playgroundkey.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/pagestyle.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTextBrowser>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

namespace AiHub::Ui {

namespace {
constexpr int kTitleLength = 48;

QString shortcutText(const QKeySequence &keys)
{
    return keys.toString(QKeySequence::NativeText);
}
} // namespace

PlaygroundPage::PlaygroundPage(QWidget *parent)
    : QWidget(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_key(new PlaygroundKey(this))
    , m_stream(new ChatStream(m_network, this))
    , m_pool(new QThreadPool(this))
    , m_searchTimer(new QTimer(this))
    , m_renderTimer(new QTimer(this))
{
    m_pool->setMaxThreadCount(1); // one search at a time; a newer one supersedes the older
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150); // search once typing pauses
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(16, 16, 16, 12);
    root->addWidget(PageStyle::heading(tr("Playground"), 1.4, this));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("playgroundTabs"));
    m_tabs->setDocumentMode(true);
    root->addWidget(m_tabs, 1);
    auto *chatTab = new QWidget(m_tabs);
    auto *chatTabLayout = new QHBoxLayout(chatTab);
    chatTabLayout->setContentsMargins(0, 8, 0, 0);
    auto *splitter = new QSplitter(Qt::Horizontal, chatTab);
    chatTabLayout->addWidget(splitter);

    // Conversation history
    auto *side = new QWidget(splitter);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 8, 0);
    m_newButton = new QPushButton(tr("New Chat"), side);
    m_newButton->setObjectName(QStringLiteral("newChatButton"));
    m_newButton->setToolTip(tr("Start a new conversation (%1)").arg(shortcutText(QKeySequence::New)));
    sideLayout->addWidget(m_newButton);
    m_search = new QLineEdit(side);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(tr("Search conversations"));
    m_search->setToolTip(tr("Shows the conversations whose title or messages contain the text"));
    m_search->setClearButtonEnabled(true);
    sideLayout->addWidget(m_search);
    m_conversations = new QListWidget(side);
    m_conversations->setObjectName(QStringLiteral("conversationList"));
    sideLayout->addWidget(m_conversations, 1);
    auto *historyButtons = new QHBoxLayout;
    m_renameButton = new QPushButton(tr("Rename…"), side);
    m_renameButton->setObjectName(QStringLiteral("renameButton"));
    m_deleteButton = new QPushButton(tr("Delete"), side);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_exportButton = new QPushButton(tr("Export"), side);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setToolTip(tr("Save the open conversation as Markdown or JSON"));
    auto *exportMenu = new QMenu(m_exportButton);
    connect(exportMenu->addAction(tr("As Markdown…")), &QAction::triggered, this,
            [this] { chooseExportFile(Hub::ConversationExport::Format::Markdown); });
    connect(exportMenu->addAction(tr("As JSON…")), &QAction::triggered, this,
            [this] { chooseExportFile(Hub::ConversationExport::Format::Json); });
    m_exportButton->setMenu(exportMenu);
    historyButtons->addWidget(m_renameButton);
    historyButtons->addWidget(m_deleteButton);
    historyButtons->addWidget(m_exportButton);
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
    m_model->setMinimumContentsLength(16);
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
    settings->addRow(tr("Model"), modelRow);
    // Sampling gets its own row so the page fits the window's default width beside the history.
    auto *samplingRow = new QHBoxLayout;
    samplingRow->addWidget(new QLabel(tr("Temperature"), chat));
    samplingRow->addWidget(m_temperature);
    samplingRow->addSpacing(12);
    samplingRow->addWidget(new QLabel(tr("Max tokens"), chat));
    samplingRow->addWidget(m_maxTokens);
    samplingRow->addStretch(1);
    settings->addRow(tr("Options"), samplingRow);
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
    m_stats->setWordWrap(true); // a long model name wraps instead of widening the page
    m_sendButton = new QPushButton(tr("Send"), chat);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setToolTip(tr("Send the message (%1)").arg(shortcutText(QKeySequence(Qt::CTRL | Qt::Key_Return))));
    m_stopButton = new QPushButton(tr("Stop"), chat);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(tr("Stop the answer; what arrived is kept (%1)").arg(shortcutText(QKeySequence(Qt::Key_Escape))));
    sendRow->addWidget(m_stats, 1);
    sendRow->addWidget(m_stopButton);
    sendRow->addWidget(m_sendButton);
    chatLayout->addLayout(sendRow);
    splitter->addWidget(chat);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 220, 600 });
    m_tabs->addTab(chatTab, tr("Chat"));
    m_compare = new CompareView(m_network, m_key, m_tabs);
    m_compare->setObjectName(QStringLiteral("compareView"));
    m_tabs->addTab(m_compare, tr("Compare"));
    m_images = new ImageView(m_network, m_key, m_tabs);
    m_images->setObjectName(QStringLiteral("imageView"));
    m_tabs->addTab(m_images, tr("Images"));
    m_embeddings = new EmbeddingsView(m_network, m_key, m_tabs);
    m_embeddings->setObjectName(QStringLiteral("embeddingsView"));
    m_tabs->addTab(m_embeddings, tr("Embeddings"));
    // Every tab's calls are billed and recorded: the usage and balance pages follow all of them.
    connect(this, &PlaygroundPage::replyFinished, this, &PlaygroundPage::callsEnded);
    connect(m_compare, &CompareView::comparisonFinished, this, &PlaygroundPage::callsEnded);
    connect(m_images, &ImageView::generationFinished, this, &PlaygroundPage::callsEnded);
    connect(m_embeddings, &EmbeddingsView::computed, this, &PlaygroundPage::callsEnded);
    connect(m_embeddings, &EmbeddingsView::computeFailed, this, &PlaygroundPage::callsEnded);
    m_tabs->setTabToolTip(ChatTab, tr("Chat with a model; conversations are saved"));
    m_tabs->setTabToolTip(CompareTab, tr("One prompt, two models side by side"));
    m_tabs->setTabToolTip(ImagesTab, tr("Generate images from a prompt"));
    m_tabs->setTabToolTip(EmbeddingsTab, tr("Embed several inputs and compare them"));

    // Shortcuts work anywhere on the page and act on the open tab.
    for (const QKeySequence &keys : { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) }) {
        auto *sendShortcut = new QShortcut(keys, this);
        sendShortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sendShortcut, &QShortcut::activated, this, &PlaygroundPage::sendCurrentTab);
    }
    auto *stopShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    stopShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(stopShortcut, &QShortcut::activated, this, &PlaygroundPage::stopCurrentTab);
    auto *newShortcut = new QShortcut(QKeySequence::New, this);
    newShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(newShortcut, &QShortcut::activated, this, [this] {
        showTab(ChatTab);
        newChat();
    });
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &PlaygroundPage::reloadConversations);

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
        if (item && item->data(Qt::UserRole).isValid() && item->data(Qt::UserRole).toLongLong() != m_conversationId)
            openConversation(item->data(Qt::UserRole).toLongLong());
        updateButtons();
    });
    // Re-rendering the whole transcript per token would keep the GUI thread busy on a fast stream: at most
    // every 40 ms.
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(40);
    connect(m_renderTimer, &QTimer::timeout, this, &PlaygroundPage::render);
    connect(m_stream, &ChatStream::textArrived, this, [this](const QString &text) {
        m_pending.content += text;
        if (!m_renderTimer->isActive())
            m_renderTimer->start();
    });
    connect(m_stream, &ChatStream::finished, this, [this] { finishReply(QString()); });
    connect(m_stream, &ChatStream::failed, this, &PlaygroundPage::finishReply);
    connect(m_input, &QPlainTextEdit::textChanged, this, &PlaygroundPage::updateButtons);
    connect(m_model, &QComboBox::currentTextChanged, this, &PlaygroundPage::updateButtons);

    setContext({});
}

PlaygroundPage::~PlaygroundPage()
{
    m_pool->waitForDone(); // a search posts back to this page
}

void PlaygroundPage::setContext(const HubContext &context)
{
    m_context = context;
    m_key->setContext(context);
    m_compare->setContext(context);
    m_images->setContext(context);
    m_embeddings->setContext(context);
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
        // The hub's catalogue with each model's type: chat, image_generation or embedding.
        QNetworkRequest request(QUrl(m_context.serverUrl).resolved(QUrl(QStringLiteral("/api/ai/models"))));
        request.setRawHeader("Authorization", "Bearer " + token->toUtf8());
        QNetworkReply *reply = m_network->get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            if (reply->error() != QNetworkReply::NoError)
                return showError(tr("The model list is not available: %1")
                                     .arg(PlaygroundError::explainReply(QUrl(m_context.serverUrl), reply)));
            QStringList chat;
            QStringList images;
            QStringList embeddings;
            for (const QJsonValue &m : QJsonDocument::fromJson(reply->readAll()).array()) {
                const QJsonObject model = m.toObject();
                const QString id = model.value(QStringLiteral("key")).toString();
                const QString type = model.value(QStringLiteral("type")).toString();
                if (id.isEmpty())
                    continue;
                if (type == QStringLiteral("image_generation"))
                    images.append(id);
                else if (type == QStringLiteral("embedding"))
                    embeddings.append(id);
                else
                    chat.append(id);
            }
            for (QStringList *list : { &chat, &images, &embeddings })
                list->sort();
            const QString current = m_model->currentText();
            m_model->clear();
            m_model->addItems(chat);
            if (!current.isEmpty())
                m_model->setCurrentText(current);
            m_compare->setModels(chat);
            m_images->setModels(images);
            m_embeddings->setModels(embeddings);
            if (chat.isEmpty() && images.isEmpty() && embeddings.isEmpty())
                m_banner->showMessage(MessageBanner::Kind::Info,
                                      tr("No models yet: add a provider on the Providers page, then press Refresh."));
            Q_EMIT modelsLoaded(chat);
        });
    });
}

void PlaygroundPage::reloadConversations()
{
    if (!m_context.database) {
        showConversations({});
        return;
    }
    const QString text = m_search->text().trimmed();
    const quint64 generation = ++m_searchGeneration;
    if (text.isEmpty()) {
        // The plain list is one indexed query: cheap enough to answer at once.
        auto all = Hub::ConversationStore(m_context.database).list();
        if (!all)
            return showError(tr("The saved conversations cannot be read: %1").arg(all.error().message));
        showConversations(*all);
        return;
    }
    // Searching message text scans every message: on the worker thread.
    QPointer<PlaygroundPage> self(this);
    auto database = m_context.database;
    m_pool->start([self, database, text, generation] {
        auto found = Hub::ConversationStore(database).search(text);
        QMetaObject::invokeMethod(self.data(), [self, found, generation] {
            if (!self || generation != self->m_searchGeneration)
                return; // a newer search (or list) is on its way
            if (!found)
                return self->showError(tr("The conversations cannot be searched: %1").arg(found.error().message));
            self->showConversations(*found);
        });
    });
}

void PlaygroundPage::showConversations(const QList<Hub::ConversationInfo> &conversations)
{
    const QSignalBlocker blocker(m_conversations);
    m_conversations->clear();
    for (const Hub::ConversationInfo &c : conversations) {
        auto *item = new QListWidgetItem(c.title, m_conversations);
        item->setData(Qt::UserRole, c.id);
        item->setToolTip(c.model);
        if (c.id == m_conversationId)
            m_conversations->setCurrentItem(item);
    }
    if (conversations.isEmpty() && !m_search->text().trimmed().isEmpty())
        m_conversations->addItem(new QListWidgetItem(tr("No conversation matches"), nullptr));
    if (m_conversations->count() == 1 && !m_conversations->item(0)->data(Qt::UserRole).isValid())
        m_conversations->item(0)->setFlags(Qt::NoItemFlags);
    Q_EMIT conversationsListed();
}

void PlaygroundPage::setSearchText(const QString &text)
{
    m_search->setText(text);
    m_searchTimer->stop();
    reloadConversations();
}

QString PlaygroundPage::exportConversation(Hub::ConversationExport::Format format, const QString &path)
{
    if (!m_context.database || m_conversationId == 0)
        return tr("Open a conversation to export first.");
    auto info = Hub::ConversationStore(m_context.database).find(m_conversationId);
    if (!info)
        return tr("The conversation cannot be exported: %1").arg(info.error().message);
    const QByteArray contents = Hub::ConversationExport::render(format, *info, m_messages);
    if (auto written = Hub::ConversationExport::writeFile(path, contents); !written)
        return written.error().message;
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Exported to %1.").arg(QDir::toNativeSeparators(path)));
    return {};
}

void PlaygroundPage::chooseExportFile(Hub::ConversationExport::Format format)
{
    if (m_conversationId == 0)
        return;
    const bool json = format == Hub::ConversationExport::Format::Json;
    QString title = tr("Conversation");
    if (QListWidgetItem *item = m_conversations->currentItem())
        title = item->text();
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *dialog = new QFileDialog(this, tr("Export Conversation"),
                                   QDir(folder).filePath(Hub::ConversationExport::suggestedFileName(title, format)),
                                   json ? tr("JSON (*.json)") : tr("Markdown (*.md)"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(json ? QStringLiteral("json") : QStringLiteral("md"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString &path) {
        if (const QString error = exportConversation(format, path); !error.isEmpty())
            showError(error);
    });
    dialog->open();
}

void PlaygroundPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void PlaygroundPage::sendCurrentTab()
{
    switch (m_tabs->currentIndex()) {
    case CompareTab: return m_compare->send();
    case ImagesTab: return m_images->generate();
    case EmbeddingsTab: return m_embeddings->compute();
    default: return send();
    }
}

void PlaygroundPage::stopCurrentTab()
{
    switch (m_tabs->currentIndex()) {
    case CompareTab: return m_compare->stop();
    case ImagesTab: return m_images->cancel();
    case EmbeddingsTab: return m_embeddings->cancel();
    default: return stop();
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

    const QJsonObject body = ChatStream::requestBody(model, m_systemPrompt->text(), m_messages, m_temperature->value(),
                                                     m_maxTokens->value());
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
    m_pending.credits = m_stream->credits();
    m_pending.callId = m_stream->callId();
    if (m_stream->latencyMs() > 0)
        m_pending.latencyMs = m_stream->latencyMs();
    if (m_stream->firstTokenMs() >= 0)
        m_pending.firstTokenMs = m_stream->firstTokenMs();
    QString saveError;
    if (m_context.database && m_conversationId != 0) {
        if (auto saved = Hub::ConversationStore(m_context.database).addMessage(m_conversationId, m_pending); !saved)
            saveError = tr("The reply was not saved: %1").arg(saved.error().message);
    }
    m_messages.append(m_pending);
    m_stats->setText(MessageStats::line(m_pending));
    if (!error.isEmpty())
        showError(error);
    else if (!saveError.isEmpty())
        showError(saveError);
    render();
    updateButtons();
    Q_EMIT replyFinished();
}

void PlaygroundPage::render()
{
    m_renderTimer->stop();
    QString markdown;
    auto append = [&markdown](const Hub::ConversationMessage &m, bool streaming) {
        const bool user = m.role == QStringLiteral("user");
        markdown += QStringLiteral("**%1**\n\n").arg(user ? tr("You") : tr("Assistant"));
        markdown += m.content.isEmpty() && streaming ? QStringLiteral("…") : m.content;
        if (!m.error.isEmpty())
            markdown += QStringLiteral("\n\n> ") + tr("Error: %1").arg(m.error);
        // Under each finished answer: what it cost and how long it took.
        const QString stats = user || streaming ? QString() : MessageStats::line(m);
        if (!stats.isEmpty())
            markdown += QStringLiteral("\n\n*%1*").arg(stats);
        markdown += QStringLiteral("\n\n---\n\n");
    };
    for (const Hub::ConversationMessage &m : std::as_const(m_messages))
        append(m, false);
    if (m_hasPending)
        append(m_pending, true);
    m_transcript->setMarkdown(markdown);
    CodeBlockShade::apply(m_transcript->document(), palette().color(QPalette::AlternateBase));
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
    m_exportButton->setEnabled(selected);
}

} // namespace AiHub::Ui
