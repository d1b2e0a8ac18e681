// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/playground/embeddingsview.h"

#include "ui/playground/cosinesimilarity.h"
#include "ui/playground/playgrounderror.h"
#include "ui/playgroundkey.h"
#include "ui/widgets/messagebanner.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

namespace AiHub::Ui {

namespace {
constexpr int kMaxInputs = 64;
constexpr int kLabelLength = 24;

struct Parsed {
    int dimension = 0;
    QList<QList<std::optional<double>>> matrix;
    qint64 inputTokens = 0;
    QString credits;
    QString error;
};

// Runs on a worker thread: thousands of numbers per input.
Parsed parse(const QByteArray &body, qsizetype expected)
{
    Parsed out;
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    QList<QList<float>> vectors;
    for (const QJsonValue &v : root.value(QStringLiteral("embeddings")).toArray()) {
        QList<float> vector;
        const QJsonArray numbers = v.toArray();
        vector.reserve(numbers.size());
        for (const QJsonValue &n : numbers)
            vector.append(float(n.toDouble()));
        vectors.append(std::move(vector));
    }
    if (vectors.size() != expected || vectors.isEmpty()) {
        out.error = EmbeddingsView::tr("The hub answered %1 vectors for %2 inputs. Try again or pick another model.")
                        .arg(vectors.size())
                        .arg(expected);
        return out;
    }
    auto matrix = CosineSimilarity::matrix(vectors);
    if (!matrix) {
        out.error = matrix.error().message;
        return out;
    }
    out.matrix = *matrix;
    out.dimension = int(vectors.constFirst().size());
    const QJsonObject usage = root.value(QStringLiteral("usage")).toObject();
    out.inputTokens = usage.value(QStringLiteral("inputTokens")).toInteger();
    if (usage.contains(QStringLiteral("aigneHubCredits")))
        out.credits = PlaygroundError::creditsText(usage.value(QStringLiteral("aigneHubCredits")));
    return out;
}

// From white (unrelated) to the highlight colour (the same meaning).
QColor shade(double value, const QColor &base, const QColor &strong)
{
    const double t = std::clamp(value, 0.0, 1.0);
    return QColor::fromRgbF(float(base.redF() + (strong.redF() - base.redF()) * t),
                            float(base.greenF() + (strong.greenF() - base.greenF()) * t),
                            float(base.blueF() + (strong.blueF() - base.blueF()) * t));
}
} // namespace

EmbeddingsView::EmbeddingsView(QNetworkAccessManager *network, PlaygroundKey *key, QWidget *parent)
    : QWidget(parent)
    , m_network(network)
    , m_key(key)
    , m_pool(new QThreadPool(this))
{
    m_pool->setMaxThreadCount(1);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(0, 8, 0, 0);
    auto *form = new QFormLayout;
    m_inputs = new QPlainTextEdit(this);
    m_inputs->setObjectName(QStringLiteral("embeddingInputs"));
    m_inputs->setPlaceholderText(tr("One input per line, e.g.\nThe cat sleeps on the sofa.\nA kitten naps on the couch.\n"
                                    "Stock prices fell today."));
    m_inputs->setMaximumHeight(120);
    form->addRow(tr("Inputs"), m_inputs);
    auto *row = new QHBoxLayout;
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("embeddingModelCombo"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setMinimumContentsLength(22);
    m_model->setToolTip(tr("Embedding models from the providers' catalogue; another can be typed"));
    m_computeButton = new QPushButton(tr("Compute"), this);
    m_computeButton->setObjectName(QStringLiteral("computeButton"));
    m_computeButton->setToolTip(tr("Embed every line and compare them (%1)")
                                    .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
    row->addWidget(m_model, 1);
    row->addWidget(m_computeButton);
    form->addRow(tr("Model"), row);
    root->addLayout(form);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("embeddingSummary"));
    root->addWidget(m_summary);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("embeddingBanner"));
    root->addWidget(m_banner);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("similarityTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setToolTip(tr("Cosine similarity: 1 = same direction, 0 = unrelated, -1 = opposite"));
    root->addWidget(m_table, 1);

    connect(m_computeButton, &QPushButton::clicked, this, &EmbeddingsView::compute);
    connect(m_inputs, &QPlainTextEdit::textChanged, this, &EmbeddingsView::updateButtons);
    connect(m_model, &QComboBox::currentTextChanged, this, &EmbeddingsView::updateButtons);
    updateButtons();
}

EmbeddingsView::~EmbeddingsView()
{
    cancel();
    m_pool->waitForDone();
}

void EmbeddingsView::setContext(const HubContext &context)
{
    m_context = context;
    updateButtons();
}

void EmbeddingsView::setModels(const QStringList &models)
{
    const QString current = m_model->currentText();
    m_model->clear();
    m_model->addItems(models);
    if (!current.isEmpty())
        m_model->setCurrentText(current);
    updateButtons();
}

std::optional<double> EmbeddingsView::similarity(int i, int j) const
{
    if (i < 0 || j < 0 || i >= m_matrix.size() || j >= m_matrix.size())
        return std::nullopt;
    return m_matrix[i][j];
}

void EmbeddingsView::compute()
{
    if (m_busy || !m_context.isReady())
        return;
    QStringList inputs;
    for (const QString &line : m_inputs->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            inputs.append(line.trimmed());
    }
    const QString model = m_model->currentText().trimmed();
    if (inputs.isEmpty())
        return fail(tr("Type at least one input, one per line."));
    if (inputs.size() > kMaxInputs)
        return fail(tr("%1 inputs is more than this tab compares at once (%2). Remove some lines.")
                        .arg(inputs.size())
                        .arg(kMaxInputs));
    if (model.isEmpty())
        return fail(tr("Choose an embedding model first. If the list is empty, add a provider that offers "
                       "embeddings (e.g. OpenAI) on the Providers page."));
    m_banner->clearMessage();
    m_busy = true;
    m_summary->setText(inputs.size() == 1 ? tr("Embedding 1 input…") : tr("Embedding %1 inputs…").arg(inputs.size()));
    updateButtons();
    const quint64 generation = ++m_generation;
    const QJsonObject body { { QStringLiteral("model"), model },
                             { QStringLiteral("input"),
                               QJsonObject { { QStringLiteral("input"), QJsonArray::fromStringList(inputs) } } } };
    m_key->obtain([this, body, inputs, generation](Result<QString> token) {
        if (generation != m_generation)
            return;
        if (!token)
            return fail(tr("The playground has no access key: %1").arg(token.error().message));
        QNetworkRequest request(QUrl(m_context.serverUrl).resolved(QUrl(QStringLiteral("/api/v2/embeddings"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token->toUtf8());
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        m_reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QNetworkReply *reply = m_reply;
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, inputs, clock] { onReply(reply, inputs, double(clock->nsecsElapsed()) / 1e6); });
    });
}

void EmbeddingsView::cancel()
{
    ++m_generation;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    if (m_busy) {
        m_busy = false;
        m_summary->setText(tr("Stopped."));
        updateButtons();
    }
}

void EmbeddingsView::onReply(QNetworkReply *reply, const QStringList &inputs, double latencyMs)
{
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 || reply->error() != QNetworkReply::NoError)
        return fail(PlaygroundError::explainReply(QUrl(m_context.serverUrl), reply));
    const QByteArray body = reply->readAll();
    QPointer<EmbeddingsView> self(this);
    const quint64 generation = m_generation;
    m_pool->start([self, body, inputs, latencyMs, generation] {
        const Parsed parsed = parse(body, inputs.size());
        QMetaObject::invokeMethod(self.data(), [self, parsed, inputs, latencyMs, generation] {
            if (!self || generation != self->m_generation)
                return;
            if (!parsed.error.isEmpty())
                return self->fail(parsed.error);
            self->m_busy = false;
            self->m_dimension = parsed.dimension;
            self->m_matrix = parsed.matrix;
            QStringList parts { tr("%1 dimensions").arg(parsed.dimension),
                                tr("%1 input tokens").arg(parsed.inputTokens) };
            if (!parsed.credits.isEmpty())
                parts.append(tr("%1 credits").arg(parsed.credits));
            parts.append(latencyMs < 1000 ? tr("%1 ms").arg(qRound(latencyMs))
                                          : tr("%1 s").arg(latencyMs / 1000.0, 0, 'f', 2));
            self->m_summary->setText(parts.join(QStringLiteral(" · ")));
            self->showMatrix(inputs, parsed.matrix);
            self->updateButtons();
            Q_EMIT self->computed();
        });
    });
}

void EmbeddingsView::showMatrix(const QStringList &inputs, const QList<QList<std::optional<double>>> &matrix)
{
    m_table->clear();
    m_table->setRowCount(int(inputs.size()));
    m_table->setColumnCount(int(inputs.size()));
    const QColor base = palette().color(QPalette::Base);
    const QColor strong = palette().color(QPalette::Highlight);
    for (int i = 0; i < inputs.size(); ++i) {
        const QString label = inputs[i].size() > kLabelLength ? inputs[i].left(kLabelLength - 1) + u'…' : inputs[i];
        auto *column = new QTableWidgetItem(QString::number(i + 1));
        column->setToolTip(inputs[i]);
        m_table->setHorizontalHeaderItem(i, column);
        auto *row = new QTableWidgetItem(QStringLiteral("%1  %2").arg(i + 1).arg(label));
        row->setToolTip(inputs[i]);
        m_table->setVerticalHeaderItem(i, row);
        for (int j = 0; j < inputs.size(); ++j) {
            const std::optional<double> value = matrix[i][j];
            auto *cell = new QTableWidgetItem(value ? QString::number(*value, 'f', 3) : tr("n/a"));
            cell->setTextAlignment(Qt::AlignCenter);
            cell->setToolTip(value ? tr("\"%1\" vs \"%2\"").arg(inputs[i], inputs[j])
                                   : tr("A vector of zeros has no direction to compare."));
            if (value) {
                const QColor fill = shade(*value, base, strong);
                cell->setBackground(fill);
                cell->setForeground(fill.lightnessF() < 0.5 ? QColor(Qt::white) : QColor(Qt::black));
            }
            m_table->setItem(i, j, cell);
        }
    }
}

void EmbeddingsView::fail(const QString &message)
{
    m_busy = false;
    m_summary->clear();
    m_banner->showMessage(MessageBanner::Kind::Error, message);
    updateButtons();
    Q_EMIT computeFailed(message);
}

void EmbeddingsView::updateButtons()
{
    m_computeButton->setEnabled(m_context.isReady() && !m_busy && !m_inputs->toPlainText().trimmed().isEmpty());
}

} // namespace AiHub::Ui
