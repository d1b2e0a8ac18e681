// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace AiHub::Ui {

// One desktop app per user and data folder. The first instance listens on a local socket; a later one connects,
// asks it to show its window and is told to leave. A socket left behind by a crashed instance (nobody answers)
// is removed and taken over. Asynchronous: start() decides on the event loop and reports by signal.
class SingleInstance final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    // name: a local socket name; serverName() gives the one the app uses.
    explicit SingleInstance(const QString &name, QObject *parent = nullptr);
    ~SingleInstance() override;

    // "aigne-hub-<user>-<hash of the data folder>": one name per user and data folder.
    static QString serverName(const QString &dataDir);

    void start();
    bool isPrimary() const;
    QString name() const { return m_name; }

Q_SIGNALS:
    // This is the only instance: it now listens for later ones.
    void primary();
    // Another instance runs and was asked to show its window; this one should exit.
    void alreadyRunning();
    // Neither: the socket could not be created (the message says why); the app runs without the check.
    void failed(const QString &message);
    // A later instance asked this one to show its window.
    void activateRequested();

private:
    void becomePrimary();
    void acceptConnections();

    QString m_name;
    QLocalServer *m_server = nullptr;
    QLocalSocket *m_probe = nullptr;
    bool m_decided = false;
};

} // namespace AiHub::Ui
