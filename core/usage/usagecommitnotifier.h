// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QObject>

namespace AiHub::Usage {

// Tells waiting calls, across threads, how far the usage writer got (group commit): a call whose record has
// sequence number s may answer its client once writtenCount > s. `failing` is true while batches fail: callers
// then stop waiting (the rows stay queued and are retried) rather than hang on a broken database.
class UsageCommitNotifier final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageCommitNotifier)

public:
    UsageCommitNotifier() = default;

Q_SIGNALS:
    void progressed(qint64 writtenCount, bool failing);
};

} // namespace AiHub::Usage
