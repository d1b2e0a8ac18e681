// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/serverstatus.h"

namespace AiHub::Ui {

QString ServerStatus::stateText() const
{
    switch (state) {
    case State::Starting:
        return tr("Starting…");
    case State::Running:
        return tr("Running");
    case State::Stopping:
        return tr("Stopping…");
    case State::Stopped:
        return tr("Stopped");
    case State::Failed:
        return tr("Failed");
    }
    return {};
}

} // namespace AiHub::Ui
