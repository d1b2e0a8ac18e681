// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "ui/hubcontext.h"

#include <QWidget>

class QDoubleSpinBox;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;

namespace AiHub::Ui {

class ComparePane;
class PlaygroundKey;

// The playground's compare tab: one prompt sent to two models at once, both answers streaming side by side, each
// with its own tokens, credits, latency and Stop. Not saved to the history.
class CompareView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareView)

public:
    CompareView(QNetworkAccessManager *network, PlaygroundKey *key, QWidget *parent = nullptr);

    void setContext(const HubContext &context);
    void setModels(const QStringList &models);
    ComparePane *pane(int side) const { return side == 0 ? m_left : m_right; }
    bool isStreaming() const;

public Q_SLOTS:
    void send();
    void stop();

Q_SIGNALS:
    // Both answers ended (finished, stopped or failed).
    void comparisonFinished();

private:
    void updateButtons();

    HubContext m_context;
    PlaygroundKey *m_key = nullptr;
    bool m_obtainingKey = false;
    QPlainTextEdit *m_prompt = nullptr;
    QDoubleSpinBox *m_temperature = nullptr;
    QPushButton *m_sendButton = nullptr;
    ComparePane *m_left = nullptr;
    ComparePane *m_right = nullptr;
};

} // namespace AiHub::Ui
