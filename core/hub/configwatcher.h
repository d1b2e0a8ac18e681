// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QObject>
#include <QTimer>

#include <memory>

namespace AiHub::Storage {
class Database;
}

namespace AiHub::Hub {

// Notices configuration changes made by another process (the admin command line) through the database's
// configuration generation, and tells the running hub to reload keys and providers.
class ConfigWatcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigWatcher)

public:
    explicit ConfigWatcher(std::shared_ptr<Storage::Database> database, int intervalMs = 1000,
                           QObject *parent = nullptr);

    void start();

public Q_SLOTS:
    void check();

Q_SIGNALS:
    void changed();

private:
    std::shared_ptr<Storage::Database> m_database;
    QTimer m_timer;
    qint64 m_generation = -1;
};

} // namespace AiHub::Hub
