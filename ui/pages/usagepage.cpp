// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/usagepage.h"

#include "ui/widgets/messagebanner.h"
#include "ui/widgets/pagestyle.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QThreadPool>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

namespace AiHub::Ui {

namespace {
constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;

enum ChartIndex { CallsChart, TokensChart, LatencyChart, ErrorsChart, ChartCount };

QChartView *makeChart(const QString &title, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(6);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

QString groupLabel(const QString &group)
{
    return group.isEmpty() ? UsagePage::tr("all calls") : group;
}
} // namespace

UsagePage::UsagePage(QWidget *parent)
    : QWidget(parent)
    , m_pool(new QThreadPool(this))
{
    m_pool->setMaxThreadCount(1); // one query at a time; a newer one supersedes the older
    QVBoxLayout *root = PageStyle::column(this, tr("Usage"),
                                          tr("Every call through the hub, from this app and from every client."));

    auto *controls = new QHBoxLayout;
    m_rangeCombo = new QComboBox(this);
    m_rangeCombo->setObjectName(QStringLiteral("rangeCombo"));
    m_rangeCombo->addItem(tr("Last 24 hours"), int(Range::Day));
    m_rangeCombo->addItem(tr("Last 7 days"), int(Range::Week));
    m_rangeCombo->addItem(tr("Last 30 days"), int(Range::Month));
    m_splitCombo = new QComboBox(this);
    m_splitCombo->setObjectName(QStringLiteral("splitCombo"));
    m_splitCombo->addItem(tr("By provider"), int(Usage::UsageSplit::Provider));
    m_splitCombo->addItem(tr("By model"), int(Usage::UsageSplit::Model));
    m_splitCombo->addItem(tr("By access key"), int(Usage::UsageSplit::Key));
    m_splitCombo->addItem(tr("All together"), int(Usage::UsageSplit::None));
    m_refreshButton = new QPushButton(tr("Refresh"), this);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_refreshButton->setShortcut(QKeySequence::Refresh);
    m_exportButton = new QPushButton(tr("Export CSV…"), this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    controls->addWidget(m_rangeCombo);
    controls->addWidget(m_splitCombo);
    controls->addStretch(1);
    controls->addWidget(m_refreshButton);
    controls->addWidget(m_exportButton);
    root->addLayout(controls);
    connect(m_rangeCombo, &QComboBox::currentIndexChanged, this,
            [this] { setRange(Range(m_rangeCombo->currentData().toInt())); });
    connect(m_splitCombo, &QComboBox::currentIndexChanged, this,
            [this] { setSplit(Usage::UsageSplit(m_splitCombo->currentData().toInt())); });
    connect(m_refreshButton, &QPushButton::clicked, this, &UsagePage::refresh);
    connect(m_exportButton, &QPushButton::clicked, this, &UsagePage::chooseExportFile);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    root->addWidget(m_summary);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("messageBanner"));
    root->addWidget(m_banner);

    auto *grid = new QGridLayout;
    const QStringList titles { tr("Calls"), tr("Tokens"), tr("Latency (ms)"), tr("Errors") };
    for (int i = 0; i < ChartCount; ++i) {
        QChartView *view = makeChart(titles.at(i), this);
        view->setObjectName(QStringLiteral("chart%1").arg(i));
        m_charts.append(view);
        grid->addWidget(view, i / 2, i % 2);
    }
    root->addLayout(grid);

    root->addWidget(PageStyle::heading(tr("Recent calls"), 1.15, this));
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("recentTable"));
    m_table->setHorizontalHeaderLabels(
        { tr("Time"), tr("Key"), tr("Model"), tr("Status"), tr("Tokens in"), tr("Tokens out"), tr("Duration (ms)") });
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->setMinimumHeight(220);
    root->addWidget(m_table, 1);

