// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/usagepage.h"

#include "core/usage/usagecallsreader.h"
#include "core/usage/usagerange.h"
#include "ui/theme.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/pagestyle.h"
#include "ui/widgets/usagecallsmodel.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

namespace AiHub::Ui {

namespace {
constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;
constexpr double kNanosPerCredit = 1e9;
constexpr int kPageRows = 100;

QChartView *makeChart(const QString &title, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    chart->legend()->setFont(legendFont);
    chart->setMargins(QMargins(4, 4, 8, 4));
    chart->setBackgroundRoundness(6);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(230);
    view->setMinimumWidth(280);
    return view;
}

QString groupLabel(const QString &group, Usage::UsageSplit split)
{
    if (!group.isEmpty())
        return group;
    switch (split) {
    case Usage::UsageSplit::None:
        return UsagePage::tr("all calls");
    case Usage::UsageSplit::App:
        return UsagePage::tr("no app");
    case Usage::UsageSplit::Key:
        return UsagePage::tr("no key");
    case Usage::UsageSplit::Provider:
    case Usage::UsageSplit::Model:
        break;
    }
    return UsagePage::tr("unknown");
}

// "950", "12.5k", "3M": short enough that the axis never elides a label.
QString compactNumber(double value)
{
    const double magnitude = std::abs(value);
    if (magnitude >= 1e9)
        return QLocale().toString(value / 1e9, 'g', 3) + u'G';
    if (magnitude >= 1e6)
        return QLocale().toString(value / 1e6, 'g', 3) + u'M';
    if (magnitude >= 1e4)
        return QLocale().toString(value / 1e3, 'g', 3) + u'k';
    return QLocale().toString(value, 'g', 4);
}

// A 0..max vertical axis with 1-2-5 steps and compact labels on the ticks.
QCategoryAxis *valueAxis(double max, bool wholeNumbers, QObject *parent)
{
    if (!(max > 0))
        max = 1;
    double step = std::pow(10.0, std::floor(std::log10(max / 4)));
    for (double factor : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        if (max / (step * factor) <= 5) {
            step *= factor;
            break;
        }
    }
    if (wholeNumbers)
        step = std::max(1.0, std::ceil(step));
    const int ticks = int(std::ceil(max / step - 1e-9));
    auto *axis = new QCategoryAxis(parent);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // The first category ends at 0, so the axis starts a hair below it to show the "0" label.
    axis->setStartValue(-step * 1e-6);
    for (int i = 0; i <= ticks; ++i)
        axis->append(compactNumber(step * i), step * i);
    axis->setRange(0, step * ticks);
    axis->setGridLineVisible(true);
    return axis;
}
} // namespace

UsagePage::UsagePage(QWidget *parent)
    : QWidget(parent)
    , m_pool(new QThreadPool(this))
    , m_callsModel(new UsageCallsModel(this))
{
    m_pool->setMaxThreadCount(2); // a new chart query need not wait for a superseded one to notice
    QVBoxLayout *root = PageStyle::column(this, tr("Usage"),
                                          tr("Every call through the hub, from this app and from every client."));

    auto *controls = new QHBoxLayout;
    m_rangeCombo = new QComboBox(this);
    m_rangeCombo->setObjectName(QStringLiteral("rangeCombo"));
    m_rangeCombo->addItem(tr("Last 24 hours"), int(Range::Day));
    m_rangeCombo->addItem(tr("Last 7 days"), int(Range::Week));
    m_rangeCombo->addItem(tr("Last 30 days"), int(Range::Month));
    m_rangeCombo->addItem(tr("Custom range"), int(Range::Custom));
    const QDateTime now = QDateTime::currentDateTime();
    m_fromEdit = new QDateTimeEdit(now.addDays(-3), this);
    m_fromEdit->setObjectName(QStringLiteral("fromEdit"));
    m_toEdit = new QDateTimeEdit(now, this);
    m_toEdit->setObjectName(QStringLiteral("toEdit"));
    for (QDateTimeEdit *edit : { m_fromEdit, m_toEdit }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    m_fromEdit->setToolTip(tr("Start of the custom range"));
    m_toEdit->setToolTip(tr("End of the custom range"));
    m_rangeEditTimer = new QTimer(this);
    m_rangeEditTimer->setSingleShot(true);
    m_rangeEditTimer->setInterval(400); // while someone types a date, query once they pause
    m_splitCombo = new QComboBox(this);
    m_splitCombo->setObjectName(QStringLiteral("splitCombo"));
    m_splitCombo->addItem(tr("By provider"), int(Usage::UsageSplit::Provider));
    m_splitCombo->addItem(tr("By model"), int(Usage::UsageSplit::Model));
    m_splitCombo->addItem(tr("By access key"), int(Usage::UsageSplit::Key));
    m_splitCombo->addItem(tr("By app"), int(Usage::UsageSplit::App));
    m_splitCombo->addItem(tr("All together"), int(Usage::UsageSplit::None));
    m_refreshButton = new QPushButton(tr("Refresh"), this);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_refreshButton->setShortcut(QKeySequence::Refresh);
    m_exportButton = new QPushButton(tr("Export CSV…"), this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    controls->addWidget(m_rangeCombo);
    controls->addWidget(m_fromEdit);
    m_rangeDash = new QLabel(QStringLiteral("–"), this);
    controls->addWidget(m_rangeDash);
    controls->addWidget(m_toEdit);
    controls->addWidget(m_splitCombo);
    controls->addStretch(1);
    controls->addWidget(m_refreshButton);
    controls->addWidget(m_exportButton);
    root->addLayout(controls);
    connect(m_rangeCombo, &QComboBox::currentIndexChanged, this,
            [this] { setRange(Range(m_rangeCombo->currentData().toInt())); });
    connect(m_fromEdit, &QDateTimeEdit::dateTimeChanged, m_rangeEditTimer, qOverload<>(&QTimer::start));
    connect(m_toEdit, &QDateTimeEdit::dateTimeChanged, m_rangeEditTimer, qOverload<>(&QTimer::start));
    connect(m_rangeEditTimer, &QTimer::timeout, this, &UsagePage::refresh);
    connect(m_splitCombo, &QComboBox::currentIndexChanged, this,
            [this] { setSplit(Usage::UsageSplit(m_splitCombo->currentData().toInt())); });
    connect(m_refreshButton, &QPushButton::clicked, this, &UsagePage::refresh);
    connect(m_exportButton, &QPushButton::clicked, this, &UsagePage::chooseExportFile);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    root->addWidget(m_summary);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("messageBanner"));
    root->addWidget(m_banner);

    auto *grid = new QGridLayout;
    const QStringList titles { tr("Calls"), tr("Tokens"), tr("Credits"), tr("Latency (ms)"), tr("Errors") };
    for (int i = 0; i < ChartCount; ++i) {
        QChartView *view = makeChart(titles.at(i), this);
        view->setObjectName(QStringLiteral("chart%1").arg(i));
        m_charts.append(view);
    }
    grid->addWidget(m_charts.at(CallsChart), 0, 0);
    grid->addWidget(m_charts.at(ErrorsChart), 0, 1);
    grid->addWidget(m_charts.at(TokensChart), 1, 0);
    grid->addWidget(m_charts.at(CreditsChart), 1, 1);
    grid->addWidget(m_charts.at(LatencyChart), 2, 0, 1, 2);
    root->addLayout(grid);

    root->addWidget(PageStyle::heading(tr("Calls in this range"), 1.15, this));
    auto *filters = new QHBoxLayout;
    m_providerFilter = new QComboBox(this);
    m_providerFilter->setObjectName(QStringLiteral("providerFilter"));
    m_modelFilter = new QComboBox(this);
    m_modelFilter->setObjectName(QStringLiteral("modelFilter"));
    m_keyFilter = new QComboBox(this);
    m_keyFilter->setObjectName(QStringLiteral("keyFilter"));
    for (QComboBox *combo : { m_providerFilter, m_modelFilter, m_keyFilter })
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    applyChoices({}, {}, {});
    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->addItem(tr("Any status"), int(Usage::UsageStatusFilter::Any));
    m_statusFilter->addItem(tr("Succeeded"), int(Usage::UsageStatusFilter::Ok));
    m_statusFilter->addItem(tr("Failed"), int(Usage::UsageStatusFilter::Error));
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search models…"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    filters->addWidget(m_providerFilter);
    filters->addWidget(m_modelFilter);
    filters->addWidget(m_keyFilter);
    filters->addWidget(m_statusFilter);
    filters->addWidget(m_searchEdit, 1);
    root->addLayout(filters);
    for (QComboBox *combo : { m_providerFilter, m_modelFilter, m_keyFilter, m_statusFilter })
        connect(combo, &QComboBox::currentIndexChanged, this, &UsagePage::applyCallFilter);
    connect(m_searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &UsagePage::applyCallFilter);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("recentTable"));
    m_table->setModel(m_callsModel);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumHeight(260);
    root->addWidget(m_table, 1);
    m_callsStatus = PageStyle::secondaryText(QString(), this);
    m_callsStatus->setObjectName(QStringLiteral("callsStatus"));
    root->addWidget(m_callsStatus);
    m_callsModel->setPageSize(kPageRows);
    connect(m_callsModel, &UsageCallsModel::pageLoaded, this, [this] {
        m_callsStatus->setText(m_callsModel->isComplete()
                                   ? tr("%n call(s) match.", nullptr, m_callsModel->rowCount())
                                   : tr("Showing the newest %n call(s); scroll down for more.", nullptr,
                                        m_callsModel->rowCount()));
        if (m_callsModel->rowCount() <= kPageRows)
            m_table->resizeColumnsToContents();
    });
    connect(m_callsModel, &UsageCallsModel::loadFailed, this, [this](const QString &message) {
        m_callsStatus->setText(tr("The calls cannot be read: %1").arg(message));
    });

    updateRangeEditors();
    applyChartTheme();
    setContext({});
}

void UsagePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyChartTheme();
}

