// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/usage/usagecall.h"

#include <QAbstractTableModel>
#include <QList>

#include <atomic>
#include <memory>

class QThreadPool;

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Ui {

// The recent calls matching a filter, newest first, fetched a page at a time on a worker thread as the view
// scrolls (canFetchMore/fetchMore): never more rows in memory than the person scrolled through. A new filter
// drops the rows and any page still loading for the old one.
class UsageCallsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageCallsModel)

public:
    enum Column { TimeColumn, KeyColumn, AppColumn, ModelColumn, StatusColumn, InputColumn, OutputColumn,
                  CreditsColumn, DurationColumn, ColumnCount };

    explicit UsageCallsModel(QObject *parent = nullptr);
    ~UsageCallsModel() override;

    void setDatabase(std::shared_ptr<Storage::Database> database);
    // Starts over with this filter and loads its first page.
    void setFilter(const Usage::UsageCallFilter &filter);
    const Usage::UsageCallFilter &filter() const { return m_filter; }
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_complete; }
    const Usage::UsageCall &call(int row) const { return m_calls.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void pageLoaded(int rows);
    void loadFailed(const QString &message);

private:
    void startFetch();

    std::shared_ptr<Storage::Database> m_database;
    QThreadPool *m_pool = nullptr;
    Usage::UsageCallFilter m_filter;
    QList<Usage::UsageCall> m_calls;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_generation = 0;
    int m_pageSize = 100;
    bool m_loading = false;
    bool m_complete = true;
};

} // namespace AiHub::Ui
