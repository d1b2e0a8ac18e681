// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QCoreApplication>
#include <QString>

namespace AiHub::Ui {

// What the window knows about the embedded server; the page and the status bar both draw from it.
struct ServerStatus {
    Q_DECLARE_TR_FUNCTIONS(AiHub::Ui::ServerStatus)

public:
    enum class State { Starting, Running, Stopping, Stopped, Failed };

    State state = State::Starting;
    QString url;     // while Running or Stopping
    QString failure; // while Failed

    QString stateText() const;
    // Whether the address can be used right now.
    bool isReachable() const { return state == State::Running && !url.isEmpty(); }
};

} // namespace AiHub::Ui
