// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/usage/usagestats.h"
#include "ui/hubcontext.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QDateTime;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QThreadPool;
class QTimer;

class QChart;
class QChartView;

namespace AiHub::Ui {

class MessageBanner;
class UsageCallsModel;

// Usage over time: calls, tokens, credits, latency p50/p95 and errors in charts, split by provider, model, key or
// app, over the last 24 h / 7 d / 30 d or a custom range; the calls of the range in a filtered table that loads a
// page at a time; CSV export. Every query runs on a worker thread and only aggregates reach the charts; a newer
// query cancels the one still running, and results that arrive late are dropped.
class UsagePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsagePage)

public:
    enum class Range { Day, Week, Month, Custom };
    enum Chart { CallsChart, TokensChart, CreditsChart, LatencyChart, ErrorsChart, ChartCount };

    explicit UsagePage(QWidget *parent = nullptr);
    ~UsagePage() override;

    void setContext(const HubContext &context);
    void setRange(Range range);
    // Shows [from, to) and selects Range::Custom.
    void setCustomRange(const QDateTime &from, const QDateTime &to);
    void setSplit(Usage::UsageSplit split);
    // The window the page shows ends now by default; tests pin it.
    void setEndTime(qint64 endMs);

    const Usage::UsageStats &stats() const { return m_stats; }
    bool isLoading() const { return m_loading; }
    QChart *chart(int index) const;
    UsageCallsModel *callsModel() const { return m_callsModel; }

public Q_SLOTS:
    void refresh();
    // Writes every call of the shown range to path, off the GUI thread; exported() reports.
    void exportCsv(const QString &path);

Q_SIGNALS:
    void statsLoaded();
    void exported(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyChartTheme();
    void applyStats(const Usage::UsageStats &stats);
    void applyChoices(const QStringList &providers, const QStringList &models, const QStringList &keys);
    void applyCallFilter();
    void chooseExportFile();
    void updateRangeEditors();
    [[nodiscard]] Result<Usage::UsageStatsQuery> currentQuery() const;

    HubContext m_context;
    QThreadPool *m_pool = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel; // the running chart query's; set when a newer one starts
    quint64 m_generation = 0;
    bool m_loading = false;
    qint64 m_endMs = 0;
    qint64 m_shownFromMs = 0; // the range of the charts on screen, which the table and the export follow
    qint64 m_shownToMs = 0;
    Range m_range = Range::Day;
    Usage::UsageSplit m_split = Usage::UsageSplit::Provider;
    Usage::UsageStats m_stats;

    QComboBox *m_rangeCombo = nullptr;
    QDateTimeEdit *m_fromEdit = nullptr;
    QDateTimeEdit *m_toEdit = nullptr;
    QLabel *m_rangeDash = nullptr;
    QTimer *m_rangeEditTimer = nullptr;
    QComboBox *m_splitCombo = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_summary = nullptr;
    QList<QChartView *> m_charts;
    QComboBox *m_providerFilter = nullptr;
    QComboBox *m_modelFilter = nullptr;
    QComboBox *m_keyFilter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QTimer *m_searchTimer = nullptr;
    QLabel *m_callsStatus = nullptr;
    QTableView *m_table = nullptr;
    UsageCallsModel *m_callsModel = nullptr;
    MessageBanner *m_banner = nullptr;
};

} // namespace AiHub::Ui
