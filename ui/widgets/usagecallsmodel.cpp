// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/widgets/usagecallsmodel.h"

#include "core/billing/credits.h"
#include "core/usage/usagecallsreader.h"

#include <QBrush>
#include <QColor>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QPointer>
#include <QThreadPool>

namespace AiHub::Ui {

UsageCallsModel::UsageCallsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_pool(new QThreadPool(this))
{
    m_pool->setMaxThreadCount(1);
}

UsageCallsModel::~UsageCallsModel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_pool->waitForDone(); // a running page holds the database; let it finish before the model goes
}

void UsageCallsModel::setDatabase(std::shared_ptr<Storage::Database> database)
{
    m_database = std::move(database);
}

void UsageCallsModel::setPageSize(int rows)
{
    m_pageSize = std::clamp(rows, 1, Usage::UsageCallsReader::MaxPageSize);
}

void UsageCallsModel::setFilter(const Usage::UsageCallFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_calls.clear();
    ++m_generation;
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    m_loading = false;
    m_complete = !m_database;
    endResetModel();
    startFetch();
}

int UsageCallsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_calls.size());
}

int UsageCallsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsageCallsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_calls.size())
        return {};
    const Usage::UsageCall &call = m_calls.at(index.row());
    const bool failed = call.httpStatus >= 400;
    const auto count = [](const std::optional<qint64> &value) {
        return value ? QLocale().toString(*value) : QStringLiteral("–");
    };
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case TimeColumn: {
            // Compact, so every column fits beside the charts; the year only when it is not this one.
            const QDateTime time = QDateTime::fromMSecsSinceEpoch(call.createdAtMs);
            const bool thisYear = time.date().year() == QDate::currentDate().year();
            return QLocale().toString(time, thisYear ? QStringLiteral("MMM d HH:mm:ss")
                                                     : QStringLiteral("yyyy MMM d HH:mm:ss"));
        }
        case KeyColumn:
            return call.keyName;
        case AppColumn:
            return call.appDid;
        case ModelColumn:
            return call.provider.isEmpty() ? call.model : call.provider + u'/' + call.model;
        case StatusColumn:
            return QString::number(call.httpStatus);
        case InputColumn:
            return count(call.inputTokens);
        case OutputColumn:
            return count(call.outputTokens);
        case CreditsColumn:
            return call.creditsNanos ? Billing::Credits::fromNanos(*call.creditsNanos).toString() : QStringLiteral("–");
        case DurationColumn:
            return QLocale().toString(call.durationMs, 'f', 0);
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ForegroundRole && failed && index.column() == StatusColumn) {
        return QBrush(QColor(0xa5, 0x0e, 0x0e));
    } else if (role == Qt::ToolTipRole && index.column() == TimeColumn) {
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(call.createdAtMs), QLocale::LongFormat);
    } else if (role == Qt::ToolTipRole && failed) {
        return call.errorCode.isEmpty() ? call.errorMessage : call.errorCode + u": " + call.errorMessage;
    } else if (role == Qt::TextAlignmentRole && index.column() >= StatusColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant UsageCallsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case KeyColumn:
        return tr("Key");
    case AppColumn:
        return tr("App");
    case ModelColumn:
        return tr("Model");
    case StatusColumn:
        return tr("Status");
    case InputColumn:
        return tr("Tokens in");
    case OutputColumn:
        return tr("Tokens out");
    case CreditsColumn:
        return tr("Credits");
    case DurationColumn:
        return tr("Duration (ms)");
    case ColumnCount:
        break;
    }
    return {};
}

bool UsageCallsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_database && !m_complete && !m_loading;
}

void UsageCallsModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startFetch();
}

void UsageCallsModel::startFetch()
{
    if (!m_database || m_complete || m_loading || m_filter.toMs <= m_filter.fromMs) {
        m_complete = true;
        return;
    }
    m_loading = true;
    std::optional<Usage::UsageCallCursor> after;
    if (!m_calls.isEmpty())
        after = Usage::UsageCallCursor { m_calls.constLast().createdAtMs, m_calls.constLast().id };
    if (!m_cancel)
        m_cancel = std::make_shared<std::atomic_bool>(false);
    auto cancel = m_cancel;
    auto database = m_database;
    const Usage::UsageCallFilter filter = m_filter;
    const int limit = m_pageSize;
    const quint64 generation = m_generation;
    QPointer<UsageCallsModel> self(this);
    m_pool->start([self, database, filter, after, limit, cancel, generation] {
        auto page = std::make_shared<Result<QList<Usage::UsageCall>>>(
            Usage::UsageCallsReader::page(database, filter, after, limit, cancel.get()));
        if (cancel->load())
            return; // superseded: nobody waits for this page
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, page, generation, limit] {
            if (!self || generation != self->m_generation)
                return;
            self->m_loading = false;
            if (!*page) {
                self->m_complete = true;
                Q_EMIT self->loadFailed(page->error().message);
                return;
            }
            const QList<Usage::UsageCall> &calls = **page;
            self->m_complete = calls.size() < limit;
            if (!calls.isEmpty()) {
                const int first = int(self->m_calls.size());
                self->beginInsertRows({}, first, first + int(calls.size()) - 1);
                self->m_calls.append(calls);
                self->endInsertRows();
            }
            Q_EMIT self->pageLoaded(int(calls.size()));
        }, Qt::QueuedConnection);
    });
}

} // namespace AiHub::Ui
