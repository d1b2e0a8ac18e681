// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/configwatcher.h"

#include "core/storage/database.h"

namespace AiHub::Hub {

ConfigWatcher::ConfigWatcher(std::shared_ptr<Storage::Database> database, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ConfigWatcher::check);
}

void ConfigWatcher::start()
{
    if (auto generation = m_database->configGeneration())
        m_generation = *generation;
    m_timer.start();
}

void ConfigWatcher::check()
{
    auto generation = m_database->configGeneration();
    if (!generation || *generation == m_generation)
        return; // a transient read error is retried at the next tick
    m_generation = *generation;
    Q_EMIT changed();
}

} // namespace AiHub::Hub
