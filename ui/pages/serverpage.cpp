// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/serverpage.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace AiHub::Ui {

namespace {

constexpr int kDotSize = 10;
constexpr int kMaxContentWidth = 880;

QLabel *heading(const QString &text, qreal scale, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QLabel *secondaryText(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("—"), parent);
    label->setTextFormat(Qt::PlainText); // paths and store names are data, not markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// A read-only monospace block exactly as tall as its text, for commands people copy into a terminal.
QPlainTextEdit *codeBlock(const QString &text, QWidget *parent)
{
    auto *view = new QPlainTextEdit(text, parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    view->setStyleSheet(QStringLiteral("QPlainTextEdit { background: palette(alternate-base); "
                                       "border: 1px solid palette(midlight); border-radius: 6px; }"));
    view->document()->setDocumentMargin(8);
    const int lines = int(text.count(u'\n')) + 1;
    const int margins = 2 * (view->frameWidth() + int(view->document()->documentMargin())) + 2;
    view->setFixedHeight(lines * view->fontMetrics().lineSpacing() + margins);
    return view;
}

QString dotStyle(ServerStatus::State state)
{
    QString colour;
    switch (state) {
    case ServerStatus::State::Running:
        colour = QStringLiteral("#2e9d4f");
        break;
    case ServerStatus::State::Starting:
    case ServerStatus::State::Stopping:
        colour = QStringLiteral("#e0a100");
        break;
    case ServerStatus::State::Stopped:
        colour = QStringLiteral("#9aa0a6");
        break;
    case ServerStatus::State::Failed:
        colour = QStringLiteral("#d93025");
        break;
    }
    return QStringLiteral("background-color: %1; border-radius: %2px;").arg(colour).arg(kDotSize / 2);
}

// Shows "Copied" on a button for a moment, so a click visibly did something.
void acknowledgeCopy(QPushButton *button, const QString &normalText)
{
    button->setText(ServerPage::tr("Copied"));
    QTimer::singleShot(1500, button, [button, normalText] { button->setText(normalText); });
}

} // namespace

ServerPage::ServerPage(QWidget *parent)
    : QWidget(parent)
{
    // Lines stay readable on wide screens: the content stops growing at kMaxContentWidth.
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *content = new QWidget(this);
    content->setMaximumWidth(kMaxContentWidth);
    outer->addWidget(content, 1);
    outer->addStretch(0);

    auto *root = new QVBoxLayout(content);
    root->setContentsMargins(32, 28, 32, 28);
    root->setSpacing(0);

    root->addWidget(heading(tr("Server"), 1.6, this));
    root->addSpacing(4);
    root->addWidget(secondaryText(tr("AIGNE Hub answers OpenAI-compatible API calls on this computer and relays "
                                     "them to your AI providers."),
                                  this));
    root->addSpacing(24);

    // State
    auto *stateRow = new QHBoxLayout;
    stateRow->setSpacing(8);
    m_stateDot = new QLabel(this);
    m_stateDot->setFixedSize(kDotSize, kDotSize);
    m_stateLabel = heading(QString(), 1.15, this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    stateRow->addWidget(m_stateDot, 0, Qt::AlignVCenter);
    stateRow->addWidget(m_stateLabel, 1);
    root->addLayout(stateRow);
    root->addSpacing(12);

    m_failureLabel = new QLabel(this);
    m_failureLabel->setObjectName(QStringLiteral("failureLabel"));
    m_failureLabel->setTextFormat(Qt::PlainText); // messages quote user input
    m_failureLabel->setWordWrap(true);
    m_failureLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failureLabel->setStyleSheet(QStringLiteral("QLabel { background-color: #fce8e6; color: #a50e0e; "
                                                 "border: 1px solid #f6aea9; border-radius: 6px; padding: 10px; }"));
    m_failureLabel->hide();
    root->addWidget(m_failureLabel);
    root->addSpacing(12);

    auto *form = new QFormLayout;
    form->setHorizontalSpacing(20);
    form->setVerticalSpacing(12);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto *addressRow = new QHBoxLayout;
    addressRow->setSpacing(8);
    m_addressField = new QLineEdit(this);
    m_addressField->setObjectName(QStringLiteral("addressField"));
    m_addressField->setReadOnly(true);
    m_addressField->setPlaceholderText(tr("Not listening"));
    m_addressField->setMinimumWidth(200);
    m_copyAddressButton = new QPushButton(tr("Copy"), this);
    m_copyAddressButton->setObjectName(QStringLiteral("copyAddressButton"));
    m_copyAddressButton->setToolTip(tr("Copy the address to the clipboard"));
    connect(m_copyAddressButton, &QPushButton::clicked, this, &ServerPage::copyAddress);
    addressRow->addWidget(m_addressField, 1);
    addressRow->addWidget(m_copyAddressButton);
    form->addRow(tr("Address"), addressRow);

    auto *dataDirRow = new QHBoxLayout;
    dataDirRow->setSpacing(8);
    m_dataDirLabel = valueLabel(this);
    m_dataDirLabel->setObjectName(QStringLiteral("dataDirLabel"));
    m_openDataDirButton = new QPushButton(tr("Open"), this);
    m_openDataDirButton->setObjectName(QStringLiteral("openDataDirButton"));
    m_openDataDirButton->setToolTip(tr("Show the data folder in the file manager"));
    m_openDataDirButton->setEnabled(false);
    connect(m_openDataDirButton, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_dataDirectory));
    });
    dataDirRow->addWidget(m_dataDirLabel, 1);
    dataDirRow->addWidget(m_openDataDirButton, 0, Qt::AlignTop);
    form->addRow(tr("Data folder"), dataDirRow);