    setContext({});
}

UsagePage::~UsagePage()
{
    // Running queries capture only shared data and a guarded pointer; wait so none outlives the database.
    m_pool->waitForDone();
}

void UsagePage::setContext(const HubContext &context)
{
    m_context = context;
    m_refreshButton->setEnabled(context.database != nullptr);
    m_exportButton->setEnabled(context.database != nullptr);
    if (!context.database)
        m_summary->setText(tr("Waiting for the hub to start…"));
    refresh();
}

void UsagePage::setRange(Range range)
{
    m_range = range;
    const int index = m_rangeCombo->findData(int(range));
    if (index != m_rangeCombo->currentIndex()) {
        const QSignalBlocker blocker(m_rangeCombo);
        m_rangeCombo->setCurrentIndex(index);
    }
    refresh();
}

void UsagePage::setSplit(Usage::UsageSplit split)
{
    m_split = split;
    const int index = m_splitCombo->findData(int(split));
    if (index != m_splitCombo->currentIndex()) {
        const QSignalBlocker blocker(m_splitCombo);
        m_splitCombo->setCurrentIndex(index);
    }
    refresh();
}

void UsagePage::setEndTime(qint64 endMs)
{
    m_endMs = endMs;
}

QChart *UsagePage::chart(int index) const
{
    return index >= 0 && index < m_charts.size() ? m_charts.at(index)->chart() : nullptr;
}

Usage::UsageStatsQuery UsagePage::currentQuery() const
{
    Usage::UsageStatsQuery query;
    const qint64 end = m_endMs > 0 ? m_endMs : QDateTime::currentMSecsSinceEpoch();
    switch (m_range) {
    case Range::Day:
        query.bucketMs = kHour;
        query.fromMs = end - kDay;
        break;
    case Range::Week:
        query.bucketMs = 6 * kHour;
        query.fromMs = end - 7 * kDay;
        break;
    case Range::Month:
        query.bucketMs = kDay;
        query.fromMs = end - 30 * kDay;
        break;
    }
    // Buckets end at the end of the range, so the newest bucket is complete up to now.
    query.toMs = end + 1;
    query.fromMs = query.toMs - ((query.toMs - query.fromMs + query.bucketMs - 1) / query.bucketMs) * query.bucketMs;
    query.split = m_split;
    return query;
}

void UsagePage::refresh()
{
    if (!m_context.database)
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_summary->setText(tr("Loading…"));
    const Usage::UsageStatsQuery query = currentQuery();
    auto database = m_context.database;
    QPointer<UsagePage> self(this);
    m_pool->start([self, database, query, generation] {
        auto result = std::make_shared<Result<Usage::UsageStats>>(Usage::UsageStatsReader::read(database, query));
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, result, generation] {
            if (!self || generation != self->m_generation)
                return; // a newer query is on its way
            self->m_loading = false;
            if (!*result) {
                self->m_banner->showMessage(MessageBanner::Kind::Error,
                                            tr("The usage cannot be read: %1").arg(result->error().message));
                self->m_summary->clear();
                return;
            }
            self->m_banner->clearMessage();
            self->applyStats(**result);
            Q_EMIT self->statsLoaded();
        }, Qt::QueuedConnection);
    });
}