void UsagePage::applyChartTheme()
{
    // Qt Charts paint their own background: follow the window's light or dark palette.
    const QChart::ChartTheme theme = Theme::isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    for (QChartView *view : std::as_const(m_charts)) {
        if (view->chart()->theme() != theme) {
            view->chart()->setTheme(theme); // also resets fonts and roundness
            view->chart()->setBackgroundRoundness(6);
            QFont legendFont = view->chart()->legend()->font();
            legendFont.setPointSizeF(font().pointSizeF() * 0.9);
            view->chart()->legend()->setFont(legendFont);
        }
    }
}

UsagePage::~UsagePage()
{
    if (m_cancel)
        m_cancel->store(true);
    // Running queries capture only shared data and a guarded pointer; wait so none outlives the database.
    m_pool->waitForDone();
}

void UsagePage::setContext(const HubContext &context)
{
    m_context = context;
    m_refreshButton->setEnabled(context.database != nullptr);
    m_exportButton->setEnabled(context.database != nullptr);
    m_callsModel->setDatabase(context.database);
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
    updateRangeEditors();
    refresh();
}

void UsagePage::setCustomRange(const QDateTime &from, const QDateTime &to)
{
    {
        const QSignalBlocker fromBlocker(m_fromEdit);
        const QSignalBlocker toBlocker(m_toEdit);
        m_fromEdit->setDateTime(from);
        m_toEdit->setDateTime(to);
    }
    m_rangeEditTimer->stop();
    setRange(Range::Custom);
}

