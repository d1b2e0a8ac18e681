// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "ui/hubcontext.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QNetworkReply;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QThreadPool;

namespace AiHub::Ui {

class MessageBanner;
class PlaygroundKey;

// The playground's embeddings tab: several inputs, one per line, embedded in one call through the hub's
// POST /api/v2/embeddings; shows the vector dimension and the cosine similarity of every pair of inputs.
// The answer (large arrays of numbers) is parsed and the matrix computed off the GUI thread.
class EmbeddingsView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddingsView)

public:
    EmbeddingsView(QNetworkAccessManager *network, PlaygroundKey *key, QWidget *parent = nullptr);
    ~EmbeddingsView() override;

    void setContext(const HubContext &context);
    void setModels(const QStringList &models);
    bool isBusy() const { return m_busy; }
    int dimension() const { return m_dimension; }
    // The similarity shown for inputs i and j (0-based), if any.
    std::optional<double> similarity(int i, int j) const;

public Q_SLOTS:
    void compute();
    void cancel();

Q_SIGNALS:
    void computed();
    void computeFailed(const QString &message);

private:
    void onReply(QNetworkReply *reply, const QStringList &inputs, double startedMs);
    void showMatrix(const QStringList &inputs, const QList<QList<std::optional<double>>> &matrix);
    void fail(const QString &message);
    void updateButtons();

    HubContext m_context;
    QNetworkAccessManager *m_network = nullptr;
    PlaygroundKey *m_key = nullptr;
    QThreadPool *m_pool = nullptr;
    QPointer<QNetworkReply> m_reply;
    quint64 m_generation = 0;
    bool m_busy = false;
    int m_dimension = 0;
    QList<QList<std::optional<double>>> m_matrix;

    QPlainTextEdit *m_inputs = nullptr;
    QComboBox *m_model = nullptr;
    QPushButton *m_computeButton = nullptr;
    QLabel *m_summary = nullptr;
    MessageBanner *m_banner = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace AiHub::Ui