void UsagePage::applyStats(const Usage::UsageStats &stats)
{
    m_stats = stats;
    m_summary->setText(tr("%1 calls · %2 tokens in · %3 tokens out · %4 errors")
                           .arg(QLocale().toString(stats.totalCalls), QLocale().toString(stats.totalInputTokens),
                                QLocale().toString(stats.totalOutputTokens), QLocale().toString(stats.totalErrors)));
    const qint64 from = stats.fromMs;
    const qint64 to = stats.fromMs + stats.bucketMs * stats.bucketCount;
    const QString format = stats.bucketMs < kDay ? QStringLiteral("HH:mm") : QStringLiteral("MMM d");

    auto reset = [&](int index) {
        QChart *chart = m_charts.at(index)->chart();
        chart->removeAllSeries();
        for (QAbstractAxis *axis : chart->axes())
            chart->removeAxis(axis);
        auto *x = new QDateTimeAxis(chart);
        x->setFormat(format);
        x->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
        x->setTickCount(5);
        auto *y = new QValueAxis(chart);
        y->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        return chart;
    };
    auto addSeries = [](QChart *chart, const QString &name, const QList<QPointF> &points) {
        auto *series = new QLineSeries(chart);
        series->setName(name);
        series->append(points);
        chart->addSeries(series);
        for (QAbstractAxis *axis : chart->axes())
            series->attachAxis(axis);
    };
    auto x = [&](int bucket) { return double(from + bucket * stats.bucketMs + stats.bucketMs / 2); };

    double maxCalls = 1, maxTokens = 1, maxErrors = 1, maxLatency = 1;
    QChart *calls = reset(CallsChart);
    QChart *tokens = reset(TokensChart);
    QChart *errors = reset(ErrorsChart);
    for (int g = 0; g < stats.groups.size(); ++g) {
        QList<QPointF> c, t, e;
        for (int b = 0; b < stats.bucketCount; ++b) {
            const Usage::UsageBucket &bucket = stats.series.at(g).at(b);
            c.append({ x(b), double(bucket.calls) });
            t.append({ x(b), double(bucket.inputTokens + bucket.outputTokens) });
            e.append({ x(b), double(bucket.errors) });
            maxCalls = std::max(maxCalls, double(bucket.calls));
            maxTokens = std::max(maxTokens, double(bucket.inputTokens + bucket.outputTokens));
            maxErrors = std::max(maxErrors, double(bucket.errors));
        }
        const QString name = groupLabel(stats.groups.at(g));
        addSeries(calls, name, c);
        addSeries(tokens, name, t);
        addSeries(errors, name, e);
    }
    QChart *latency = reset(LatencyChart);
    QList<QPointF> p50, p95;
    for (int b = 0; b < stats.bucketCount; ++b) {
        if (stats.latencyP50Ms.at(b) < 0)
            continue;
        p50.append({ x(b), stats.latencyP50Ms.at(b) });
        p95.append({ x(b), stats.latencyP95Ms.at(b) });
        maxLatency = std::max(maxLatency, stats.latencyP95Ms.at(b));
    }
    addSeries(latency, tr("p50"), p50);
    addSeries(latency, tr("p95"), p95);
    const QList<std::pair<QChart *, double>> scales { { calls, maxCalls }, { tokens, maxTokens },
                                                      { errors, maxErrors }, { latency, maxLatency } };
    for (const auto &[chart, max] : scales) {
        if (auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0))) {
            if (max <= 8) {
                // Small counts: one tick per whole number, so labels never repeat ("1, 1, 2").
                const int top = int(std::ceil(max)) + 1;
                y->setRange(0, top);
                y->setTickCount(top + 1);
            } else {
                y->setRange(0, max * 1.1);
                y->applyNiceNumbers();
            }
        }
    }

    m_table->setRowCount(0);
    for (const Usage::UsageRecentCall &call : stats.recent) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells { QLocale().toString(QDateTime::fromMSecsSinceEpoch(call.createdAtMs), QLocale::ShortFormat),
                                  call.keyName,
                                  call.provider.isEmpty() ? call.model : call.provider + u'/' + call.model,
                                  QString::number(call.httpStatus),
                                  QString::number(call.inputTokens),
                                  QString::number(call.outputTokens),
                                  QString::number(call.durationMs, 'f', 0) };
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 3 && call.httpStatus >= 400) {
                item->setForeground(QColor(0xa5, 0x0e, 0x0e));
                item->setToolTip(call.errorMessage);
            }
            m_table->setItem(row, c, item);
        }
    }
}

void UsagePage::chooseExportFile()
{
    // open(), not exec(): no nested event loop while the server keeps running.
    auto *dialog = new QFileDialog(this, tr("Export Usage"), QString(), tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(QStringLiteral("aigne-hub-usage.csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &UsagePage::exportCsv);
    dialog->open();
}

void UsagePage::exportCsv(const QString &path)
{
    if (!m_context.database || path.isEmpty())
        return;
    const Usage::UsageStatsQuery query = currentQuery();
    auto database = m_context.database;
    QPointer<UsagePage> self(this);
    m_exportButton->setEnabled(false);
    m_pool->start([self, database, query, path] {
        auto rows = std::make_shared<Result<qint64>>(
            Usage::UsageStatsReader::exportCsv(database, query.fromMs, query.toMs, path));
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, rows, path] {
            if (!self)
                return;
            self->m_exportButton->setEnabled(true);
            if (!*rows) {
                const QString text = tr("The export failed: %1").arg(rows->error().message);
                self->m_banner->showMessage(MessageBanner::Kind::Error, text);
                Q_EMIT self->exported(false, text);
                return;
            }
            const QString text = tr("Exported %n call(s) to %1.", nullptr, int(**rows)).arg(path);
            self->m_banner->showMessage(MessageBanner::Kind::Success, text);
            Q_EMIT self->exported(true, text);
        }, Qt::QueuedConnection);
    });
}

} // namespace AiHub::Ui