void UsagePage::updateRangeEditors()
{
    // Shown only for a custom range: the controls then fit the window's default width.
    const bool custom = m_range == Range::Custom;
    for (QWidget *editor : std::initializer_list<QWidget *> { m_fromEdit, m_rangeDash, m_toEdit })
        editor->setVisible(custom);
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

Result<Usage::UsageStatsQuery> UsagePage::currentQuery() const
{
    const qint64 end = m_endMs > 0 ? m_endMs : QDateTime::currentMSecsSinceEpoch();
    switch (m_range) {
    case Range::Day:
        return Usage::UsageRange::lastPeriod(Usage::UsagePeriod::Day, end, m_split);
    case Range::Week:
        return Usage::UsageRange::lastPeriod(Usage::UsagePeriod::Week, end, m_split);
    case Range::Month:
        return Usage::UsageRange::lastPeriod(Usage::UsagePeriod::Month, end, m_split);
    case Range::Custom:
        break;
    }
    Result<Usage::UsageStatsQuery> query = Usage::UsageRange::custom(m_fromEdit->dateTime().toMSecsSinceEpoch(),
                                                                     m_toEdit->dateTime().toMSecsSinceEpoch(), m_split);
    if (!query)
        return fail(ErrorCode::InvalidArgument, tr("The custom range ends before it starts: choose a \"to\" time "
                                                   "after the \"from\" time."));
    return query;
}

void UsagePage::refresh()
{
    if (!m_context.database)
        return;
    m_rangeEditTimer->stop();
    const Result<Usage::UsageStatsQuery> query = currentQuery();
    if (!query) {
        m_banner->showMessage(MessageBanner::Kind::Error, query.error().message);
        return;
    }
    if (m_cancel)
        m_cancel->store(true); // the older query stops at its next statement; its result would be dropped anyway
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_summary->setText(tr("Loading…"));
    m_shownFromMs = query->fromMs;
    m_shownToMs = query->toMs;
    if (m_range != Range::Custom) {
        // The pickers show the range on screen, so "Custom range" starts from what the person sees.
        const QSignalBlocker fromBlocker(m_fromEdit);
        const QSignalBlocker toBlocker(m_toEdit);
        m_fromEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(query->fromMs));
        m_toEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(query->toMs));
    }
    applyCallFilter();

    auto database = m_context.database;
    auto cancel = m_cancel;
    QPointer<UsagePage> self(this);
    m_pool->start([self, database, query = *query, generation, cancel] {
        struct Loaded {
            Result<Usage::UsageStats> stats;
            Result<Usage::UsageCallsReader::Choices> choices;
        };
        auto loaded = std::make_shared<Loaded>(Usage::UsageStatsReader::read(database, query, cancel.get()),
                                               Usage::UsageCallsReader::Choices {});
        if (cancel->load())
            return; // superseded: a newer query is on its way
        if (loaded->stats)
            loaded->choices = Usage::UsageCallsReader::choices(database);
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, loaded, generation] {
            if (!self || generation != self->m_generation)
                return; // a newer query is on its way
            self->m_loading = false;
            if (!loaded->stats) {
                self->m_banner->showMessage(MessageBanner::Kind::Error,
                                            tr("The usage cannot be read: %1").arg(loaded->stats.error().message));
                self->m_summary->clear();
                return;
            }
            self->m_banner->clearMessage();
            if (loaded->choices)
                self->applyChoices(loaded->choices->providers, loaded->choices->models, loaded->choices->keyNames);
            self->applyStats(*loaded->stats);
            Q_EMIT self->statsLoaded();
        }, Qt::QueuedConnection);
    });
}

