// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/usage/usagestats.h"
#include "ui/hubcontext.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QThreadPool;

class QChart;
class QChartView;

namespace AiHub::Ui {

class MessageBanner;

// Usage over time: calls, tokens, latency p50/p95 and errors in charts, split by provider, model or key; the
// newest calls in a table; CSV export. Queries run on a private worker thread; only aggregates reach the charts.
class UsagePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsagePage)

public:
    enum class Range { Day, Week, Month };

    explicit UsagePage(QWidget *parent = nullptr);
    ~UsagePage() override;

    void setContext(const HubContext &context);
    void setRange(Range range);
    void setSplit(Usage::UsageSplit split);
    // The window the page shows ends now by default; tests pin it.
    void setEndTime(qint64 endMs);

    const Usage::UsageStats &stats() const { return m_stats; }
    bool isLoading() const { return m_loading; }
    QChart *chart(int index) const;

public Q_SLOTS:
    void refresh();
    // Writes every call of the shown range to path, off the GUI thread; exported() reports.
    void exportCsv(const QString &path);

Q_SIGNALS:
    void statsLoaded();
    void exported(bool ok, const QString &message);

private:
    void applyStats(const Usage::UsageStats &stats);
    void chooseExportFile();
    Usage::UsageStatsQuery currentQuery() const;

    HubContext m_context;
    QThreadPool *m_pool = nullptr;
    quint64 m_generation = 0;
    bool m_loading = false;
    qint64 m_endMs = 0;
    Range m_range = Range::Day;
    Usage::UsageSplit m_split = Usage::UsageSplit::Provider;
    Usage::UsageStats m_stats;

    QComboBox *m_rangeCombo = nullptr;
    QComboBox *m_splitCombo = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_summary = nullptr;
    QList<QChartView *> m_charts;
    QTableWidget *m_table = nullptr;
    MessageBanner *m_banner = nullptr;
};

} // namespace AiHub::Ui