    m_secretStoreLabel = valueLabel(this);
    m_secretStoreLabel->setObjectName(QStringLiteral("secretStoreLabel"));
    form->addRow(tr("Secrets"), m_secretStoreLabel);
    root->addLayout(form);
    root->addSpacing(32);

    // How to connect
    root->addWidget(heading(tr("How to connect"), 1.15, this));
    root->addSpacing(8);
    root->addWidget(secondaryText(tr("1. Create an access key in a terminal. Its secret is shown only once, so "
                                     "keep it somewhere safe:"),
                                  this));
    root->addSpacing(6);
    auto *keyCommand = codeBlock(QStringLiteral("aigne-hubd key create --name NAME"), this);
    keyCommand->setObjectName(QStringLiteral("keyCommandView"));
    root->addWidget(keyCommand);
    root->addSpacing(14);
    root->addWidget(secondaryText(tr("2. Send OpenAI-style requests to the hub with that key. Models are named "
                                     "provider/model:"),
                                  this));
    root->addSpacing(6);
    m_snippetView = codeBlock(connectSnippet({}), this);
    m_snippetView->setObjectName(QStringLiteral("snippetView"));
    root->addWidget(m_snippetView);
    root->addSpacing(8);

    auto *snippetButtons = new QHBoxLayout;
    snippetButtons->addStretch(1);
    m_copySnippetButton = new QPushButton(tr("Copy Command"), this);
    m_copySnippetButton->setObjectName(QStringLiteral("copySnippetButton"));
    connect(m_copySnippetButton, &QPushButton::clicked, this, &ServerPage::copySnippet);
    snippetButtons->addWidget(m_copySnippetButton);
    root->addLayout(snippetButtons);
    root->addStretch(1);

    setStatus(m_status);
}

QString ServerPage::connectSnippet(const QString &url)
{
    const QString base = url.isEmpty() ? QStringLiteral("http://127.0.0.1:8878") : url;
    return QStringLiteral("curl %1/v1/chat/completions \\\n"
                          "  -H \"Authorization: Bearer <key>\" \\\n"
                          "  -H \"Content-Type: application/json\" \\\n"
                          "  -d '{\"model\": \"openai/gpt-4o-mini\",\n"
                          "       \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}'")
        .arg(base);
}

void ServerPage::setStatus(const ServerStatus &status)
{
    m_status = status;
    m_stateDot->setStyleSheet(dotStyle(status.state));
    m_stateLabel->setText(status.stateText());

    const bool failed = status.state == ServerStatus::State::Failed;
    m_failureLabel->setText(failed ? status.failure : QString());
    m_failureLabel->setVisible(failed && !status.failure.isEmpty());

    const bool hasAddress = status.state == ServerStatus::State::Running
        || status.state == ServerStatus::State::Stopping;
    m_addressField->setText(hasAddress ? status.url : QString());
    m_copyAddressButton->setEnabled(status.isReachable());
    // Keep the last real address in the example once known, so it stays copyable after a restart.
    if (hasAddress && !status.url.isEmpty())
        m_snippetView->setPlainText(connectSnippet(status.url));
}

void ServerPage::setDataDirectory(const QString &path)
{
    m_dataDirectory = path;
    m_openDataDirButton->setEnabled(!path.isEmpty());
    m_dataDirLabel->setText(path.isEmpty() ? QStringLiteral("—") : path);
}

void ServerPage::setSecretStoreDescription(const QString &description)
{
    m_secretStoreLabel->setText(description.isEmpty() ? QStringLiteral("—") : description);
}

void ServerPage::copyAddress()
{
    if (!m_status.isReachable())
        return;
    QGuiApplication::clipboard()->setText(m_status.url);
    acknowledgeCopy(m_copyAddressButton, tr("Copy"));
    Q_EMIT addressCopied(m_status.url);
}

void ServerPage::copySnippet()
{
    QGuiApplication::clipboard()->setText(m_snippetView->toPlainText());
    acknowledgeCopy(m_copySnippetButton, tr("Copy Command"));
}

} // namespace AiHub::Ui