void UsagePage::applyChoices(const QStringList &providers, const QStringList &models, const QStringList &keys)
{
    const auto fill = [](QComboBox *combo, const QString &any, const QStringList &values) {
        const QString current = combo->currentData().toString();
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(any, QString());
        for (const QString &value : values)
            combo->addItem(value, value);
        // Keep what the person picked, even if the range no longer shows it.
        if (!current.isEmpty() && combo->findData(current) < 0)
            combo->addItem(current, current);
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    };
    fill(m_providerFilter, tr("Any provider"), providers);
    fill(m_modelFilter, tr("Any model"), models);
    fill(m_keyFilter, tr("Any key"), keys);
}

void UsagePage::applyCallFilter()
{
    m_searchTimer->stop();
    Usage::UsageCallFilter filter;
    filter.fromMs = m_shownFromMs;
    filter.toMs = m_shownToMs;
    filter.provider = m_providerFilter->currentData().toString();
    filter.model = m_modelFilter->currentData().toString();
    filter.keyName = m_keyFilter->currentData().toString();
    filter.status = Usage::UsageStatusFilter(m_statusFilter->currentData().toInt());
    filter.modelSearch = m_searchEdit->text().trimmed();
    if (filter.toMs <= filter.fromMs || !m_context.database)
        return;
    m_callsStatus->setText(tr("Loading calls…"));
    m_callsModel->setFilter(filter);
}

