// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/playground/comparepane.h"

#include "ui/chatstream.h"
#include "ui/playground/codeblockshade.h"
#include "ui/playground/messagestats.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace AiHub::Ui {

ComparePane::ComparePane(const QString &name, QNetworkAccessManager *network, QWidget *parent)
    : QWidget(parent)
    , m_stream(new ChatStream(network, this))
    , m_renderTimer(new QTimer(this))
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("compareModel") + name);
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setMinimumContentsLength(18);
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("compareStop") + name);
    m_stopButton->setToolTip(tr("Stop this answer (%1 stops both)")
                                 .arg(QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText)));
    m_stopButton->setEnabled(false);
    top->addWidget(m_model, 1);
    top->addWidget(m_stopButton);
    root->addLayout(top);
    m_answer = new QTextBrowser(this);
    m_answer->setObjectName(QStringLiteral("compareAnswer") + name);
    m_answer->setOpenExternalLinks(true);
    root->addWidget(m_answer, 1);
    m_stats = new QLabel(this);
    m_stats->setObjectName(QStringLiteral("compareStats") + name);
    m_stats->setWordWrap(true);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    root->addWidget(m_stats);

    connect(m_stopButton, &QPushButton::clicked, this, &ComparePane::stop);
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(40); // one render for a burst of tokens
    connect(m_renderTimer, &QTimer::timeout, this, &ComparePane::render);
    connect(m_stream, &ChatStream::textArrived, this, [this](const QString &text) {
        m_reply.content += text;
        if (!m_renderTimer->isActive())
            m_renderTimer->start();
    });
    connect(m_stream, &ChatStream::finished, this, [this] { finish(QString()); });
    connect(m_stream, &ChatStream::failed, this, &ComparePane::finish);
}

void ComparePane::setModels(const QStringList &models)
{
    const QString current = m_model->currentText();
    m_model->clear();
    m_model->addItems(models);
    if (!current.isEmpty())
        m_model->setCurrentText(current);
}

QString ComparePane::model() const
{
    return m_model->currentText().trimmed();
}

void ComparePane::setModel(const QString &model)
{
    m_model->setCurrentText(model);
}

void ComparePane::clear()
{
    m_reply = {};
    m_stats->clear();
    m_answer->clear();
}

void ComparePane::start(const QUrl &serverUrl, const QString &token, const QJsonObject &body)
{
    m_reply = {};
    m_reply.role = QStringLiteral("assistant");
    m_reply.model = model();
    m_pending = true;
    m_started = true;
    m_stats->setText(tr("Waiting for the first token…"));
    m_stopButton->setEnabled(true);
    m_model->setEnabled(false);
    render();
    m_stream->start(serverUrl, token, body);
}

void ComparePane::showFailure(const QString &message)
{
    m_reply = {};
    m_reply.role = QStringLiteral("assistant");
    m_reply.model = model();
    m_pending = true;
    m_started = false;
    finish(message);
}

bool ComparePane::isStreaming() const
{
    return m_pending;
}

QString ComparePane::answerText() const
{
    return m_answer->toPlainText();
}

void ComparePane::stop()
{
    if (m_stream->isRunning())
        m_stream->stop();
    else if (m_pending)
        finish(QString());
}

void ComparePane::finish(const QString &error)
{
    if (!m_pending)
        return;
    m_pending = false;
    m_reply.error = error;
    if (m_started) {
        m_reply.inputTokens = m_stream->inputTokens();
        m_reply.outputTokens = m_stream->outputTokens();
        m_reply.credits = m_stream->credits();
        m_reply.callId = m_stream->callId();
        if (m_stream->latencyMs() > 0)
            m_reply.latencyMs = m_stream->latencyMs();
        if (m_stream->firstTokenMs() >= 0)
            m_reply.firstTokenMs = m_stream->firstTokenMs();
    }
    m_stats->setText(m_started && m_stream->wasStopped() ? tr("Stopped. %1").arg(MessageStats::line(m_reply))
                                            : MessageStats::line(m_reply));
    m_stopButton->setEnabled(false);
    m_model->setEnabled(true);
    render();
    Q_EMIT finished();
}

void ComparePane::render()
{
    m_renderTimer->stop();
    QString markdown = m_reply.content.isEmpty() && m_pending ? QStringLiteral("…") : m_reply.content;
    if (!m_reply.error.isEmpty())
        markdown += QStringLiteral("\n\n> ") + tr("Error: %1").arg(m_reply.error);
    m_answer->setMarkdown(markdown);
    CodeBlockShade::apply(m_answer->document(), palette().color(QPalette::AlternateBase));
    m_answer->moveCursor(QTextCursor::End);
    m_answer->ensureCursorVisible();
}

} // namespace AiHub::Ui
