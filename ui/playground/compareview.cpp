// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/playground/compareview.h"

#include "ui/chatstream.h"
#include "ui/playground/comparepane.h"
#include "ui/playgroundkey.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace AiHub::Ui {

CompareView::CompareView(QNetworkAccessManager *network, PlaygroundKey *key, QWidget *parent)
    : QWidget(parent)
    , m_key(key)
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(0, 8, 0, 0);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_left = new ComparePane(QStringLiteral("A"), network, splitter);
    m_right = new ComparePane(QStringLiteral("B"), network, splitter);
    splitter->addWidget(m_left);
    splitter->addWidget(m_right);
    root->addWidget(splitter, 1);
    m_prompt = new QPlainTextEdit(this);
    m_prompt->setObjectName(QStringLiteral("comparePrompt"));
    m_prompt->setPlaceholderText(tr("One prompt for both models"));
    m_prompt->setMaximumHeight(90);
    root->addWidget(m_prompt);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Temperature"), this));
    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setObjectName(QStringLiteral("compareTemperature"));
    m_temperature->setRange(0.0, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setValue(0.7);
    row->addWidget(m_temperature);
    row->addStretch(1);
    m_sendButton = new QPushButton(tr("Send to Both"), this);
    m_sendButton->setObjectName(QStringLiteral("compareSendButton"));
    m_sendButton->setToolTip(tr("Send the prompt to both models at once (%1)")
                                 .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
    row->addWidget(m_sendButton);
    root->addLayout(row);

    connect(m_sendButton, &QPushButton::clicked, this, &CompareView::send);
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &CompareView::updateButtons);
    for (ComparePane *pane : { m_left, m_right }) {
        connect(pane, &ComparePane::finished, this, [this] {
            updateButtons();
            if (!isStreaming())
                Q_EMIT comparisonFinished();
        });
    }
    updateButtons();
}

void CompareView::setContext(const HubContext &context)
{
    m_context = context;
    updateButtons();
}

void CompareView::setModels(const QStringList &models)
{
    m_left->setModels(models);
    m_right->setModels(models);
    // Two different models by default: comparing a model with itself is rarely the point.
    if (models.size() > 1 && m_left->model() == m_right->model())
        m_right->setModel(models.at(1));
}

bool CompareView::isStreaming() const
{
    return m_obtainingKey || m_left->isStreaming() || m_right->isStreaming();
}

void CompareView::send()
{
    const QString prompt = m_prompt->toPlainText().trimmed();
    if (prompt.isEmpty() || isStreaming() || !m_context.isReady())
        return;
    Hub::ConversationMessage user;
    user.role = QStringLiteral("user");
    user.content = prompt;
    m_obtainingKey = true;
    m_left->clear();
    m_right->clear();
    updateButtons();
    const double temperature = m_temperature->value();
    m_key->obtain([this, user, temperature](Result<QString> token) {
        // Still "busy" until both sides have started, so a side failing at once does not end the comparison.
        for (ComparePane *pane : { m_left, m_right }) {
            if (!token)
                pane->showFailure(tr("The playground has no access key: %1").arg(token.error().message));
            else if (pane->model().isEmpty())
                pane->showFailure(tr("Choose a model for this side first."));
            else
                pane->start(QUrl(m_context.serverUrl), *token,
                            ChatStream::requestBody(pane->model(), {}, { user }, temperature, 0));
        }
        m_obtainingKey = false;
        updateButtons();
        if (!isStreaming())
            Q_EMIT comparisonFinished();
    });
}

void CompareView::stop()
{
    m_left->stop();
    m_right->stop();
}

void CompareView::updateButtons()
{
    m_sendButton->setEnabled(m_context.isReady() && !isStreaming() && !m_prompt->toPlainText().trimmed().isEmpty());
}

} // namespace AiHub::Ui