void UsagePage::applyStats(const Usage::UsageStats &stats)
{
    m_stats = stats;
    m_summary->setText(tr("%1 calls · %2 tokens in · %3 tokens out · %4 credits · %5 errors")
                           .arg(QLocale().toString(stats.totalCalls), QLocale().toString(stats.totalInputTokens),
                                QLocale().toString(stats.totalOutputTokens),
                                QLocale().toString(double(stats.totalCreditsNanos) / kNanosPerCredit, 'g', 6),
                                QLocale().toString(stats.totalErrors)));
    const qint64 from = stats.fromMs;
    const qint64 to = stats.fromMs + stats.bucketMs * stats.bucketCount;
    const qint64 span = to - from;
    // Short labels: four or five ticks must fit under a chart half the page wide.
    QString format = QStringLiteral("HH:mm");
    int ticks = 5;
    if (span > 400 * kDay) {
        format = QStringLiteral("yyyy-MM");
    } else if (span > 2 * kDay) {
        format = QStringLiteral("MMM d");
        ticks = int(std::min<qint64>(5, span / kDay + 1)); // at least a day apart, so no date shows twice
    }
    // Model names alone when they are unambiguous, so the legend keeps them readable.
    QStringList names;
    for (const QString &group : stats.groups)
        names.append(groupLabel(group, m_split));
    if (m_split == Usage::UsageSplit::Model) {
        QStringList shortNames;
        for (const QString &name : std::as_const(names))
            shortNames.append(name.section(u'/', 1));
        if (QSet<QString>(shortNames.begin(), shortNames.end()).size() == shortNames.size()
            && !shortNames.contains(QString()))
            names = shortNames;
    }

    auto reset = [&](int index) {
        QChart *chart = m_charts.at(index)->chart();
        chart->removeAllSeries();
        for (QAbstractAxis *axis : chart->axes()) {
            chart->removeAxis(axis);
            delete axis;
        }
        auto *x = new QDateTimeAxis(chart);
        x->setFormat(format);
        x->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
        x->setTickCount(ticks);
        chart->addAxis(x, Qt::AlignBottom);
        return chart;
    };
    auto addSeries = [](QChart *chart, const QString &name, const QList<QPointF> &points) {
        auto *series = new QLineSeries(chart);
        series->setName(name);
        series->append(points);
        chart->addSeries(series);
    };
    auto x = [&](int bucket) { return double(from + bucket * stats.bucketMs + stats.bucketMs / 2); };

    double maxCalls = 0, maxTokens = 0, maxErrors = 0, maxLatency = 0, maxCredits = 0;
    QChart *calls = reset(CallsChart);
    QChart *tokens = reset(TokensChart);
    QChart *credits = reset(CreditsChart);
    QChart *errors = reset(ErrorsChart);
    for (int g = 0; g < stats.groups.size(); ++g) {
        QList<QPointF> c, t, cr, e;
        for (int b = 0; b < stats.bucketCount; ++b) {
            const Usage::UsageBucket &bucket = stats.series.at(g).at(b);
            const double tokenCount = double(bucket.inputTokens + bucket.outputTokens);
            const double creditCount = double(bucket.creditsNanos) / kNanosPerCredit;
            c.append({ x(b), double(bucket.calls) });
            t.append({ x(b), tokenCount });
            cr.append({ x(b), creditCount });
            e.append({ x(b), double(bucket.errors) });
            maxCalls = std::max(maxCalls, double(bucket.calls));
            maxTokens = std::max(maxTokens, tokenCount);
            maxCredits = std::max(maxCredits, creditCount);
            maxErrors = std::max(maxErrors, double(bucket.errors));
        }
        const QString &name = names.at(g);
        addSeries(calls, name, c);
        addSeries(tokens, name, t);
        addSeries(credits, name, cr);
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
    const QList<std::tuple<QChart *, double, bool>> scales { { calls, maxCalls, true },
                                                             { tokens, maxTokens, true },
                                                             { credits, maxCredits, false },
                                                             { errors, maxErrors, true },
                                                             { latency, maxLatency, false } };
    for (const auto &[chart, max, whole] : scales) {
        QCategoryAxis *y = valueAxis(max, whole, chart);
        chart->addAxis(y, Qt::AlignLeft);
        for (QAbstractSeries *series : chart->series()) {
            for (QAbstractAxis *axis : chart->axes())
                series->attachAxis(axis);
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
    const Result<Usage::UsageStatsQuery> query = currentQuery();
    if (!query) {
        m_banner->showMessage(MessageBanner::Kind::Error, query.error().message);
        Q_EMIT exported(false, query.error().message);
        return;
    }
    auto database = m_context.database;
    QPointer<UsagePage> self(this);
    m_exportButton->setEnabled(false);
    m_pool->start([self, database, from = query->fromMs, to = query->toMs, path] {
        auto rows = std::make_shared<Result<qint64>>(Usage::UsageStatsReader::exportCsv(database, from, to, path));
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
